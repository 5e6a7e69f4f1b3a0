#include "pipeline/findingspanel.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/nodepalette.h"
#include "pipeline/nodepropertypanel.h"
#include "pipeline/quickaddpopup.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TestPipelinePanels : public QObject
{
    Q_OBJECT

private slots:
    void paletteListsEveryKind();
    void paletteSearch_data();
    void paletteSearch();
    void paletteEnterAndDrag();
    void quickAddFiltersAndChooses();
    void commandQuoting_data();
    void commandQuoting();
    void typedCommands_data();
    void typedCommands();
    void propertyPanelShowsNode();
    void propertyPanelReportsEdits();
    void propertyPanelParameters();
    void propertyPanelKeepsCursorOnRefresh();
    void findingsPanel();
    void findingsWrapWhole();
    void findingTopicLinkAndKeys();

private:
    static PipelineNode trainNode();
};

PipelineNode TestPipelinePanels::trainNode()
{
    PipelineNode node;
    node.id = u"n7"_s;
    node.kind = u"train"_s;
    node.name = u"Train"_s;
    node.tool = u"MLflow"_s;
    node.image = u"python:3.11-slim"_s;
    node.command = {u"python"_s, u"train.py"_s, u"--name"_s, u"my model"_s};
    node.parameters = {{u"epochs"_s, u"10"_s}};
    node.notes = u"Log every run."_s;
    return node;
}

void TestPipelinePanels::paletteListsEveryKind()
{
    NodePalette palette(&NodeCatalog::builtIn());
    QCOMPARE(palette.visibleKindIds().size(), NodeCatalog::builtIn().kinds().size());
    QVERIFY(palette.visibleKindIds().contains(u"retrain-trigger"_s));
}

void TestPipelinePanels::paletteSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedKind");
    QTest::addColumn<bool>("shown");
    QTest::newRow("by name") << u"monitor"_s << u"monitor"_s << true;
    QTest::newRow("by tool") << u"great expectations"_s << u"validate-data"_s << true;
    QTest::newRow("hides others") << u"great expectations"_s << u"deploy"_s << false;
    QTest::newRow("nothing") << u"zzz-no-such"_s << u"train"_s << false;
}

void TestPipelinePanels::paletteSearch()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedKind);
    QFETCH(bool, shown);
    NodePalette palette(&NodeCatalog::builtIn());
    palette.searchField()->setText(text);
    QCOMPARE(palette.visibleKindIds().contains(expectedKind), shown);
    palette.searchField()->clear();
    QVERIFY(palette.visibleKindIds().contains(expectedKind));
}

void TestPipelinePanels::paletteEnterAndDrag()
{
    NodePalette palette(&NodeCatalog::builtIn());
    QSignalSpy activated(&palette, &NodePalette::kindActivated);
    palette.searchField()->setText(u"feast"_s);
    QTest::keyClick(palette.searchField(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), palette.visibleKindIds().first());

    // What a drag carries: the kind id under the palette's MIME type.
    QTreeWidget *list = palette.list();
    QTreeWidgetItem *stage = list->topLevelItem(0)->child(0);
    std::unique_ptr<QMimeData> data(list->model()->mimeData({list->indexFromItem(stage)}));
    QVERIFY(data);
    QVERIFY(NodeCatalog::builtIn().kind(QString::fromUtf8(data->data(NodePalette::mimeType()))));
}

void TestPipelinePanels::quickAddFiltersAndChooses()
{
    QuickAddPopup popup(&NodeCatalog::builtIn());
    QSignalSpy chosen(&popup, &QuickAddPopup::kindChosen);
    popup.popup(QPoint(10, 10));
    QTest::keyClicks(popup.searchField(), u"deploy"_s);
    QVERIFY(popup.visibleKindIds().contains(u"deploy"_s));
    QVERIFY(!popup.visibleKindIds().contains(u"ingest"_s));
    QTest::keyClick(popup.searchField(), Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), popup.visibleKindIds().first());
    QVERIFY(!popup.isVisible());
}

void TestPipelinePanels::commandQuoting_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::newRow("plain") << QStringList{u"python"_s, u"train.py"_s};
    QTest::newRow("spaces") << QStringList{u"echo"_s, u"hello world"_s};
    QTest::newRow("quotes") << QStringList{u"sh"_s, u"-c"_s, u"echo \"hi\" there"_s};
    QTest::newRow("empty argument") << QStringList{u"run"_s, QString(), u"x"_s};
    QTest::newRow("specials") << QStringList{u"echo"_s, u"${{ secrets.X }}"_s, u"$(rm -rf /)"_s};
    QTest::newRow("backslashes and single quotes")
        << QStringList{u"printf"_s, u"a\\b"_s, u"it's"_s, u"C:\\path"_s};
}

void TestPipelinePanels::typedCommands_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("argv");
    QTest::newRow("single quotes")
        << u"python -c 'print(1 + 2)'"_s << QStringList{u"python"_s, u"-c"_s, u"print(1 + 2)"_s};
    QTest::newRow("extra spaces") << u"  dvc   repro  "_s << QStringList{u"dvc"_s, u"repro"_s};
    QTest::newRow("escaped space") << u"ls my\\ dir"_s << QStringList{u"ls"_s, u"my dir"_s};
    QTest::newRow("empty") << QString() << QStringList{};
}

void TestPipelinePanels::typedCommands()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, argv);
    QCOMPARE(NodePropertyPanel::splitCommand(typed), argv);
}

void TestPipelinePanels::commandQuoting()
{
    QFETCH(QStringList, argv);
    QCOMPARE(NodePropertyPanel::splitCommand(NodePropertyPanel::joinCommand(argv)), argv);
}

void TestPipelinePanels::propertyPanelShowsNode()
{
    NodePropertyPanel panel(&NodeCatalog::builtIn());
    const PipelineNode node = trainNode();
    panel.setNode(&node);
    QCOMPARE(panel.nameField()->text(), u"Train"_s);
    QCOMPARE(panel.toolField()->currentText(), u"MLflow"_s);
    QVERIFY(panel.toolField()->count() >= 1); // the kind's tool choices
    QCOMPARE(panel.imageField()->text(), u"python:3.11-slim"_s);
    QCOMPARE(NodePropertyPanel::splitCommand(panel.commandField()->text()), node.command);
    QCOMPARE(panel.parametersTable()->rowCount(), 1);
    QCOMPARE(panel.notesField()->toPlainText(), u"Log every run."_s);
    panel.setNode(nullptr);
    QVERIFY(panel.nodeId().isEmpty());
}

void TestPipelinePanels::propertyPanelReportsEdits()
{
    NodePropertyPanel panel(&NodeCatalog::builtIn());
    const PipelineNode node = trainNode();
    panel.setNode(&node);
    QSignalSpy edited(&panel, &NodePropertyPanel::nodeEdited);

    QTest::keyClicks(panel.nameField(), u"!"_s);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).value<PipelineNode>().name, u"Train"_s);
    QCOMPARE(edited.at(0).at(1).value<PipelineNode>().name, u"Train!"_s);
    QCOMPARE(edited.at(0).at(2).toString(), u"name"_s);

    panel.commandField()->setText(u"python serve.py \"a b\""_s);
    emit panel.commandField()->editingFinished();
    QCOMPARE(edited.count(), 2);
    QCOMPARE(edited.at(1).at(1).value<PipelineNode>().command,
             (QStringList{u"python"_s, u"serve.py"_s, u"a b"_s}));
    QCOMPARE(edited.at(1).at(2).toString(), u"command"_s);
    // The second edit starts from the first one's result.
    QCOMPARE(edited.at(1).at(0).value<PipelineNode>().name, u"Train!"_s);

    // Showing a node does not count as an edit.
    panel.setNode(&node);
    QCOMPARE(edited.count(), 2);
}

void TestPipelinePanels::propertyPanelParameters()
{
    NodePropertyPanel panel(&NodeCatalog::builtIn());
    const PipelineNode node = trainNode();
    panel.setNode(&node);
    QSignalSpy edited(&panel, &NodePropertyPanel::nodeEdited);
    QTableWidget *table = panel.parametersTable();
    table->item(0, 1)->setText(u"20"_s);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.last().at(1).value<PipelineNode>().parameters.at(0).second, u"20"_s);

    const QList<QPushButton *> buttons = panel.findChildren<QPushButton *>();
    QPushButton *add = nullptr;
    QPushButton *removeButton = nullptr;
    for (QPushButton *button : buttons) {
        if (button->text() == u"Add")
            add = button;
        if (button->text() == u"Remove")
            removeButton = button;
    }
    QVERIFY(add && removeButton);
    add->click();
    QCOMPARE(edited.last().at(1).value<PipelineNode>().parameters.size(), 2);
    table->setCurrentCell(0, 0);
    removeButton->click();
    const auto parameters = edited.last().at(1).value<PipelineNode>().parameters;
    QCOMPARE(parameters.size(), 1);
    QVERIFY(parameters.at(0).first != u"epochs");
}

void TestPipelinePanels::propertyPanelKeepsCursorOnRefresh()
{
    NodePropertyPanel panel(&NodeCatalog::builtIn());
    PipelineNode node = trainNode();
    panel.setNode(&node);
    panel.nameField()->setCursorPosition(2);
    node.notes = u"Changed elsewhere"_s;
    panel.setNode(&node);
    QCOMPARE(panel.nameField()->cursorPosition(), 2);
    QCOMPARE(panel.notesField()->toPlainText(), u"Changed elsewhere"_s);
}

void TestPipelinePanels::findingsPanel()
{
    FindingsPanel panel;
    QCOMPARE(panel.list()->topLevelItemCount(), 0);
    QVERIFY(panel.summaryText().contains(u"No stages yet"_s)); // not "all checks pass"
    panel.setFindings({}, {{u"n1"_s, u"Train"_s}});
    QVERIFY(panel.summaryText().contains(u"No findings"_s));
    PipelineFinding error{PipelineFinding::Severity::Error, u"n1"_s, u"A cycle."_s, {}, u"cycle"_s};
    PipelineFinding warning{PipelineFinding::Severity::Warning,
                            u"n2"_s,
                            u"No monitoring."_s,
                            u"monitoring-and-logging"_s,
                            u"deploy-without-monitoring"_s};
    panel.setFindings({error, warning}, {{u"n1"_s, u"Train"_s}, {u"n2"_s, u"Deploy"_s}});
    QCOMPARE(panel.list()->topLevelItemCount(), 2);
    QVERIFY(panel.list()->topLevelItem(0)->text(0).contains(u"Train"_s));
    // A topic the curriculum does not name shows its id.
    QVERIFY(panel.list()->topLevelItem(1)->text(0).contains(u"monitoring-and-logging"_s));
    QCOMPARE(panel.summaryText(), u"1 error, 1 warning"_s);
    QSignalSpy activated(&panel, &FindingsPanel::findingActivated);
    emit panel.list()->itemActivated(panel.list()->topLevelItem(1), 0);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), u"n2"_s);
}

namespace {

PipelineFinding longWarning()
{
    return {PipelineFinding::Severity::Warning,
            u"n2"_s,
            u"Deploy serves a model but nothing watches it: add a Monitor stage after it so that "
            u"drift, latency and errors are seen before the users see them."_s,
            u"monitoring-and-logging"_s,
            u"deploy-without-monitoring"_s};
}

} // namespace

// A finding is read whole, wrapped to the panel: a narrower panel gives it taller rows, and the
// row holds the message wrapped at the list's width (QFontMetricsF::boundingRect, TextWordWrap).
void TestPipelinePanels::findingsWrapWhole()
{
    FindingsPanel panel;
    panel.setFindings({longWarning()}, {{u"n2"_s, u"Deploy"_s}}, {});
    panel.resize(600, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTreeWidgetItem *item = panel.list()->topLevelItem(0);
    const auto rowHeight = [&] {
        return panel.list()->visualItemRect(item).height();
    };
    const int wide = rowHeight();
    panel.resize(220, 400);
    QCoreApplication::processEvents(); // the window system's resize, then the list's layout
    QVERIFY(rowHeight() > wide);
    const QFontMetricsF metrics(panel.list()->font());
    const double width = panel.list()->viewport()->width();
    const double message
        = metrics
              .boundingRect(QRectF(0, 0, width - 12, 1e6), Qt::TextWordWrap, longWarning().message)
              .height();
    QVERIFY(message >= 3 * metrics.lineSpacing()); // it does need several lines here
    QVERIFY2(rowHeight() >= message + 2 * metrics.lineSpacing(),
             qPrintable(u"%1 < %2"_s.arg(rowHeight()).arg(message)));
    panel.resize(600, 400);
    QCoreApplication::processEvents();
    QCOMPARE(rowHeight(), wide);
}

void TestPipelinePanels::findingTopicLinkAndKeys()
{
    FindingsPanel panel;
    panel.setFindings({longWarning()},
                      {{u"n2"_s, u"Deploy"_s}},
                      {{u"monitoring-and-logging"_s, u"Monitoring and logging"_s}});
    panel.resize(400, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTreeWidgetItem *item = panel.list()->topLevelItem(0);
    QVERIFY(item->text(0).contains(u"Learn more: Monitoring and logging"_s));
    QVERIFY(item->text(0).contains(u"Deploy"_s));
    QSignalSpy topics(&panel, &FindingsPanel::topicRequested);
    QSignalSpy stages(&panel, &FindingsPanel::findingActivated);
    const QRect link = panel.topicLinkRect(item);
    QVERIFY(!link.isEmpty());
    QVERIFY(panel.list()->visualItemRect(item).contains(link));
    QTest::mouseClick(panel.list()->viewport(), Qt::LeftButton, {}, link.center());
    QCOMPARE(topics.count(), 1);
    QCOMPARE(topics.at(0).at(0).toString(), u"monitoring-and-logging"_s);
    // A click on the message is no click on the topic.
    const QRect row = panel.list()->visualItemRect(item);
    QTest::mouseClick(panel.list()->viewport(), Qt::LeftButton, {}, row.topLeft() + QPoint(8, 8));
    QCOMPARE(topics.count(), 1);
    // Keys: Enter selects the stage, Ctrl+Enter opens the topic.
    panel.list()->setFocus();
    panel.list()->setCurrentItem(item);
    QTest::keyClick(panel.list(), Qt::Key_Return);
    QCOMPARE(stages.count(), 1);
    QCOMPARE(stages.at(0).at(0).toString(), u"n2"_s);
    QTest::keyClick(panel.list(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(topics.count(), 2);
    QCOMPARE(stages.count(), 1);
}

QTEST_MAIN(TestPipelinePanels)
#include "tst_pipelinepanels.moc"
