// A Markdown curriculum's optional resources and self-check questions (curriculum/README.md,
// "Resources and self-check questions"): what is read, stable ids, and each malformed part
// refused with its line. Split from tst_markdownimporter.
#include "curriculum/markdownimporter.h"
#include "support/curriculumoutline.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray Table = "| Topic | Learning Goals | Suggested Activities |\n"
                         "|---|---|---|\n"
                         "| Alpha | Goal a | Act a |\n";

const QByteArray LearningDocument
    = "# Plan\n"
      "\n"
      "## 1. Basics\n"
      "\n"
      "| Topic | Goals | Activities |\n"
      "|---|---|---|\n"
      "| MLOps Overview | g | a |\n"
      "| Model Decay | g | a |\n"
      "\n"
      "#### Resources: mlops   OVERVIEW\n"
      "Start with these.\n"
      "\n"
      "- [MLflow documentation](https://mlflow.org/docs/latest/index.html) (docs): the\n"
      "  reference for tracking.\n"
      "- **[Rules of *ML*](https://developers.google.com/machine-learning/guides/rules-of-ml)** "
      "(Guide) \xE2\x80\x93 Google's advice.\n"
      "- [Notes](https://example.org/notes?a=1&amp;b=2 \"a link title\")\n"
      "- <https://example.org/plain>\n"
      "\n"
      "#### **Questions: MLOps Overview**\n"
      "\n"
      "Answer without notes.\n"
      "\n"
      "1. Which stage catches a silent accuracy drop? {#silent-drop}\n"
      "   - [ ] Training\n"
      "   - [x] Monitoring\n"
      "   - [ ] Packaging\n"
      "   > Monitoring compares live data\n"
      "   > with training data.\n"
      "\n"
      "   > A second paragraph.\n"
      "2. Models *decay* because\xE2\x80\xA6\n"
      "   - [X] the world changes\n"
      "   - [ ] weights wear out\n"
      "3. Models decay because\xE2\x80\xA6\n"
      "   - [ ] `a`\n"
      "   - [x] b\n"
      "\n"
      "## 2. More\n"
      "\n"
      "| Topic | Goals | Activities |\n"
      "|---|---|---|\n"
      "| MLOps Overview | g2 | a2 |\n"
      "\n"
      "### Questions \xE2\x80\x94 MLOps Overview\n"
      "- ???\n"
      "  - [ ] yes\n"
      "  - [x] no\n"
      "\n"
      "## Resources\n"
      "\n"
      "- [Not a part](https://example.org): no topic named, so no resource.\n"_ba;

// The start of each refused document below: its first part heading is on line 9.
const QByteArray LearningPrefix = "# Plan\n"
                                  "\n"
                                  "## 1. Basics\n"
                                  "\n"
                                  "| Topic | Goals | Activities |\n"
                                  "|---|---|---|\n"
                                  "| MLOps Overview | g | a |\n"
                                  "\n";

const QByteArray QuestionsHeading = "#### Questions: MLOps Overview\n";

} // namespace

class TestMarkdownLearning : public QObject
{
    Q_OBJECT

private slots:
    void readsResourcesAndQuestions();
    void questionIdsAreStable();
    void explicitIdsAreSettledFirst();
    void rejectsMalformedLearning_data();
    void rejectsMalformedLearning();
};

void TestMarkdownLearning::readsResourcesAndQuestions()
{
    const auto result = MarkdownImporter::import(LearningDocument);
    QVERIFY2(result.ok, qPrintable(u"%1: %2"_s.arg(result.errorLine).arg(result.errorMessage)));
    const Curriculum &curriculum = result.curriculum;
    // The parts change nothing else: two sections, no topic from the parts.
    QCOMPARE(outline(curriculum),
             (QStringList{u"title: Plan"_s,
                          u"intro: "_s,
                          u"S1 basics | Basics | "_s,
                          u"T mlops-overview | MLOps Overview | g | a"_s,
                          u"T model-decay | Model Decay | g | a"_s,
                          u"S2 more | More | "_s,
                          u"T mlops-overview-2 | MLOps Overview | g2 | a2"_s}));

    const Topic *overview = curriculum.findTopic(u"mlops-overview"_s);
    QVERIFY(overview);
    const QList<TopicResource> resources{
        {u"MLflow documentation"_s,
         u"https://mlflow.org/docs/latest/index.html"_s,
         u"docs"_s,
         u"the reference for tracking."_s},
        {u"Rules of ML"_s,
         u"https://developers.google.com/machine-learning/guides/rules-of-ml"_s,
         u"guide"_s,
         u"Google's advice."_s},
        {u"Notes"_s, u"https://example.org/notes?a=1&b=2"_s, {}, {}},
        {u"https://example.org/plain"_s, u"https://example.org/plain"_s, {}, {}},
    };
    QCOMPARE(overview->resources, resources);

    const QList<SelfCheckQuestion> questions{
        {u"mlops-overview/silent-drop"_s,
         u"Which stage catches a silent accuracy drop?"_s,
         {u"Training"_s, u"Monitoring"_s, u"Packaging"_s},
         1,
         u"Monitoring compares live data with training data.\nA second paragraph."_s},
        {u"mlops-overview/models-decay-because"_s,
         u"Models decay because\u2026"_s,
         {u"the world changes"_s, u"weights wear out"_s},
         0,
         {}},
        {u"mlops-overview/models-decay-because-2"_s,
         u"Models decay because\u2026"_s,
         {u"a"_s, u"b"_s},
         1,
         {}},
    };
    QCOMPARE(overview->questions, questions);

    // The part under section 2 names that section's topic; "???" has nothing to slug.
    const Topic *second = curriculum.findTopic(u"mlops-overview-2"_s);
    QVERIFY(second);
    QCOMPARE(second->resources, QList<TopicResource>());
    QCOMPARE(second->questions,
             (QList<SelfCheckQuestion>{
                 {u"mlops-overview-2/question-1"_s, u"???"_s, {u"yes"_s, u"no"_s}, 1, {}}}));
    QCOMPARE(curriculum.findTopic(u"model-decay"_s)->questions.size(), 0);
    QCOMPARE(curriculum.questionCount(), 4);
}

// Re-importing gives the same ids, and an explicit id survives a reworded prompt.
void TestMarkdownLearning::questionIdsAreStable()
{
    const auto first = MarkdownImporter::import(LearningDocument);
    const auto second = MarkdownImporter::import(LearningDocument);
    QVERIFY2(first.ok && second.ok, qPrintable(first.errorMessage));
    QCOMPARE(second.curriculum, first.curriculum);

    QByteArray reworded = LearningDocument;
    reworded.replace("Which stage catches a silent accuracy drop?",
                     "What notices when accuracy drops silently?");
    const auto third = MarkdownImporter::import(reworded);
    QVERIFY2(third.ok, qPrintable(third.errorMessage));
    const SelfCheckQuestion *question
        = third.curriculum.findQuestion(u"mlops-overview/silent-drop"_s);
    QVERIFY(question);
    QCOMPARE(question->prompt, u"What notices when accuracy drops silently?"_s);
}

// A later explicit id keeps its id; the generated one that would clash moves to -2. An id with
// a '/' is taken as written.
void TestMarkdownLearning::explicitIdsAreSettledFirst()
{
    const auto result = MarkdownImporter::import(LearningPrefix + QuestionsHeading
                                                 + "1. Why?\n   - [x] a\n   - [ ] b\n"
                                                   "2. Other? {#why}\n   - [x] a\n   - [ ] b\n"
                                                   "3. Third? {#elsewhere/third}\n"
                                                   "   - [x] a\n   - [ ] b\n");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QStringList ids;
    for (const SelfCheckQuestion &question :
         result.curriculum.findTopic(u"mlops-overview"_s)->questions)
        ids.append(question.id);
    QCOMPARE(
        ids,
        (QStringList{u"mlops-overview/why-2"_s, u"mlops-overview/why"_s, u"elsewhere/third"_s}));
}

void TestMarkdownLearning::rejectsMalformedLearning_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    const QByteArray resources = "#### Resources: MLOps Overview\n\n- [a](https://a.example)\n";
    const QByteArray question = "1. Why?\n";
    QTest::newRow("unknown topic, with a suggestion")
        << LearningPrefix + "#### Resources: MLOps Overveiw\n- [a](https://a.example)\n"
        << 9 << u"no topic is titled \"MLOps Overveiw\"; did you mean \"MLOps Overview\"?"_s;
    QTest::newRow("unknown topic, nothing close")
        << LearningPrefix + "### Questions: Kubernetes Networking\n"
        << 9 << u"no topic is titled \"Kubernetes Networking\""_s;
    QTest::newRow("ftp address")
        << LearningPrefix + resources + "- [b](ftp://b.example/x) (docs)\n"
        << 12 << u"resource \"b\": \"ftp://b.example/x\" is not an http or https address"_s;
    QTest::newRow("relative address")
        << LearningPrefix + resources + "- [b](docs/index.html)\n"
        << 12 << u"\"docs/index.html\" is not an http or https address"_s;
    QTest::newRow("no link") << LearningPrefix + resources + "- MLflow docs: mlflow.org\n"
                             << 12 << u"a resource is a list item that starts with a link"_s;
    QTest::newRow("link not first")
        << LearningPrefix + resources + "- See [MLflow](https://mlflow.org)\n"
        << 12 << u"a resource is a list item that starts with a link"_s;
    QTest::newRow("link without text")
        << LearningPrefix + resources + "- [](https://mlflow.org) (docs)\n"
        << 12 << u"the resource's link has no text"_s;
    QTest::newRow("unknown kind")
        << LearningPrefix + resources + "- [b](https://b.example) (Blog): why\n"
        << 12
        << u"resource \"b\": unknown kind \"Blog\" (expected one of docs, guide, paper, book, "
           u"course, video)"_s;
    QTest::newRow("nested resource item") << LearningPrefix + resources + "  - why it matters\n"
                                          << 12 << u"no nested items"_s;
    QTest::newRow("table in a part") << LearningPrefix + resources + "\n| a | b |\n|---|---|\n"
                                     << 13 << u"a table under \"Resources: MLOps Overview\""_s;
    QTest::newRow("no right choice")
        << LearningPrefix + QuestionsHeading + "\n1. Ok?\n   - [x] y\n   - [ ] n\n" + question
               + "   - [ ] a\n   - [ ] b\n"
        << 14 << u"question \"Why?\" has no right choice: mark one with [x]"_s;
    QTest::newRow("two right choices")
        << LearningPrefix + QuestionsHeading + question + "   - [x] a\n   - [X] b\n   - [ ] c\n"
        << 10 << u"question \"Why?\" marks 2 choices with [x]; mark exactly one"_s;
    QTest::newRow("five choices")
        << LearningPrefix + QuestionsHeading + question
               + "   - [x] a\n   - [ ] b\n   - [ ] c\n   - [ ] d\n   - [ ] e\n"
        << 10 << u"question \"Why?\" has 5 choices; a question has 2 to 4"_s;
    QTest::newRow("one choice") << LearningPrefix + QuestionsHeading + question + "   - [x] a\n"
                                << 10 << u"question \"Why?\" has 1 choice;"_s;
    QTest::newRow("no choices") << LearningPrefix + QuestionsHeading + question << 10
                                << u"question \"Why?\" has 0 choices;"_s;
    QTest::newRow("a choice without a task mark")
        << LearningPrefix + QuestionsHeading + question + "   - [x] a\n   - b\n"
        << 12 << u"a choice is a task-list item"_s;
    QTest::newRow("the same choice twice")
        << LearningPrefix + QuestionsHeading + question + "   - [x] Yes\n   - [ ] yes\n"
        << 10 << u"lists the choice 'yes' twice"_s;
    QTest::newRow("nested under a choice")
        << LearningPrefix + QuestionsHeading + question + "   - [x] a\n     - deeper\n"
        << 12 << u"a choice has no nested items"_s;
    QTest::newRow("a task item as a question") << LearningPrefix + QuestionsHeading + "- [x] Why?\n"
                                               << 10 << u"a choice stands under its question"_s;
    QTest::newRow("explanation before the choices")
        << LearningPrefix + QuestionsHeading + question + "   > Because.\n   - [x] a\n   - [ ] b\n"
        << 10 << u"the explanation (\"> \u2026\") goes after the choices"_s;
    QTest::newRow("explanation inside a choice")
        << LearningPrefix + QuestionsHeading + question
               + "   - [x] a\n     > Because.\n   - [ ] b\n"
        << 11 << u"belongs to the question"_s;
    QTest::newRow("unquoted text after a question")
        << LearningPrefix + QuestionsHeading + question + "   - [x] a\n   - [ ] b\n\nBecause.\n"
        << 14 << u"text after a question"_s;
    QTest::newRow("explanation before any question")
        << LearningPrefix + QuestionsHeading + "> Because.\n" + question << 10
        << u"an explanation (\"> \u2026\") before any question"_s;
    QTest::newRow("a choice whose question is before the heading")
        << LearningPrefix + "- ## Questions: MLOps Overview\n  - [x] a\n"
        << 10 << u"a choice without its question"_s;
    QTest::newRow("invalid explicit id")
        << LearningPrefix + QuestionsHeading + "1. Why? {#Bad_Id}\n   - [x] a\n   - [ ] b\n"
        << 10 << u"question id \"Bad_Id\" is not valid"_s;
    QTest::newRow("explicit id used twice")
        << LearningPrefix + QuestionsHeading
               + "1. Why? {#same}\n   - [x] a\n   - [ ] b\n"
                 "2. How? {#same}\n   - [x] a\n   - [ ] b\n"
        << 13 << u"question id \"mlops-overview/same\" is used twice"_s;
    QTest::newRow("a prompt that is only an id")
        << LearningPrefix + QuestionsHeading + "1. {#only-id}\n   - [x] a\n   - [ ] b\n"
        << 10 << u"a question has no text"_s;
    QTest::newRow("one title twice in the section")
        << "# Plan\n\n## 1. Basics\n\n| Topic | Goals | Activities |\n|---|---|---|\n"
           "| Same | g | a |\n| same | g | a |\n\n#### Resources: Same\n"_ba
        << 10 << u"this section has several topics titled \"Same\""_s;
    QTest::newRow("one title in two other sections")
        << "# Plan\n\n## A\n\n" + Table + "\n## B\n\n" + Table
               + "\n## C\n\n| Topic | Goals | Activities |\n|---|---|---|\n| Gamma | g | a |\n"
                 "\n#### Questions: alpha\n"
        << 21 << u"several sections have a topic titled \"alpha\""_s;
}

void TestMarkdownLearning::rejectsMalformedLearning()
{
    QFETCH(QByteArray, markdown);
    QFETCH(int, line);
    QFETCH(QString, message);
    const auto result = MarkdownImporter::import(markdown);
    QVERIFY2(!result.ok, "imported");
    QVERIFY2(result.errorMessage.contains(message), qPrintable(result.errorMessage));
    QCOMPARE(result.errorLine, line);
}

QTEST_GUILESS_MAIN(TestMarkdownLearning)
#include "tst_markdownlearning.moc"
