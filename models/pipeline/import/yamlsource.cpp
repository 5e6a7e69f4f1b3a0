#include "pipeline/import/yamlsource.h"

#include "pipeline/import/yamltree.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <string>

using namespace Qt::StringLiterals;

namespace YamlSource {

namespace {

struct YamlSourceText
{
    Q_DECLARE_TR_FUNCTIONS(YamlSource)
};

[[noreturn]] void fail(int line, const QString &message)
{
    throw ImportError{line, message};
}

void checkText(const QByteArray &data)
{
    if (data.contains('\0'))
        fail(0, YamlSourceText::tr("a binary file, not a pipeline file (YAML or JSON text)"));
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(data);
    if (decoder.hasError())
        fail(0, YamlSourceText::tr("not UTF-8 text, so not a pipeline file (YAML or JSON)"));
    if (text.trimmed().isEmpty())
        fail(0, YamlSourceText::tr("an empty file: no pipeline in it"));
}

struct Brief
{
    QString text;
    int budget = 4000; // nodes visited: aliases can make a tiny file a huge tree
    int maxChars = 400;

    bool full() const { return budget <= 0 || text.size() > maxChars; }

    void add(const YAML::Node &node, int depth)
    {
        if (full() || --budget <= 0)
            return;
        if (node.IsScalar()) {
            text += QString::fromStdString(node.Scalar());
        } else if (node.IsSequence()) {
            text += u'[';
            bool first = true;
            for (const YAML::Node &item : node) {
                if (full() || depth > 16)
                    break;
                text += first ? u""_s : u", "_s;
                first = false;
                add(item, depth + 1);
            }
            text += u']';
        } else if (node.IsMap()) {
            text += u'{';
            bool first = true;
            for (const auto &entry : node) {
                if (full() || depth > 16)
                    break;
                text += first ? u""_s : u", "_s;
                first = false;
                add(entry.first, depth + 1);
                text += u": "_s;
                add(entry.second, depth + 1);
            }
            text += u'}';
        }
    }
};

} // namespace

std::vector<YAML::Node> load(const QByteArray &data)
{
    checkText(data);
    // Copied, not erased: erasing assigns nodes, and a yaml-cpp node's `=` rewrites the node.
    std::vector<YAML::Node> documents;
    for (const YAML::Node &document : YamlTree::documents(data))
        if (!document.IsNull())
            documents.push_back(document);
    if (documents.empty())
        fail(0, YamlSourceText::tr("no pipeline in it: only comments and blank lines"));
    return documents;
}

int lineOf(const YAML::Node &node)
{
    if (!node.IsDefined() || node.Mark().is_null())
        return 0;
    return node.Mark().line + 1;
}

QString scalar(const YAML::Node &node)
{
    return node.IsDefined() && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

bool isMap(const YAML::Node &node)
{
    return node.IsDefined() && node.IsMap();
}

bool isList(const YAML::Node &node)
{
    return node.IsDefined() && node.IsSequence();
}

YAML::Node member(const YAML::Node &map, const char *key)
{
    if (!isMap(map))
        return YAML::Node(YAML::NodeType::Undefined);
    for (const auto &entry : map) {
        if (entry.first.IsScalar() && entry.first.Scalar() == key)
            return entry.second;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

QStringList scalarOrList(const YAML::Node &node)
{
    QStringList values;
    if (!node.IsDefined())
        return values;
    if (node.IsScalar())
        values << scalar(node);
    else if (node.IsSequence())
        for (const YAML::Node &item : node)
            if (item.IsScalar())
                values << scalar(item);
    return values;
}

QString brief(const YAML::Node &node, int maxChars)
{
    Brief brief;
    brief.maxChars = maxChars;
    brief.add(node, 0);
    if (brief.full()) {
        brief.text.truncate(maxChars);
        brief.text += u'…';
    }
    return brief.text;
}

} // namespace YamlSource
