#pragma once

#include "pipeline/pipelinevalidator.h"

#include <QWidget>

class FindingDelegate;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

// The pipeline's findings, live: errors first, then warnings that teach. Each is shown whole,
// wrapped to the panel's width: its stage, its message and the topic that explains it, as a
// link. Enter (or a double-click) selects the stage; a click on the topic, or Ctrl+Enter, opens
// it in the Roadmap.
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    // nodeNames: id -> name of every stage, to show "Train" rather than "n3"; topicTitles:
    // id -> title of the curriculum's topics (a topic missing there shows its id).
    void setFindings(const QList<PipelineFinding> &findings,
                     const QHash<QString, QString> &nodeNames,
                     const QHash<QString, QString> &topicTitles = {});
    QTreeWidget *list() const { return m_list; }
    QString summaryText() const;
    // Where the topic link of a finding's row is, in the list's viewport; empty without a topic.
    QRect topicLinkRect(QTreeWidgetItem *item) const;

signals:
    void findingActivated(const QString &nodeId);
    void topicRequested(const QString &topicId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void requestTopic(QTreeWidgetItem *item);
    void showMenu(const QPoint &pos);

    QLabel *m_summary;
    QTreeWidget *m_list;
    FindingDelegate *m_delegate;
    int m_errors = 0;
    int m_warnings = 0;
    int m_stages = 0;
    int m_laidOutWidth = -1; // the list's width the rows were wrapped to
};
