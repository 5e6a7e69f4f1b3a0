#include "progress/studysessionspanel.h"

#include "progress/curriculummodel.h"
#include "progress/logtimedialog.h"
#include "progress/studysessioncommands.h"
#include "progress/studysessiontablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

StudySessionsPanel::StudySessionsPanel(CurriculumModel *curriculum,
                                       ProgressStore *store,
                                       QUndoStack *undoStack,
                                       QWidget *parent)
    : QWidget(parent)
    , m_curriculum(curriculum)
    , m_store(store)
    , m_undoStack(undoStack)
    , m_model(new StudySessionTableModel(curriculum, this))
    , m_view(new QTableView(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("De&lete"), this))
{
    m_view->setModel(m_model);
    m_view->setObjectName(u"studySessions"_s);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // Every row has the same shape: measuring a few is enough (all of 20,000 takes long).
    m_view->horizontalHeader()->setResizeContentsPrecision(32);
    m_view->horizontalHeader()->setSectionResizeMode(StudySessionTableModel::TopicColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(StudySessionTableModel::StartColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(StudySessionTableModel::MinutesColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->installEventFilter(this);

    auto *title = new QLabel(tr("<b>Study sessions</b>"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(title, 1);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        editRow(index.row());
    });
    connect(
        m_view, &QWidget::customContextMenuRequested, this, &StudySessionsPanel::showContextMenu);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (m_view->currentIndex().isValid())
            editRow(m_view->currentIndex().row());
    });
    connect(m_delete, &QPushButton::clicked, this, &StudySessionsPanel::deleteSelected);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &StudySessionsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StudySessionsPanel::updateButtons);
    updateButtons();
}

void StudySessionsPanel::updateButtons()
{
    const bool selected = m_view->selectionModel()->hasSelection();
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
}

void StudySessionsPanel::editRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const StudySession before = m_model->sessionAt(row);
    LogTimeDialog dialog(m_curriculum, before, true, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const StudySession after = dialog.session();
    const int count = m_undoStack->count();
    m_undoStack->push(
        new EditStudySessionCommand(m_store, before, after, m_model->topicTitle(after.topicId)));
    if (m_undoStack->count() == count && !(before == after))
        emit message(tr("The session was not changed: %1").arg(m_store->errorString()));
}

void StudySessionsPanel::deleteSelected()
{
    QList<StudySession> sessions;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        sessions << m_model->sessionAt(index.row());
    if (sessions.isEmpty())
        return;
    // One step: undo brings them all back.
    m_undoStack->beginMacro(tr("Delete %n study session(s)", nullptr, int(sessions.size())));
    for (const StudySession &session : sessions) {
        m_undoStack->push(
            new DeleteStudySessionCommand(m_store, session, m_model->topicTitle(session.topicId)));
    }
    m_undoStack->endMacro();
    emit message(
        tr("Deleted %n study session(s) (Ctrl+Z brings them back)", nullptr, int(sessions.size())));
}

void StudySessionsPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    QMenu menu(this);
    menu.addAction(tr("&Edit…"), this, [this, row = index.row()] { editRow(row); });
    menu.addAction(tr("De&lete"), this, &StudySessionsPanel::deleteSelected);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

bool StudySessionsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            deleteSelected();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && m_view->currentIndex().isValid()) {
            editRow(m_view->currentIndex().row());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
