#include "orchestrator/yamlwriter.h"

#include "orchestrator/exportescapes.h"

#include <QRegularExpression>

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

using namespace Qt::StringLiterals;

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

// A key a YAML 1.1 or 1.2 reader takes as this very string when it stands bare.
bool isPlainKey(const QString &key)
{
    static const QRegularExpression word(u"^[A-Za-z_][A-Za-z0-9_.-]*$"_s);
    static const QStringList special{
        u"y"_s, u"yes"_s, u"n"_s, u"no"_s, u"true"_s, u"false"_s, u"on"_s, u"off"_s, u"null"_s};
    return word.match(key).hasMatch() && !special.contains(key.toLower());
}

} // namespace

YamlWriter::YamlWriter()
    : m_emitter(std::make_unique<YAML::Emitter>())
{
    m_emitter->SetIndent(2);
    m_emitter->SetSeqFormat(YAML::Block);
    m_emitter->SetMapFormat(YAML::Block);
}

YamlWriter::~YamlWriter() = default;

void YamlWriter::comment(const QString &text)
{
    // Wrapped at spaces to keep lines short; a line break in the text always breaks the line.
    constexpr qsizetype Width = 96;
    QStringList lines;
    for (const QString &paragraph : text.split(u'\n')) {
        QString line;
        for (const QString &word : paragraph.split(u' ')) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > Width) {
                lines << line;
                line.clear();
            }
            line += (line.isEmpty() ? QString() : u" "_s) + word;
        }
        lines << line;
    }
    QString wrapped = lines.join(u'\n');
    for (QChar &c : wrapped) {
        if (c != u'\n' && ExportEscapes::isInvisible(c.unicode()))
            c = u' ';
    }
    *m_emitter << YAML::Comment(utf8(wrapped));
}

void YamlWriter::beginMap()
{
    *m_emitter << YAML::BeginMap;
}

void YamlWriter::endMap()
{
    *m_emitter << YAML::EndMap;
}

void YamlWriter::beginList()
{
    *m_emitter << YAML::BeginSeq;
}

void YamlWriter::endList()
{
    *m_emitter << YAML::EndSeq;
}

void YamlWriter::key(const QString &key)
{
    *m_emitter << YAML::Key;
    if (isPlainKey(key))
        *m_emitter << utf8(key);
    else
        string(key);
    *m_emitter << YAML::Value;
}

void YamlWriter::string(const QString &value)
{
    // Local to this scalar: the next one is written with its non-ASCII letters as they are.
    if (ExportEscapes::hasInvisible(value))
        *m_emitter << YAML::EscapeNonAscii;
    *m_emitter << YAML::DoubleQuoted << utf8(value);
}

void YamlWriter::boolean(bool value)
{
    *m_emitter << value;
}

void YamlWriter::emptyMap()
{
    *m_emitter << YAML::Flow << YAML::BeginMap << YAML::EndMap;
}

void YamlWriter::entry(const QString &key, const QString &value)
{
    this->key(key);
    string(value);
}

void YamlWriter::entry(const QString &key, bool value)
{
    this->key(key);
    boolean(value);
}

void YamlWriter::list(const QString &key, const QStringList &values, Layout layout)
{
    this->key(key);
    qsizetype width = 0;
    for (const QString &value : values)
        width += value.size() + 4; // quotes, comma, space
    if (values.isEmpty() || (layout == Layout::FlowWhenShort && width <= 64)) {
        *m_emitter << YAML::Flow << YAML::BeginSeq;
        for (const QString &value : values)
            string(value);
        *m_emitter << YAML::EndSeq;
        return;
    }
    beginList();
    for (const QString &value : values)
        string(value);
    endList();
}

QByteArray YamlWriter::toUtf8() const
{
    if (!m_emitter->good())
        return {};
    QByteArray text(m_emitter->c_str(), qsizetype(m_emitter->size()));
    if (!text.endsWith('\n'))
        text += '\n';
    return text;
}
