#pragma once

#include "curriculum/topicstatus.h"

#include <QPersistentModelIndex>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QLayout;
class QPushButton;
class CurriculumModel;
class NotesEditor;
class StudyTimer;
class StudyTimerWidget;
struct Topic;

// The reading pane beside the curriculum tree: a topic's learning goals, activities, tools and
// hours, its status buttons and notes, or a section's objective and progress.
class TopicPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TopicPanel(CurriculumModel *model, QWidget *parent = nullptr);

    // The drawer's width comes from the workspace's splitter and its text scrolls: its size
    // hints are fixed, not measured from the topic's text (laying that out takes milliseconds,
    // and the splitter asks even while the drawer is hidden).
    QSize sizeHint() const override { return {420, 600}; }
    QSize minimumSizeHint() const override { return {340, 320}; }

    // A CurriculumModel index (section or topic); an invalid index shows a hint.
    void showIndex(const QModelIndex &index);
    QModelIndex currentIndex() const { return m_index; }
    NotesEditor *notesEditor() const { return m_notes; }
    QAbstractButton *statusButton(int status) const;
    // Under the status: says so when the topic is done but none of its questions was answered.
    QLabel *masteryNote() const { return m_masteryNote; }
    bool saveNotes();
    // Shows the study timer's start / stop for the topic on display.
    void setStudyTimer(StudyTimer *timer);
    StudyTimerWidget *timerWidget() const { return m_timerWidget; }

signals:
    void previousRequested();
    void nextRequested();
    void statusRequested(const QString &topicId, TopicStatus status);
    void closeRequested();
    // "Show in pipeline": the stage that practises this topic.
    void showInPipelineRequested(const QString &topicId);
    // "Check yourself": ask this topic's self-check questions.
    void checkYourselfRequested(const QString &topicId);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    // Rich text takes the link colour when it is set: a new theme sets it again.
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void updateMasteryNote();
    void onStatusClicked(int status);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    QWidget *createStatusBar();
    // The self-check line and its Check Yourself button; also makes the reading's links work.
    QLayout *createSelfCheckRow();
    // The topic's reading list and self-check line, under its goals and activities.
    QString learningHtml(const Topic &topic) const;
    void refreshSelfCheck(const Topic *topic);

    CurriculumModel *m_model;
    QPersistentModelIndex m_index;
    QLabel *m_breadcrumb;
    QLabel *m_title;
    QLabel *m_facts;
    QLabel *m_body;
    QWidget *m_topicControls;
    QButtonGroup *m_statusGroup;
    QLabel *m_masteryNote;
    NotesEditor *m_notes;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_showInPipeline;
    QLabel *m_selfCheck;
    QPushButton *m_checkYourself;
    StudyTimerWidget *m_timerWidget = nullptr;
};
