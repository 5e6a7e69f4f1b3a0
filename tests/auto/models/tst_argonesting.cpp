// The Argo Workflows reader (models/pipeline/import/) on calls of DAG and steps templates: the
// frames they become, how the edges around a frame reach its inner nodes, the recursion and the
// limits that stop an expansion, and the workflow's exit handler. Expected values come from
// Argo's documentation, cited at each test: https://argo-workflows.readthedocs.io/en/latest/
#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinefile.h"
#include "support/argoimportfixtures.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ArgoImportFixtures;

namespace {

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

class TestArgoNesting : public QObject
{
    Q_OBJECT

private slots:
    void nestedTemplatesAreFrames();
    void nestedFramesSitInTheirParent();
    void nestedImportSavesAndReadsBack();
    void recursionStops();
    void recursionFromSeveralCallsIsSaidOnce();
    void nestingDepthLimit();
    void manyNestedCallsStayBounded();
    void workflowExitHandler();
    void selfReferencingInlineTemplate();
};

// A task calling a DAG or steps template is a frame round that template's nodes; the edges into
// it reach the inner entry nodes, the edges out of it leave from the inner exit nodes.
void TestArgoNesting::nestedTemplatesAreFrames()
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
void TestArgoNesting::nestedImportSavesAndReadsBack()
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

void TestArgoNesting::nestedFramesSitInTheirParent()
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
void TestArgoNesting::recursionStops()
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
void TestArgoNesting::recursionFromSeveralCallsIsSaidOnce()
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
void TestArgoNesting::nestingDepthLimit()
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
void TestArgoNesting::manyNestedCallsStayBounded()
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

// The exit handler of https://argo-workflows.readthedocs.io/en/latest/walk-through/exit-handlers/
// "always executes, irrespective of success or failure, at the end of the workflow": drawn after
// everything, its edges labelled "exit"; a steps handler is a frame.
void TestArgoNesting::workflowExitHandler()
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

// An anchor used inside itself: the inline template contains itself without end; the nesting
// limit stops it.
void TestArgoNesting::selfReferencingInlineTemplate()
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

QTEST_GUILESS_MAIN(TestArgoNesting)
#include "tst_argonesting.moc"
