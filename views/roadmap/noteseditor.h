#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class ProgressStore;

// A topic's Markdown notes: a Write tab and a Preview tab. Typing is saved through the store a
// moment after the user pauses, and at once when the topic changes or the editor goes away.
class NotesEditor : public QWidget
{
    Q_OBJECT

public:
    explicit NotesEditor(ProgressStore *store, QWidget *parent = nullptr);
    ~NotesEditor() override;

    void setTopic(const QString &topicId);
    QString topicId() const { return m_topicId; }
    QString text() const;
    bool hasUnsavedChanges() const { return m_dirty; }
    // Saves pending typing now; false (with the reason shown) when the store refused.
    bool saveNow();

private:
    void onTextEdited();
    void onNotesChanged(const QString &topicId);
    void showSaveState(const QString &message, bool isError);

    ProgressStore *m_store;
    QString m_topicId;
    bool m_dirty = false;
    bool m_loading = false;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_editor;
    QTextBrowser *m_preview;
    QLabel *m_saveState;
    QTimer m_saveTimer;
};
