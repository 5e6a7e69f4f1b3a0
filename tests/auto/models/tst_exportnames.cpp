#include "orchestrator/exportescapes.h"
#include "orchestrator/exportnames.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

using ExportNames::Style;

Q_DECLARE_METATYPE(Style)

class TestExportNames : public QObject
{
    Q_OBJECT

private slots:
    void sanitize_data();
    void sanitize();
    void everyStyleKeepsItsRules_data();
    void everyStyleKeepsItsRules();
    void collisionsGetStableSuffixes();
    void longNamesStayUniqueWithinTheLimit();
    void reservedNamesAreAvoided();
    void shellCommandQuotesWhatTheShellWouldRead_data();
    void shellCommandQuotesWhatTheShellWouldRead();
    void pythonStringEscapesTheInvisible();
};

void TestExportNames::sanitize_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Style>("style");
    QTest::addColumn<QString>("expected");
    QTest::newRow("kebab") << u"Train churn model"_s << Style::Kebab << u"train-churn-model"_s;
    QTest::newRow("snake") << u"Train churn model"_s << Style::Snake << u"train_churn_model"_s;
    QTest::newRow("upper snake") << u"max-depth"_s << Style::UpperSnake << u"MAX_DEPTH"_s;
    QTest::newRow("punctuation runs") << u"  A -- b!!c  "_s << Style::Kebab << u"a-b-c"_s;
    QTest::newRow("accents") << u"Überwachung café"_s << Style::Snake << u"uberwachung_cafe"_s;
    QTest::newRow("ligature") << u"ﬁlter"_s << Style::Kebab << u"filter"_s;
    QTest::newRow("only symbols") << u"???"_s << Style::Kebab << u"step"_s;
    QTest::newRow("no latin letters") << u"日本語"_s << Style::Snake << u"step"_s;
    QTest::newRow("empty") << QString() << Style::Kebab << u"step"_s;
    QTest::newRow("leading digit") << u"2024 model"_s << Style::Kebab << u"step-2024-model"_s;
    QTest::newRow("template syntax") << u"{{ a }} ${{ b }}"_s << Style::Snake << u"a_b"_s;
    QTest::newRow("newline") << u"a\nkind: Pod"_s << Style::Kebab << u"a-kind-pod"_s;
}

void TestExportNames::sanitize()
{
    QFETCH(QString, name);
    QFETCH(Style, style);
    QFETCH(QString, expected);
    QCOMPARE(ExportNames::sanitize(name, style, u"step"_s), expected);
}

void TestExportNames::everyStyleKeepsItsRules_data()
{
    QTest::addColumn<Style>("style");
    QTest::addColumn<QString>("rule");
    // DNS-1123 label (Argo, Kubernetes; GitHub job ids are a superset); Python identifier in
    // lower case (Airflow, DVC); environment variable.
    QTest::newRow("kebab") << Style::Kebab << u"^[a-z]([-a-z0-9]*[a-z0-9])?$"_s;
    QTest::newRow("snake") << Style::Snake << u"^[a-z]([_a-z0-9]*[a-z0-9])?$"_s;
    QTest::newRow("upper snake") << Style::UpperSnake << u"^[A-Z]([_A-Z0-9]*[A-Z0-9])?$"_s;
}

void TestExportNames::everyStyleKeepsItsRules()
{
    QFETCH(Style, style);
    QFETCH(QString, rule);
    const QRegularExpression valid(rule);
    const QStringList names{u"yes"_s,
                            u"0755"_s,
                            u"-leading dash"_s,
                            u"trailing dash-"_s,
                            u"a__b--c"_s,
                            u"émoji 🚀 end"_s,
                            u"\u202Ebidi"_s,
                            QString(200, u'z') + u"!"_s,
                            u"9"_s};
    for (const QString &id : ExportNames::uniqueNames(names, style, u"step"_s)) {
        QVERIFY2(valid.match(id).hasMatch(), qPrintable(id));
        QVERIFY2(id.size() <= ExportNames::MaxLength, qPrintable(id));
    }
}

void TestExportNames::collisionsGetStableSuffixes()
{
    const QStringList names{
        u"Train model"_s, u"train-model"_s, u"TRAIN_MODEL"_s, u"Evaluate"_s, u"train model!"_s};
    const QStringList expected{u"train-model"_s,
                               u"train-model-2"_s,
                               u"train-model-3"_s,
                               u"evaluate"_s,
                               u"train-model-4"_s};
    QCOMPARE(ExportNames::uniqueNames(names, Style::Kebab, u"step"_s), expected);
    // The same input gives the same names, every time.
    QCOMPARE(ExportNames::uniqueNames(names, Style::Kebab, u"step"_s), expected);
    QCOMPARE(ExportNames::uniqueNames({u"a b"_s, u"a_b"_s}, Style::Snake, u"step"_s),
             (QStringList{u"a_b"_s, u"a_b_2"_s}));
    // A name that is already someone's suffixed form is made unique too.
    QCOMPARE(ExportNames::uniqueNames({u"x"_s, u"x"_s, u"x-2"_s}, Style::Kebab, u"step"_s),
             (QStringList{u"x"_s, u"x-2"_s, u"x-2-2"_s}));
}

void TestExportNames::longNamesStayUniqueWithinTheLimit()
{
    const QString longName(300, u'x');
    const QStringList ids = ExportNames::uniqueNames(
        {longName, longName, longName + u'y', u"???"_s, QString()}, Style::Kebab, u"step"_s);
    QCOMPARE(ids.at(0), QString(63, u'x'));
    QCOMPARE(ids.at(1), QString(61, u'x') + u"-2"_s);
    QCOMPARE(ids.at(2), QString(61, u'x') + u"-3"_s);
    QCOMPARE(ids.at(3), u"step"_s);
    QCOMPARE(ids.at(4), u"step-2"_s);
}

void TestExportNames::reservedNamesAreAvoided()
{
    QCOMPARE(ExportNames::uniqueNames({u"Pipeline"_s}, Style::Kebab, u"step"_s, {u"pipeline"_s}),
             QStringList{u"pipeline-2"_s});
}

void TestExportNames::shellCommandQuotesWhatTheShellWouldRead_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringList{u"python"_s, u"train.py"_s, u"--lr=0.1"_s}
                           << u"python train.py --lr=0.1"_s;
    QTest::newRow("spaces and quotes")
        << QStringList{u"echo"_s, u"it's here"_s} << u"echo 'it'\\''s here'"_s;
    QTest::newRow("expansions") << QStringList{u"echo"_s, u"$(id) ${HOME} `id` ~"_s}
                                << u"echo '$(id) ${HOME} `id` ~'"_s;
    QTest::newRow("empty argument") << QStringList{u"echo"_s, QString()} << u"echo ''"_s;
    // As the first word, an assignment would set a variable and a keyword start a clause.
    QTest::newRow("assignment first") << QStringList{u"A=B"_s, u"C=D"_s} << u"'A=B' C=D"_s;
    QTest::newRow("keyword first") << QStringList{u"if"_s, u"then"_s} << u"'if' then"_s;
}

void TestExportNames::shellCommandQuotesWhatTheShellWouldRead()
{
    QFETCH(QStringList, argv);
    QFETCH(QString, expected);
    QCOMPARE(ExportEscapes::shellCommand(argv), expected);
}

void TestExportNames::pythonStringEscapesTheInvisible()
{
    QCOMPARE(ExportEscapes::pythonString(u"a\"b\\c\nd"_s), u"\"a\\\"b\\\\c\\nd\""_s);
    QCOMPARE(ExportEscapes::pythonString(u"é 日本 🚀"_s), u"\"é 日本 🚀\""_s);
    QCOMPARE(ExportEscapes::pythonString(u"\u202E\u0000\u2028\u007F"_s),
             u"\"\\u202e\\x00\\u2028\\x7f\""_s);
}

QTEST_GUILESS_MAIN(TestExportNames)
#include "tst_exportnames.moc"
