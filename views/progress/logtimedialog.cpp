#include "progress/logtimedialog.h"

#include "progress/curriculummodel.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

LogTimeDialog::LogTimeDialog(CurriculumModel *curriculum,
                             const StudySession &session,
                             bool editing,
                             QWidget *parent)
    : QDialog(parent)
    , m_id(session.id)
    , m_topic(new QComboBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_minutes(new QSpinBox(this))
{
    setWindowTitle(editing ? tr("Edit Study Session") : tr("Log Study Time"));
    for (const Section &section : curriculum->curriculum().sections) {
        for (const Topic &topic : section.topics)
            m_topic->addItem(u"%1. %2"_s.arg(section.number).arg(topic.title), topic.id);
    }
    int index = m_topic->findData(session.topicId);
    if (index < 0 && !session.topicId.isEmpty()) { // a topic the curriculum no longer has
        m_topic->addItem(session.topicId, session.topicId);
        index = m_topic->count() - 1;
    }
    m_topic->setCurrentIndex(std::max(index, 0));
    m_start->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    m_start->setCalendarPopup(true);
    m_start->setMaximumDateTime(QDateTime::currentDateTime().addSecs(60));
    m_start->setDateTime(session.start.toLocalTime());
    m_minutes->setRange(1, ProgressStore::MaxSessionMinutes);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setValue(std::clamp(session.minutes, 1, ProgressStore::MaxSessionMinutes));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(editing ? tr("Save") : tr("Log"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Topic:"), m_topic);
    form->addRow(tr("&Started:"), m_start);
    form->addRow(tr("&Minutes:"), m_minutes);
    form->addRow(buttons);
}

StudySession LogTimeDialog::session() const
{
    QDateTime start = m_start->dateTime();
    start.setTime(QTime(start.time().hour(), start.time().minute()));
    return {m_id, m_topic->currentData().toString(), start.toUTC(), m_minutes->value()};
}
