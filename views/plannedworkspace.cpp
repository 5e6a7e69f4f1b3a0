#include "plannedworkspace.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

PlannedWorkspace::PlannedWorkspace(const QString &title,
                                   const QString &description,
                                   const QStringList &plannedFeatures,
                                   QWidget *parent)
    : QWidget(parent)
{
    QString html = u"<h2>%1</h2><p>%2</p><p>%3</p><ul>"_s.arg(
        title.toHtmlEscaped(),
        description.toHtmlEscaped(),
        tr("This workspace is not built yet. It will offer:").toHtmlEscaped());
    for (const QString &feature : plannedFeatures)
        html += u"<li>%1</li>"_s.arg(feature.toHtmlEscaped());
    html += u"</ul>"_s;

    auto *label = new QLabel(html, this);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setMaximumWidth(720);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 36, 48, 36);
    layout->addWidget(label, 0, Qt::AlignHCenter | Qt::AlignTop);
    layout->addStretch(1);
}
