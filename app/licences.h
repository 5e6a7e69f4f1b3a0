#pragma once

#include <QList>
#include <QString>

// What the program ships or links and under which licence, for Help ▸ About: the app's own
// (LICENSE, MIT) first. Each names where the licence text is: on the web, and as Debian installs
// it (/usr/share/doc/<package>/copyright).
namespace Licences {

struct Component
{
    QString name;            // "Qt 6"
    QString use;             // what the app uses it for
    QString licence;         // "LGPL-3.0"
    QString url;             // the licence text on the web
    QString debianCopyright; // the installed copy on Debian
};

QList<Component> components();
// The list as HTML for a QMessageBox: one line each, with links.
QString html();

} // namespace Licences
