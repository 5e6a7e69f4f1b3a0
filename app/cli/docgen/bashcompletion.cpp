#include "cli/docgen/bashcompletion.h"

#include "cli/commandline.h"
#include "cli/subcommand.h"

#include <QCommandLineParser>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// The script's fixed part: it finds the group, the subcommand and which option or argument is
// being completed, then asks the generated functions below it what fits there. It uses only
// bash itself (no bash-completion helpers), so it can be tried with COMP_WORDS set by hand.
const char *const Completer = R"bash(
# Completes COMP_WORDS[COMP_CWORD].
_mlops_studio()
{
    local cur=${COMP_WORDS[COMP_CWORD]} previous= option= word kind i
    local -a positional=()
    COMPREPLY=()
    ((COMP_CWORD > 0)) && previous=${COMP_WORDS[COMP_CWORD - 1]}
    # bash splits --option=value at the '=' (COMP_WORDBREAKS).
    if [[ $cur == = ]]; then
        option=$previous cur=
    elif [[ $previous == = ]] && ((COMP_CWORD > 1)); then
        option=${COMP_WORDS[COMP_CWORD - 2]}
    elif _mlops_studio_takes_value "$previous"; then
        option=$previous
    fi
    # The group and the subcommand: the first words that are neither options nor their values.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -?* ]]; then
            if [[ ${COMP_WORDS[i + 1]} == = ]]; then
                i=$((i + 2))
            elif _mlops_studio_takes_value "$word"; then
                i=$((i + 1))
            fi
            continue
        fi
        positional+=("$word")
    done
    local command="${positional[0]} ${positional[1]}"
    if [[ -n $option ]]; then
        kind=$(_mlops_studio_value "$command" "$option")
    elif [[ $cur == -* ]]; then
        kind="words $(_mlops_studio_options "$command")"
    elif ((${#positional[@]} == 0)); then
        kind="words $_mlops_studio_groups"
    elif ((${#positional[@]} == 1)); then
        kind="words $(_mlops_studio_subcommands "${positional[0]}")"
    else
        kind=$(_mlops_studio_value "$command" "#$((${#positional[@]} - 2))")
    fi
    case $kind in
    words\ *) mapfile -t COMPREPLY < <(compgen -W "${kind#words }" -- "$cur") ;;
    files)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        ;;
    dirs)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        ;;
    esac
}
complete -F _mlops_studio mlops-studio
)bash";

// Words the script writes inside double quotes: ids, option names, value names.
bool isPlainWord(const QString &word)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_.:+-]+$"_s);
    return plain.match(word).hasMatch();
}

QStringList spellings(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? u"-"_s : u"--"_s) + name;
    return names;
}

// What completes the value of `valueName` (an option's value name, or an argument's name):
// "words …", "files", "dirs" or nothing. The table's own values come first.
QString valueKind(const QStringList &values, const QString &valueName)
{
    if (!values.isEmpty())
        return u"words "_s + values.join(u' ');
    if (valueName == u"TOPIC_ID"_s)
        return u"words $_mlops_studio_topics"_s;
    if (valueName == u"SECTION_ID"_s)
        return u"words $_mlops_studio_sections"_s;
    if (valueName == u"DIR"_s)
        return u"dirs"_s;
    if (valueName.contains(u"FILE"_s) || valueName == u"OUT"_s)
        return u"files"_s;
    return {};
}

class Writer
{
public:
    QString error;

    // `pattern` is a case pattern (quoted by the caller), `text` the echoed text.
    QString caseLine(const QString &pattern, const QString &text)
    {
        for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
            if (!word.startsWith(u'$') && !isPlainWord(word) && error.isEmpty())
                error = u"'%1' is not a plain word: the completion cannot offer it"_s.arg(word);
        }
        return u"    %1) echo \"%2\" ;;\n"_s.arg(pattern, text);
    }
};

QString globalOptionWords()
{
    QStringList words;
    for (const QCommandLineOption &option : CommandLine::globalOptions())
        words += spellings(option);
    QCommandLineParser parser;
    words += spellings(parser.addHelpOption());
    return words.join(u' ');
}

QString takesValueFunction(const QList<Subcommand> &commands)
{
    QStringList names;
    QList<QCommandLineOption> options = CommandLine::globalOptions();
    for (const Subcommand &command : commands)
        options += command.options;
    for (const QCommandLineOption &option : options) {
        if (option.valueName().isEmpty())
            continue;
        for (const QString &name : spellings(option))
            if (!names.contains(name))
                names << name;
    }
    return u"\n# True for an option followed by its value, in any command.\n"
           "_mlops_studio_takes_value()\n{\n    case $1 in\n    %1) return 0 ;;\n    esac\n"
           "    return 1\n}\n"_s.arg(names.join(u'|'));
}

} // namespace

namespace BashCompletion {

Result script(const QStringList &topicIds, const QStringList &sectionIds)
{
    const QList<Subcommand> commands = CommandLine::commands();
    Writer writer;
    QString out
        = u"# bash completion for mlops-studio                         -*- shell-script -*-\n"
          "# Generated by studio-docgen from the command table (app/cli): do not edit.\n"_s;

    QStringList groups;
    for (const Subcommand &command : commands)
        if (!groups.contains(command.group))
            groups << command.group;
    out += u"\n_mlops_studio_groups=\"%1\"\n"_s.arg(groups.join(u' '));
    out += u"_mlops_studio_topics=\"%1\"\n"_s.arg(topicIds.join(u' '));
    out += u"_mlops_studio_sections=\"%1\"\n"_s.arg(sectionIds.join(u' '));
    for (const QString &id : topicIds + sectionIds)
        if (!isPlainWord(id) && writer.error.isEmpty())
            writer.error = u"id '%1' is not a plain word: the completion cannot offer it"_s.arg(id);

    out += u"\n# The subcommands of the group $1.\n_mlops_studio_subcommands()\n{\n    case $1 in\n"_s;
    for (const QString &group : groups) {
        QStringList names;
        for (const Subcommand &command : commands)
            if (command.group == group)
                names << command.name;
        out += writer.caseLine(group, names.join(u' '));
    }
    out += u"    esac\n}\n"_s;

    const QString global = globalOptionWords();
    out += u"\n# The options of the command $1 (\"GROUP SUBCOMMAND\"), and the global ones.\n"
           "_mlops_studio_options()\n{\n    case $1 in\n"_s;
    for (const Subcommand &command : commands) {
        QStringList words;
        for (const QCommandLineOption &option : command.options)
            words += spellings(option);
        out += writer.caseLine(u"'%1 %2'"_s.arg(command.group, command.name),
                               (words + QStringList{global}).join(u' '));
    }
    out += writer.caseLine(u"*"_s, global + u" -v --version"_s);
    out += u"    esac\n}\n"_s;

    // Global options take their values anywhere; a command's own options and its arguments
    // (#0, #1 …) in that command.
    out += u"\n# What completes the value of option $2, or argument #N, of the command $1: \"words "
           "…\", files, dirs or nothing.\n_mlops_studio_value()\n{\n    case \"$1|$2\" in\n"_s;
    for (const QCommandLineOption &option : CommandLine::globalOptions()) {
        for (const QString &name : spellings(option))
            out += writer.caseLine(u"*'|%1'"_s.arg(name), valueKind({}, option.valueName()));
    }
    for (const Subcommand &command : commands) {
        const QString prefix = command.group + u' ' + command.name + u'|';
        for (const QCommandLineOption &option : command.options) {
            if (option.valueName().isEmpty())
                continue;
            const QString kind
                = valueKind(command.values.value(option.names().last()), option.valueName());
            for (const QString &name : spellings(option))
                if (!kind.isEmpty())
                    out += writer.caseLine(u"'%1%2'"_s.arg(prefix, name), kind);
        }
        for (qsizetype i = 0; i < command.arguments.size(); ++i) {
            const QString &argument = command.arguments.at(i);
            const QString kind = valueKind(command.values.value(argument), argument);
            if (!kind.isEmpty())
                out += writer.caseLine(u"'%1#%2'"_s.arg(prefix).arg(i), kind);
        }
    }
    out += u"    esac\n}\n"_s;
    out += takesValueFunction(commands);
    out += QString::fromUtf8(Completer);
    if (!writer.error.isEmpty())
        return {{}, writer.error};
    return {out, {}};
}

} // namespace BashCompletion
