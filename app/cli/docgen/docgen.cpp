// studio-docgen: writes what is generated from the command table at build time.
//   studio-docgen manpage OUT.1 DOC_DIR    the man page; DOC_DIR is where the manual is installed
//   studio-docgen bash-completion OUT      the bash completion
// A separate program rather than a hidden option of mlops-studio: nothing in the shipped binary
// exists only for the build.
#include "cli/docgen/bashcompletion.h"
#include "cli/docgen/manpage.h"
#include "curriculum/curriculumloader.h"
#include "studioversion.h"
#include "support/studiotranslations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "studio-docgen: %s\n", qPrintable(message));
    return 1;
}

int write(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return fail(u"%1: %2"_s.arg(path, file.errorString()));
    return 0;
}

// The page's date: SOURCE_DATE_EPOCH when the build sets it (reproducible builds, Debian), else
// today.
QString pageDate()
{
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    const QDateTime when
        = ok ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC) : QDateTime::currentDateTimeUtc();
    return when.toString(u"yyyy-MM-dd"_s);
}

int writeCompletion(const QString &path)
{
    const CurriculumLoader::Result loaded = CurriculumLoader::loadBuiltIn();
    if (!loaded.ok)
        return fail(u"the built-in curriculum: "_s + loaded.error);
    QStringList topicIds, sectionIds;
    for (const Section &section : loaded.curriculum.sections) {
        sectionIds << section.id;
        for (const Topic &topic : section.topics)
            topicIds << topic.id;
    }
    const BashCompletion::Result completion = BashCompletion::script(topicIds, sectionIds);
    if (!completion.error.isEmpty())
        return fail(completion.error);
    return write(path, completion.script);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // As mlops-studio describes itself, so the texts are the ones its --help prints.
    QCoreApplication::setApplicationName(u"mlops-studio"_s);
    QCoreApplication::setApplicationVersion(StudioVersion::text());
    if (!StudioTranslations::install())
        return fail(u"the compiled-in translation could not be loaded"_s);

    const QStringList arguments = app.arguments().mid(1);
    if (arguments.size() == 3 && arguments.at(0) == u"manpage"_s)
        return write(arguments.at(1),
                     ManPage::roff({StudioVersion::text(), pageDate(), arguments.at(2)}));
    if (arguments.size() == 2 && arguments.at(0) == u"bash-completion"_s)
        return writeCompletion(arguments.at(1));
    return fail(u"usage: studio-docgen manpage OUT.1 DOC_DIR | bash-completion OUT"_s);
}
