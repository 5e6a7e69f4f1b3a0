// The Argo Workflows reader (models/pipeline/import/argoimport.cpp). Expected values come from
// Argo's documentation, cited at each test: https://argo-workflows.readthedocs.io/en/latest/
#include "orchestrator/orchestratorexport.h"
#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelinevalidator.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using Format = PipelineImport::Format;

namespace {

PipelineImport::Result importText(const QByteArray &yaml,
                                  std::optional<Format> format = std::nullopt)
{
    return PipelineImport::importData(yaml, u"workflow.yaml"_s, NodeCatalog::builtIn(), format);
}

const PipelineNode *nodeFromSource(const PipelineImport::Result &result, const QString &id)
{
    for (const PipelineNode &node : result.pipeline.nodes)
        if (node.source.id == id)
            return &node;
    return nullptr;
}

QHash<QString, QString> sourceIds(const PipelineImport::Result &result)
{
    QHash<QString, QString> idOf;
    for (const PipelineNode &node : result.pipeline.nodes)
        idOf.insert(node.id, node.source.id);
    return idOf;
}

// "a>b" for each edge, by source ids, sorted.
QStringList edgesBySource(const PipelineImport::Result &result)
{
    const QHash<QString, QString> idOf = sourceIds(result);
    QStringList edges;
    for (const PipelineEdge &edge : result.pipeline.edges)
        edges << idOf.value(edge.from.node) + u'>' + idOf.value(edge.to.node);
    edges.sort();
    return edges;
}

// "a>b: condition" for each edge that has one, sorted.
QStringList conditionsBySource(const PipelineImport::Result &result)
{
    const QHash<QString, QString> idOf = sourceIds(result);
    QStringList edges;
    for (const PipelineEdge &edge : result.pipeline.edges)
        if (!edge.condition.isEmpty())
            edges << idOf.value(edge.from.node) + u'>' + idOf.value(edge.to.node) + u": "_s
                         + edge.condition;
    edges.sort();
    return edges;
}

QString detail(const KeyValueList &details, const QString &key)
{
    for (const auto &[k, v] : details)
        if (k == key)
            return v;
    return {};
}

QString detail(const PipelineNode *node, const QString &key)
{
    return node ? detail(node->details, key) : QString();
}

QStringList frameTitles(const PipelineImport::Result &result)
{
    QStringList titles;
    for (const PipelineAnnotation &annotation : result.pipeline.annotations)
        if (annotation.kind == PipelineAnnotation::Kind::Group)
            titles << annotation.text;
    titles.sort();
    return titles;
}

const PipelineAnnotation *frame(const PipelineImport::Result &result, const QString &title)
{
    for (const PipelineAnnotation &annotation : result.pipeline.annotations)
        if (annotation.text == title)
            return &annotation;
    return nullptr;
}

// The warning whose message contains `text`, or null.
const PipelineImport::Note *warning(const PipelineImport::Result &result, const QString &text)
{
    for (const PipelineImport::Note &note : result.warnings)
        if (note.message.contains(text))
            return &note;
    return nullptr;
}

QString warningsText(const PipelineImport::Result &result)
{
    QStringList lines;
    for (const PipelineImport::Note &note : result.warnings)
        lines << u"%1: %2"_s.arg(note.line).arg(note.message);
    return lines.join(u'\n');
}

// A Workflow whose entrypoint is the DAG `main` of `tasks` (YAML lines indented by 6), with the
// leaf template `echo` they call.
QByteArray dagWorkflow(const QByteArray &tasks, const QByteArray &more = {})
{
    return "apiVersion: argoproj.io/v1alpha1\n"
           "kind: Workflow\n"
           "metadata: {generateName: dag-}\n"
           "spec:\n"
           "  entrypoint: main\n"
           "  templates:\n"
           "  - name: main\n"
           "    dag:\n"
           "      tasks:\n"
           + tasks
           + "  - name: echo\n"
             "    container: {image: alpine:3.7, command: [echo, hi]}\n"
           + more;
}

// The nested frames, nodes and edges a workflow of one DAG calling another DAG and a steps
// template gives (used by two tests).
const QByteArray NestedWorkflow = R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: nested}
spec:
  entrypoint: outer
  templates:
  - name: outer
    dag:
      tasks:
      - {name: A, template: echo}
      - {name: B, template: inner, depends: A}
      - {name: C, template: echo, depends: B.Failed}
  - name: inner
    dag:
      tasks:
      - {name: x, template: echo}
      - {name: y, template: echo, dependencies: [x]}
      - {name: z, template: phases, dependencies: [x]}
  - name: phases
    steps:
    - - {name: one, template: echo}
    - - {name: two, template: echo}
  - name: echo
    container: {image: alpine, command: [echo]}
)";

} // namespace

class TestArgoImport : public QObject
{
    Q_OBJECT

private slots:
    void dagDependencies();
    void dependsExpressions_data();
    void dependsExpressions();
    void unreadableDepends_data();
    void unreadableDepends();
    void missingDependencyIsAnError();
    void stepGroups();
    void repeatedStepNames();
    void nestedTemplatesAreFrames();
    void nestedFramesSitInTheirParent();
    void nestedImportSavesAndReadsBack();
    void recursionStops();
    void recursionFromSeveralCallsIsSaidOnce();
    void nestingDepthLimit();
    void manyNestedCallsStayBounded();
    void templateRef();
    void loopBadges_data();
    void loopBadges();
    void conditionsRetriesAndHooks();
    void workflowExitHandler();
    void leafTemplates();
    void inputsAndArguments();
    void missingAndUnusedTemplates();
    void pipelineDetails();
    void kinds_data();
    void kinds();
    void templatesWithoutEntrypoint();
    void severalDocuments();
    void aliasBombEndsQuickly();
    void selfReferencingInlineTemplate();
    void detection_data();
    void detection();
    void realArgoWorkflows();
    void ourOwnExportsReadBack();
};

// The diamond of the DAG walk-through: B and C after A, D after both.
// https://argo-workflows.readthedocs.io/en/latest/walk-through/dag/
void TestArgoImport::dagDependencies()
{
    const PipelineImport::Result result = importText(dagWorkflow(R"(      - name: A
        template: echo
      - name: B
        dependencies: [A]
        template: echo
      - name: C
        dependencies: [A]
        template: echo
      - name: D
        dependencies: [B, C]
        template: echo
)"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::Argo);
    QCOMPARE(result.pipeline.source.format, u"argo"_s);
    QCOMPARE(result.pipeline.nodes.size(), 4);
    QCOMPARE(edgesBySource(result), (QStringList{u"A>B"_s, u"A>C"_s, u"B>D"_s, u"C>D"_s}));
    QVERIFY(conditionsBySource(result).isEmpty()); // `dependencies` wait for the task to be done
    const PipelineNode *b = nodeFromSource(result, u"B"_s);
    QVERIFY(b);
    QCOMPARE(b->source.format, u"argo"_s);
    QCOMPARE(b->source.line, 12); // the line of "- name: B"
    QCOMPARE(b->image, u"alpine:3.7"_s);
    QCOMPARE(b->command, (QStringList{u"echo"_s, u"hi"_s}));
    QCOMPARE(detail(b, u"template"_s), u"echo"_s);
    QVERIFY(nodeFromSource(result, u"A"_s)->pos.x() < b->pos.x());
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

// https://argo-workflows.readthedocs.io/en/latest/enhanced-depends-logic/: operands `task` and
// `task.Result`, `&&`, `||`, `!`; "an unspecified result is equivalent to (task.Succeeded ||
// task.Skipped || task.Daemoned)". Each edge from a task is labelled with the results of it the
// expression names ("not …" under a `!`); a bare name alone is the plain `dependencies` wait.
void TestArgoImport::dependsExpressions_data()
{
    QTest::addColumn<QByteArray>("depends");
    QTest::addColumn<QStringList>("edges");
    QTest::addColumn<QStringList>("conditions");
    QTest::newRow("bare names") << QByteArray("A && B") << QStringList{u"A>X"_s, u"B>X"_s}
                                << QStringList{};
    QTest::newRow("results and parentheses")
        << QByteArray("A && (B.Succeeded || C.Failed)") << QStringList{u"A>X"_s, u"B>X"_s, u"C>X"_s}
        << QStringList{u"B>X: Succeeded"_s, u"C>X: Failed"_s};
    QTest::newRow("the documentation's example")
        << QByteArray("(A.Succeeded || A.Skipped) && !B.Failed") << QStringList{u"A>X"_s, u"B>X"_s}
        << QStringList{u"A>X: Succeeded || Skipped"_s, u"B>X: not Failed"_s};
    QTest::newRow("one task, two results")
        << QByteArray("A.Succeeded || A.Failed") << QStringList{u"A>X"_s}
        << QStringList{u"A>X: Succeeded || Failed"_s};
    QTest::newRow("a bare name means Succeeded, Skipped or Daemoned")
        << QByteArray("A || A.Failed") << QStringList{u"A>X"_s}
        << QStringList{u"A>X: Succeeded || Skipped || Daemoned || Failed"_s};
    QTest::newRow("negated bare name")
        << QByteArray("!A") << QStringList{u"A>X"_s}
        << QStringList{u"A>X: not (Succeeded || Skipped || Daemoned)"_s};
    // `!` binds tighter than `&&`: only A is negated here…
    QTest::newRow("not before and")
        << QByteArray("!A.Failed && B") << QStringList{u"A>X"_s, u"B>X"_s}
        << QStringList{u"A>X: not Failed"_s};
    // …and both are when the parentheses say so.
    QTest::newRow("not of a group")
        << QByteArray("!(A.Failed && B)") << QStringList{u"A>X"_s, u"B>X"_s}
        << QStringList{u"A>X: not Failed"_s, u"B>X: not (Succeeded || Skipped || Daemoned)"_s};
    QTest::newRow("double negation")
        << QByteArray("!!A.Errored") << QStringList{u"A>X"_s} << QStringList{u"A>X: Errored"_s};
    QTest::newRow("every result") << QByteArray(
        "A.Errored || B.Skipped || C.Omitted || A.Daemoned || B.AnySucceeded || "
        "C.AllFailed") << QStringList{u"A>X"_s, u"B>X"_s, u"C>X"_s}
                                  << QStringList{u"A>X: Errored || Daemoned"_s,
                                                 u"B>X: Skipped || AnySucceeded"_s,
                                                 u"C>X: Omitted || AllFailed"_s};
    QTest::newRow("spaces and hyphens")
        << QByteArray("  task-1.Failed||( B &&C ) ")
        << QStringList{u"B>X"_s, u"C>X"_s, u"task-1>X"_s} << QStringList{u"task-1>X: Failed"_s};
}

void TestArgoImport::dependsExpressions()
{
    QFETCH(QByteArray, depends);
    QFETCH(QStringList, edges);
    QFETCH(QStringList, conditions);
    const PipelineImport::Result result
        = importText(dagWorkflow("      - {name: A, template: echo}\n"
                                 "      - {name: B, template: echo}\n"
                                 "      - {name: C, template: echo}\n"
                                 "      - {name: task-1, template: echo}\n"
                                 "      - name: X\n"
                                 "        template: echo\n"
                                 "        depends: '"
                                 + depends + "'\n"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result), edges);
    QCOMPARE(conditionsBySource(result), conditions);
    QCOMPARE(detail(nodeFromSource(result, u"X"_s), u"depends"_s), QString::fromUtf8(depends));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

// What is not an expression of the documented form is said with its line, and drawn as depending
// on each task it names.
void TestArgoImport::unreadableDepends_data()
{
    QTest::addColumn<QByteArray>("depends");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QStringList>("edges");
    QTest::newRow("single ampersand")
        << QByteArray("A & B") << u"unexpected '&'"_s << QStringList{u"A>X"_s, u"B>X"_s};
    QTest::newRow("unknown result") << QByteArray("A.Finished || B")
                                    << u"'Finished' is not a "
                                       "task result"_s
                                    << QStringList{u"A>X"_s, u"B>X"_s};
    QTest::newRow("operator without operand")
        << QByteArray("A ||") << u"expected a task name"_s << QStringList{u"A>X"_s};
    QTest::newRow("unclosed parenthesis")
        << QByteArray("(A && B") << u"a '(' is not closed"_s << QStringList{u"A>X"_s, u"B>X"_s};
    QTest::newRow("nested past the limit") << QByteArray(200, '(') + "A" + QByteArray(200, ')')
                                           << u"levels deep"_s << QStringList{u"A>X"_s};
    QTest::newRow("names that are no task are not drawn")
        << QByteArray("A && ghost &") << u"unexpected '&'"_s << QStringList{u"A>X"_s};
}

void TestArgoImport::unreadableDepends()
{
    QFETCH(QByteArray, depends);
    QFETCH(QString, problem);
    QFETCH(QStringList, edges);
    const PipelineImport::Result result
        = importText(dagWorkflow("      - {name: A, template: echo}\n"
                                 "      - {name: B, template: echo}\n"
                                 "      - name: X\n"
                                 "        template: echo\n"
                                 "        depends: '"
                                 + depends + "'\n"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result), edges);
    const PipelineImport::Note *note = warning(result, u"cannot read depends"_s);
    QVERIFY2(note, qPrintable(warningsText(result)));
    QCOMPARE(note->line, 14); // the line of "depends:"
    QVERIFY2(note->message.contains(problem), qPrintable(note->message));
}

// A dependency on a task the DAG does not have fails the import with its line.
void TestArgoImport::missingDependencyIsAnError()
{
    const PipelineImport::Result result
        = importText(dagWorkflow("      - {name: A, template: echo}\n"
                                 "      - name: B\n"
                                 "        template: echo\n"
                                 "        dependencies: [A, ghost]\n"));
    QVERIFY(!result.ok);
    QCOMPARE(result.errorLine, 13);
    QCOMPARE(result.errorMessage, u"'B' depends on 'ghost', which is not a job of this file"_s);
    const PipelineImport::Result inDepends = importText(
        dagWorkflow("      - {name: A, template: echo}\n"
                    "      - {name: B, template: echo, depends: A && ghost.Failed}\n"));
    QVERIFY(!inDepends.ok);
    QCOMPARE(inDepends.errorLine, 11);
    QCOMPARE(inDepends.errorMessage, u"'B' depends on 'ghost', which is not a job of this file"_s);
}

// https://argo-workflows.readthedocs.io/en/latest/walk-through/steps/: "The outer list runs
// sequentially and the inner lists run in parallel": hello1 first, then hello2a and hello2b.
void TestArgoImport::stepGroups()
{
    const PipelineImport::Result result = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: steps-
spec:
  entrypoint: hello-hello-hello
  templates:
  - name: hello-hello-hello
    steps:
    - - name: hello1
        template: print-message
    - - name: hello2a
        template: print-message
      - name: hello2b
        template: print-message
    - - name: hello3
        template: print-message
  - name: print-message
    container:
      image: busybox
      command: [echo]
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.pipeline.nodes.size(), 4);
    QCOMPARE(
        edgesBySource(result),
        (QStringList{
            u"hello1>hello2a"_s, u"hello1>hello2b"_s, u"hello2a>hello3"_s, u"hello2b>hello3"_s}));
    QCOMPARE(nodeFromSource(result, u"hello2b"_s)->source.line, 14);
    QVERIFY(result.pipeline.annotations.isEmpty()); // the entrypoint's steps have no frame
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

void TestArgoImport::repeatedStepNames()
{
    const PipelineImport::Result result = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: work, template: echo}
    - - {name: work, template: echo}
      - {name: work, template: echo}
  - name: echo
    container: {image: alpine}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result), (QStringList{u"work>work@2"_s, u"work>work@3"_s}));
    QCOMPARE(nodeFromSource(result, u"work@3"_s)->source.line, 10);
}

// A task calling a DAG or steps template is a frame round that template's nodes; the edges into
// it reach the inner entry nodes, the edges out of it leave from the inner exit nodes.
void TestArgoImport::nestedTemplatesAreFrames()
{
    const PipelineImport::Result result = importText(NestedWorkflow);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QStringList ids;
    for (const PipelineNode &node : result.pipeline.nodes)
        ids << node.source.id;
    ids.sort();
    QCOMPARE(ids, (QStringList{u"A"_s, u"B/x"_s, u"B/y"_s, u"B/z/one"_s, u"B/z/two"_s, u"C"_s}));
    QCOMPARE(edgesBySource(result),
             (QStringList{u"A>B/x"_s,
                          u"B/x>B/y"_s,
                          u"B/x>B/z/one"_s,
                          u"B/y>C"_s,
                          u"B/z/one>B/z/two"_s,
                          u"B/z/two>C"_s}));
    // The condition of `depends: B.Failed` is on each edge out of B's exits.
    QCOMPARE(conditionsBySource(result), (QStringList{u"B/y>C: Failed"_s, u"B/z/two>C: Failed"_s}));
    QCOMPARE(frameTitles(result), (QStringList{u"B: inner"_s, u"z: phases"_s}));
    const PipelineNode *y = nodeFromSource(result, u"B/y"_s);
    QCOMPARE(y->name, u"y"_s);
    QCOMPARE(y->source.line, 17);
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

// What the frames hold is saved with the pipeline and read back the same.
void TestArgoImport::nestedImportSavesAndReadsBack()
{
    const PipelineImport::Result result = importText(NestedWorkflow);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineFile::ReadResult saved
        = PipelineFile::read(PipelineFile::write(result.pipeline.nodes,
                                                 result.pipeline.edges,
                                                 result.pipeline.annotations,
                                                 result.pipeline.source),
                             NodeCatalog::builtIn());
    QVERIFY2(saved.ok, qPrintable(saved.errorMessage));
    QCOMPARE(saved.nodes, result.pipeline.nodes);
    QCOMPARE(saved.edges, result.pipeline.edges);
    QCOMPARE(saved.annotations.size(), 2);
}

void TestArgoImport::nestedFramesSitInTheirParent()
{
    const PipelineImport::Result result = importText(NestedWorkflow);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineAnnotation *outer = frame(result, u"B: inner"_s);
    const PipelineAnnotation *inner = frame(result, u"z: phases"_s);
    QVERIFY(outer && inner);
    QVERIFY(outer->rect.contains(inner->rect));
    for (const QString &id : {u"B/x"_s, u"B/y"_s})
        QVERIFY(outer->rect.contains(nodeFromSource(result, id)->pos));
    QVERIFY(!inner->rect.contains(nodeFromSource(result, u"B/x"_s)->pos));
    QVERIFY(inner->rect.contains(nodeFromSource(result, u"B/z/one"_s)->pos));
    QVERIFY(!outer->rect.contains(nodeFromSource(result, u"A"_s)->pos));
}

// The coin flip of https://argo-workflows.readthedocs.io/en/latest/walk-through/recursion/:
// `tails` calls the template it is in. The call stays one node, said where it stopped.
void TestArgoImport::recursionStops()
{
    const PipelineImport::Result result = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: coinflip-recursive-
spec:
  entrypoint: coinflip
  templates:
  - name: coinflip
    steps:
    - - name: flip-coin
        template: flip-coin
    - - name: heads
        template: heads
        when: "{{steps.flip-coin.outputs.result}} == heads"
      - name: tails
        template: coinflip
        when: "{{steps.flip-coin.outputs.result}} == tails"
  - name: flip-coin
    script:
      image: python:alpine
      command: [python]
      source: |
        import random
  - name: heads
    container:
      image: alpine:latest
      command: [sh, -c]
      args: ["echo \"it was heads\""]
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.pipeline.nodes.size(), 3);
    QCOMPARE(edgesBySource(result), (QStringList{u"flip-coin>heads"_s, u"flip-coin>tails"_s}));
    const PipelineNode *tails = nodeFromSource(result, u"tails"_s);
    QVERIFY(tails);
    QVERIFY(tails->badges.contains(u"recursive"_s));
    QCOMPARE(detail(tails, u"template"_s), u"coinflip"_s);
    QCOMPARE(detail(tails, u"when"_s), u"{{steps.flip-coin.outputs.result}} == tails"_s);
    const PipelineImport::Note *note = warning(result, u"recursion"_s);
    QVERIFY2(note, qPrintable(warningsText(result)));
    QCOMPARE(note->line, 15); // where it stopped: the `tails` step
    QCOMPARE(note->message,
             u"step 'tails' calls 'coinflip' again from inside it (recursion): drawn as one "
             "node"_s);
}

// The diamond of coin flips of examples/dag-coinflip.yaml: four tasks call the recursive
// template; the recursion is said once, at the line where it is written.
void TestArgoImport::recursionFromSeveralCallsIsSaidOnce()
{
    const PipelineImport::Result result
        = importText(dagWorkflow("      - {name: A, template: coinflip}\n"
                                 "      - {name: B, template: coinflip, depends: A}\n",
                                 "  - name: coinflip\n"
                                 "    steps:\n"
                                 "    - - {name: flip, template: echo}\n"
                                 "    - - {name: again, template: coinflip}\n"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result),
             (QStringList{u"A/again>B/flip"_s, u"A/flip>A/again"_s, u"B/flip>B/again"_s}));
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.first().line, 17); // the `again` step
    QVERIFY(nodeFromSource(result, u"B/again"_s)->badges.contains(u"recursive"_s));
}

// 32 DAG templates each calling the next: expansion stops 30 frames down, said there.
void TestArgoImport::nestingDepthLimit()
{
    QByteArray yaml = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  entrypoint: t0\n"
                      "  templates:\n";
    for (int level = 0; level < 32; ++level)
        yaml += "  - name: t" + QByteArray::number(level) + "\n    dag:\n      tasks:\n"
                + "      - {name: c" + QByteArray::number(level) + ", template: t"
                + QByteArray::number(level + 1) + "}\n";
    yaml += "  - name: t32\n    container: {image: alpine}\n";
    const PipelineImport::Result result = importText(yaml);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.pipeline.nodes.size(), 1);
    const PipelineNode &last = result.pipeline.nodes.first();
    // t0 is the pipeline; the calls c0 … c29 are 30 nested frames; c30 is not expanded.
    QStringList path;
    for (int level = 0; level <= 30; ++level)
        path << u"c%1"_s.arg(level);
    QCOMPARE(last.source.id, path.join(u'/'));
    QVERIFY(last.badges.contains(u"not expanded"_s));
    QCOMPARE(result.pipeline.annotations.size(), 30);
    const PipelineImport::Note *note = warning(result, u"nested more than 30 deep"_s);
    QVERIFY2(note, qPrintable(warningsText(result)));
    QCOMPARE(note->line, 129); // the line of c30: five lines of header, four a template
    QVERIFY(warning(result, u"the template 't32' is not called from the entrypoint"_s));
}

// Six levels of templates, each calling the next from ten tasks, would be a million nodes: past
// the budget the calls stay single nodes, and that is said.
void TestArgoImport::manyNestedCallsStayBounded()
{
    QByteArray yaml = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  entrypoint: t0\n"
                      "  templates:\n";
    for (int level = 0; level < 6; ++level) {
        yaml += "  - name: t" + QByteArray::number(level) + "\n    dag:\n      tasks:\n";
        for (int task = 0; task < 10; ++task)
            yaml += "      - {name: c" + QByteArray::number(task) + ", template: t"
                    + QByteArray::number(level + 1) + "}\n";
    }
    yaml += "  - name: t6\n    container: {image: alpine}\n";
    const PipelineImport::Result result = importText(yaml);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QVERIFY(result.pipeline.nodes.size() < 2000 + 6 * 10);
    QVERIFY(warning(result, u"more than 2000 nodes"_s));
}

// https://argo-workflows.readthedocs.io/en/latest/workflow-templates/: `templateRef` calls a
// template of another WorkflowTemplate (or ClusterWorkflowTemplate with clusterScope).
void TestArgoImport::templateRef()
{
    const PipelineImport::Result result = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: workflow-template-hello-world-
spec:
  entrypoint: hello
  templates:
  - name: hello
    steps:
    - - name: call-print-message
        templateRef:
          name: workflow-template-print-message
          template: print-message
        arguments:
          parameters:
          - name: message
            value: "hello world"
      - name: call-cluster
        templateRef:
          name: cluster-workflow-template-print-message
          template: print-message
          clusterScope: true
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *call = nodeFromSource(result, u"call-print-message"_s);
    QVERIFY(call);
    QCOMPARE(detail(call, u"calls"_s), u"workflow-template-print-message / print-message"_s);
    QVERIFY(call->badges.contains(u"external template"_s));
    QCOMPARE(call->parameters, (KeyValueList{{u"message"_s, u"hello world"_s}}));
    QCOMPARE(detail(nodeFromSource(result, u"call-cluster"_s), u"calls"_s),
             u"cluster-workflow-template-print-message / print-message "
             "(ClusterWorkflowTemplate)"_s);
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

// https://argo-workflows.readthedocs.io/en/latest/walk-through/loops/: withItems runs once per
// item, withSequence `count` times; withParam's items are known at run time only.
void TestArgoImport::loopBadges_data()
{
    QTest::addColumn<QByteArray>("loop");
    QTest::addColumn<QString>("badge");
    QTest::newRow("withItems") << QByteArray("withItems: [hello world, goodbye world]")
                               << u"loop ×2"_s;
    QTest::newRow("withItems of maps")
        << QByteArray("withItems: [{image: debian, tag: '9.1'}, {image: debian, tag: '8.9'}, "
                      "{image: alpine, tag: '3.6'}, {image: ubuntu, tag: '17.10'}]")
        << u"loop ×4"_s;
    QTest::newRow("withSequence count")
        << QByteArray("withSequence: {count: \"5\"}") << u"loop ×5"_s;
    QTest::newRow("withSequence of a parameter")
        << QByteArray("withSequence: {start: \"200\", count: \"{{workflow.parameters.count}}\"}")
        << u"loop"_s;
    QTest::newRow("withParam") << QByteArray("withParam: \"{{steps.generate.outputs.result}}\"")
                               << u"loop"_s;
}

void TestArgoImport::loopBadges()
{
    QFETCH(QByteArray, loop);
    QFETCH(QString, badge);
    const PipelineImport::Result result = importText(
        dagWorkflow("      - name: X\n        template: echo\n        " + loop + "\n"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(nodeFromSource(result, u"X"_s)->badges, QStringList{badge});
    QVERIFY(
        !detail(nodeFromSource(result, u"X"_s), QString::fromLatin1(loop.left(loop.indexOf(':'))))
             .isEmpty());
}

// `when` (https://argo-workflows.readthedocs.io/en/latest/walk-through/conditionals/) and
// `continueOn` are details, `retryStrategy` (…/walk-through/retrying-failed-or-errored-steps/) a
// badge; a task's `onExit` and `hooks` (…/lifecyclehook/) are details naming their templates.
void TestArgoImport::conditionsRetriesAndHooks()
{
    const PipelineImport::Result result
        = importText(dagWorkflow("      - {name: A, template: flaky}\n"
                                 "      - name: B\n"
                                 "        template: echo\n"
                                 "        depends: A.Failed\n"
                                 "        when: '{{tasks.A.outputs.result}} == heads'\n"
                                 "        continueOn: {failed: true}\n"
                                 "        onExit: cleanup\n"
                                 "        hooks:\n"
                                 "          running: {expression: 'true', template: notify}\n"
                                 "          failed: {template: nowhere}\n",
                                 "  - name: flaky\n"
                                 "    retryStrategy: {limit: \"10\"}\n"
                                 "    container: {image: python:alpine3.6}\n"
                                 "  - {name: cleanup, container: {image: alpine}}\n"
                                 "  - {name: notify, container: {image: alpine}}\n"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *a = nodeFromSource(result, u"A"_s);
    const PipelineNode *b = nodeFromSource(result, u"B"_s);
    QCOMPARE(a->badges, QStringList{u"retry"_s});
    QCOMPARE(detail(a, u"retryStrategy"_s), u"{limit: 10}"_s);
    QCOMPARE(conditionsBySource(result), QStringList{u"A>B: Failed"_s}); // the edge keeps depends
    QCOMPARE(detail(b, u"when"_s), u"{{tasks.A.outputs.result}} == heads"_s);
    QCOMPARE(detail(b, u"continueOn"_s), u"{failed: true}"_s);
    QCOMPARE(detail(b, u"onExit"_s), u"cleanup"_s);
    QVERIFY(detail(b, u"hooks"_s).contains(u"notify"_s));
    // Named by a hook or onExit, a template is used; a missing one is said.
    QVERIFY(!warning(result, u"'cleanup'"_s));
    QVERIFY(!warning(result, u"'notify'"_s));
    const PipelineImport::Note *missing = warning(result, u"'nowhere'"_s);
    QVERIFY2(missing, qPrintable(warningsText(result)));
    QCOMPARE(missing->line, 19);
    QCOMPARE(missing->message,
             u"task 'B' names the template 'nowhere', which is not in this file"_s);
}

// The exit handler of https://argo-workflows.readthedocs.io/en/latest/walk-through/exit-handlers/
// "always executes, irrespective of success or failure, at the end of the workflow": drawn after
// everything, its edges labelled "exit"; a steps handler is a frame.
void TestArgoImport::workflowExitHandler()
{
    const PipelineImport::Result result = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: exit-handlers-
spec:
  entrypoint: intentional-fail
  onExit: exit-handler
  templates:
  - name: intentional-fail
    container:
      image: alpine:latest
      command: [sh, -c]
      args: ["echo intentional failure; exit 1"]
  - name: exit-handler
    steps:
    - - name: notify
        template: send-email
      - name: celebrate
        template: celebrate
        when: "{{workflow.status}} == Succeeded"
    - - name: cry
        template: cry
  - {name: send-email, container: {image: alpine:latest}}
  - {name: celebrate, container: {image: alpine:latest}}
  - {name: cry, container: {image: alpine:latest}}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result),
             (QStringList{u"intentional-fail>onExit/celebrate"_s,
                          u"intentional-fail>onExit/notify"_s,
                          u"onExit/celebrate>onExit/cry"_s,
                          u"onExit/notify>onExit/cry"_s}));
    QCOMPARE(conditionsBySource(result),
             (QStringList{u"intentional-fail>onExit/celebrate: exit"_s,
                          u"intentional-fail>onExit/notify: exit"_s}));
    QCOMPARE(frameTitles(result), QStringList{u"onExit: exit-handler"_s});
    QCOMPARE(nodeFromSource(result, u"intentional-fail"_s)->command,
             (QStringList{u"sh"_s, u"-c"_s, u"echo intentional failure; exit 1"_s}));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));

    // A leaf handler is one node, after each node that ends the DAG.
    const PipelineImport::Result leaf = importText(
        dagWorkflow("      - {name: A, template: echo}\n"
                    "      - {name: B, template: echo, dependencies: [A]}\n"
                    "      - {name: C, template: echo, dependencies: [A]}\n",
                    "  - {name: cleanup, container: {image: alpine}}\n")
            .replace("  entrypoint: main\n", "  entrypoint: main\n  onExit: cleanup\n"));
    QVERIFY2(leaf.ok, qPrintable(leaf.errorMessage));
    QCOMPARE(conditionsBySource(leaf), (QStringList{u"B>onExit: exit"_s, u"C>onExit: exit"_s}));
    const PipelineNode *handler = nodeFromSource(leaf, u"onExit"_s);
    QVERIFY(handler);
    QCOMPARE(handler->name, u"cleanup"_s);
    QVERIFY(handler->badges.contains(u"exit handler"_s));
    QCOMPARE(handler->source.line, 6); // the line of onExit

    const PipelineImport::Result missing
        = importText(dagWorkflow("      - {name: A, template: echo}\n")
                         .replace("  entrypoint: main\n", "  entrypoint: main\n  onExit: gone\n"));
    QVERIFY2(missing.ok, qPrintable(missing.errorMessage));
    const PipelineImport::Note *note = warning(missing, u"'gone'"_s);
    QVERIFY2(note, qPrintable(warningsText(missing)));
    QCOMPARE(note->line, 6);
}

// Each kind of leaf template is a node saying what it is
// (https://argo-workflows.readthedocs.io/en/latest/fields/#template).
void TestArgoImport::leafTemplates()
{
    const PipelineImport::Result result = importText(R"yaml(apiVersion: argoproj.io/v1alpha1
kind: Workflow
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: gen, template: gen-random-int}
      - {name: make-pvc, template: pvc}
      - {name: approve, template: approve}
      - {name: call-api, template: get-google}
      - {name: both, template: pair}
      - {name: ask, template: plugin-call}
      - {name: filter, template: data-filter}
  - name: gen-random-int
    script:
      image: python:alpine3.6
      command: [python]
      source: |
        import random
        print(random.randint(1, 100))
  - name: pvc
    resource:
      action: create
      successCondition: status.phase == Bound
      manifest: |
        apiVersion: v1
        kind: PersistentVolumeClaim
  - name: approve
    suspend: {}
  - name: get-google
    http:
      url: https://www.google.com/
      method: GET
  - name: pair
    containerSet:
      containers:
      - {name: a, image: argoproj/argosay:v2, command: [sh, -c], args: [echo a]}
      - {name: b, image: alpine}
  - name: plugin-call
    plugin:
      hello: {text: hi}
  - name: data-filter
    data:
      source: {artifactPaths: {s3: {bucket: test}}}
      transformation: [{expression: "filter(data, {# endsWith '.py'})"}]
)yaml");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *gen = nodeFromSource(result, u"gen"_s);
    QCOMPARE(gen->image, u"python:alpine3.6"_s);
    QCOMPARE(
        gen->command,
        (QStringList{u"python"_s, u"-c"_s, u"import random\nprint(random.randint(1, 100))\n"_s}));
    QCOMPARE(detail(gen, u"template type"_s), u"script"_s);
    const PipelineNode *pvc = nodeFromSource(result, u"make-pvc"_s);
    QCOMPARE(detail(pvc, u"template type"_s), u"resource"_s);
    QCOMPARE(detail(pvc, u"resource.action"_s), u"create"_s);
    QCOMPARE(detail(pvc, u"resource.successCondition"_s), u"status.phase == Bound"_s);
    QCOMPARE(detail(pvc, u"resource.manifest"_s),
             u"apiVersion: v1\nkind: PersistentVolumeClaim\n"_s);
    QCOMPARE(detail(nodeFromSource(result, u"approve"_s), u"template type"_s), u"suspend"_s);
    const PipelineNode *http = nodeFromSource(result, u"call-api"_s);
    QCOMPARE(detail(http, u"template type"_s), u"http"_s);
    QCOMPARE(detail(http, u"http"_s), u"{url: https://www.google.com/, method: GET}"_s);
    const PipelineNode *pair = nodeFromSource(result, u"both"_s);
    QCOMPARE(detail(pair, u"template type"_s), u"containerSet"_s);
    QCOMPARE(detail(pair, u"containerSet.containers"_s),
             u"- a (argoproj/argosay:v2): sh -c echo a\n- b (alpine): "_s);
    QCOMPARE(detail(nodeFromSource(result, u"ask"_s), u"plugin"_s), u"{hello: {text: hi}}"_s);
    QCOMPARE(detail(nodeFromSource(result, u"filter"_s), u"template type"_s), u"data"_s);
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

// https://argo-workflows.readthedocs.io/en/latest/walk-through/parameters/: a template's input
// takes the value its call passes, else its default.
void TestArgoImport::inputsAndArguments()
{
    const PipelineImport::Result result = importText(dagWorkflow(
        "      - name: X\n"
        "        template: print\n"
        "        arguments:\n"
        "          parameters: [{name: message, value: hello}]\n"
        "          artifacts: [{name: data, from: '{{tasks.A.outputs.artifacts.x}}'}]\n",
        "  - name: print\n"
        "    inputs:\n"
        "      parameters: [{name: message}, {name: level, value: info}]\n"
        "      artifacts: [{name: data, path: /tmp/data}]\n"
        "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/out}}]}\n"
        "    activeDeadlineSeconds: 60\n"
        "    container: {image: alpine, command: [cat], args: [/tmp/data], "
        "env: [{name: A, value: b}]}\n"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *x = nodeFromSource(result, u"X"_s);
    QCOMPARE(x->parameters, (KeyValueList{{u"message"_s, u"hello"_s}, {u"level"_s, u"info"_s}}));
    QCOMPARE(detail(x, u"arguments.artifacts"_s),
             u"[{name: data, from: {{tasks.A.outputs.artifacts.x}}}]"_s);
    QCOMPARE(detail(x, u"inputs.artifacts"_s), u"[{name: data, path: /tmp/data}]"_s);
    QCOMPARE(detail(x, u"outputs"_s),
             u"{parameters: [{name: out, valueFrom: {path: /tmp/out}}]}"_s);
    QCOMPARE(detail(x, u"activeDeadlineSeconds"_s), u"60"_s);
    QCOMPARE(detail(x, u"container.env"_s), u"[{name: A, value: b}]"_s);
    QCOMPARE(x->command, (QStringList{u"cat"_s, u"/tmp/data"_s}));
}

void TestArgoImport::missingAndUnusedTemplates()
{
    const PipelineImport::Result result
        = importText(dagWorkflow("      - {name: A, template: echo}\n"
                                 "      - {name: B, template: nothere, dependencies: [A]}\n"
                                 "      - {name: C}\n",
                                 "  - name: spare\n"
                                 "    container: {image: alpine}\n"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.pipeline.nodes.size(), 3);
    QCOMPARE(edgesBySource(result), QStringList{u"A>B"_s});
    const PipelineImport::Note *missing = warning(result, u"'nothere'"_s);
    QVERIFY2(missing, qPrintable(warningsText(result)));
    QCOMPARE(missing->line, 11);
    QCOMPARE(missing->message,
             u"task 'B' calls the template 'nothere', which is not in this file"_s);
    const PipelineImport::Note *none = warning(result, u"task 'C' names no template"_s);
    QVERIFY(none);
    QCOMPARE(none->line, 12);
    const PipelineImport::Note *unused = warning(result, u"'spare'"_s);
    QVERIFY(unused);
    QCOMPARE(unused->line, 15);
    QCOMPARE(unused->message,
             u"the template 'spare' is not called from the entrypoint: not drawn"_s);

    const PipelineImport::Result noEntry
        = importText(dagWorkflow("      - {name: A, template: echo}\n")
                         .replace("entrypoint: main",
                                  "entrypoint: "
                                  "mian"));
    QVERIFY2(noEntry.ok, qPrintable(noEntry.errorMessage));
    const PipelineImport::Note *entry = warning(noEntry, u"'mian'"_s);
    QVERIFY2(entry, qPrintable(warningsText(noEntry)));
    QCOMPARE(entry->line, 5);
    QVERIFY(nodeFromSource(noEntry, u"A"_s)); // the one template nobody calls is drawn
}

// The workflow's name and its arguments.parameters are the pipeline's details.
void TestArgoImport::pipelineDetails()
{
    const PipelineImport::Result result = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-world-parameters-
  labels: {team: ml}
spec:
  entrypoint: print-message
  serviceAccountName: argo
  arguments:
    parameters:
    - name: message
      value: hello world
    - name: os-list
  templates:
  - name: print-message
    container: {image: busybox, command: [echo]}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const KeyValueList &details = result.pipeline.source.details;
    QCOMPARE(detail(details, u"generateName"_s), u"hello-world-parameters-"_s);
    QCOMPARE(detail(details, u"kind"_s), u"Workflow"_s);
    QCOMPARE(detail(details, u"metadata.labels"_s), u"{team: ml}"_s);
    QCOMPARE(detail(details, u"parameters.message"_s), u"hello world"_s);
    QVERIFY(details.contains(std::pair(u"parameters.os-list"_s, QString())));
    QCOMPARE(detail(details, u"serviceAccountName"_s), u"argo"_s);
    QCOMPARE(detail(details, u"entrypoint"_s), u"print-message"_s);
    // A leaf entrypoint is the one node.
    QCOMPARE(result.pipeline.nodes.size(), 1);
    QCOMPARE(result.pipeline.nodes.first().source.id, u"print-message"_s);
    QCOMPARE(result.pipeline.nodes.first().source.line, 15);
}

// https://argo-workflows.readthedocs.io/en/latest/workflow-templates/ and
// https://argo-workflows.readthedocs.io/en/latest/cron-workflows/: the same spec under other
// kinds; a CronWorkflow's is at spec.workflowSpec, beside its schedule.
void TestArgoImport::kinds_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("detailKey");
    QTest::addColumn<QString>("detailValue");
    const QByteArray templates = "  entrypoint: main\n  templates:\n  - name: main\n    dag:\n"
                                 "      tasks:\n      - {name: A, template: echo}\n"
                                 "      - {name: B, template: echo, depends: A}\n"
                                 "  - {name: echo, container: {image: alpine}}\n";
    QTest::newRow("WorkflowTemplate")
        << "apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: wt}\nspec:\n"
               + templates
        << u"name"_s << u"wt"_s;
    QTest::newRow("ClusterWorkflowTemplate")
        << "apiVersion: argoproj.io/v1alpha1\nkind: ClusterWorkflowTemplate\nmetadata: {name: "
           "cwt}\nspec:\n"
               + templates
        << u"kind"_s << u"ClusterWorkflowTemplate"_s;
    QByteArray cronSpec = templates;
    cronSpec.replace("\n  ", "\n    ").prepend("  ");
    QTest::newRow("CronWorkflow")
        << "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: hello}\nspec:\n"
           "  schedule: \"* * * * *\"\n  concurrencyPolicy: Replace\n  workflowSpec:\n"
               + cronSpec
        << u"schedule"_s << u"* * * * *"_s;
    QTest::newRow("CronWorkflow schedules")
        << "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: hello}\nspec:\n"
           "  schedules: [\"*/2 * * * *\", \"10 * * * *\"]\n  workflowSpec:\n"
               + cronSpec
        << u"schedules"_s << u"[*/2 * * * *, 10 * * * *]"_s;
}

void TestArgoImport::kinds()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, detailKey);
    QFETCH(QString, detailValue);
    const PipelineImport::Result result = importText(yaml);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::Argo);
    QCOMPARE(edgesBySource(result), QStringList{u"A>B"_s});
    QCOMPARE(detail(result.pipeline.source.details, detailKey), detailValue);
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

// A WorkflowTemplate is a library: without an entrypoint, one template is the pipeline; with
// several, those no other calls are drawn side by side, and that is said.
void TestArgoImport::templatesWithoutEntrypoint()
{
    const PipelineImport::Result one = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: ClusterWorkflowTemplate
metadata:
  name: cluster-workflow-template-print-message
spec:
  templates:
  - name: print-message
    inputs:
      parameters:
      - name: message
    container:
      image: busybox
      command: [echo]
      args: ["{{inputs.parameters.message}}"]
)");
    QVERIFY2(one.ok, qPrintable(one.errorMessage));
    QCOMPARE(one.pipeline.nodes.size(), 1);
    QCOMPARE(one.pipeline.nodes.first().command,
             (QStringList{u"echo"_s, u"{{inputs.parameters.message}}"_s}));
    QVERIFY2(one.warnings.isEmpty(), qPrintable(warningsText(one)));

    const PipelineImport::Result several = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: library}
spec:
  templates:
  - {name: print-message, container: {image: busybox}}
  - name: inner-steps
    steps:
    - - {name: hello1, template: print-message}
    - - {name: hello2, template: print-message}
  - name: lonely
    container: {image: alpine}
)");
    QVERIFY2(several.ok, qPrintable(several.errorMessage));
    const PipelineImport::Note *note = warning(several, u"no entrypoint"_s);
    QVERIFY2(note, qPrintable(warningsText(several)));
    QCOMPARE(note->line, 5);
    QCOMPARE(edgesBySource(several), QStringList{u"inner-steps/hello1>inner-steps/hello2"_s});
    QVERIFY(nodeFromSource(several, u"lonely"_s));
    QCOMPARE(frameTitles(several), QStringList{u"inner-steps"_s});
}

// The framework imports the first workflow of a file of several and says the others are not.
void TestArgoImport::severalDocuments()
{
    const QByteArray workflow = dagWorkflow("      - {name: A, template: echo}\n");
    const PipelineImport::Result result
        = importText(workflow + "---\n" + QByteArray(workflow).replace("name: A", "name: Z"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QVERIFY(nodeFromSource(result, u"A"_s));
    QVERIFY(!nodeFromSource(result, u"Z"_s));
    QVERIFY2(warning(result, u"more YAML document"_s), qPrintable(warningsText(result)));
}

// "Billion laughs": nine levels of ten aliases each, used where the reader looks into lists and
// maps. yaml-cpp shares the aliased nodes and the reader never expands them past a budget, so
// this imports at once instead of walking 10^9 nodes.
void TestArgoImport::aliasBombEndsQuickly()
{
    QByteArray bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        QByteArray refs;
        for (int i = 0; i < 10; ++i)
            refs += (i ? ", *a" : "*a") + QByteArray::number(level - 1);
        bomb += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [" + refs
                + "]\n";
    }
    const PipelineImport::Result result = importText(
        "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  labels:\n    "
        + bomb.replace("\n", "\n    ")
        + "\nspec:\n  entrypoint: main\n  arguments: {parameters: *a9}\n  templates:\n"
          "  - name: main\n    steps: [[{name: s, template: echo, withItems: *a9, depends: *a9, "
          "arguments: {parameters: *a9}}]]\n"
          "  - {name: echo, inputs: {parameters: *a9}, container: {image: x, command: *a9, args: "
          "*a9}}\n");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *step = nodeFromSource(result, u"s"_s);
    QVERIFY(step);
    QCOMPARE(step->badges, QStringList{u"loop ×10"_s});
    QVERIFY(detail(step, u"withItems"_s).size() <= 401);
    QVERIFY(step->command.isEmpty()); // a command of lists is not a command
}

// An anchor used inside itself: the inline template contains itself without end; the nesting
// limit stops it.
void TestArgoImport::selfReferencingInlineTemplate()
{
    const PipelineImport::Result result = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
spec:
  entrypoint: main
  templates:
  - name: main
    dag: &loop
      tasks:
      - name: again
        inline: {dag: *loop}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage)); // yaml-cpp builds the cycle
    QCOMPARE(result.pipeline.annotations.size(), 30);
    QCOMPARE(result.pipeline.nodes.size(), 1);
    QVERIFY2(warning(result, u"nested more than 30 deep"_s), qPrintable(warningsText(result)));
}

void TestArgoImport::detection_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("argo");
    QTest::newRow("workflow") << dagWorkflow("      - {name: A, template: echo}\n") << true;
    QTest::newRow("workflow as JSON")
        << QByteArray(R"({"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow", "spec":
            {"entrypoint": "a", "templates": [{"name": "a", "container": {"image": "x"}}]}})")
        << true;
    QTest::newRow("kind without apiVersion")
        << QByteArray("kind: Workflow\nspec: {entrypoint: a, templates: [{name: a, container: "
                      "{image: x}}]}\n")
        << true;
    QTest::newRow("tekton pipeline")
        << QByteArray("apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata: {name: p}\nspec:\n"
                      "  tasks:\n  - {name: build, taskRef: {name: kaniko}}\n")
        << false;
    QTest::newRow("a Workflow kind of another API")
        << QByteArray("apiVersion: example.com/v1\nkind: Workflow\nspec: {templates: []}\n")
        << false;
    QTest::newRow("kubernetes deployment")
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: "
                      "{replicas: 1}\n")
        << false;
    QTest::newRow("argo events sensor")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Sensor\nspec: {triggers: []}\n")
        << false;
    QTest::newRow("github workflow")
        << QByteArray("on: push\njobs:\n  a: {runs-on: x, steps: []}\n") << false;
}

void TestArgoImport::detection()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, argo);
    const PipelineImport::Result detected = importText(yaml);
    QCOMPARE(detected.ok && detected.format == Format::Argo, argo);
    // Forced, the Argo reader still refuses what is not Argo.
    QCOMPARE(importText(yaml, Format::Argo).ok, argo);
}

namespace {

// The task names a `depends` expression mentions: its words, less the results after a dot.
QSet<QString> dependsNames(const QString &expression)
{
    static const QRegularExpression word(u"[A-Za-z0-9_-]+(\\.[A-Za-z]+)?"_s);
    QSet<QString> names;
    for (auto match = word.globalMatch(expression); match.hasNext();)
        names.insert(match.next().captured(0).section(u'.', 0, 0));
    return names;
}

QString text(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

} // namespace

// Every real Argo file of ../shared/corpus imports (the Kubeflow v1 compiled ones too, which are
// Argo Workflows), and its entrypoint's tasks and dependencies are there: counted here with
// yaml-cpp directly. A task calling a DAG or steps template of the file is a frame of nodes whose
// ids start with the task's; an edge between two tasks may join their inner nodes.
void TestArgoImport::realArgoWorkflows()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines/argo"_s);
    const QDir folder(sharedReferencePath(u"corpus/real-pipelines/argo"_s));
    const QStringList files = folder.entryList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString path = folder.filePath(file);
        const PipelineImport::Result result
            = PipelineImport::importFile(path, NodeCatalog::builtIn());
        QVERIFY2(result.ok, qPrintable(PipelineImport::describeError(file, result)));
        QCOMPARE(result.format, Format::Argo);

        std::vector<YAML::Node> documents;
        try {
            documents = YAML::LoadAllFromFile(path.toStdString());
        } catch (const YAML::Exception &error) {
            QFAIL(qPrintable(file + u": "_s + QString::fromStdString(error.what())));
        }
        YAML::Node document; // the first Argo workflow of the file
        for (YAML::Node &candidate : documents)
            if (candidate.IsMap() && text(candidate["apiVersion"]).startsWith(u"argoproj.io"_s)) {
                document = candidate;
                break;
            }
        QVERIFY2(document.IsMap(), qPrintable(file));
        YAML::Node spec = document["spec"];
        if (text(document["kind"]) == u"CronWorkflow")
            spec = spec["workflowSpec"];
        QHash<QString, YAML::Node> templates;
        for (YAML::Node body : spec["templates"])
            templates.insert(text(body["name"]), body);
        QString entrypoint = text(spec["entrypoint"]);
        if (entrypoint.isEmpty() && templates.size() == 1)
            entrypoint = templates.keys().first();
        QVERIFY2(templates.contains(entrypoint), qPrintable(file));
        YAML::Node main = templates.value(entrypoint);

        // The entrypoint's calls, and for each the calls it waits for.
        QStringList calls;
        QSet<std::pair<QString, QString>> expected;
        QHash<QString, int> lines;
        QHash<QString, YAML::Node> callNodes;
        if (main["dag"]) {
            for (YAML::Node task : main["dag"]["tasks"]) {
                const QString name = text(task["name"]);
                calls << name;
                lines.insert(name, task.Mark().line + 1);
                callNodes.insert(name, task);
                for (YAML::Node dependency : task["dependencies"])
                    expected.insert({text(dependency), name});
                for (const QString &dependency : dependsNames(text(task["depends"])))
                    expected.insert({dependency, name});
            }
        } else if (main["steps"]) {
            QStringList previous;
            for (YAML::Node group : main["steps"]) {
                QStringList current;
                for (YAML::Node step : group) {
                    const QString name = text(step["name"]);
                    current << name;
                    lines.insert(name, step.Mark().line + 1);
                    callNodes.insert(name, step);
                    for (const QString &before : std::as_const(previous))
                        expected.insert({before, name});
                }
                calls << current;
                previous = current;
            }
        } else {
            calls << entrypoint;
            lines.insert(entrypoint, main.Mark().line + 1);
        }

        // Each call is a node (a leaf template, a templateRef) or a frame of nodes.
        for (const QString &call : std::as_const(calls)) {
            const YAML::Node called = templates.value(text(callNodes.value(call)["template"]));
            const bool framed = called.IsMap() && (called["dag"] || called["steps"]);
            const PipelineNode *node = nodeFromSource(result, call);
            if (!framed) {
                QVERIFY2(node, qPrintable(file + u": "_s + call));
                QCOMPARE(node->source.line, lines.value(call));
                continue;
            }
            const bool inside
                = std::any_of(result.pipeline.nodes.cbegin(),
                              result.pipeline.nodes.cend(),
                              [&](const auto &n) { return n.source.id.startsWith(call + u'/'); });
            QVERIFY2(inside || (node && node->badges.contains(u"recursive"_s)),
                     qPrintable(file + u": "_s + call));
        }
        // Each edge, seen from the entrypoint's calls, joins two of them the file says.
        const QHash<QString, QString> idOf = sourceIds(result);
        QSet<std::pair<QString, QString>> drawn;
        for (const PipelineEdge &edge : result.pipeline.edges) {
            const QString from = idOf.value(edge.from.node).section(u'/', 0, 0);
            const QString to = idOf.value(edge.to.node).section(u'/', 0, 0);
            if (from != to && edge.condition != u"exit"_s)
                drawn.insert({from, to});
        }
        QCOMPARE(drawn, expected);
        qInfo("%s: %lld calls, %lld dependencies; %lld nodes, %lld edges, %lld frames, %lld "
              "warnings",
              qPrintable(file),
              qlonglong(calls.size()),
              qlonglong(expected.size()),
              qlonglong(result.pipeline.nodes.size()),
              qlonglong(result.pipeline.edges.size()),
              qlonglong(result.pipeline.annotations.size()),
              qlonglong(result.warnings.size()));
        for (const PipelineImport::Note &note : result.warnings)
            qInfo("  %d: %s", note.line, qPrintable(note.message));
        // A well-formed workflow opens without errors: only the warnings that teach.
        for (const PipelineFinding &finding :
             validatePipeline(result.pipeline.nodes, result.pipeline.edges, NodeCatalog::builtIn()))
            QVERIFY2(finding.severity != PipelineFinding::Severity::Error,
                     qPrintable(file + u": "_s + finding.message));
    }
}

// What `pipeline export --to argo` writes of each template opens again with its stages and their
// dependencies (README "Orchestrator export": a DAG task per stage, `depends` from the edges).
void TestArgoImport::ourOwnExportsReadBack()
{
    for (const PipelineTemplate &pipelineTemplate : PipelineTemplates::all()) {
        const PipelineFile::ReadResult read
            = PipelineTemplates::load(pipelineTemplate, NodeCatalog::builtIn());
        QVERIFY(read.ok);
        PipelineGraph graph(&NodeCatalog::builtIn());
        graph.reset(read.nodes, read.edges, read.annotations);
        const OrchestratorExport::Result exported
            = OrchestratorExport::exportPipeline(graph, pipelineTemplate.id, ExportTarget::Argo);
        QVERIFY(exported.ok());
        const PipelineImport::Result result = importText(exported.files.first().contents);
        QVERIFY2(result.ok, qPrintable(result.errorMessage));
        QCOMPARE(result.format, Format::Argo);
        QCOMPARE(result.pipeline.nodes.size(), read.nodes.size());
        // The edges the export wrote ("a && b"), read here with yaml-cpp.
        YAML::Node workflow = YAML::Load(exported.files.first().contents.toStdString());
        QStringList depends;
        for (YAML::Node body : workflow["spec"]["templates"]) // copies: a missing key is null
            for (YAML::Node task : body["dag"]["tasks"])
                for (const QString &from :
                     text(task["depends"]).split(u" && "_s, Qt::SkipEmptyParts))
                    depends << from + u'>' + text(task["name"]);
        depends.sort();
        QVERIFY(!depends.isEmpty());
        QCOMPARE(edgesBySource(result), depends);
        QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
    }
}

QTEST_GUILESS_MAIN(TestArgoImport)
#include "tst_argoimport.moc"
