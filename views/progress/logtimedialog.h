#pragma once

#include "progress/progressstore.h"

#include <QDialog>

class CurriculumModel;
class QComboBox;
class QDateTimeEdit;
class QSpinBox;

// Logs study time by hand, or edits a logged session: the topic, when it started (local
// time, not in the future) and how many minutes.
class LogTimeDialog : public QDialog
{
    Q_OBJECT

public:
    LogTimeDialog(CurriculumModel *curriculum,
                  const StudySession &session,
                  bool editing,
                  QWidget *parent = nullptr);

    StudySession session() const; // with the id it was given
    QComboBox *topicBox() const { return m_topic; }
    QDateTimeEdit *startEdit() const { return m_start; }
    QSpinBox *minutesBox() const { return m_minutes; }

private:
    qint64 m_id;
    QComboBox *m_topic;
    QDateTimeEdit *m_start;
    QSpinBox *m_minutes;
};
