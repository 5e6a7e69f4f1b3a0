#pragma once

#include <QString>

// mlops-studio.1, the command line's manual page (man(7) macros), written from the command table
// and its help texts (CommandLine::commands()), so that it cannot drift from the program.
namespace ManPage {

struct Details
{
    QString version; // StudioVersion::text()
    QString date;    // YYYY-MM-DD, for the page's footer
    QString docDir;  // where the installed manual is, for SEE ALSO
};

QString roff(const Details &details);

} // namespace ManPage
