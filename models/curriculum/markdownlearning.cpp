#include "curriculum/markdownlearning.h"

#include "curriculum/topiclearning.h"
#include "support/closestmatches.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

struct MarkdownLearningText
{
    Q_DECLARE_TR_FUNCTIONS(MarkdownLearning)
};

// Thrown inside this file only; read() turns it into its Problem.
struct LearningError
{
    int line;
    QString message;
};

[[noreturn]] void fail(int line, const QString &message)
{
    throw LearningError{line, message};
}

enum class PartKind { None, Resources, Questions };

struct PartHeading
{
    PartKind kind = PartKind::None;
    QString topicTitle;
};

// "Resources: Title" or "Questions: Title"; an en or em dash, or a hyphen after a space, also
// separates ("Questions – Title"), but "Resources-based learning" is no part.
PartHeading partHeading(const MarkdownBlock &block)
{
    static const QRegularExpression pattern(
        u"^(resources|questions)(?:\\s*[:\u2013\u2014]|\\s+-)\\s*(\\S.*)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (block.kind != MarkdownBlock::Heading)
        return {};
    const QRegularExpressionMatch match = pattern.match(block.text);
    if (!match.hasMatch())
        return {};
    const bool resources = match.captured(1).compare(u"resources"_s, Qt::CaseInsensitive) == 0;
    return {resources ? PartKind::Resources : PartKind::Questions, match.captured(2)};
}

// Titles match case-insensitively, whatever the spacing.
QString titleKey(const QString &title)
{
    return title.simplified().toCaseFolded();
}

// A prompt or title as a message quotes it: long scenarios are cut.
QString brief(const QString &text)
{
    constexpr qsizetype MaxChars = 60;
    if (text.size() <= MaxChars)
        return text;
    qsizetype cut = MaxChars - 1;
    if (text.at(cut - 1).isHighSurrogate())
        --cut; // not half a character
    return text.first(cut) + u'\u2026';
}

struct TopicPlace
{
    qsizetype section;
    qsizetype topic;
};

// Topics by title, so that each part finds its topic without a scan of the curriculum.
class TopicIndex
{
public:
    explicit TopicIndex(const Curriculum &curriculum)
        : m_curriculum(curriculum)
    {
        for (qsizetype s = 0; s < curriculum.sections.size(); ++s) {
            const QList<Topic> &topics = curriculum.sections.at(s).topics;
            for (qsizetype t = 0; t < topics.size(); ++t)
                m_byTitle[titleKey(topics.at(t).title)].append({s, t});
        }
    }

    // The topic titled `title` in section `preferred`, else the only one so titled.
    TopicPlace find(const QString &title, qsizetype preferred, int line) const
    {
        const QList<TopicPlace> all = m_byTitle.value(titleKey(title));
        QList<TopicPlace> inSection;
        std::copy_if(all.cbegin(), all.cend(), std::back_inserter(inSection), [&](auto place) {
            return place.section == preferred;
        });
        if (inSection.size() > 1)
            fail(line,
                 MarkdownLearningText::tr("this section has several topics titled \"%1\": give "
                                          "them distinct titles")
                     .arg(brief(title)));
        if (inSection.size() == 1)
            return inSection.first();
        if (all.size() > 1)
            fail(line,
                 MarkdownLearningText::tr("several sections have a topic titled \"%1\": write "
                                          "this part under the section of the one you mean")
                     .arg(brief(title)));
        if (all.isEmpty())
            fail(line, unknownTopic(title, preferred));
        return all.first();
    }

private:
    // Suggestions come from the section the part is written under, where the topic should be.
    // The edit distance costs the product of the lengths: hostile titles of megabytes, or
    // sections of many thousand topics, get no suggestion.
    QString unknownTopic(const QString &title, qsizetype preferred) const
    {
        constexpr qsizetype MaxTitleChars = 200;
        constexpr qsizetype MaxCandidates = 1000;
        QStringList keys;
        QHash<QString, QString> titleOfKey;
        if (preferred >= 0 && title.size() <= MaxTitleChars) {
            for (const Topic &topic : m_curriculum.sections.at(preferred).topics) {
                if (topic.title.size() > MaxTitleChars)
                    continue;
                keys.append(titleKey(topic.title));
                titleOfKey.insert(keys.last(), topic.title);
                if (keys.size() == MaxCandidates)
                    break;
            }
        }
        const QStringList close = closestMatches(titleKey(title), keys, 1);
        if (!close.isEmpty())
            return MarkdownLearningText::tr("no topic is titled \"%1\"; did you mean \"%2\"?")
                .arg(brief(title), titleOfKey.value(close.first()));
        return MarkdownLearningText::tr("no topic is titled \"%1\": a \"Resources:\" or "
                                        "\"Questions:\" heading names a topic of a section table")
            .arg(brief(title));
    }

    const Curriculum &m_curriculum;
    QHash<QString, QList<TopicPlace>> m_byTitle;
};

void failOnTable(const MarkdownBlock &block, const MarkdownBlock &heading)
{
    if (block.kind == MarkdownBlock::Table)
        fail(block.line,
             MarkdownLearningText::tr("a table under \"%1\": resources are a bulleted list and "
                                      "questions a numbered list")
                 .arg(brief(heading.text)));
}

// "[Title](https://…) (docs): why" -> title, address, kind and why.
TopicResource readResource(const MarkdownBlock &item)
{
    if (item.links.isEmpty() || !item.links.first().startsBlock)
        fail(item.line,
             MarkdownLearningText::tr("a resource is a list item that starts with a link: "
                                      "\"- [Title](https://…) (docs): why it is worth reading\""));
    const MarkdownLink &link = item.links.first();
    TopicResource resource;
    resource.title = link.text;
    resource.url = link.href;
    if (!CurriculumText::hasVisibleText(resource.title))
        fail(item.line,
             MarkdownLearningText::tr("the resource's link has no text: the text is its title"));
    if (!TopicLearning::isWebAddress(resource.url))
        fail(item.line,
             MarkdownLearningText::tr("resource \"%1\": \"%2\" is not an http or https address")
                 .arg(brief(resource.title), resource.url));

    // The link's text leads the item's text, since the link starts the item.
    QString rest = item.text.sliced(std::min(link.text.size(), item.text.size()));
    static const QRegularExpression kindPattern(u"^\\s*\\(\\s*([A-Za-z]+)\\s*\\)"_s);
    if (const QRegularExpressionMatch kind = kindPattern.match(rest); kind.hasMatch()) {
        resource.kind = kind.captured(1).toLower();
        if (!TopicLearning::resourceKinds().contains(resource.kind))
            fail(item.line,
                 MarkdownLearningText::tr("resource \"%1\": unknown kind \"%2\" (expected one "
                                          "of %3)")
                     .arg(brief(resource.title),
                          kind.captured(1),
                          TopicLearning::resourceKinds().join(u", "_s)));
        rest = rest.sliced(kind.capturedEnd());
    }
    static const QRegularExpression separator(u"^\\s*[:\\-\u2013\u2014]?\\s*"_s);
    resource.why = rest.remove(separator);
    if (const QString problem = TopicLearning::checkResource(resource); !problem.isEmpty())
        fail(item.line, problem);
    return resource;
}

void readResources(const QList<MarkdownBlock> &blocks,
                   qsizetype heading,
                   qsizetype end,
                   Topic &topic)
{
    for (qsizetype i = heading + 1; i < end; ++i) {
        const MarkdownBlock &block = blocks.at(i);
        failOnTable(block, blocks.at(heading));
        if (block.kind != MarkdownBlock::ListItem)
            continue; // a paragraph introduces or comments on the list
        if (block.level > 1)
            fail(block.line,
                 MarkdownLearningText::tr("a resource has no nested items: write why it is "
                                          "worth reading after its link, in the same item"));
        topic.resources.append(readResource(block));
    }
}

// A question as read, before its id is settled: generated ids must avoid every explicit one.
struct DraftQuestion
{
    TopicPlace topic;
    int line = 0;
    QString explicitId; // as written in "{#…}", empty when none
    SelfCheckQuestion question;
    int rightChoices = 0;
};

DraftQuestion startQuestion(const MarkdownBlock &item, TopicPlace topic)
{
    if (item.task != MarkdownBlock::NoTask)
        fail(item.line,
             MarkdownLearningText::tr("a choice stands under its question: indent \"- [ ] …\" "
                                      "below a numbered question"));
    if (item.quoteInText)
        fail(item.line,
             MarkdownLearningText::tr("the explanation (\"> …\") goes after the choices"));
    DraftQuestion draft{topic, item.line, {}, {}, 0};
    draft.question.prompt = item.text;
    static const QRegularExpression idSuffix(u"\\s*\\{#([^{}]*)\\}$"_s);
    if (const QRegularExpressionMatch id = idSuffix.match(item.text); id.hasMatch()) {
        draft.explicitId = id.captured(1).trimmed();
        draft.question.prompt = item.text.first(id.capturedStart());
    }
    if (!CurriculumText::hasVisibleText(draft.question.prompt))
        fail(item.line, MarkdownLearningText::tr("a question has no text"));
    return draft;
}

void addChoice(const MarkdownBlock &item, DraftQuestion &draft)
{
    if (item.task == MarkdownBlock::NoTask)
        fail(item.line,
             MarkdownLearningText::tr("a choice is a task-list item: \"- [ ] a wrong answer\" "
                                      "or \"- [x] the right answer\""));
    if (item.quoteInText)
        fail(item.line,
             MarkdownLearningText::tr("the explanation (\"> …\") belongs to the question: "
                                      "indent it as far as the choices, after the last one"));
    if (item.task == MarkdownBlock::Checked) {
        draft.question.answer = int(draft.question.choices.size());
        ++draft.rightChoices;
    }
    draft.question.choices.append(item.text);
}

void checkChoices(const DraftQuestion &draft)
{
    const QString prompt = brief(draft.question.prompt);
    const int choices = int(draft.question.choices.size());
    if (choices < TopicLearning::MinChoices || choices > TopicLearning::MaxChoices)
        fail(draft.line,
             MarkdownLearningText::tr("question \"%1\" has %n choice(s); a question has 2 to 4, "
                                      "answered with the keys 1 to 4",
                                      nullptr,
                                      choices)
                 .arg(prompt));
    if (draft.rightChoices == 0)
        fail(draft.line,
             MarkdownLearningText::tr("question \"%1\" has no right choice: mark one with [x]")
                 .arg(prompt));
    if (draft.rightChoices > 1)
        fail(draft.line,
             MarkdownLearningText::tr("question \"%1\" marks %n choice(s) with [x]; mark "
                                      "exactly one",
                                      nullptr,
                                      draft.rightChoices)
                 .arg(prompt));
}

void readQuestions(const QList<MarkdownBlock> &blocks,
                   qsizetype heading,
                   qsizetype end,
                   TopicPlace topic,
                   QList<DraftQuestion> &drafts)
{
    const qsizetype first = drafts.size();
    for (qsizetype i = heading + 1; i < end; ++i) {
        const MarkdownBlock &block = blocks.at(i);
        failOnTable(block, blocks.at(heading));
        const bool asking = drafts.size() > first;
        if (block.kind == MarkdownBlock::ListItem && block.level == 1) {
            drafts.append(startQuestion(block, topic));
        } else if (block.kind == MarkdownBlock::ListItem && block.level == 2) {
            if (!asking) // the list started before the heading, as in "- # Questions: …"
                fail(block.line, MarkdownLearningText::tr("a choice without its question"));
            addChoice(block, drafts.last());
        } else if (block.kind == MarkdownBlock::ListItem) {
            fail(block.line, MarkdownLearningText::tr("a choice has no nested items"));
        } else if (block.quoted) {
            if (!asking)
                fail(block.line,
                     MarkdownLearningText::tr("an explanation (\"> …\") before any question"));
            QString &explanation = drafts.last().question.explanation;
            explanation += (explanation.isEmpty() ? u""_s : u"\n"_s) + block.text;
        } else if (asking) {
            fail(block.line,
                 MarkdownLearningText::tr("text after a question: write its explanation as a "
                                          "quote (\"> …\") after the choices"));
        } // else a paragraph that introduces the questions
    }
    for (qsizetype i = first; i < drafts.size(); ++i)
        checkChoices(drafts.at(i));
}

// Ids that differ from every id taken, with -2, -3 … as makeUnique adds, but without its scan of
// the whole list at each step: a hostile document may repeat one prompt many thousand times.
class UniqueIds
{
public:
    bool take(const QString &id)
    {
        if (m_taken.contains(id))
            return false;
        m_taken.insert(id);
        return true;
    }

    QString unique(const QString &base)
    {
        if (take(base))
            return base;
        int &next = m_nextSuffix[base];
        next = std::max(next, 2);
        QString candidate;
        do {
            candidate = u"%1-%2"_s.arg(base).arg(next++);
        } while (!take(candidate));
        return candidate;
    }

private:
    QSet<QString> m_taken;
    QHash<QString, int> m_nextSuffix;
};

// "<topic-id>/<slug of the prompt>", short enough for a question id with a suffix.
QString generatedBase(const QString &topicId, const QString &prompt, int numberInTopic)
{
    constexpr qsizetype SuffixRoom = 4; // "-999"
    const qsizetype maxSlug = TopicLearning::MaxQuestionIdLength - topicId.size() - 1 - SuffixRoom;
    QString slug = CurriculumIds::slugify(prompt, u"question-%1"_s.arg(numberInTopic));
    if (slug.size() > maxSlug) {
        slug.truncate(maxSlug);
        while (slug.endsWith(u'-'))
            slug.chop(1);
    }
    return topicId + u'/' + slug;
}

// Explicit ids first, so a generated id never takes one a later question names.
void assignIds(QList<DraftQuestion> &drafts, const Curriculum &curriculum)
{
    auto topicOf = [&](const DraftQuestion &draft) -> const Topic & {
        return curriculum.sections.at(draft.topic.section).topics.at(draft.topic.topic);
    };
    UniqueIds ids;
    for (DraftQuestion &draft : drafts) {
        if (draft.explicitId.isEmpty())
            continue;
        QString id = draft.explicitId;
        if (!id.contains(u'/'))
            id = topicOf(draft).id + u'/' + id;
        if (!TopicLearning::isValidQuestionId(id))
            fail(draft.line,
                 MarkdownLearningText::tr("question id \"%1\" is not valid: lowercase letters, "
                                          "digits and '-', as in {#why-models-decay}")
                     .arg(draft.explicitId));
        if (!ids.take(id))
            fail(draft.line, MarkdownLearningText::tr("question id \"%1\" is used twice").arg(id));
        draft.question.id = id;
    }
    QHash<QString, int> questionsOfTopic;
    for (DraftQuestion &draft : drafts) {
        const QString &topicId = topicOf(draft).id;
        const int number = ++questionsOfTopic[topicId];
        if (draft.explicitId.isEmpty())
            draft.question.id = ids.unique(generatedBase(topicId, draft.question.prompt, number));
    }
}

qsizetype sectionOf(const QList<int> &sectionHeadings, qsizetype block)
{
    const auto after = std::upper_bound(sectionHeadings.cbegin(), sectionHeadings.cend(), block);
    return qsizetype(after - sectionHeadings.cbegin()) - 1;
}

qsizetype nextHeading(const QList<MarkdownBlock> &blocks, qsizetype from)
{
    qsizetype i = from + 1;
    while (i < blocks.size() && blocks.at(i).kind != MarkdownBlock::Heading)
        ++i;
    return i;
}

void readParts(const QList<MarkdownBlock> &blocks,
               const QList<int> &sectionHeadings,
               Curriculum &curriculum)
{
    const TopicIndex index(curriculum);
    QList<DraftQuestion> drafts;
    for (qsizetype i = 0; i < blocks.size();) {
        const PartHeading part = partHeading(blocks.at(i));
        const qsizetype end = nextHeading(blocks, i);
        if (part.kind != PartKind::None) {
            const TopicPlace place
                = index.find(part.topicTitle, sectionOf(sectionHeadings, i), blocks.at(i).line);
            if (part.kind == PartKind::Resources)
                readResources(
                    blocks, i, end, curriculum.sections[place.section].topics[place.topic]);
            else
                readQuestions(blocks, i, end, place, drafts);
        }
        i = end;
    }
    assignIds(drafts, curriculum);
    for (const DraftQuestion &draft : std::as_const(drafts)) {
        if (const QString problem = TopicLearning::checkQuestion(draft.question);
            !problem.isEmpty())
            fail(draft.line, problem);
        curriculum.sections[draft.topic.section].topics[draft.topic.topic].questions.append(
            draft.question);
    }
}

} // namespace

namespace MarkdownLearning {

bool isPartHeading(const MarkdownBlock &block)
{
    return partHeading(block).kind != PartKind::None;
}

std::optional<Problem>
read(const QList<MarkdownBlock> &blocks, const QList<int> &sectionHeadings, Curriculum &curriculum)
{
    try {
        readParts(blocks, sectionHeadings, curriculum);
    } catch (const LearningError &error) {
        return Problem{error.line, error.message};
    }
    return std::nullopt;
}

} // namespace MarkdownLearning
