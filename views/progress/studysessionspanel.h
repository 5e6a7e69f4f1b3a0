#pragma once

#include <QWidget>

class CurriculumModel;
class ProgressStore;
class QPushButton;
class QTableView;
class QUndoStack;
class StudySessionTableModel;

// The logged study sessions of the dashboard's range: edit (double-click, Enter) or delete
// (Delete) them, each an undoable step on the given stack.
class StudySessionsPanel : public QWidget
{
    Q_OBJECT

public:
    StudySessionsPanel(CurriculumModel *curriculum,
                       ProgressStore *store,
                       QUndoStack *undoStack,
                       QWidget *parent = nullptr);

    StudySessionTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    // Opens the editor for the session in `row`; the change is pushed when accepted.
    void editRow(int row);
    // Deletes the selected sessions as one undo step.
    void deleteSelected();

signals:
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateButtons();
    void showContextMenu(const QPoint &position);

    CurriculumModel *m_curriculum;
    ProgressStore *m_store;
    QUndoStack *m_undoStack;
    StudySessionTableModel *m_model;
    QTableView *m_view;
    QPushButton *m_edit;
    QPushButton *m_delete;
};
