// `progress export --csv`: the exact bytes for a small history, in Berlin time.
#include "progress/progresscsv.h"
#include "support/localzone.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestProgressCsv : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fieldsAreEscaped_data();
    void fieldsAreEscaped();
    void eventsThenSessions();
    void emptyHistoryIsTheHeader();
};

void TestProgressCsv::initTestCase()
{
    QVERIFY2(berlinTimeWorks(), "the Europe/Berlin zone is missing (Debian package tzdata)");
}

void TestProgressCsv::fieldsAreEscaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << u"mlops-overview"_s << u"mlops-overview"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::newRow("quotes") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("line break") << u"two\nlines"_s << u"\"two\nlines\""_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"\"a\rb\""_s;
    QTest::newRow("leading space") << u" padded"_s << u"\" padded\""_s;
    QTest::newRow("non-ASCII") << u"café"_s << u"café"_s;
}

void TestProgressCsv::fieldsAreEscaped()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(ProgressCsv::field(text), field);
}

void TestProgressCsv::eventsThenSessions()
{
    const QDateTime winter(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC);
    const QDateTime summer(QDate(2024, 7, 1), QTime(22, 15), Qt::UTC);
    const QList<StatusEvent> events{{1, u"mlops-overview"_s, TopicStatus::Learning, winter},
                                    {2, u"odd,id \"x\""_s, TopicStatus::Done, summer}};
    const QList<StudySession> sessions{{7, u"mlops-overview"_s, winter.addSecs(-3600), 45}};
    const QByteArray expected
        = "kind,id,topic_id,status,time_utc,time_local,minutes\r\n"
          "status,1,mlops-overview,learning,2024-03-01T09:30:00Z,2024-03-01T10:30:00+01:00,\r\n"
          "status,2,\"odd,id \"\"x\"\"\",done,2024-07-01T22:15:00Z,2024-07-02T00:15:00+02:00,\r\n"
          "session,7,mlops-overview,,2024-03-01T08:30:00Z,2024-03-01T09:30:00+01:00,45\r\n";
    QCOMPARE(ProgressCsv::write(events, sessions), expected);
}

void TestProgressCsv::emptyHistoryIsTheHeader()
{
    QCOMPARE(ProgressCsv::write({}, {}),
             QByteArray("kind,id,topic_id,status,time_utc,time_local,minutes\r\n"));
}

MLOPS_BERLIN_TEST_MAIN(TestProgressCsv)
#include "tst_progresscsv.moc"
