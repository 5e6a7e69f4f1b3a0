#pragma once

#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// What the engines do to the strings of an exported file, written from their documentation, so
// the tests can check that user text comes out of them as it went in.
namespace EngineEmulation {

// Kubernetes' $(VAR) expansion in command, args and env values: "$$" reads as "$", $(NAME)
// as the variable's value when it is defined, anything else stays as it is.
inline QString kubernetesExpand(const QString &input, const QHash<QString, QString> &env)
{
    QString out;
    for (qsizetype i = 0; i < input.size(); ++i) {
        if (input.at(i) != u'$' || i + 1 == input.size()) {
            out += input.at(i);
            continue;
        }
        const QChar next = input.at(i + 1);
        if (next == u'$') {
            out += u'$';
            ++i;
        } else if (next == u'(') {
            const qsizetype close = input.indexOf(u')', i + 2);
            if (close < 0) {
                out += QStringLiteral("$(");
                ++i;
                continue;
            }
            const QString name = input.mid(i + 2, close - i - 2);
            out += env.contains(name) ? env.value(name) : QStringLiteral("$(") + name + u')';
            i = close;
        } else {
            out += u'$';
            out += next;
            ++i;
        }
    }
    return out;
}

// GitHub's expressions: finds each ${{ … }} the way the runner does (a '}}' inside a quoted
// string does not end it) and evaluates the two kinds an export may hold, a string literal and
// inputs.<id>. Anything else is an expression the export must not have: `ok` turns false.
inline QString githubEvaluate(const QString &text, const QHash<QString, QString> &inputs, bool *ok)
{
    static const QRegularExpression literal(QStringLiteral("^\\s*'((?:[^']|'')*)'\\s*$"));
    static const QRegularExpression input(QStringLiteral("^\\s*inputs\\.([A-Za-z0-9_-]+)\\s*$"));
    QString out;
    qsizetype i = 0;
    while (true) {
        const qsizetype start = text.indexOf(QStringLiteral("${{"), i);
        if (start < 0)
            break;
        out += text.mid(i, start - i);
        bool inString = false;
        qsizetype end = -1;
        for (qsizetype k = start + 3; k < text.size(); ++k) {
            if (text.at(k) == u'\'')
                inString = !inString;
            else if (!inString && text.at(k) == u'}' && text.at(k - 1) == u'}') {
                end = k;
                break;
            }
        }
        if (end < 0) {
            *ok = false;
            return {};
        }
        const QString expression = text.mid(start + 3, end - 1 - (start + 3));
        if (const auto match = literal.match(expression); match.hasMatch())
            out += match.captured(1).replace(QStringLiteral("''"), QStringLiteral("'"));
        else if (const auto match = input.match(expression);
                 match.hasMatch() && inputs.contains(match.captured(1)))
            out += inputs.value(match.captured(1));
        else
            *ok = false;
        i = end + 1;
    }
    return out + text.mid(i);
}

// DVC's interpolation: ${…} not preceded by a backslash is interpolated (`ok` turns false: an
// export must not have one), then "\${" reads as "${".
inline QString dvcResolve(const QString &text, bool *ok)
{
    static const QRegularExpression interpolation(
        QStringLiteral("(?<!\\\\)\\$(?:\\{\\{|\\{)[\\w._ \\\\/-]*?\\}"));
    if (interpolation.match(text).hasMatch())
        *ok = false;
    return QString(text).replace(QStringLiteral("\\${"), QStringLiteral("${"));
}

// GitLab Runner's expansion of a job's image and of its variables: Go's os.Expand
// (https://pkg.go.dev/os#Expand) with the runner's lookup, which gives "$" for "$$", nothing
// for the shell's special parameters ($*, $#, $@, $!, $?, $0 … $9) and for an unknown name
// (https://docs.gitlab.com/ci/variables/where_variables_can_be_used/#gitlab-runner-internal-variable-expansion-mechanism).
inline QString gitlabRunnerExpand(const QString &input, const QHash<QString, QString> &variables)
{
    const auto isSpecial = [](QChar c) {
        return QStringLiteral("*#$@!?-0123456789").contains(c);
    };
    const auto isNameChar = [](QChar c) {
        return c == u'_' || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
               || (c >= u'0' && c <= u'9');
    };
    const auto lookup = [&](const QString &name) {
        if (name == QStringLiteral("$"))
            return name;
        if (name.size() == 1 && isSpecial(name.front()))
            return QString();
        return variables.value(name);
    };
    QString out;
    for (qsizetype i = 0; i < input.size(); ++i) {
        if (input.at(i) != u'$' || i + 1 == input.size()) {
            out += input.at(i);
            continue;
        }
        const QString rest = input.mid(i + 1);
        QString name;
        qsizetype width = 0; // characters of `rest` the reference takes
        if (rest.front() == u'{') {
            if (rest.size() > 2 && isSpecial(rest.at(1)) && rest.at(2) == u'}') {
                name = rest.mid(1, 1);
                width = 3;
            } else {
                const qsizetype close = rest.indexOf(u'}');
                width = close < 0 ? 1 : close + 1; // "${" or "${}" alone: eaten
                name = close > 1 ? rest.mid(1, close - 1) : QString();
            }
        } else if (isSpecial(rest.front())) {
            name = rest.left(1);
            width = 1;
        } else {
            while (width < rest.size() && isNameChar(rest.at(width)))
                ++width;
            name = rest.left(width);
        }
        if (!name.isEmpty())
            out += lookup(name);
        else if (width == 0)
            out += u'$'; // not a reference: the '$' stays
        i += width;
    }
    return out;
}

// The argv a POSIX shell makes of `words` (as `set -- words` would), by running /bin/sh.
inline QStringList shellArgv(const QString &words, bool *ok)
{
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("set -- ") + words + QStringLiteral("\nprintf '%s\\0' \"$@\"")});
    if (!shell.waitForFinished(30000) || shell.exitCode() != 0) {
        *ok = false;
        return {};
    }
    QStringList argv = QString::fromUtf8(shell.readAllStandardOutput()).split(QChar(0));
    argv.removeLast(); // after the last NUL
    return argv;
}

} // namespace EngineEmulation
