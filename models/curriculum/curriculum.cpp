#include "curriculum/curriculum.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The context of validate()'s problems.
struct CurriculumValidation
{
    Q_DECLARE_TR_FUNCTIONS(CurriculumValidation)
};

} // namespace

int Curriculum::topicCount() const
{
    int count = 0;
    for (const Section &section : sections)
        count += int(section.topics.size());
    return count;
}

double Curriculum::totalHours() const
{
    double hours = 0;
    for (const Section &section : sections)
        for (const Topic &topic : section.topics)
            hours += topic.hours;
    return hours;
}

QStringList Curriculum::topicIds() const
{
    QStringList ids;
    for (const Section &section : sections)
        for (const Topic &topic : section.topics)
            ids << topic.id;
    return ids;
}

QStringList Curriculum::sectionIds() const
{
    QStringList ids;
    for (const Section &section : sections)
        ids << section.id;
    return ids;
}

const Topic *Curriculum::findTopic(const QString &topicId) const
{
    for (const Section &section : sections)
        for (const Topic &topic : section.topics)
            if (topic.id == topicId)
                return &topic;
    return nullptr;
}

const Section *Curriculum::findSection(const QString &sectionId) const
{
    for (const Section &section : sections)
        if (section.id == sectionId)
            return &section;
    return nullptr;
}

const Section *Curriculum::sectionOfTopic(const QString &topicId) const
{
    for (const Section &section : sections)
        for (const Topic &topic : section.topics)
            if (topic.id == topicId)
                return &section;
    return nullptr;
}

const SelfCheckQuestion *Curriculum::findQuestion(const QString &questionId,
                                                  const Topic **topic) const
{
    for (const Section &section : sections) {
        for (const Topic &candidate : section.topics) {
            for (const SelfCheckQuestion &question : candidate.questions) {
                if (question.id == questionId) {
                    if (topic)
                        *topic = &candidate;
                    return &question;
                }
            }
        }
    }
    if (topic)
        *topic = nullptr;
    return nullptr;
}

int Curriculum::questionCount() const
{
    int count = 0;
    for (const Section &section : sections)
        for (const Topic &topic : section.topics)
            count += int(topic.questions.size());
    return count;
}

// Resources and questions of one topic; question ids are unique across the curriculum, since
// the review history is keyed by them.
static QString checkLearning(const Topic &topic, QSet<QString> &questionIds)
{
    for (const TopicResource &resource : topic.resources) {
        const QString problem = TopicLearning::checkResource(resource);
        if (!problem.isEmpty())
            return CurriculumValidation::tr("topic '%1': %2").arg(topic.id, problem);
    }
    for (const SelfCheckQuestion &question : topic.questions) {
        const QString problem = TopicLearning::checkQuestion(question);
        if (!problem.isEmpty())
            return CurriculumValidation::tr("topic '%1': %2").arg(topic.id, problem);
        if (questionIds.contains(question.id))
            return CurriculumValidation::tr("duplicate question id '%1'").arg(question.id);
        questionIds.insert(question.id);
    }
    return {};
}

// A depth-first search with an explicit stack: a file can hold a chain of 100,000 sections, too
// deep for recursion. Expects known, unique prerequisite ids (validate() checks them first).
static QString findCycle(const QList<Section> &sections)
{
    QHash<QString, qsizetype> indexOfId;
    for (qsizetype i = 0; i < sections.size(); ++i)
        indexOfId.insert(sections.at(i).id, i);

    enum Mark : char { Unvisited, InProgress, Done };
    QList<Mark> marks(sections.size(), Unvisited);
    struct Frame
    {
        qsizetype section;
        qsizetype nextPrerequisite;
    };
    QList<Frame> path;
    for (qsizetype root = 0; root < sections.size(); ++root) {
        if (marks.at(root) != Unvisited)
            continue;
        marks[root] = InProgress;
        path.append({root, 0});
        while (!path.isEmpty()) {
            Frame &frame = path.last();
            const QStringList &prerequisites = sections.at(frame.section).prerequisites;
            if (frame.nextPrerequisite == prerequisites.size()) {
                marks[frame.section] = Done;
                path.removeLast();
                continue;
            }
            const qsizetype pre = indexOfId.value(prerequisites.at(frame.nextPrerequisite++), -1);
            if (pre < 0 || marks.at(pre) == Done)
                continue;
            if (marks.at(pre) == Unvisited) {
                marks[pre] = InProgress;
                path.append({pre, 0});
                continue;
            }
            QStringList cycle;
            const auto start = std::find_if(
                path.cbegin(), path.cend(), [pre](const Frame &f) { return f.section == pre; });
            for (auto it = start; it != path.cend(); ++it)
                cycle << sections.at(it->section).id;
            cycle << sections.at(pre).id;
            constexpr qsizetype Shown = 5; // ids at each end of a long cycle
            if (cycle.size() > 2 * Shown + 1)
                cycle = cycle.first(Shown) + QStringList{u"\u2026"_s} + cycle.last(Shown);
            return cycle.join(u" -> "_s);
        }
    }
    return {};
}

QString Curriculum::validate() const
{
    if (sections.isEmpty())
        return CurriculumValidation::tr("the curriculum has no sections");

    QSet<QString> sectionIdSet;
    QSet<QString> topicIdSet;
    QSet<QString> questionIdSet;
    for (const Section &section : sections) {
        const QString number = QString::number(section.number);
        if (!CurriculumIds::isValidId(section.id))
            return CurriculumValidation::tr("section %1: invalid id '%2' (expected lowercase "
                                            "letters, digits and '-')")
                .arg(number, section.id);
        if (sectionIdSet.contains(section.id))
            return CurriculumValidation::tr("section %1: duplicate section id '%2'")
                .arg(number, section.id);
        sectionIdSet.insert(section.id);
        if (!CurriculumText::hasVisibleText(section.title))
            return CurriculumValidation::tr("section '%1' has no title").arg(section.id);
        for (const Topic &topic : section.topics) {
            if (!CurriculumIds::isValidId(topic.id))
                return CurriculumValidation::
                    tr("section '%1': invalid topic id '%2' (expected lowercase letters, digits "
                       "and '-')")
                        .arg(section.id, topic.id);
            if (topicIdSet.contains(topic.id))
                return CurriculumValidation::tr("duplicate topic id '%1'").arg(topic.id);
            topicIdSet.insert(topic.id);
            if (!CurriculumText::hasVisibleText(topic.title))
                return CurriculumValidation::tr("topic '%1' has no title").arg(topic.id);
            if (topic.hours < 0 || topic.hours > 10000)
                return CurriculumValidation::tr("topic '%1': hours must be between 0 and 10000")
                    .arg(topic.id);
            QString learningProblem = checkLearning(topic, questionIdSet);
            if (!learningProblem.isEmpty())
                return learningProblem;
        }
    }
    for (const Section &section : sections) {
        for (const QString &pre : section.prerequisites) {
            if (!sectionIdSet.contains(pre))
                return CurriculumValidation::tr("section '%1': unknown prerequisite '%2'")
                    .arg(section.id, pre);
            if (pre == section.id)
                return CurriculumValidation::tr("section '%1' lists itself as a prerequisite")
                    .arg(section.id);
        }
    }
    const QString cycle = findCycle(sections);
    if (!cycle.isEmpty())
        return CurriculumValidation::tr("prerequisites form a cycle: %1").arg(cycle);
    return {};
}

namespace CurriculumIds {

static constexpr int MaxIdLength = 64;

QString slugify(const QString &text, const QString &fallback)
{
    const QString folded = text.normalized(QString::NormalizationForm_KD);
    QString slug;
    slug.reserve(folded.size());
    bool pendingDash = false;
    for (const QChar ch : folded) {
        if (ch.category() == QChar::Mark_NonSpacing)
            continue;
        const char16_t c = ch.toLower().unicode();
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            if (pendingDash && !slug.isEmpty())
                slug += u'-';
            pendingDash = false;
            slug += QChar(c);
        } else if (c == u'\'' || c == u'\u2019') {
            continue; // "Let's" -> "lets"
        } else {
            pendingDash = true;
        }
    }
    if (slug.size() > MaxIdLength) {
        const bool cutBetweenWords = slug.at(MaxIdLength) == u'-';
        slug.truncate(MaxIdLength);
        const qsizetype lastDash = slug.lastIndexOf(u'-');
        if (!cutBetweenWords && lastDash > MaxIdLength / 2)
            slug.truncate(lastDash); // drop the cut word
        while (slug.endsWith(u'-'))
            slug.chop(1);
    }
    return slug.isEmpty() ? fallback : slug;
}

bool isValidId(const QString &id)
{
    // Anchored to the very end: "$" alone would also accept a trailing newline.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(u"[a-z0-9]+(-[a-z0-9]+)*"_s));
    return id.size() <= MaxIdLength + 8 && pattern.match(id).hasMatch();
}

QString makeUnique(const QString &base, QStringList &taken)
{
    QString candidate = base;
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = u"%1-%2"_s.arg(base).arg(n);
    taken << candidate;
    return candidate;
}

} // namespace CurriculumIds

namespace CurriculumText {

bool hasVisibleText(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar ch) {
        return !ch.isSpace() && ch.category() != QChar::Other_Format;
    });
}

} // namespace CurriculumText
