// The app's one translation idiom and its English plurals. Counts are written the Qt way,
// tr("%n day(s)", nullptr, n), and the translation every test installs as main() does
// (translations/mlops-studio_en.ts, compiled in) turns them into "1 day" and "2 days". lupdate
// must be able to read every text: a tr() it cannot place in a context is a text no translation
// will ever reach, and a count without English forms reaches users as "1 day(s)".
#include "progress/studysessioncommands.h"
#include "support/studiotranslations.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString SourceDir = QStringLiteral(MLOPS_SOURCE_DIR);
const QString Lupdate = QStringLiteral(MLOPS_LUPDATE);

// A plural message of a .ts file: its context and source text, and its numerus forms.
struct Numerus
{
    QString context;
    QString source;
    QStringList forms;
};

// The numerus messages of the .ts file at `path`, in file order.
QList<Numerus> readNumerus(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + u": "_s + file.errorString();
        return {};
    }
    QList<Numerus> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"message" && xml.attributes().value(u"numerus"_s) == u"yes")
            messages.append({context, {}, {}});
        else if (xml.name() == u"source" && !messages.isEmpty())
            messages.last().source = xml.readElementText();
        else if (xml.name() == u"numerusform" && !messages.isEmpty())
            messages.last().forms << xml.readElementText();
    }
    if (xml.hasError())
        *error = u"%1: %2"_s.arg(path, xml.errorString());
    return messages;
}

QString key(const Numerus &message)
{
    return message.context + u'\x1f' + message.source;
}

QString translated(const char *context, const char *source, int n)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void installIsIdempotent();
    void englishPlurals_data();
    void englishPlurals();
    void aCountInACommandReadsAsEnglish();

    void lupdateReadsEveryText();
    void everyCountHasItsEnglishForms();
    void theTranslationHoldsNoStaleCounts();

private:
    QTemporaryDir m_dir;
    QStringList m_lupdateOutput;
    QList<Numerus> m_found;     // the counts lupdate finds in models/, views/ and app/ today
    QList<Numerus> m_committed; // translations/mlops-studio_en.ts
};

// lupdate runs once, as `cmake --build build --target models_lupdate` runs it (models/
// CMakeLists.txt), but into a temporary .ts: the sources decide what the translation must hold.
void TestTranslations::initTestCase()
{
    QVERIFY2(QFile::exists(Lupdate), qPrintable(Lupdate + u" is missing: qt6-l10n-tools"_s));
    QVERIFY(m_dir.isValid());
    const QString found = m_dir.filePath(u"found_en.ts"_s);
    QStringList arguments{
        u"-silent"_s, u"-pluralonly"_s, u"-locations"_s, u"none"_s, u"-no-obsolete"_s};
    const QStringList layers{u"models"_s, u"views"_s, u"app"_s};
    for (const QString &layer : layers)
        arguments << u"-I"_s << SourceDir + u'/' + layer;
    for (const QString &layer : layers)
        arguments << SourceDir + u'/' + layer;
    arguments << u"-ts"_s << found;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(Lupdate, arguments);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QCOMPARE(lupdate.exitStatus(), QProcess::NormalExit);
    QCOMPARE(lupdate.exitCode(), 0);
    // -silent: all lupdate prints is what it could not read.
    const QString output = QString::fromLocal8Bit(lupdate.readAll()).trimmed();
    if (!output.isEmpty())
        m_lupdateOutput = output.split(u'\n');

    QString error;
    m_found = readNumerus(found, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_committed = readNumerus(SourceDir + u"/translations/mlops-studio_en.ts"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestTranslations::installIsIdempotent()
{
    // tests/support/translationsetup.cpp installed it when the application started.
    QVERIFY(QFile::exists(QLatin1StringView(StudioTranslations::ResourcePath)));
    QVERIFY(StudioTranslations::install());
    QVERIFY(StudioTranslations::install());
    QCOMPARE(translated("DbCommands", "%n backup(s)", 2), u"2 backups"_s);
}

// What English grammar says the counts read, whatever the code does with them.
void TestTranslations::englishPlurals_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name,
                        const char *context,
                        const char *source,
                        int n,
                        const QString &expected) {
        QTest::newRow(name) << QByteArray(context) << QByteArray(source) << n << expected;
    };
    row("1 day", "ProgressReportCommands", "%n day(s)", 1, u"1 day"_s);
    row("2 days", "ProgressReportCommands", "%n day(s)", 2, u"2 days"_s);
    row("0 days", "ProgressTiles", "%n day(s)", 0, u"0 days"_s); // English: zero is plural
    row("21 days", "CalendarHeatmap", "%n day(s)", 21, u"21 days"_s);
    row("1 minute", "CalendarHeatmap", "%n minute(s)", 1, u"1 minute"_s);
    row("1 item", "RemoveItemsCommand", "Delete %n item(s)", 1, u"Delete 1 item"_s);
    row("3 items", "RemoveItemsCommand", "Delete %n item(s)", 3, u"Delete 3 items"_s);
    row("1 of 1 topic",
        "RoadmapWorkspace",
        "%1 of %n topic(s) finished (%2%)",
        1,
        u"%1 of 1 topic finished (%2%)"_s);
    row("no %n", "ProgressTiles", "topic(s) in progress", 1, u"topic in progress"_s);
    row("no %n, many", "ProgressTiles", "topic(s) in progress", 2, u"topics in progress"_s);
    // A singular may read differently beyond the noun.
    row("one match",
        "RoadmapWorkspace",
        "%n topic(s) match — Enter goes to the first",
        1,
        u"1 topic matches — Enter goes to it"_s);
    row("two matches",
        "RoadmapWorkspace",
        "%n topic(s) match — Enter goes to the first",
        2,
        u"2 topics match — Enter goes to the first"_s);
    row("one error",
        "OrchestratorExportDialog",
        "The pipeline has %n error(s): fix them to export.",
        1,
        u"The pipeline has an error: fix it to export."_s);
    row("one session",
        "StudySessionsPanel",
        "Delete %n study session(s)",
        1,
        u"Delete a study session"_s);
    row("minute, undo",
        "ProgressWorkspace",
        "Logged %n minute(s) (Ctrl+Z takes them back)",
        1,
        u"Logged 1 minute (Ctrl+Z takes it back)"_s);
}

void TestTranslations::englishPlurals()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QCOMPARE(translated(context.constData(), source.constData(), n), expected);
}

// A count and another placeholder in one text: %n is the count, %1 what follows.
void TestTranslations::aCountInACommandReadsAsEnglish()
{
    const QDateTime start(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC);
    const LogStudySessionCommand one(nullptr, {0, u"mlflow"_s, start, 1}, u"MLflow"_s);
    QCOMPARE(one.text(), u"Log 1 minute on “MLflow”"_s);
    const LogStudySessionCommand many(nullptr, {0, u"mlflow"_s, start, 25}, u"MLflow"_s);
    QCOMPARE(many.text(), u"Log 25 minutes on “MLflow”"_s);
}

// A local tr() over QCoreApplication::translate, or tr() in a class that declares none, hides
// its texts: lupdate says "tr() cannot be called without context" or "Class '…' lacks Q_OBJECT
// macro". The idiom (README "Translations") leaves it nothing to say.
void TestTranslations::lupdateReadsEveryText()
{
    QVERIFY2(m_lupdateOutput.isEmpty(),
             qPrintable(u"lupdate could not read these texts:\n"_s + m_lupdateOutput.join(u'\n')));
    QVERIFY2(m_found.size() > 40, qPrintable(QString::number(m_found.size()))); // it read them
}

void TestTranslations::everyCountHasItsEnglishForms()
{
    QHash<QString, Numerus> committed;
    for (const Numerus &message : std::as_const(m_committed))
        committed.insert(key(message), message);
    QStringList missing;
    for (const Numerus &message : std::as_const(m_found)) {
        const Numerus forms = committed.value(key(message));
        const bool complete
            = forms.forms.size() == 2
              && std::none_of(forms.forms.cbegin(), forms.forms.cend(), [](const QString &form) {
                     return form.isEmpty() || form.contains(u"(s)");
                 });
        if (!complete)
            missing << u"%1: \"%2\""_s.arg(message.context, message.source);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"no English forms in translations/mlops-studio_en.ts (run "
                        "`cmake --build build --target models_lupdate`, then "
                        "scripts/fill-english-plurals):\n"_s
                        + missing.join(u'\n')));
    // And the build compiled in the forms the file holds.
    for (const Numerus &message : std::as_const(m_committed)) {
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        QCOMPARE(translated(context.constData(), source.constData(), 1),
                 QString(message.forms.value(0)).replace(u"%n"_s, u"1"_s));
        QCOMPARE(translated(context.constData(), source.constData(), 7),
                 QString(message.forms.value(1)).replace(u"%n"_s, u"7"_s));
    }
}

// A count the sources no longer have is left over from an edit: models_lupdate drops it.
void TestTranslations::theTranslationHoldsNoStaleCounts()
{
    QSet<QString> found;
    for (const Numerus &message : std::as_const(m_found))
        found.insert(key(message));
    QStringList stale;
    for (const Numerus &message : std::as_const(m_committed))
        if (!found.contains(key(message)))
            stale << u"%1: \"%2\""_s.arg(message.context, message.source);
    QVERIFY2(stale.isEmpty(),
             qPrintable(u"in translations/mlops-studio_en.ts but not in the sources (run "
                        "`cmake --build build --target models_lupdate`):\n"_s
                        + stale.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
