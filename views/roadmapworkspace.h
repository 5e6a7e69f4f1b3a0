#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTreeView;
class CurriculumModel;
class TopicFilterProxyModel;
class TopicPanel;

// The Roadmap workspace for now: the curriculum as a searchable tree beside the topic panel,
// with the overall progress on top.
class RoadmapWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit RoadmapWorkspace(CurriculumModel *model, QWidget *parent = nullptr);

    QTreeView *tree() const { return m_tree; }
    TopicPanel *topicPanel() const { return m_panel; }
    QLineEdit *searchField() const { return m_search; }
    TopicFilterProxyModel *filterModel() const { return m_filter; }
    void focusSearch();
    // Selects a topic or section by id; false when the curriculum has no such id.
    bool selectId(const QString &id);
    void selectFirstTopic();
    QString selectedId() const;
    void moveToTopic(int step); // +1 next topic, -1 previous (in the visible order)

private:
    void onCurrentChanged(const QModelIndex &current);
    void onStatusFilterChanged(int comboIndex);
    void updateOverallProgress();
    void selectProxyIndex(const QModelIndex &proxyIndex);

    CurriculumModel *m_model;
    TopicFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_statusFilter;
    QTreeView *m_tree;
    TopicPanel *m_panel;
    QProgressBar *m_overall;
    QLabel *m_emptyResult;
};
