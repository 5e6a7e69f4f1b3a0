// Started by tst_durability: writes progress in a loop and acknowledges each write that returned
// true with "ack <n>" on stdout, until killed or until argv[3] writes.
// Usage: helper_progresswriter <database> <topic id> [max writes]
// Write n is: n % 3 == 1 a status (learning and done alternating), n % 3 == 2 the notes
// "note <n>", n % 3 == 0 a session of n % 60 + 1 minutes starting n minutes after
// sessionBase(); tst_durability derives what it expects from these rules.
#include "progressstore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QDateTime sessionBase()
{
    return QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);
}

bool write(ProgressStore &store, const QString &topicId, int n)
{
    switch (n % 3) {
    case 1:
        return store.setStatus(topicId,
                               (n / 3) % 2 == 0 ? TopicStatus::Learning : TopicStatus::Done);
    case 2:
        return store.setNotes(topicId, u"note %1"_s.arg(n));
    default:
        return store.logSession(topicId, n % 60 + 1, sessionBase().addSecs(60 * n));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: helper_progresswriter <database> <topic id> [max writes]\n");
        return 2;
    }
    const int maxWrites = args.size() > 3 ? args.at(3).toInt() : -1;
    ProgressStore store;
    if (!store.open(args.at(1))) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 1;
    }
    for (int n = 1; maxWrites < 0 || n <= maxWrites; ++n) {
        if (!write(store, args.at(2), n)) {
            std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
            return 1;
        }
        std::printf("ack %d\n", n);
        std::fflush(stdout);
    }
    return 0;
}
