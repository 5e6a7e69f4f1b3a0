#pragma once

#include "pipeline/pipelinevalidator.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

// The pipeline's findings, live: errors first, then warnings that teach. Activating one selects
// its stage; its curriculum topic is one click away.
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    // nodeNames: id -> name of every stage, to show "Train" rather than "n3".
    void setFindings(const QList<PipelineFinding> &findings,
                     const QHash<QString, QString> &nodeNames);
    QTreeWidget *list() const { return m_list; }
    QString summaryText() const;

signals:
    void findingActivated(const QString &nodeId);
    void topicRequested(const QString &topicId);

private:
    QLabel *m_summary;
    QTreeWidget *m_list;
    int m_errors = 0;
    int m_warnings = 0;
    int m_stages = 0;
};
