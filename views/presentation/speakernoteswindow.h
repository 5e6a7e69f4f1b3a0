#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QTextBrowser;
class QTimer;
struct StudioTheme;
struct Section;

// The presenter's view of a presentation, on the presenter's own screen: the current section's
// topics with their learning goals, activities and resources, what comes next, and the time
// elapsed.
class SpeakerNotesWindow : public QWidget
{
    Q_OBJECT

public:
    explicit SpeakerNotesWindow(QWidget *parent = nullptr);

    void setTheme(const StudioTheme &theme);
    // `next` is null on the last section.
    void showSection(const Section &section, const QString &counter, const Section *next);
    void restartClock();

    QString notesText() const; // as plain text
    QString nextText() const;
    QString elapsedText() const;

private:
    void updateClock();

    QLabel *m_heading;
    QTextBrowser *m_notes;
    QLabel *m_next;
    QLabel *m_clock;
    QTimer *m_tick;
    QElapsedTimer m_elapsed;
};
