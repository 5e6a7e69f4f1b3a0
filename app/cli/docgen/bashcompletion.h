#pragma once

#include <QString>
#include <QStringList>

// The bash completion of mlops-studio, written from the command table (CommandLine::commands()):
// groups, subcommands, each command's options, the values the table lists for an option or an
// argument (Subcommand::values), files for FILE and OUT, directories for DIR, and the built-in
// curriculum's ids for TOPIC_ID and SECTION_ID. The ids are written into the script rather than
// asked of the program at each Tab: the curriculum is compiled into the binary the script ships
// with, so they cannot differ, and completion stays instant and works whatever the PATH says.
namespace BashCompletion {

struct Result
{
    QString script;
    QString error; // a value the script could not quote as one word; then no script
};

Result script(const QStringList &topicIds, const QStringList &sectionIds);

} // namespace BashCompletion
