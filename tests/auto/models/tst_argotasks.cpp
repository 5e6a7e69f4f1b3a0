// The Argo Workflows reader (models/pipeline/import/) on one DAG or steps template: its tasks and
// steps as nodes, their `dependencies`, `depends` and step groups as edges, and what each node
// holds from its call and from the leaf template it runs. Expected values come from Argo's
// documentation, cited at each test: https://argo-workflows.readthedocs.io/en/latest/
#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "support/argoimportfixtures.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ArgoImportFixtures;
using Format = PipelineImport::Format;

class TestArgoTasks : public QObject
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
    void templateRef();
    void loopBadges_data();
    void loopBadges();
    void conditionsRetriesAndHooks();
    void leafTemplates();
    void inputsAndArguments();
};

// The diamond of the DAG walk-through: B and C after A, D after both.
// https://argo-workflows.readthedocs.io/en/latest/walk-through/dag/
void TestArgoTasks::dagDependencies()
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
void TestArgoTasks::dependsExpressions_data()
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

void TestArgoTasks::dependsExpressions()
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
void TestArgoTasks::unreadableDepends_data()
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

void TestArgoTasks::unreadableDepends()
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
void TestArgoTasks::missingDependencyIsAnError()
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
void TestArgoTasks::stepGroups()
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

void TestArgoTasks::repeatedStepNames()
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

// https://argo-workflows.readthedocs.io/en/latest/workflow-templates/: `templateRef` calls a
// template of another WorkflowTemplate (or ClusterWorkflowTemplate with clusterScope).
void TestArgoTasks::templateRef()
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
void TestArgoTasks::loopBadges_data()
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

void TestArgoTasks::loopBadges()
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
void TestArgoTasks::conditionsRetriesAndHooks()
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

// Each kind of leaf template is a node saying what it is
// (https://argo-workflows.readthedocs.io/en/latest/fields/#template).
void TestArgoTasks::leafTemplates()
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
void TestArgoTasks::inputsAndArguments()
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

QTEST_GUILESS_MAIN(TestArgoTasks)
#include "tst_argotasks.moc"
