#include "curriculum/markdownimporter.h"

#include "curriculum/markdownblocks.h"
#include "curriculum/markdownlearning.h"
#include "curriculum/tooltagger.h"
#include "support/bytesizes.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Imported documents carry no estimate; 4 hours is a half-day placeholder the user edits.
constexpr double DefaultTopicHours = 4;

// Translated where it is used, as MarkdownImporter::tr(NotCurriculum).
const char *const NotCurriculum
    = QT_TRANSLATE_NOOP("MarkdownImporter",
                        "not a curriculum: expected a section heading such as \"### 1. Section "
                        "title\" followed by a three-column table \"Topic | Learning Goals | "
                        "Suggested Activities\"");

MarkdownImporter::Result failure(int line, const QString &message)
{
    MarkdownImporter::Result result;
    result.errorLine = line;
    result.errorMessage = message;
    return result;
}

// The 1-based line of the first byte sequence that is not UTF-8, or 0 when all is valid.
int firstInvalidUtf8Line(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    for (qsizetype start = 0; start < bytes.size();) {
        qsizetype end = bytes.indexOf('\n', start);
        end = end < 0 ? bytes.size() : end + 1;
        [[maybe_unused]] const QString line = decoder.decode(bytes.sliced(start, end - start));
        if (decoder.hasError())
            return MarkdownBlocks::lineAt(bytes, start);
        start = end;
    }
    return 0;
}

std::optional<MarkdownImporter::Result> checkInput(const QByteArray &markdown)
{
    if (markdown.size() > MarkdownImporter::MaxInputBytes)
        return failure(
            0,
            MarkdownImporter::tr("the document is larger than %1 MB, too large for a curriculum")
                .arg(MarkdownImporter::MaxInputBytes / MiB));
    if (const qsizetype nul = markdown.indexOf('\0'); nul >= 0)
        return failure(MarkdownBlocks::lineAt(markdown, nul),
                       MarkdownImporter::tr("not a text document: it contains NUL bytes"));
    if (const int line = firstInvalidUtf8Line(markdown); line > 0)
        return failure(line,
                       MarkdownImporter::tr("not valid UTF-8 text: save the document as UTF-8"));
    return std::nullopt;
}

bool isObjective(const MarkdownBlock &block)
{
    return block.kind != MarkdownBlock::Table && block.kind != MarkdownBlock::ListItem
           && block.text.startsWith(u"objective"_s, Qt::CaseInsensitive);
}

QString objectiveText(const QString &text)
{
    static const QRegularExpression lead(u"^objectives?\\s*[:\\-\u2013]?\\s*"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    return QString(text).remove(lead);
}

enum Role { TitleRole, GoalsRole, ActivitiesRole, RoleCount };
using ColumnMap = std::array<int, RoleCount>;

int roleOfHeader(const QString &header)
{
    static const std::array<QStringList, RoleCount> words = {
        QStringList{u"topic"_s, u"project"_s, u"title"_s, u"name"_s, u"idea"_s},
        QStringList{u"goal"_s, u"objective"_s, u"learn"_s, u"outcome"_s},
        QStringList{u"activit"_s, u"exercise"_s, u"practice"_s, u"task"_s, u"assignment"_s},
    };
    for (int role = 0; role < RoleCount; ++role) {
        for (const QString &word : words.at(role))
            if (header.contains(word, Qt::CaseInsensitive))
                return role;
    }
    return -1;
}

// Columns by header words where recognizable; the roles left over take the columns left over,
// in order.
ColumnMap mapColumns(const QStringList &header)
{
    ColumnMap map;
    map.fill(-1);
    QList<int> unused;
    for (int column = 0; column < header.size(); ++column) {
        const int role = roleOfHeader(header.at(column));
        if (role >= 0 && map.at(role) < 0)
            map[role] = column;
        else
            unused.append(column);
    }
    for (int &column : map) {
        if (column < 0)
            column = unused.takeFirst(); // a topic table has at least three columns
    }
    return map;
}

bool hasTopicRow(const MarkdownBlock &table)
{
    const int titleColumn = mapColumns(table.rows.first())[TitleRole];
    const QList<QStringList> body = table.rows.sliced(1);
    return std::any_of(body.cbegin(), body.cend(), [titleColumn](const QStringList &row) {
        return CurriculumText::hasVisibleText(row.value(titleColumn));
    });
}

// A heading and the topic tables (three columns or more) that follow it.
struct SectionSource
{
    int heading;
    QList<int> tables;
};

// What the scan for sections saw, to say why a document is not a curriculum.
struct Scan
{
    QList<SectionSource> sources;
    int narrowTable = -1;       // first table with fewer than three columns
    int emptyTableHeading = -1; // first heading whose wide table has no topic row
    int orphanTable = -1;       // first wide table with no heading before it
};

Scan scanSections(const QList<MarkdownBlock> &blocks)
{
    Scan scan;
    int heading = -1;
    for (int i = 0; i < blocks.size(); ++i) {
        const MarkdownBlock &block = blocks.at(i);
        if (block.kind == MarkdownBlock::Heading && !isObjective(block)
            && !MarkdownLearning::isPartHeading(block))
            heading = i;
        if (block.kind != MarkdownBlock::Table)
            continue;
        if (block.columnCount() < 3) {
            if (scan.narrowTable < 0)
                scan.narrowTable = i;
        } else if (heading < 0) {
            if (scan.orphanTable < 0)
                scan.orphanTable = i;
        } else if (!hasTopicRow(block)) {
            if (scan.emptyTableHeading < 0)
                scan.emptyTableHeading = heading;
        } else if (!scan.sources.isEmpty() && scan.sources.last().heading == heading) {
            scan.sources.last().tables.append(i);
        } else {
            scan.sources.append(SectionSource{heading, {i}});
        }
    }
    return scan;
}

void appendTopics(const MarkdownBlock &table, QList<Topic> &topics)
{
    const ColumnMap columns = mapColumns(table.rows.first());
    for (const QStringList &row : table.rows.sliced(1)) {
        Topic topic;
        topic.title = row.value(columns[TitleRole]);
        if (!CurriculumText::hasVisibleText(topic.title))
            continue; // a row without a title is no topic
        topic.goals = row.value(columns[GoalsRole]);
        topic.activities = row.value(columns[ActivitiesRole]);
        topic.tags = ToolTagger::builtIn().tagsFor(topic.title + u'\n' + topic.goals + u'\n'
                                                   + topic.activities);
        topic.hours = DefaultTopicHours;
        topics.append(topic);
    }
}

// "3. Title", "3) Title", "3: Title", "Section 3: Title" -> 3 and "Title".
std::pair<int, QString> numberAndTitle(const QString &heading)
{
    static const QRegularExpression numbered(u"^(?:section\\s+)?(\\d{1,6})\\s*[.):]\\s*(\\S.*)$"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = numbered.match(heading);
    if (!match.hasMatch())
        return {0, heading};
    return {match.captured(1).toInt(), match.captured(2)};
}

QString findObjective(const QList<MarkdownBlock> &blocks, const SectionSource &source)
{
    for (int i = source.heading + 1; i < source.tables.first(); ++i) {
        if (isObjective(blocks.at(i)))
            return objectiveText(blocks.at(i).text);
    }
    return {};
}

QList<Section> buildSections(const QList<MarkdownBlock> &blocks,
                             const QList<SectionSource> &sources)
{
    QList<Section> sections;
    QStringList sectionIds;
    QStringList topicIds;
    for (const SectionSource &source : sources) {
        Section section;
        for (int table : source.tables)
            appendTopics(blocks.at(table), section.topics);
        const auto [number, title] = numberAndTitle(blocks.at(source.heading).text);
        section.number = number > 0 ? number : int(sections.size()) + 1;
        section.title = title;
        section.objective = findObjective(blocks, source);
        const QString fallback = u"section-%1"_s.arg(section.number);
        section.id = CurriculumIds::makeUnique(CurriculumIds::slugify(title, fallback), sectionIds);
        for (Topic &topic : section.topics) {
            const QString topicFallback = u"topic-%1"_s.arg(topicIds.size() + 1);
            topic.id = CurriculumIds::makeUnique(CurriculumIds::slugify(topic.title, topicFallback),
                                                 topicIds);
        }
        // The document states no dependencies: each section builds on the one before it.
        if (!sections.isEmpty())
            section.prerequisites = {sections.last().id};
        sections.append(section);
    }
    return sections;
}

// Why no section was found, pointing at the most telling line.
MarkdownImporter::Result
notCurriculum(const QByteArray &markdown, const QList<MarkdownBlock> &blocks, const Scan &scan)
{
    if (scan.narrowTable >= 0) {
        const MarkdownBlock &table = blocks.at(scan.narrowTable);
        const int columns = table.columnCount();
        return failure(
            table.line,
            MarkdownImporter::tr("%1; this table has only %n column(s)", nullptr, columns)
                .arg(MarkdownImporter::tr(NotCurriculum)));
    }
    if (scan.emptyTableHeading >= 0) {
        const MarkdownBlock &heading = blocks.at(scan.emptyTableHeading);
        return failure(
            heading.line,
            MarkdownImporter::tr("%1; the table under \"%2\" has a header but no topic rows")
                .arg(MarkdownImporter::tr(NotCurriculum), heading.text));
    }
    if (scan.orphanTable >= 0) {
        return failure(blocks.at(scan.orphanTable).line,
                       MarkdownImporter::tr("%1; this table has no section heading before it")
                           .arg(MarkdownImporter::tr(NotCurriculum)));
    }
    return failure(MarkdownBlocks::lineCount(markdown), MarkdownImporter::tr(NotCurriculum));
}

bool isHeading(const MarkdownBlock &block)
{
    return block.kind == MarkdownBlock::Heading;
}

// A heading that may be the title or lead the outcomes: not a resources or questions part.
bool isPlainHeading(const MarkdownBlock &block)
{
    return isHeading(block) && !MarkdownLearning::isPartHeading(block);
}

// The first heading before the first section, else the first level-1 heading that is not a
// section, else a placeholder: a curriculum always has a title.
int findTitle(const QList<MarkdownBlock> &blocks, const QList<SectionSource> &sources)
{
    const int firstSection = sources.first().heading;
    for (int i = 0; i < firstSection; ++i)
        if (isPlainHeading(blocks.at(i)))
            return i;
    QList<int> sectionHeadings;
    for (const SectionSource &source : sources)
        sectionHeadings.append(source.heading);
    for (int i = 0; i < blocks.size(); ++i)
        if (isPlainHeading(blocks.at(i)) && blocks.at(i).level == 1 && !sectionHeadings.contains(i))
            return i;
    return -1;
}

// The paragraphs between the title and the first section, up to a resources or questions part
// (whose explanations are quoted paragraphs).
QString introduction(const QList<MarkdownBlock> &blocks, int title, int firstSection)
{
    QStringList paragraphs;
    for (int i = title < firstSection ? title + 1 : 0; i < firstSection; ++i) {
        if (MarkdownLearning::isPartHeading(blocks.at(i)))
            break;
        if (blocks.at(i).kind == MarkdownBlock::Paragraph)
            paragraphs.append(blocks.at(i).text);
    }
    return paragraphs.join(u' ');
}

// The top-level items of the first list under a heading that mentions outcomes.
QStringList outcomes(const QList<MarkdownBlock> &blocks, const QList<SectionSource> &sources)
{
    for (int i = 0; i < blocks.size(); ++i) {
        const MarkdownBlock &block = blocks.at(i);
        const bool isSection = std::any_of(
            sources.cbegin(), sources.cend(), [i](const auto &s) { return s.heading == i; });
        if (!isPlainHeading(block) || isSection || isObjective(block)
            || !block.text.contains(u"outcome"_s, Qt::CaseInsensitive))
            continue;
        QStringList items;
        for (int j = i + 1; j < blocks.size() && !isHeading(blocks.at(j)); ++j) {
            const MarkdownBlock &next = blocks.at(j);
            if (next.kind == MarkdownBlock::ListItem && next.level == 1)
                items.append(next.text);
            else if (next.kind != MarkdownBlock::ListItem && !items.isEmpty())
                break; // the list has ended
        }
        if (!items.isEmpty())
            return items;
    }
    return {};
}

} // namespace

MarkdownImporter::Result MarkdownImporter::import(const QByteArray &markdown)
{
    if (std::optional<Result> rejected = checkInput(markdown))
        return *rejected;
    // md4c does not skip a byte order mark, which would hide a first-line heading.
    const QByteArray text = markdown.startsWith("\xEF\xBB\xBF") ? markdown.sliced(3) : markdown;
    const QList<MarkdownBlock> blocks = MarkdownBlocks::parse(text);
    const Scan scan = scanSections(blocks);
    if (scan.sources.isEmpty())
        return notCurriculum(text, blocks, scan);
    Result result;
    result.curriculum.sections = buildSections(blocks, scan.sources);
    QList<int> sectionHeadings;
    for (const SectionSource &source : scan.sources)
        sectionHeadings.append(source.heading);
    if (const auto problem = MarkdownLearning::read(blocks, sectionHeadings, result.curriculum))
        return failure(problem->line, problem->message);

    const int title = findTitle(blocks, scan.sources);
    result.curriculum.title
        = title >= 0 ? blocks.at(title).text : MarkdownImporter::tr("Untitled curriculum");
    result.curriculum.introduction = introduction(blocks, title, scan.sources.first().heading);
    result.curriculum.outcomes = outcomes(blocks, scan.sources);

    if (const QString problem = result.curriculum.validate(); !problem.isEmpty())
        return failure(
            0, MarkdownImporter::tr("the imported curriculum is not valid: %1").arg(problem));
    result.ok = true;
    return result;
}
