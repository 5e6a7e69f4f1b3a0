#include "selfcheck/choicebutton.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace {

constexpr int Padding = 8;

} // namespace

ChoiceButton::ChoiceButton(int number, const QString &text, QWidget *parent)
    : QPushButton(parent)
    , m_label(new QLabel(this))
    , m_text(text)
    , m_number(number)
{
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(Padding * 2, Padding, Padding * 2, Padding);
    layout->addWidget(m_label);
    setMark({}, false);
    setAccessibleName(u"%1. %2"_s.arg(number).arg(text));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QString ChoiceButton::choiceText() const
{
    return m_text;
}

void ChoiceButton::setMark(const QString &mark, bool bold)
{
    const QString number = QString::number(m_number);
    m_label->setText(mark.isEmpty() ? u"%1   %2"_s.arg(number, m_text)
                                    : u"%1   %2   (%3)"_s.arg(number, m_text, mark));
    QFont font = m_label->font();
    font.setBold(bold);
    m_label->setFont(font);
    updateGeometry();
}

int ChoiceButton::heightForWidth(int width) const
{
    return m_label->heightForWidth(width - Padding * 4) + Padding * 2;
}

QSize ChoiceButton::sizeHint() const
{
    const int width = 480;
    return {width, heightForWidth(width)};
}

QSize ChoiceButton::minimumSizeHint() const
{
    return {200, m_label->fontMetrics().height() + Padding * 2};
}
