#include "progress/progressstore.h"
#include "support/require.h"
#include "support/sharedreference.h"
#include "support/studioprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Run = StudioRun;

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void versionAndHelp();
    void subcommandHelp();
    void curriculumShowJson();
    void curriculumShowText();
    void curriculumImport();
    void curriculumImportRejectsNonCurriculum();
    void customCurriculum();
    void progressRoundTrip();
    void progressAt();
    void noteFromStandardInput();
    void noteFromStandardInputHasALimit();
    void dataDirFromEnvironment();
    void orphanedProgressIsReported();
    void badUsage_data();
    void badUsage();
    void unknownTopicSuggestsIds();
    void foreignDatabaseIsLeftAlone();

private:
    Run run(const QStringList &arguments,
            const QByteArray &input = {},
            const QStringList &extraEnvironment = {});
    Run runWithData(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCommandLine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Run TestCommandLine::run(const QStringList &arguments,
                         const QByteArray &input,
                         const QStringList &extraEnvironment)
{
    const StudioProcess studio{m_dir->path(), false, extraEnvironment, {}};
    return studio.run(arguments, input);
}

Run TestCommandLine::runWithData(const QStringList &arguments)
{
    return run(QStringList{u"--data-dir"_s, m_dir->filePath(u"data"_s)} + arguments);
}

void TestCommandLine::versionAndHelp()
{
    const Run version = run({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    // The version text itself is tst_manpage's: StudioVersion and the project version.
    QVERIFY2(version.out.startsWith("mlops-studio "), version.out);

    const Run help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"curriculum show",
                                "curriculum import",
                                "progress set",
                                "progress note",
                                "progress log",
                                "progress timer",
                                "progress show",
                                "--data-dir",
                                "--curriculum"})
        QVERIFY2(help.out.contains(command), command);
}

void TestCommandLine::subcommandHelp()
{
    const Run help = run({u"progress"_s, u"log"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("TOPIC_ID"));
    QVERIFY(help.out.contains("MINUTES"));
    QVERIFY(help.out.contains("--at"));
}

void TestCommandLine::curriculumShowJson()
{
    const Run shown = run({u"curriculum"_s, u"show"_s, u"--json"_s});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject root = shown.json();
    QVERIFY(root.value(u"title"_s).toString().startsWith(u"Coursework for a Senior DevOps"_s));
    const QJsonArray sections = root.value(u"sections"_s).toArray();
    QCOMPARE(sections.size(), 9);
    int topics = 0;
    for (const QJsonValue &sectionValue : sections) {
        const QJsonObject section = sectionValue.toObject();
        for (const char *key : {"id", "number", "title", "objective", "prerequisites", "topics"})
            QVERIFY2(section.contains(QLatin1String(key)), key);
        for (const QJsonValue &topicValue : section.value(u"topics"_s).toArray()) {
            const QJsonObject topic = topicValue.toObject();
            for (const char *key : {"id", "title", "goals", "activities", "tags", "hours"})
                QVERIFY2(topic.contains(QLatin1String(key)), key);
            ++topics;
        }
    }
    QCOMPARE(topics, 26);
    QCOMPARE(root.value(u"outcomes"_s).toArray().size(), 4);
    QCOMPARE(sections.at(0).toObject().value(u"id"_s).toString(),
             u"core-concepts-of-ai-ml-and-mlops"_s);
}

void TestCommandLine::curriculumShowText()
{
    const Run shown = run({u"curriculum"_s, u"show"_s});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(shown.out.contains("9 sections, 26 topics"));
    QVERIFY(shown.out.contains("feature-stores"));
    QVERIFY(shown.out.contains("Feast, Tecton"));
}

void TestCommandLine::curriculumImport()
{
    REQUIRE_SHARED_REFERENCE(u"coursework.md"_s);
    const QString output = m_dir->filePath(u"imported.json"_s);
    const Run imported = run(
        {u"curriculum"_s, u"import"_s, sharedReferencePath(u"coursework.md"_s), u"-o"_s, output});
    QCOMPARE(imported.exitCode, 0);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"mlops-studio-curriculum"_s);
    QCOMPARE(root.value(u"sections"_s).toArray().size(), 9);

    // The imported file is itself a curriculum the app accepts.
    const Run shown = run({u"--curriculum"_s, output, u"curriculum"_s, u"show"_s, u"--json"_s});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.json().value(u"sections"_s).toArray().size(), 9);

    // Without -o the JSON goes to standard output.
    const Run toStdout
        = run({u"curriculum"_s, u"import"_s, sharedReferencePath(u"coursework.md"_s)});
    QCOMPARE(toStdout.exitCode, 0);
    QCOMPARE(toStdout.json().value(u"title"_s), root.value(u"title"_s));
}

void TestCommandLine::curriculumImportRejectsNonCurriculum()
{
    const QString input = m_dir->filePath(u"notes.md"_s);
    REQUIRE_OK(writeFile(input, "# Shopping\n\nMilk, eggs.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"));
    const QString output = m_dir->filePath(u"existing.json"_s);
    REQUIRE_OK(writeFile(output, "{\"keep\": true}\n"));
    const QByteArray before = fileHash(output);

    const Run imported = run({u"curriculum"_s, u"import"_s, input, u"-o"_s, output});
    QCOMPARE(imported.exitCode, 2);
    QVERIFY2(imported.err.contains(input.toUtf8() + ":5:"), imported.err);
    QVERIFY2(imported.err.contains("table has only 2 columns"), imported.err);
    QCOMPARE(imported.err.count('\n'), 1);
    QCOMPARE(fileHash(output), before);
}

void TestCommandLine::customCurriculum()
{
    const QString path = m_dir->filePath(u"tiny.md"_s);
    REQUIRE_OK(
        writeFile(path,
                  "# Tiny course\n\n## Basics\n\n| Topic | Goals | Activities |\n|---|---|---|\n"
                  "| Kubectl | Learn Kubernetes | Deploy with Helm |\n"));
    const Run shown = run({u"--curriculum"_s, path, u"curriculum"_s, u"show"_s, u"--json"_s});
    QCOMPARE(shown.exitCode, 0);
    const QJsonArray sections = shown.json().value(u"sections"_s).toArray();
    QCOMPARE(sections.size(), 1);
    const QJsonObject topic = sections.at(0)[u"topics"_s].toArray().at(0).toObject();
    QCOMPARE(topic.value(u"id"_s).toString(), u"kubectl"_s);
    QCOMPARE(topic.value(u"tags"_s).toArray(), QJsonArray({u"Kubernetes"_s, u"Helm"_s}));

    const Run broken
        = run({u"--curriculum"_s, m_dir->filePath(u"missing.json"_s), u"curriculum"_s, u"show"_s});
    QCOMPARE(broken.exitCode, 2);
    QVERIFY(broken.err.contains("missing.json: no such file"));
}

void TestCommandLine::progressRoundTrip()
{
    QCOMPARE(runWithData({u"progress"_s, u"set"_s, u"mlops-overview"_s, u"done"_s}).exitCode, 0);
    QCOMPARE(runWithData({u"progress"_s, u"set"_s, u"feature-stores"_s, u"learning"_s}).exitCode,
             0);
    QCOMPARE(runWithData({u"progress"_s, u"set"_s, u"security-in-mlops"_s, u"SKIPPED"_s}).exitCode,
             0);
    QCOMPARE(
        runWithData({u"progress"_s, u"note"_s, u"feature-stores"_s, u"Try *Feast*"_s}).exitCode, 0);
    QCOMPARE(runWithData({u"progress"_s, u"log"_s, u"feature-stores"_s, u"45"_s}).exitCode, 0);
    QCOMPARE(runWithData({u"progress"_s, u"log"_s, u"feature-stores"_s, u"30"_s}).exitCode, 0);

    const Run shown = runWithData({u"progress"_s, u"show"_s, u"--json"_s});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject root = shown.json();
    QJsonObject featureStores;
    for (const QJsonValue &topic : root.value(u"topics"_s).toArray())
        if (topic[u"id"_s].toString() == u"feature-stores")
            featureStores = topic.toObject();
    QCOMPARE(featureStores.value(u"status"_s).toString(), u"learning"_s);
    QCOMPARE(featureStores.value(u"notes"_s).toString(), u"Try *Feast*"_s);
    QCOMPARE(featureStores.value(u"minutes"_s).toInt(), 75);
    QCOMPARE(root.value(u"topics"_s).toArray().size(), 26);

    const QJsonObject overall = root.value(u"overall"_s).toObject();
    QCOMPARE(overall.value(u"done"_s).toInt(), 1);
    QCOMPARE(overall.value(u"total"_s).toInt(), 26);
    QCOMPARE(overall.value(u"minutes"_s).toInt(), 75);
    // Finished = done + skipped: 2 of 26.
    QCOMPARE(overall.value(u"percent"_s).toDouble(), 7.7);

    QJsonObject advanced;
    for (const QJsonValue &section : root.value(u"sections"_s).toArray())
        if (section[u"id"_s].toString() == u"advanced-mlops-practices")
            advanced = section.toObject();
    QCOMPARE(advanced.value(u"learning"_s).toInt(), 1);
    QCOMPARE(advanced.value(u"skipped"_s).toInt(), 1);
    QCOMPARE(advanced.value(u"pending"_s).toInt(), 1);
    QCOMPARE(advanced.value(u"total"_s).toInt(), 3);
    QCOMPARE(advanced.value(u"percent"_s).toDouble(), 33.3);

    const Run text = runWithData({u"progress"_s, u"show"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("2 of 26 topics finished"), text.out);
    QVERIFY(text.out.contains("[~] feature-stores"));
    QVERIFY(text.out.contains("1 h 15 min"));
}

void TestCommandLine::progressAt()
{
    QCOMPARE(runWithData({u"progress"_s,
                          u"set"_s,
                          u"data-pipelines"_s,
                          u"done"_s,
                          u"--at"_s,
                          u"2026-03-01T09:30:00Z"_s})
                 .exitCode,
             0);
    const Run shown = runWithData({u"progress"_s, u"show"_s, u"--json"_s});
    for (const QJsonValue &topic : shown.json().value(u"topics"_s).toArray()) {
        if (topic[u"id"_s].toString() == u"data-pipelines") {
            QCOMPARE(QDateTime::fromString(topic[u"status_since"_s].toString(), Qt::ISODate),
                     QDateTime(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC));
        }
    }
    const Run offset = runWithData({u"progress"_s,
                                    u"log"_s,
                                    u"data-pipelines"_s,
                                    u"20"_s,
                                    u"--at"_s,
                                    u"2026-03-01T10:00:00+02:00"_s});
    QCOMPARE(offset.exitCode, 0);
}

void TestCommandLine::noteFromStandardInput()
{
    const QByteArray note = "# Feast\n\n- offline store\n- online store: \"redis\"\n";
    const Run saved = run({u"--data-dir"_s,
                           m_dir->filePath(u"data"_s),
                           u"progress"_s,
                           u"note"_s,
                           u"feature-stores"_s,
                           u"-"_s},
                          note);
    QCOMPARE(saved.exitCode, 0);
    const Run shown = runWithData({u"progress"_s, u"show"_s, u"--json"_s});
    for (const QJsonValue &topic : shown.json().value(u"topics"_s).toArray())
        if (topic[u"id"_s].toString() == u"feature-stores")
            QCOMPARE(topic[u"notes"_s].toString(), QString::fromUtf8(note));
}

// A mistaken pipe (a log, a binary) is refused before anything is written.
void TestCommandLine::noteFromStandardInputHasALimit()
{
    const QStringList note{u"--data-dir"_s,
                           m_dir->filePath(u"data"_s),
                           u"progress"_s,
                           u"note"_s,
                           u"feature-stores"_s,
                           u"-"_s};
    QVERIFY(run(note, "kept\n").exitCode == 0);
    const Run refused = run(note, QByteArray(ProgressStore::MaxNoteBytes + 1, 'x'));
    QCOMPARE(refused.exitCode, 2);
    QCOMPARE(refused.err.count('\n'), 1);
    QVERIFY2(refused.err.contains("longer than 1 MiB"), refused.err.constData());
    ProgressStore store;
    QVERIFY(store.open(m_dir->filePath(u"data/progress.db"_s)));
    QCOMPARE(store.notes(u"feature-stores"_s), u"kept\n"_s);
}

void TestCommandLine::dataDirFromEnvironment()
{
    const QString fromEnvironment = m_dir->filePath(u"env-data"_s);
    const QStringList environment{u"MLOPS_STUDIO_DATA_DIR="_s + fromEnvironment};
    QCOMPARE(
        run({u"progress"_s, u"set"_s, u"mlops-overview"_s, u"done"_s}, {}, environment).exitCode,
        0);
    QVERIFY(QFile::exists(fromEnvironment + u"/progress.db"_s));

    // --data-dir wins over the environment.
    const QString fromOption = m_dir->filePath(u"option-data"_s);
    QCOMPARE(run({u"--data-dir"_s, fromOption, u"progress"_s, u"show"_s}, {}, environment).exitCode,
             0);
    QVERIFY(QFile::exists(fromOption + u"/progress.db"_s));
    const Run shown = run({u"progress"_s, u"show"_s, u"--json"_s}, {}, environment);
    QCOMPARE(shown.json()[u"overall"_s][u"done"_s].toInt(), 1);
    QCOMPARE(shown.json()[u"database"_s].toString(), fromEnvironment + u"/progress.db"_s);
}

void TestCommandLine::orphanedProgressIsReported()
{
    const QString path = m_dir->filePath(u"old.md"_s);
    REQUIRE_OK(writeFile(path,
                         "# Old course\n\n## One\n\n| Topic | Goals | Activities |\n|---|---|---|\n"
                         "| Retired topic | g | a |\n"));
    QCOMPARE(runWithData(
                 {u"--curriculum"_s, path, u"progress"_s, u"set"_s, u"retired-topic"_s, u"done"_s})
                 .exitCode,
             0);
    const Run shown = runWithData({u"progress"_s, u"show"_s, u"--json"_s});
    QCOMPARE(shown.exitCode, 0);
    const QJsonArray orphaned = shown.json().value(u"orphaned"_s).toArray();
    QCOMPARE(orphaned.size(), 1);
    QCOMPARE(orphaned.at(0)[u"id"_s].toString(), u"retired-topic"_s);
    QCOMPARE(orphaned.at(0)[u"status"_s].toString(), u"done"_s);
    QCOMPARE(shown.json()[u"overall"_s][u"done"_s].toInt(), 0);
    const Run text = runWithData({u"progress"_s, u"show"_s});
    QVERIFY(text.out.contains("does not have"));
    QVERIFY(text.out.contains("[x] retired-topic"));
}

void TestCommandLine::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expectedInError");
    QTest::newRow("unknown command")
        << QStringList{u"progres"_s, u"show"_s} << QByteArray("did you mean 'progress'");
    QTest::newRow("unknown subcommand")
        << QStringList{u"progress"_s, u"sho"_s} << QByteArray("did you mean 'show'");
    QTest::newRow("missing subcommand")
        << QStringList{u"curriculum"_s} << QByteArray("missing subcommand");
    QTest::newRow("missing argument") << QStringList{u"progress"_s, u"set"_s, u"mlops-overview"_s}
                                      << QByteArray("missing STATUS");
    QTest::newRow("extra argument")
        << QStringList{u"progress"_s, u"set"_s, u"mlops-overview"_s, u"done"_s, u"now"_s}
        << QByteArray("unexpected argument 'now'");
    QTest::newRow("unknown option")
        << QStringList{u"progress"_s, u"show"_s, u"--jsn"_s} << QByteArray("jsn");
    QTest::newRow("unknown global option")
        << QStringList{u"--frobnicate"_s} << QByteArray("frobnicate");
    QTest::newRow("bad status") << QStringList{u"progress"_s,
                                               u"set"_s,
                                               u"mlops-overview"_s,
                                               u"finished"_s}
                                << QByteArray("unknown status 'finished'");
    QTest::newRow("minutes not a number")
        << QStringList{u"progress"_s, u"log"_s, u"mlops-overview"_s, u"ten"_s}
        << QByteArray("MINUTES 'ten'");
    QTest::newRow("minutes zero") << QStringList{u"progress"_s,
                                                 u"log"_s,
                                                 u"mlops-overview"_s,
                                                 u"0"_s}
                                  << QByteArray("1 to 1440");
    QTest::newRow("bad --at") << QStringList{u"progress"_s,
                                             u"log"_s,
                                             u"mlops-overview"_s,
                                             u"5"_s,
                                             u"--at"_s,
                                             u"yesterday"_s}
                              << QByteArray("--at 'yesterday'");
    QTest::newRow("future --at") << QStringList{u"progress"_s,
                                                u"set"_s,
                                                u"mlops-overview"_s,
                                                u"done"_s,
                                                u"--at"_s,
                                                u"2999-01-01T00:00:00Z"_s}
                                 << QByteArray("in the future");
    QTest::newRow("empty --data-dir") << QStringList{u"--data-dir="_s, u"progress"_s, u"show"_s}
                                      << QByteArray("--data-dir needs a non-empty value");
    QTest::newRow("import a directory") << QStringList{u"curriculum"_s, u"import"_s, u"/tmp"_s}
                                        << QByteArray("/tmp: is a directory");
}

void TestCommandLine::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expectedInError);
    const Run result = runWithData(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(expectedInError), result.err);
    QVERIFY2(result.err.startsWith("mlops-studio: "), result.err);
    QCOMPARE(result.err.count('\n'), 1); // one line
    QVERIFY(result.out.isEmpty());
    // Bad usage never creates the database.
    QVERIFY(!QFile::exists(m_dir->filePath(u"data/progress.db"_s))
            || arguments.contains(u"--data-dir="_s));
}

void TestCommandLine::unknownTopicSuggestsIds()
{
    const Run result = runWithData({u"progress"_s, u"set"_s, u"mlops-overveiw"_s, u"done"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("unknown topic id 'mlops-overveiw'"), result.err);
    QVERIFY2(result.err.contains("did you mean 'mlops-overview'"), result.err);

    const Run partial = runWithData({u"progress"_s, u"log"_s, u"feature"_s, u"10"_s});
    QCOMPARE(partial.exitCode, 2);
    QVERIFY2(partial.err.contains("'feature-stores'"), partial.err);
}

void TestCommandLine::foreignDatabaseIsLeftAlone()
{
    QVERIFY(QDir().mkpath(m_dir->filePath(u"data"_s)));
    const QString database = m_dir->filePath(u"data/progress.db"_s);
    REQUIRE_OK(writeFile(database, "These are my holiday plans, not a database.\n"));
    const QByteArray before = fileHash(database);
    const Run result = runWithData({u"progress"_s, u"set"_s, u"mlops-overview"_s, u"done"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(database.toUtf8()), result.err);
    QVERIFY2(result.err.contains("not an SQLite database"), result.err);
    QCOMPARE(fileHash(database), before);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
