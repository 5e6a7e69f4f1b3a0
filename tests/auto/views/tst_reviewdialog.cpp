// The review dialog by keyboard alone: 1-4 answer, Space/Enter go on; every answer lands in the
// store as it is given, a wrong one shows the right answer, the explanation and the reading,
// and comes back once at the end of the session.
#include "curriculum/curriculum.h"
#include "progress/progressstore.h"
#include "selfcheck/choicebutton.h"
#include "selfcheck/reviewdialog.h"

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime T0(QDate(2026, 4, 1), QTime(8, 0), Qt::UTC);

Curriculum curriculum()
{
    Topic topic;
    topic.id = u"serving"_s;
    topic.title = u"Model serving"_s;
    topic.resources = {{u"KServe documentation"_s,
                        u"https://kserve.github.io/website/"_s,
                        u"docs"_s,
                        u"Serving on Kubernetes."_s}};
    topic.questions = {
        {u"serving/canary"_s,
         u"What does a canary release send to the new model?"_s,
         {u"A small share of live traffic"_s,
          u"A copy of all traffic, answers ignored"_s,
          u"No traffic until tests pass"_s},
         0,
         u"A canary serves real users, a few of them; a shadow gets a copy."_s},
        {u"serving/shadow"_s,
         u"What does a shadow deployment do with the new model's answers?"_s,
         {u"Returns them to users"_s, u"Logs them for comparison, never returns them"_s},
         1,
         u"Shadow traffic is compared offline."_s},
    };
    Section section;
    section.id = u"deploy"_s;
    section.title = u"Deploy"_s;
    section.topics = {topic};
    Curriculum c;
    c.title = u"Test"_s;
    c.sections = {section};
    return c;
}

QString labelText(const QWidget *dialog, const QString &containing)
{
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->text().contains(containing))
            return label->text();
    }
    return {};
}

} // namespace

class TestReviewDialog : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<ProgressStore>();
        QVERIFY(m_store->open(m_dir.filePath(u"p%1.db"_s.arg(m_files++))));
    }

    void answersByKeyboard()
    {
        const Curriculum c = curriculum();
        QDateTime now = T0;
        ReviewDialog dialog(c,
                            m_store.get(),
                            {u"serving/canary"_s, u"gone/question"_s, u"serving/shadow"_s},
                            u"Review"_s,
                            [&now] { return now; });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.currentQuestionId(), u"serving/canary"_s);
        QVERIFY(!labelText(&dialog, u"Question 1 of 2"_s).isEmpty()); // the unknown id is skipped
        QCOMPARE(dialog.choiceButtons().size(), 3);

        // Space before an answer does nothing; 2 is wrong.
        QTest::keyClick(&dialog, Qt::Key_Space);
        QCOMPARE(dialog.currentQuestionId(), u"serving/canary"_s);
        QTest::keyClick(&dialog, Qt::Key_2);
        QList<ReviewAnswer> log = m_store->reviewAnswers();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).choice, 1);
        QVERIFY(!log.at(0).correct);
        QCOMPARE(log.at(0).at, T0);
        QVERIFY(dialog.choiceButtons().at(0)->accessibleName().startsWith(u"1. A small share"_s));
        QVERIFY(!labelText(&dialog, u"the answer is 1"_s).isEmpty());
        QVERIFY(!labelText(&dialog, u"a shadow gets a copy"_s).isEmpty());
        QVERIFY(!labelText(&dialog, u"https://kserve.github.io/website/"_s).isEmpty());
        // The marks are words as well as weight: "✓ right answer" on choice 1.
        QVERIFY(dialog.choiceButtons().at(0)->findChild<QLabel *>()->text().contains(u"✓"_s));
        QVERIFY(dialog.choiceButtons().at(1)->findChild<QLabel *>()->text().contains(u"✗"_s));
        // A second key after the answer records nothing.
        QTest::keyClick(&dialog, Qt::Key_1);
        QCOMPARE(m_store->reviewAnswers().size(), 1);

        now = T0.addSecs(30);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(dialog.currentQuestionId(), u"serving/shadow"_s);
        QCOMPARE(dialog.choiceButtons().size(), 2);
        QTest::keyClick(&dialog, Qt::Key_3); // only two choices: ignored
        QCOMPARE(m_store->reviewAnswers().size(), 1);
        QTest::keyClick(&dialog, Qt::Key_2);
        QVERIFY(m_store->reviewAnswers().last().correct);
        QVERIFY(!labelText(&dialog, u"✓ Right."_s).isEmpty());

        // The wrong one comes back at the end: question 3 of 3.
        now = T0.addSecs(60);
        QTest::keyClick(&dialog, Qt::Key_Space);
        QCOMPARE(dialog.currentQuestionId(), u"serving/canary"_s);
        QVERIFY(!labelText(&dialog, u"Question 3 of 3"_s).isEmpty());
        QTest::keyClick(&dialog, Qt::Key_1);
        QTest::keyClick(&dialog, Qt::Key_Space);
        QVERIFY(dialog.isFinished());
        QCOMPARE(dialog.asked(), 3);
        QCOMPARE(dialog.right(), 2);
        QVERIFY(!labelText(&dialog, u"2 of 3 answers right"_s).isEmpty());
        const std::optional<ReviewCard> canary = m_store->reviewCard(u"serving/canary"_s);
        QVERIFY(canary && canary->lastCorrect);
        QCOMPARE(canary->reps, 2);
        QTest::keyClick(&dialog, Qt::Key_Enter);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void nothingDue()
    {
        const Curriculum c = curriculum();
        ReviewDialog dialog(c, m_store.get(), {}, u"Review"_s);
        dialog.show();
        QVERIFY(dialog.isFinished());
        QVERIFY(!labelText(&dialog, u"No question is due"_s).isEmpty());
        QTest::keyClick(&dialog, Qt::Key_Space);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void escapeKeepsWhatWasAnswered()
    {
        const Curriculum c = curriculum();
        ReviewDialog dialog(c, m_store.get(), {u"serving/canary"_s, u"serving/shadow"_s}, u"R"_s);
        dialog.show();
        QTest::keyClick(&dialog, Qt::Key_1);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(m_store->reviewAnswers().size(), 1);
    }

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<ProgressStore> m_store;
};

QTEST_MAIN(TestReviewDialog)
#include "tst_reviewdialog.moc"
