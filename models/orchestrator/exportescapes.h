#pragma once

#include <QString>
#include <QStringList>

// How user text (stage names, commands, parameters, notes) reaches each engine literally:
// every engine evaluates something in the strings it reads, and each function here turns text
// into what that engine reads back as exactly that text. Structure (YAML, Python) is the
// writers' job; these only keep the engines from evaluating.
namespace ExportEscapes {

// The environment variable Argo containers get when a text needs a '{' after a '{': Argo has no
// escape for "{{", so the second brace comes from Kubernetes' $(VAR) expansion instead.
inline constexpr QStringView BraceVariable = u"MLOPS_LBRACE";

// Kubernetes expands $(VAR) in a container's command, args and env values, and reads "$$" as
// "$": every '$' doubled reads back as itself.
QString kubernetes(const QString &text);
// kubernetes(), then each '{' that follows a '{' becomes $(MLOPS_LBRACE), so the text holds
// no "{{" for Argo to evaluate. `usesBrace` is set when it did (the container then needs the
// variable, defined first).
QString argo(const QString &text, bool *usesBrace);
// GitHub evaluates ${{ … }} in almost every string of a workflow, even in `run:` scripts;
// ${{ '${{' }} is an expression whose value is the literal "${{".
QString githubActions(const QString &text);
// True when GitHub (or actionlint) would read an expression in `text`.
bool hasGitHubExpression(const QString &text);
// For text GitHub shows without evaluating (a manual run's input descriptions) but actionlint
// reads as an expression: each "${{" is written "$ {{", which reads the same to a person.
QString githubActionsShown(const QString &text);
// GitLab Runner expands $VAR and ${VAR} in a job's image with Go's os.Expand, and reads "$$" as
// "$": every '$' doubled reads back as itself.
QString gitlabRunner(const QString &text);
// DVC interpolates ${…} in dvc.yaml and reads "\${" as a literal "${".
QString dvc(const QString &text);
// Airflow renders Jinja in templated operator fields and loads a field ending in a template
// extension (the pod operator's yaml, yml, json) as a file: such text is wrapped in
// {% raw %}…{% endraw %}, and a "{%" inside it is written as the expression {{ '{%' }} so no
// "{% endraw %}" in the text can end the raw block early.
QString jinja(const QString &text);

// A Python string literal in double quotes, escapes for quotes, backslashes and every
// character that is not visible (controls, line separators, bidirectional overrides).
QString pythonString(const QString &text);

// POSIX shell: a word that needs quoting goes in single quotes ('\'' for a quote).
QString shellWord(const QString &word);
// argv as one shell command line: the first word is quoted also when the shell would read it
// as an assignment or a keyword.
QString shellCommand(const QStringList &argv);

// True for a character a reader should not get raw: controls (but tab and newline), DEL, C1
// controls, line and paragraph separators, format characters such as bidirectional overrides
// or the byte order mark, unassigned or private code points and lone surrogates.
bool isInvisible(char32_t codePoint);
bool hasInvisible(const QString &text);

} // namespace ExportEscapes
