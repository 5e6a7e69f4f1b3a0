#pragma once

#include "presentation/slidelayout.h"
#include "roadmap/presentationdeck.h"
#include "roadmap/presentationquiz.h"
#include "theme/studiotheme.h"

#include <QWidget>

class QTimer;
class QVariantAnimation;
class CurriculumModel;
class SpeakerNotesWindow;

// Presents the roadmap full screen, one section per slide (see the keys in keyPressEvent).
// Closing it (Esc) emits finished() with the section shown last, so the roadmap can go there.
class PresentationWindow : public QWidget
{
    Q_OBJECT

public:
    explicit PresentationWindow(CurriculumModel *model, QWidget *parent = nullptr);

    // The projector theme unless told otherwise.
    void setTheme(const StudioTheme &theme);
    const StudioTheme &theme() const { return m_theme; }
    // Goes to a section, or to the section of a topic; false for an unknown id.
    bool goToId(const QString &id);
    // Full screen on the audience's screen: another screen than `origin`'s when there is one,
    // the usual projector set-up, and then the speaker notes open on `origin`'s screen.
    void present(QWidget *origin);

    int currentSection() const { return m_deck.currentSection(); }
    int sectionCount() const { return m_deck.sectionCount(); }
    QString currentSectionId() const;
    int revealedTopicCount() const { return m_deck.revealedTopicCount(); }
    bool isRevealing() const { return m_deck.isRevealing(); }
    void setRevealing(bool revealing);
    bool isProgressVisible() const { return m_showProgress; }
    void setProgressVisible(bool visible);
    bool isLaserOn() const { return m_laserOn; }
    void setLaserOn(bool on);
    QPointF laserPosition() const { return m_laserPosition; }
    bool isHintVisible() const { return m_hintOpacity > 0; }
    QString hintText() const;
    // The question slide (key Q): the question asked, or an empty id when none is.
    bool isQuestionShown() const { return m_quiz.isOn(); }
    bool isAnswerShown() const { return m_quiz.stage() == PresentationQuiz::Stage::Answered; }
    QString questionId() const { return m_quiz.isOn() ? m_quiz.question().id : QString(); }
    const SlideLayout &slide() const { return m_slide; }
    QString counterText() const;
    SpeakerNotesWindow *speakerNotes() const { return m_notes; }
    void setSpeakerNotesVisible(bool visible);

    void next();
    void previous();
    void first();
    void last();

signals:
    void currentSectionChanged(int index);
    void finished(const QString &lastSectionId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    bool handleKey(int key);
    bool handleQuestionKey(int key);
    void askQuestion();
    void closeQuestion();
    void showHint(const QString &message);
    void rebuildDeck();
    void step(bool moved, int sectionBefore);
    void relayout();
    void updateNotes();
    void setHintOpacity(double opacity);

    CurriculumModel *m_model;
    StudioTheme m_theme;
    PresentationDeck m_deck;
    PresentationQuiz m_quiz;
    QString m_hintMessage; // in place of the keys' hint until the presentation is shown again
    SlideLayout m_slide;
    SpeakerNotesWindow *m_notes;
    QTimer *m_hintTimer;
    QVariantAnimation *m_hintFade;
    double m_hintOpacity = 1;
    QPointF m_laserPosition;
    bool m_showProgress = true;
    bool m_laserOn = false;
    bool m_finished = false;
};
