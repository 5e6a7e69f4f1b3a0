#include "pipeline/import/yamltree.h"

#include "pipeline/import/importedpipeline.h"

#include <QCoreApplication>
#include <QString>

#include <string>
#include <string_view>
#include <unordered_map>

#include <yaml.h>

using namespace Qt::StringLiterals;

namespace YamlTree {

namespace {

struct YamlTreeText
{
    Q_DECLARE_TR_FUNCTIONS(YamlSource)
};

[[noreturn]] void fail(int line, const QString &message)
{
    throw ImportError{line, message};
}

// yaml-cpp's rule for a plain scalar read as null.
bool isNullWord(std::string_view text)
{
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

YAML::Mark markOf(const yaml_mark_t &from)
{
    YAML::Mark mark; // its (pos, line, column) constructor is private
    mark.pos = int(from.index);
    mark.line = int(from.line);
    mark.column = int(from.column);
    return mark;
}

const char *tagOr(const yaml_char_t *tag, const char *nonSpecific)
{
    return tag ? reinterpret_cast<const char *>(tag) : nonSpecific;
}

// libyaml's parser and its current event, released however the reading ends.
class EventStream
{
public:
    explicit EventStream(const QByteArray &data)
    {
        if (!yaml_parser_initialize(&m_parser))
            fail(0, YamlTreeText::tr("cannot be read: out of memory"));
        yaml_parser_set_input_string(&m_parser,
                                     reinterpret_cast<const unsigned char *>(data.constData()),
                                     size_t(data.size()));
    }
    ~EventStream()
    {
        release();
        yaml_parser_delete(&m_parser);
    }
    EventStream(const EventStream &) = delete;
    EventStream &operator=(const EventStream &) = delete;

    // The next event; throws at a syntax error.
    const yaml_event_t &next()
    {
        release();
        if (!yaml_parser_parse(&m_parser, &m_event)) {
            QString problem
                = QString::fromUtf8(m_parser.problem ? m_parser.problem : "unknown error");
            if (m_parser.context)
                problem += u" "_s + QString::fromUtf8(m_parser.context);
            fail(int(m_parser.problem_mark.line) + 1,
                 YamlTreeText::tr("not valid YAML: %1").arg(problem));
        }
        m_hasEvent = true;
        return m_event;
    }

private:
    void release()
    {
        if (m_hasEvent)
            yaml_event_delete(&m_event);
        m_hasEvent = false;
    }

    yaml_parser_t m_parser{};
    yaml_event_t m_event{};
    bool m_hasEvent = false;
};

// What yaml-cpp's NodeBuilder does with its own parser's events, fed by libyaml's. Every node
// lives in one memory holder; the documents are the items of one sequence node, so that they
// come out as YAML::Node through yaml-cpp's public iterator.
class TreeBuilder
{
public:
    TreeBuilder()
        : m_memory(new YAML::detail::memory_holder)
        , m_documents(m_memory->create_node())
    {
        m_documents.set_type(YAML::NodeType::Sequence);
    }

    // Reads every event; throws at the first error.
    void read(EventStream &events)
    {
        for (;;) {
            const yaml_event_t &event = events.next();
            if (event.type == YAML_STREAM_END_EVENT)
                break;
            if (m_tooDeepAt == 0)
                take(event);
        }
        // A syntax error anywhere says more than the depth does, so that is thrown first.
        if (m_tooDeepAt > 0)
            fail(m_tooDeepAt,
                 YamlTreeText::tr("nested more than %1 levels deep: no pipeline is").arg(MaxDepth));
    }

    std::vector<YAML::Node> documents() const
    {
        std::vector<YAML::Node> documents;
        const YAML::const_iterator end(m_documents.end(), m_memory);
        for (YAML::const_iterator it(m_documents.begin(), m_memory); it != end; ++it)
            documents.push_back(*it);
        return documents;
    }

private:
    void take(const yaml_event_t &event)
    {
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            m_anchors.clear();
            break;
        case YAML_ALIAS_EVENT:
            takeAlias(event);
            break;
        case YAML_SCALAR_EVENT:
            takeScalar(event);
            break;
        case YAML_SEQUENCE_START_EVENT:
            open(event,
                 event.data.sequence_start.anchor,
                 YAML::NodeType::Sequence,
                 tagOr(event.data.sequence_start.tag, "?"),
                 event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
            break;
        case YAML_MAPPING_START_EVENT:
            open(event,
                 event.data.mapping_start.anchor,
                 YAML::NodeType::Map,
                 tagOr(event.data.mapping_start.tag, "?"),
                 event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            close();
            break;
        default:
            break;
        }
    }

    void takeAlias(const yaml_event_t &event)
    {
        const char *anchor = reinterpret_cast<const char *>(event.data.alias.anchor);
        const auto found = m_anchors.find(anchor);
        if (found == m_anchors.end())
            fail(int(event.start_mark.line) + 1,
                 YamlTreeText::tr("not valid YAML: the alias *%1 names no anchor before it")
                     .arg(QString::fromUtf8(anchor)));
        add(*found->second);
    }

    void takeScalar(const yaml_event_t &event)
    {
        const auto &scalar = event.data.scalar;
        YAML::detail::node &node = create(event, scalar.anchor);
        const std::string_view text(reinterpret_cast<const char *>(scalar.value), scalar.length);
        if (scalar.style == YAML_PLAIN_SCALAR_STYLE && !scalar.tag && isNullWord(text)) {
            node.set_null();
        } else {
            node.set_scalar(std::string(text));
            node.set_tag(tagOr(scalar.tag, scalar.plain_implicit ? "?" : "!"));
        }
        add(node);
    }

    void open(const yaml_event_t &event,
              const yaml_char_t *anchor,
              YAML::NodeType::value type,
              const char *tag,
              bool flow)
    {
        if (int(m_open.size()) >= MaxDepth) {
            m_tooDeepAt = int(event.start_mark.line) + 1;
            return;
        }
        YAML::detail::node &node = create(event, anchor);
        node.set_type(type);
        node.set_tag(tag);
        node.set_style(flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block);
        m_open.push_back({&node, nullptr});
    }

    void close()
    {
        YAML::detail::node &node = *m_open.back().collection;
        m_open.pop_back();
        add(node);
    }

    YAML::detail::node &create(const yaml_event_t &event, const yaml_char_t *anchor)
    {
        YAML::detail::node &node = m_memory->create_node();
        node.set_mark(markOf(event.start_mark));
        if (anchor)
            m_anchors[reinterpret_cast<const char *>(anchor)] = &node;
        return node;
    }

    // A finished node goes into the open collection: a sequence's next item, a map's key or
    // the value of the key before it; with none open, it is a document.
    void add(YAML::detail::node &node)
    {
        if (m_open.empty()) {
            m_documents.push_back(node, m_memory);
            return;
        }
        Open &open = m_open.back();
        if (open.collection->type() == YAML::NodeType::Sequence) {
            open.collection->push_back(node, m_memory);
        } else if (!open.key) {
            open.key = &node;
        } else {
            open.collection->insert(*open.key, node, m_memory);
            open.key = nullptr;
        }
    }

    struct Open
    {
        YAML::detail::node *collection;
        YAML::detail::node *key; // a map's key read, waiting for its value
    };

    YAML::detail::shared_memory_holder m_memory;
    YAML::detail::node &m_documents;
    std::vector<Open> m_open;
    std::unordered_map<std::string, YAML::detail::node *> m_anchors;
    int m_tooDeepAt = 0; // the line where nesting passed MaxDepth
};

} // namespace

std::vector<YAML::Node> documents(const QByteArray &data)
{
    EventStream events(data);
    TreeBuilder builder;
    builder.read(events);
    return builder.documents();
}

} // namespace YamlTree
