#include "pipeline/import/argodepends.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ArgoDepends {

namespace {

struct ArgoDependsText
{
    Q_DECLARE_TR_FUNCTIONS(ArgoImport)
};

// Parentheses and `!` nested past this are not an expression anyone writes.
constexpr int MaxDepth = 64;

// A tokenizer and a recursive descent parser, one function a precedence level:
//   or := and ('||' and)*    and := unary ('&&' unary)*
//   unary := '!' unary | '(' or ')' | task ('.' Result)?
// The operands are collected with the parity of the `!` above them.
class DependsExpression
{
public:
    explicit DependsExpression(const QString &text)
        : m_text(text)
    {}

    // False (with error()) when the text is not such an expression.
    bool parse()
    {
        if (!tokenize())
            return false;
        if (!parseOr(0, false))
            return false;
        if (peek().type != Token::End)
            return fail(ArgoDependsText::tr("unexpected '%1'").arg(peek().text));
        return true;
    }
    const QList<Operand> &operands() const { return m_operands; }
    const QString &error() const { return m_error; }

private:
    enum class Token { Name, Dot, And, Or, Not, Open, Close, End };
    struct Lexeme
    {
        Token type;
        QString text;
    };

    static bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == u'-' || c == u'_'; }

    bool tokenize()
    {
        for (qsizetype at = 0; at < m_text.size();) {
            const QChar c = m_text.at(at);
            const QStringView two = QStringView(m_text).mid(at, 2);
            if (c.isSpace()) {
                ++at;
            } else if (isNameChar(c)) {
                const qsizetype start = at;
                while (at < m_text.size() && isNameChar(m_text.at(at)))
                    ++at;
                m_tokens.append({Token::Name, m_text.mid(start, at - start)});
            } else if (two == u"&&" || two == u"||") {
                m_tokens.append({two == u"&&" ? Token::And : Token::Or, two.toString()});
                at += 2;
            } else if (c == u'.' || c == u'!' || c == u'(' || c == u')') {
                const Token type = c == u'.'   ? Token::Dot
                                   : c == u'!' ? Token::Not
                                   : c == u'(' ? Token::Open
                                               : Token::Close;
                m_tokens.append({type, QString(c)});
                ++at;
            } else {
                return fail(ArgoDependsText::tr("unexpected '%1'").arg(c));
            }
        }
        m_tokens.append({Token::End, ArgoDependsText::tr("end")});
        return true;
    }

    const Lexeme &peek() const { return m_tokens.at(m_next); }
    const Lexeme &take()
    {
        const Lexeme &token = m_tokens.at(m_next);
        if (token.type != Token::End) // the end stays the end, however often it is read
            ++m_next;
        return token;
    }

    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

    bool parseOr(int depth, bool negated)
    {
        if (!parseAnd(depth, negated))
            return false;
        while (peek().type == Token::Or) {
            take();
            if (!parseAnd(depth, negated))
                return false;
        }
        return true;
    }

    bool parseAnd(int depth, bool negated)
    {
        if (!parseUnary(depth, negated))
            return false;
        while (peek().type == Token::And) {
            take();
            if (!parseUnary(depth, negated))
                return false;
        }
        return true;
    }

    bool parseUnary(int depth, bool negated)
    {
        if (depth > MaxDepth)
            return fail(ArgoDependsText::tr("nested more than %1 levels deep").arg(MaxDepth));
        if (peek().type == Token::Not) {
            take();
            return parseUnary(depth + 1, !negated);
        }
        if (peek().type == Token::Open) {
            take();
            if (!parseOr(depth + 1, negated))
                return false;
            if (take().type != Token::Close)
                return fail(ArgoDependsText::tr("a '(' is not closed"));
            return true;
        }
        return parseOperand(negated);
    }

    bool parseOperand(bool negated)
    {
        static const QStringList results{u"Succeeded"_s,
                                         u"Failed"_s,
                                         u"Errored"_s,
                                         u"Skipped"_s,
                                         u"Omitted"_s,
                                         u"Daemoned"_s,
                                         u"AnySucceeded"_s,
                                         u"AllFailed"_s};
        if (peek().type != Token::Name)
            return fail(ArgoDependsText::tr("expected a task name, found '%1'").arg(peek().text));
        Operand operand{take().text, {}, negated};
        if (peek().type == Token::Dot) {
            take();
            const Lexeme result = take();
            if (result.type != Token::Name || !results.contains(result.text))
                return fail(ArgoDependsText::tr("'%1' is not a task result (%2)")
                                .arg(result.text, results.join(u", "_s)));
            operand.result = result.text;
        }
        m_operands.append(operand);
        return true;
    }

    QString m_text;
    QList<Lexeme> m_tokens;
    qsizetype m_next = 0;
    QList<Operand> m_operands;
    QString m_error;
};

} // namespace

Parsed parse(const QString &text)
{
    DependsExpression expression(text);
    expression.parse();
    return {expression.operands(), expression.error()};
}

QStringList namesIn(const QString &text)
{
    static const QRegularExpression word(u"([A-Za-z0-9_-]+)(\\.[A-Za-z]+)?"_s);
    QStringList names;
    for (auto match = word.globalMatch(text); match.hasNext();) {
        const QString name = match.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

QString conditionFor(const QString &task, const QList<Operand> &operands)
{
    // "For compatibility with `dependencies`, an unspecified result is equivalent to
    // `(task.Succeeded || task.Skipped || task.Daemoned)`" (enhanced-depends-logic).
    static const QString bareMeaning = u"Succeeded || Skipped || Daemoned"_s;
    QStringList parts;
    bool onlyBare = true;
    for (const Operand &operand : operands) {
        if (operand.task != task)
            continue;
        QString part = operand.result.isEmpty() ? bareMeaning : operand.result;
        if (operand.negated)
            part = ArgoDependsText::tr("not %1").arg(operand.result.isEmpty() ? u"(%1)"_s.arg(part)
                                                                              : part);
        onlyBare = onlyBare && operand.result.isEmpty() && !operand.negated;
        if (!parts.contains(part))
            parts << part;
    }
    return onlyBare ? QString() : parts.join(u" || "_s);
}

} // namespace ArgoDepends
