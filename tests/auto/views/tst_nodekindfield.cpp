// The property panel's Kind combo: grouped like the palette, and choosing a kind in it is one
// undo step on the model that the canvas, the panel and the findings follow. Which edges a kind
// keeps follows the ports of curriculum/pipeline-catalog.json (see tst_changenodekind).
#include "pipeline/nodecatalog.h"
#include "pipeline/nodepalette.h"
#include "pipeline/nodepropertypanel.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelineundocommands.h"
#include "pipeline/pipelineview.h"
#include "pipeline/pipelineworkspace.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

class TestNodeKindField : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void groupedLikeThePalette();
    void unknownKindIsNamed();
    void arrowKeyChangesKindInOneUndoStep();
    void popupChoiceRemovesEdgesAndSaysSo();
    void importedStageKindCanBeChanged();
    void wheelWithoutFocusChangesNothing();

private:
    PipelineGraph *graph() const { return m_document->graph(); }
    QUndoStack *stack() const { return m_document->undoStack(); }
    QComboBox *kindField() const { return m_workspace->properties()->kindField(); }
    bool hasFinding(const QString &nodeId, const QString &code) const;
    // ingest "Ingest data" -data-> validate-data "Validate data" -data-> transform "Transform";
    // the validate stage is selected. Returns its id.
    QString drawThreeStages();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PipelineDocument> m_document;
    std::unique_ptr<PipelineWorkspace> m_workspace;
};

void TestNodeKindField::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_document = std::make_unique<PipelineDocument>(&NodeCatalog::builtIn(),
                                                    m_dir->filePath(u"recovery"_s));
    m_workspace = std::make_unique<PipelineWorkspace>(m_document.get(), nullptr);
    m_workspace->resize(1400, 900);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
}

void TestNodeKindField::cleanup()
{
    m_workspace.reset();
    m_document.reset();
    m_dir.reset();
}

bool TestNodeKindField::hasFinding(const QString &nodeId, const QString &code) const
{
    const QList<PipelineFinding> &findings = m_workspace->findings();
    return std::any_of(findings.begin(), findings.end(), [&](const PipelineFinding &finding) {
        return finding.nodeId == nodeId && finding.code == code;
    });
}

QString TestNodeKindField::drawThreeStages()
{
    const QString ingest = m_workspace->addNode(u"ingest"_s, QPointF(0, 0));
    const QString transform = m_workspace->addNode(u"transform"_s, QPointF(600, 0));
    const QString validate = m_workspace->addNode(u"validate-data"_s, QPointF(300, 0));
    stack()->push(new ConnectCommand(graph(), {{ingest, u"data"_s}, {validate, u"data"_s}}));
    stack()->push(new ConnectCommand(graph(), {{validate, u"data"_s}, {transform, u"data"_s}}));
    m_workspace->scene()->selectIds({validate});
    return validate;
}

void TestNodeKindField::groupedLikeThePalette()
{
    NodePalette palette(&NodeCatalog::builtIn());
    NodePropertyPanel panel(&NodeCatalog::builtIn());
    QStringList categories;
    for (int c = 0; c < palette.list()->topLevelItemCount(); ++c)
        categories << palette.list()->topLevelItem(c)->text(0);
    const QComboBox *combo = panel.kindField();
    const auto *model = qobject_cast<const QStandardItemModel *>(combo->model());
    QVERIFY(model);
    QStringList headers;
    QStringList kinds;
    for (int row = 0; row < combo->count(); ++row) {
        const bool header = !(model->item(row)->flags() & Qt::ItemIsEnabled);
        if (header) {
            headers << combo->itemText(row);
            QVERIFY(model->item(row)->font().bold());
            QVERIFY(combo->itemData(row).isNull());
        } else {
            kinds << combo->itemData(row).toString();
            const NodeKind *kind = NodeCatalog::builtIn().kind(kinds.last());
            QVERIFY(kind);
            QCOMPARE(combo->itemText(row), kind->name);
            // Under the header of its category.
            QCOMPARE(headers.last(), kind->category);
        }
    }
    QCOMPARE(headers, categories);
    QCOMPARE(kinds, palette.visibleKindIds());
}

void TestNodeKindField::unknownKindIsNamed()
{
    NodePropertyPanel panel(&NodeCatalog::builtIn());
    PipelineNode node;
    node.id = u"n1"_s;
    node.kind = u"quantum-annealing"_s;
    node.name = u"Anneal"_s;
    panel.setNode(&node);
    QCOMPARE(panel.kindField()->currentIndex(), -1);
    QVERIFY(panel.kindField()->placeholderText().contains(u"quantum-annealing"_s));
}

void TestNodeKindField::arrowKeyChangesKindInOneUndoStep()
{
    const QString validate = drawThreeStages();
    const QString transform = graph()->nodes().at(1).id;
    QCOMPARE(kindField()->currentData().toString(), u"validate-data"_s);
    QTRY_VERIFY(!hasFinding(transform, u"missing-input"_s));
    const int steps = stack()->count();
    QSignalSpy status(m_workspace.get(), &PipelineWorkspace::statusMessage);

    // The palette's Data group lists transform right after validate-data.
    kindField()->setFocus();
    QTest::keyClick(kindField(), Qt::Key_Down);
    QCOMPARE(graph()->node(validate)->kind, u"transform"_s);
    QCOMPARE(stack()->count(), steps + 1);
    QCOMPARE(stack()->undoText(), u"Change kind of “Validate data” to Transform"_s);
    // Transform takes a Dataset 'data' input, but has no 'data' output.
    QCOMPARE(graph()->edges().size(), 1);
    QCOMPARE(graph()->edges().first().to.node, validate);
    QCOMPARE(status.count(), 1);
    QVERIFY2(status.first().first().toString().contains(u"“Transform” has no 'data' output"_s),
             qPrintable(status.first().first().toString()));
    // The canvas and the panel follow the model; so does validation.
    QCOMPARE(m_workspace->scene()->nodeItem(validate)->kind()->id, u"transform"_s);
    QCOMPARE(kindField()->currentData().toString(), u"transform"_s);
    QCOMPARE(m_workspace->properties()->toolField()->currentText(),
             NodeCatalog::builtIn().kind(u"transform"_s)->tools.first());
    QTRY_VERIFY(hasFinding(transform, u"missing-input"_s));

    stack()->undo();
    QCOMPARE(graph()->node(validate)->kind, u"validate-data"_s);
    QCOMPARE(graph()->edges().size(), 2);
    QCOMPARE(kindField()->currentData().toString(), u"validate-data"_s);
    QCOMPARE(m_workspace->scene()->nodeItem(validate)->kind()->id, u"validate-data"_s);
    QVERIFY(m_workspace->scene()->edgeItem(graph()->edges().at(1)));
    QTRY_VERIFY(!hasFinding(transform, u"missing-input"_s));
}

void TestNodeKindField::popupChoiceRemovesEdgesAndSaysSo()
{
    const QString validate = drawThreeStages();
    const int steps = stack()->count();
    QSignalSpy status(m_workspace.get(), &PipelineWorkspace::statusMessage);
    kindField()->showPopup();
    QAbstractItemView *list = kindField()->view();
    QTRY_VERIFY(list->isVisible());
    const int train = kindField()->findData(u"train"_s);
    QVERIFY(train > 0);
    list->setCurrentIndex(list->model()->index(train, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY(!list->isVisible());
    QCOMPARE(graph()->node(validate)->kind, u"train"_s);
    QCOMPARE(stack()->count(), steps + 1);
    // Train's 'data' input takes Features and it has no 'data' output: both edges go.
    QVERIFY(graph()->edges().isEmpty());
    QCOMPARE(status.count(), 1);
    QVERIFY2(status.first().first().toString().startsWith(u"2 connection"_s),
             qPrintable(status.first().first().toString()));
    stack()->undo();
    QCOMPARE(graph()->edges().size(), 2);
}

void TestNodeKindField::importedStageKindCanBeChanged()
{
    PipelineNode job;
    job.id = u"n1"_s;
    job.kind = u"step"_s;
    job.name = u"lint"_s;
    job.image = u"node:20"_s;
    job.command = {u"npm"_s, u"run"_s, u"lint"_s};
    job.source = {u"github-actions"_s, u"lint"_s, 7};
    job.details = {{u"runs-on"_s, u"ubuntu-latest"_s}};
    PipelineNode after = job;
    after.id = u"n2"_s;
    after.name = u"test"_s;
    after.source = {u"github-actions"_s, u"test"_s, 12};
    graph()->reset({job, after}, {{{u"n1"_s, {}}, {u"n2"_s, {}}}}, {});
    m_workspace->scene()->selectIds({u"n1"_s});
    QVERIFY(kindField()->isVisibleTo(m_workspace.get()));
    QVERIFY(kindField()->isEnabled());
    QCOMPARE(kindField()->currentData().toString(), u"step"_s);

    kindField()->setFocus();
    const int validate = kindField()->findData(u"validate-data"_s);
    kindField()->setCurrentIndex(validate);
    emit kindField()->activated(validate); // as a click in the popup does
    PipelineNode expected = job;
    expected.kind = u"validate-data"_s;
    expected.pos = graph()->node(u"n1"_s)->pos;
    QCOMPARE(*graph()->node(u"n1"_s), expected);
    QCOMPARE(graph()->edges().size(), 1); // the ordering edge stays
    stack()->undo();
    QCOMPARE(graph()->node(u"n1"_s)->kind, u"step"_s);
}

void TestNodeKindField::wheelWithoutFocusChangesNothing()
{
    const QString validate = drawThreeStages();
    const int steps = stack()->count();
    m_workspace->view()->setFocus();
    QVERIFY(!kindField()->hasFocus());
    const QPointF centre = QRectF(kindField()->rect()).center();
    QWheelEvent wheel(centre,
                      kindField()->mapToGlobal(centre),
                      QPoint(),
                      QPoint(0, -120),
                      Qt::NoButton,
                      Qt::NoModifier,
                      Qt::NoScrollPhase,
                      false);
    QApplication::sendEvent(kindField(), &wheel);
    QCOMPARE(graph()->node(validate)->kind, u"validate-data"_s);
    QCOMPARE(stack()->count(), steps);
    QCOMPARE(kindField()->currentData().toString(), u"validate-data"_s);
}

QTEST_MAIN(TestNodeKindField)
#include "tst_nodekindfield.moc"
