#include "roadmap/noteseditor.h"

#include "progress/progressstore.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

// Long enough not to write on every key press, short enough that nothing typed is at risk.
static constexpr int SaveDelayMs = 700;

NotesEditor::NotesEditor(ProgressStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_tabs(new QTabWidget(this))
    , m_editor(new QPlainTextEdit(this))
    , m_preview(new QTextBrowser(this))
    , m_saveState(new QLabel(this))
{
    m_editor->setPlaceholderText(tr("Your notes on this topic, in Markdown: what you learned, "
                                    "links, commands, questions…"));
    m_editor->setTabChangesFocus(true);
    m_preview->setOpenExternalLinks(true);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_editor, tr("&Write"));
    m_tabs->addTab(m_preview, tr("Pre&view"));
    m_saveState->setObjectName(u"saveState"_s);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_saveState);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &NotesEditor::saveNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &NotesEditor::onTextEdited);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_preview)
            m_preview->setMarkdown(m_editor->toPlainText());
    });
    connect(m_store, &ProgressStore::notesChanged, this, &NotesEditor::onNotesChanged);
    connect(m_store, &ProgressStore::progressReset, this, [this] { onNotesChanged(m_topicId); });
    setEnabled(false);
}

NotesEditor::~NotesEditor()
{
    saveNow();
}

QString NotesEditor::text() const
{
    return m_editor->toPlainText();
}

void NotesEditor::setTopic(const QString &topicId)
{
    if (topicId == m_topicId)
        return;
    saveNow();
    m_topicId = topicId;
    m_loading = true;
    m_editor->setPlainText(topicId.isEmpty() ? QString() : m_store->notes(topicId));
    m_loading = false;
    m_dirty = false;
    if (m_tabs->currentWidget() == m_preview)
        m_preview->setMarkdown(m_editor->toPlainText());
    showSaveState({}, false);
    setEnabled(!topicId.isEmpty());
}

void NotesEditor::onTextEdited()
{
    if (m_loading)
        return;
    m_dirty = true;
    showSaveState(tr("Editing…"), false);
    m_saveTimer.start();
}

bool NotesEditor::saveNow()
{
    m_saveTimer.stop();
    if (!m_dirty || m_topicId.isEmpty())
        return true;
    if (!m_store->setNotes(m_topicId, m_editor->toPlainText())) {
        showSaveState(tr("Not saved: %1").arg(m_store->errorString()), true);
        return false;
    }
    m_dirty = false;
    showSaveState(tr("Saved"), false);
    return true;
}

void NotesEditor::onNotesChanged(const QString &topicId)
{
    // Notes changed elsewhere (the command line, another window): show them unless the user
    // is in the middle of typing here.
    if (topicId != m_topicId || m_dirty)
        return;
    const QString stored = m_store->notes(topicId);
    if (stored == m_editor->toPlainText())
        return;
    m_loading = true;
    m_editor->setPlainText(stored);
    m_loading = false;
}

void NotesEditor::showSaveState(const QString &message, bool isError)
{
    m_saveState->setText(message);
    m_saveState->setProperty("error", isError);
    m_saveState->setForegroundRole(isError ? QPalette::Highlight : QPalette::PlaceholderText);
}
