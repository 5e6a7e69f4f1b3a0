#include "roadmap/topicpanel.h"

#include "common/statusdelegate.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"
#include "progress/studytimerwidget.h"
#include "roadmap/noteseditor.h"
#include "selfcheck/selfcheckplan.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

QString paragraph(const QString &heading, const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    return u"<h3>%1</h3><p>%2</p>"_s.arg(heading.toHtmlEscaped(),
                                         text.toHtmlEscaped().replace(u'\n', u"<br>"_s));
}

QString estimateText(double hours)
{
    return TopicPanel::tr("about %1 h").arg(QString::number(hours, 'g', 4));
}

} // namespace

TopicPanel::TopicPanel(CurriculumModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_breadcrumb(wrappingLabel(this))
    , m_title(wrappingLabel(this))
    , m_facts(wrappingLabel(this))
    , m_body(wrappingLabel(this))
    , m_topicControls(new QWidget(this))
    , m_statusGroup(new QButtonGroup(this))
    , m_masteryNote(wrappingLabel(this))
    , m_notes(new NotesEditor(model->store(), this))
    , m_previous(new QPushButton(tr("‹ P&revious topic"), this))
    , m_next(new QPushButton(tr("Ne&xt topic ›"), this))
    , m_showInPipeline(new QPushButton(tr("Show &in Pipeline"), this))
    , m_selfCheck(wrappingLabel(this))
    , m_checkYourself(new QPushButton(tr("Chec&k Yourself"), this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_breadcrumb->setForegroundRole(QPalette::PlaceholderText);
    m_facts->setForegroundRole(QPalette::PlaceholderText);
    m_body->setTextFormat(Qt::RichText);

    auto *reading = new QWidget;
    auto *readingLayout = new QVBoxLayout(reading);
    readingLayout->addWidget(m_title);
    readingLayout->addWidget(m_facts);
    readingLayout->addWidget(m_body);
    readingLayout->addStretch(1);
    QLayout *selfCheckRow = createSelfCheckRow();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(reading);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *notesTitle = new QLabel(tr("<b>Notes</b>"), m_topicControls);
    auto *controlsLayout = new QVBoxLayout(m_topicControls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    controlsLayout->addWidget(createStatusBar());
    m_masteryNote->setObjectName(u"masteryNote"_s);
    controlsLayout->addWidget(m_masteryNote);
    controlsLayout->addWidget(notesTitle);
    controlsLayout->addWidget(m_notes, 1);

    auto *close = new QToolButton(this);
    close->setText(u"✕"_s);
    close->setAutoRaise(true);
    close->setToolTip(tr("Close the topic (Esc)"));
    connect(close, &QToolButton::clicked, this, &TopicPanel::closeRequested);
    auto *header = new QHBoxLayout;
    header->addWidget(m_breadcrumb, 1);
    header->addWidget(close, 0, Qt::AlignTop);

    m_showInPipeline->setObjectName(u"showInPipeline"_s);
    m_showInPipeline->setToolTip(tr("Find or add the pipeline stage that practises this topic"));
    connect(m_showInPipeline, &QPushButton::clicked, this, [this] {
        if (m_index.isValid() && m_index.parent().isValid())
            emit showInPipelineRequested(m_index.data(CurriculumModel::IdRole).toString());
    });

    auto *navigation = new QHBoxLayout;
    navigation->addWidget(m_previous);
    navigation->addStretch(1);
    navigation->addWidget(m_showInPipeline);
    navigation->addStretch(1);
    navigation->addWidget(m_next);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(scroll, 2);
    layout->addLayout(selfCheckRow);
    layout->addWidget(m_topicControls, 3);
    layout->addLayout(navigation);

    connect(m_previous, &QPushButton::clicked, this, &TopicPanel::previousRequested);
    connect(m_next, &QPushButton::clicked, this, &TopicPanel::nextRequested);
    connect(m_statusGroup, &QButtonGroup::idClicked, this, &TopicPanel::onStatusClicked);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TopicPanel::onDataChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TopicPanel::refresh);
    if (ProgressStore *store = m_model->store()) {
        connect(store, &ProgressStore::answerRecorded, this, &TopicPanel::updateMasteryNote);
        connect(store, &ProgressStore::progressReset, this, &TopicPanel::updateMasteryNote);
    }
    refresh();
}

QLayout *TopicPanel::createSelfCheckRow()
{
    // Resources open in the browser; the label's context menu copies an address.
    m_body->setOpenExternalLinks(true);
    connect(m_body, &QLabel::linkHovered, m_body, [this](const QString &link) {
        m_body->setToolTip(link);
    });
    m_checkYourself->setObjectName(u"checkYourself"_s);
    m_checkYourself->setToolTip(tr("Answer this topic's self-check questions (Ctrl+K)"));
    connect(m_checkYourself, &QPushButton::clicked, this, [this] {
        if (m_index.isValid() && m_index.parent().isValid())
            emit checkYourselfRequested(m_index.data(CurriculumModel::IdRole).toString());
    });
    if (ProgressStore *store = m_model->store()) {
        connect(store, &ProgressStore::answerRecorded, this, &TopicPanel::refresh);
        connect(store, &ProgressStore::progressReset, this, &TopicPanel::refresh);
    }
    auto *row = new QHBoxLayout;
    row->addWidget(m_selfCheck, 1);
    row->addWidget(m_checkYourself, 0, Qt::AlignTop);
    return row;
}

QWidget *TopicPanel::createStatusBar()
{
    auto *bar = new QWidget(m_topicControls);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Status</b>"), bar));
    const QList<std::pair<TopicStatus, QString>> buttons = {
        {TopicStatus::Pending, tr("&Pending")},
        {TopicStatus::Learning, tr("&Learning")},
        {TopicStatus::Done, tr("&Done")},
        {TopicStatus::Skipped, tr("&Skipped")},
    };
    // Alt+P, Alt+L, Alt+D, Alt+S through the mnemonics; the symbol matches the tree's.
    for (const auto &[status, text] : buttons) {
        auto *button = new QToolButton(bar);
        button->setText(statusSymbol(status) + u' ' + text);
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(u"status-"_s + TopicStatuses::toString(status));
        m_statusGroup->addButton(button, int(status));
        layout->addWidget(button);
    }
    m_statusGroup->setExclusive(true);
    layout->addStretch(1);
    return bar;
}

QAbstractButton *TopicPanel::statusButton(int status) const
{
    return m_statusGroup->button(status);
}

void TopicPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        emit closeRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void TopicPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

void TopicPanel::setStudyTimer(StudyTimer *timer)
{
    delete m_timerWidget;
    m_timerWidget = new StudyTimerWidget(timer, m_model, m_topicControls);
    m_timerWidget->setObjectName(u"drawerStudyTimer"_s);
    // Under the status buttons and their note.
    auto *controlsLayout = static_cast<QVBoxLayout *>(m_topicControls->layout());
    controlsLayout->insertWidget(controlsLayout->indexOf(m_masteryNote) + 1, m_timerWidget);
    refresh();
}

bool TopicPanel::saveNotes()
{
    return m_notes->saveNow();
}

void TopicPanel::showIndex(const QModelIndex &index)
{
    m_index = index.siblingAtColumn(CurriculumModel::TitleColumn);
    refresh();
}

void TopicPanel::onStatusClicked(int status)
{
    if (!m_index.isValid())
        return;
    emit statusRequested(m_index.data(CurriculumModel::IdRole).toString(), TopicStatus(status));
    refresh(); // shows what the store holds, whether or not it took the change
}

void TopicPanel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!m_index.isValid())
        return;
    const QModelIndex parent = m_index.parent();
    if (topLeft.parent() == parent && topLeft.row() <= m_index.row()
        && bottomRight.row() >= m_index.row()) {
        refresh();
    }
}

void TopicPanel::refresh()
{
    const QModelIndex index = m_index;
    const bool isTopic = index.isValid() && index.parent().isValid();
    m_topicControls->setVisible(isTopic);
    updateMasteryNote();
    m_showInPipeline->setEnabled(isTopic);
    m_previous->setEnabled(index.isValid());
    m_next->setEnabled(index.isValid());
    if (!isTopic)
        refreshSelfCheck(nullptr);
    if (!index.isValid()) {
        m_breadcrumb->clear();
        m_title->setText(tr("Choose a topic"));
        m_facts->clear();
        m_body->setText(tr("Pick a section or topic on the left to read its learning goals and "
                           "suggested activities, set its status and keep notes."));
        m_notes->setTopic({});
        return;
    }
    m_title->setText(index.data(Qt::DisplayRole).toString());
    if (!isTopic) {
        const int finished = index.data(CurriculumModel::FinishedCountRole).toInt();
        const int total = index.data(CurriculumModel::TopicCountRole).toInt();
        m_breadcrumb->setText(tr("Section"));
        m_facts->setText(tr("%1 of %n topic(s) finished · %2", nullptr, total)
                             .arg(finished)
                             .arg(estimateText(index.data(CurriculumModel::HoursRole).toDouble())));
        QStringList prerequisites;
        for (const QString &id : index.data(CurriculumModel::PrerequisitesRole).toStringList())
            prerequisites << m_model->indexOfSection(id).data().toString();
        m_body->setText(
            paragraph(tr("Objective"), index.data(CurriculumModel::ObjectiveRole).toString())
            + paragraph(tr("Comes after"), prerequisites.join(u'\n')));
        m_notes->setTopic({});
        return;
    }
    m_breadcrumb->setText(index.parent().data(Qt::DisplayRole).toString());
    QStringList facts{estimateText(index.data(CurriculumModel::HoursRole).toDouble())};
    const QStringList tags = index.data(CurriculumModel::TagsRole).toStringList();
    if (!tags.isEmpty())
        facts << tr("Tools: %1").arg(tags.join(u", "_s));
    m_facts->setText(facts.join(u" · "_s));
    const Topic *topic
        = m_model->curriculum().findTopic(index.data(CurriculumModel::IdRole).toString());
    m_body->setText(
        paragraph(tr("Learning goals"), index.data(CurriculumModel::GoalsRole).toString())
        + paragraph(tr("Suggested activities"),
                    index.data(CurriculumModel::ActivitiesRole).toString())
        + (topic ? learningHtml(*topic) : QString()));
    refreshSelfCheck(topic);
    if (QAbstractButton *button = statusButton(index.data(CurriculumModel::StatusRole).toInt()))
        button->setChecked(true);
    m_notes->setTopic(index.data(CurriculumModel::IdRole).toString());
    if (m_timerWidget)
        m_timerWidget->setTopic(index.data(CurriculumModel::IdRole).toString());
}

QString TopicPanel::learningHtml(const Topic &topic) const
{
    if (topic.resources.isEmpty())
        return {};
    // The theme's link colour, named: rich text would otherwise keep the colour of the
    // palette it was first laid out with.
    const QString link = palette().color(QPalette::Link).name();
    QString html = u"<h3>%1</h3>"_s.arg(tr("Reading").toHtmlEscaped());
    for (const TopicResource &resource : topic.resources) {
        html += u"<p><a href=\"%1\" style=\"color: %3\">%2</a>"_s.arg(
            resource.url.toHtmlEscaped(), resource.title.toHtmlEscaped(), link);
        if (!resource.kind.isEmpty())
            html += u" · "_s + resource.kind.toHtmlEscaped();
        if (!resource.why.isEmpty())
            html += u"<br>"_s + resource.why.toHtmlEscaped();
        html += u"</p>"_s;
    }
    return html;
}

void TopicPanel::refreshSelfCheck(const Topic *topic)
{
    const bool hasQuestions = topic && !topic->questions.isEmpty();
    m_selfCheck->setVisible(hasQuestions);
    m_checkYourself->setVisible(hasQuestions);
    if (!hasQuestions)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QHash<QString, ReviewCard> cards
        = m_model->store() ? m_model->store()->reviewCards() : QHash<QString, ReviewCard>();
    const SelfCheckPlan::Mastery mastery = SelfCheckPlan::topicMastery(*topic, cards, now);
    const int total = mastery.total;
    QString text = u"<b>%1</b> "_s.arg(tr("Self-check").toHtmlEscaped());
    if (mastery.answered == 0)
        text += tr("%n question(s), none answered yet.", nullptr, total);
    else
        text += tr("%1 of %n question(s) remembered, %2 answered.", nullptr, total)
                    .arg(mastery.remembered)
                    .arg(mastery.answered);
    m_selfCheck->setText(text);
}

// "Done" should mean "I can answer the questions": marking it without answering any is allowed,
// but said.
void TopicPanel::updateMasteryNote()
{
    const bool isTopic = m_index.isValid() && m_index.parent().isValid();
    const Topic *topic
        = isTopic
              ? m_model->curriculum().findTopic(m_index.data(CurriculumModel::IdRole).toString())
              : nullptr;
    const ProgressStore *store = m_model->store();
    const bool unanswered = topic && store && !topic->questions.isEmpty()
                            && m_model->topicStatus(topic->id) == TopicStatus::Done
                            && std::none_of(topic->questions.cbegin(),
                                            topic->questions.cend(),
                                            [store](const SelfCheckQuestion &question) {
                                                return store->reviewCard(question.id).has_value();
                                            });
    m_masteryNote->setVisible(unanswered);
    m_masteryNote->setText(unanswered
                               ? tr("Marked done, but none of its %n question(s) answered yet",
                                    nullptr,
                                    int(topic->questions.size()))
                               : QString());
}
