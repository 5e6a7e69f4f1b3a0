// `mlops-studio quiz …`: the self-check questions from the command line, so scripts and tests
// can drive the scheduler: what is due, answering, and the review figures.
#include "cli/clicontext.h"
#include "cli/clitime.h"
#include "cli/subcommand.h"
#include "progress/progressstore.h"
#include "selfcheck/reviewstatistics.h"
#include "selfcheck/selfcheckplan.h"
#include "selfcheck/selfcheckscheduling.h"
#include "support/closestmatches.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct QuizCommands
{
    Q_DECLARE_TR_FUNCTIONS(QuizCommands)
};

QString isoUtc(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

// --as-of: a date (that local day) or a date and time (local unless it has an offset). Unlike
// --at it may lie in the future: "what will be due on Friday".
bool parseAsOf(CliContext &context, const QCommandLineParser &parser, QDateTime *asOf)
{
    *asOf = QDateTime::currentDateTimeUtc();
    if (!parser.isSet(u"as-of"_s))
        return true;
    const QString text = parser.value(u"as-of"_s).trimmed();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid()) {
        *asOf = date.startOfDay().toUTC();
        return true;
    }
    const QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    if (at.isValid()) {
        *asOf = at.toUTC();
        return true;
    }
    context.fail(QuizCommands::tr("--as-of '%1': expected an ISO-8601 date (2026-03-01) or date "
                                  "and time (2026-03-01T18:00)")
                     .arg(text));
    return false;
}

QJsonObject questionJson(const SelfCheckPlan::PlannedQuestion &planned)
{
    return {{u"id"_s, planned.question->id},
            {u"topic"_s, planned.topic->id},
            {u"prompt"_s, planned.question->prompt},
            {u"choices"_s, QJsonArray::fromStringList(planned.question->choices)},
            {u"new"_s, planned.isNew},
            {u"due"_s, planned.isNew ? QJsonValue() : QJsonValue(isoUtc(planned.due))}};
}

int showDue(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    QDateTime asOf;
    if (!parseAsOf(context, parser, &asOf) || !context.loadCurriculum() || !context.openStore())
        return CliContext::BadInput;
    const QList<SelfCheckPlan::PlannedQuestion> planned = SelfCheckPlan::dueQuestions(
        context.curriculum(), context.store().reviewCards(), context.store().statuses(), asOf);
    const auto newCount
        = std::count_if(planned.cbegin(), planned.cend(), [](const auto &p) { return p.isNew; });
    if (parser.isSet(u"json"_s)) {
        QJsonArray questions;
        for (const SelfCheckPlan::PlannedQuestion &p : planned)
            questions.append(questionJson(p));
        context.out() << QJsonDocument(QJsonObject{{u"asOf"_s, isoUtc(asOf)},
                                                   {u"due"_s, int(planned.size() - newCount)},
                                                   {u"new"_s, int(newCount)},
                                                   {u"questions"_s, questions}})
                             .toJson(QJsonDocument::Indented);
        return CliContext::Success;
    }
    QTextStream &out = context.out();
    out << QuizCommands::tr("%n question(s) due", nullptr, int(planned.size() - newCount))
        << QuizCommands::tr(", %1 new").arg(newCount) << u'\n';
    for (const SelfCheckPlan::PlannedQuestion &p : planned) {
        const QString when = p.isNew ? QuizCommands::tr("new")
                                     : p.due.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
        out << u"  %1  %2  %3\n"_s.arg(p.question->id, when, p.question->prompt);
    }
    if (planned.isEmpty())
        out << QuizCommands::tr("Nothing to review. New questions come from the topics you "
                                "study (`progress set TOPIC_ID learning`).\n");
    return CliContext::Success;
}

const SelfCheckQuestion *findQuestion(CliContext &context, const QString &id, const Topic **topic)
{
    const SelfCheckQuestion *question = context.curriculum().findQuestion(id, topic);
    if (question)
        return question;
    QStringList ids;
    for (const Section &section : context.curriculum().sections)
        for (const Topic &t : section.topics)
            for (const SelfCheckQuestion &q : t.questions)
                ids << q.id;
    const QStringList suggestions = closestMatches(id, ids);
    if (!suggestions.isEmpty())
        context.fail(QuizCommands::tr("unknown question id '%1'; did you mean %2?")
                         .arg(id, u"'"_s + suggestions.join(u"', '"_s) + u"'"_s));
    else
        context.fail(QuizCommands::tr("unknown question id '%1' (`mlops-studio quiz due --json` "
                                      "lists the ids)")
                         .arg(id));
    return nullptr;
}

int answer(CliContext &context, const QCommandLineParser &parser, const QStringList &args)
{
    QDateTime at;
    if (!CliTime::parseAt(context, parser, &at) || !context.loadCurriculum())
        return CliContext::BadInput;
    const Topic *topic = nullptr;
    const SelfCheckQuestion *question = findQuestion(context, args.at(0), &topic);
    if (!question)
        return CliContext::BadInput;
    bool isNumber = false;
    const int choice = args.at(1).toInt(&isNumber);
    if (!isNumber || choice < 1 || choice > question->choices.size()) {
        return context.fail(QuizCommands::tr("CHOICE '%1': expected a number from 1 to %2 (the "
                                             "question has %2 choices)")
                                .arg(args.at(1))
                                .arg(question->choices.size()));
    }
    if (!context.openStore())
        return CliContext::BadInput;
    const ReviewAnswer given{
        0, question->id, topic->id, choice - 1, choice - 1 == question->answer, at};
    ReviewCard card;
    if (!context.store().recordAnswer(given, SelfCheckScheduling::scheduler(), &card))
        return context.fail(context.store().errorString());
    context.backupIfDue();
    QTextStream &out = context.out();
    if (given.correct)
        out << QuizCommands::tr("Right.");
    else
        out << QuizCommands::tr("Wrong: the answer is %1. %2")
                   .arg(question->answer + 1)
                   .arg(question->choices.at(question->answer));
    out << u'\n';
    if (!question->explanation.isEmpty())
        out << question->explanation << u'\n';
    if (!given.correct && !topic->resources.isEmpty()) {
        const TopicResource &reading = topic->resources.first();
        out << QuizCommands::tr("Read: %1 <%2>\n").arg(reading.title, reading.url);
    }
    out << QuizCommands::tr("Next review: %1\n")
               .arg(card.due.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s));
    return CliContext::Success;
}

double roundedShare(double share)
{
    return std::round(share * 1000.0) / 1000.0;
}

int showStats(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    QDateTime asOf;
    if (!parseAsOf(context, parser, &asOf) || !context.loadCurriculum() || !context.openStore())
        return CliContext::BadInput;
    const Curriculum &curriculum = context.curriculum();
    const QHash<QString, ReviewCard> cards = context.store().reviewCards();
    const SelfCheckPlan::Mastery mastery = SelfCheckPlan::overallMastery(curriculum, cards, asOf);
    const int due = SelfCheckPlan::dueCount(curriculum, cards, asOf);
    const ReviewStatistics::Figures figures = ReviewStatistics::compute(
        context.store().reviewTimeline(), curriculum, cards, asOf.toLocalTime().date());
    if (parser.isSet(u"json"_s)) {
        QJsonArray forecast;
        for (int count : figures.forecast)
            forecast.append(count);
        QJsonArray days;
        for (auto it = figures.days.cbegin(); it != figures.days.cend(); ++it) {
            days.append(QJsonObject{{u"date"_s, it.key().toString(Qt::ISODate)},
                                    {u"answers"_s, it->answers},
                                    {u"reviews"_s, it->reviews},
                                    {u"reviewsRight"_s, it->reviewsRight}});
        }
        const double retention = figures.retention();
        context.out() << QJsonDocument(
                             QJsonObject{{u"asOf"_s, isoUtc(asOf)},
                                         {u"questions"_s, mastery.total},
                                         {u"answered"_s, mastery.answered},
                                         {u"remembered"_s, mastery.remembered},
                                         {u"dueToday"_s, due},
                                         {u"answers"_s, figures.answers},
                                         {u"reviews"_s, figures.reviews},
                                         {u"retention"_s,
                                          retention < 0 ? QJsonValue()
                                                        : QJsonValue(roundedShare(retention))},
                                         {u"days"_s, days},
                                         {u"forecast"_s, forecast}})
                             .toJson(QJsonDocument::Indented);
        return CliContext::Success;
    }
    QTextStream &out = context.out();
    out << QuizCommands::tr("Questions: %1 answered of %2, %3 remembered\n")
               .arg(mastery.answered)
               .arg(mastery.total)
               .arg(mastery.remembered);
    out << QuizCommands::tr("Due today: %1\n").arg(due);
    out << QuizCommands::tr("Answers: %1 (%2 reviews of questions seen before)\n")
               .arg(figures.answers)
               .arg(figures.reviews);
    if (figures.retention() >= 0)
        out << QuizCommands::tr("Retention: %1%\n").arg(qRound(figures.retention() * 100));
    QStringList week;
    for (int day = 0; day < 7; ++day)
        week << QString::number(figures.forecast.at(day));
    out << QuizCommands::tr("Due in the next 7 days: %1\n").arg(week.join(u' '));
    return CliContext::Success;
}

QCommandLineOption asOfOption()
{
    return QCommandLineOption(u"as-of"_s,
                              QuizCommands::tr("The day (or moment) to count for, ISO-8601, "
                                               "local time unless an offset is given. Default: "
                                               "now."),
                              u"DATE"_s);
}

} // namespace

QList<Subcommand> quizCommands()
{
    const QCommandLineOption json(u"json"_s, QuizCommands::tr("Print JSON."));

    Subcommand due;
    due.group = u"quiz"_s;
    due.name = u"due"_s;
    due.summary = QuizCommands::tr(
        "List the self-check questions due today, then new ones of the topics you study.");
    due.options = {json, asOfOption()};
    due.run = showDue;

    Subcommand answerCommand;
    answerCommand.group = u"quiz"_s;
    answerCommand.name = u"answer"_s;
    answerCommand.summary
        = QuizCommands::tr("Answer a question with the number of a choice; schedules it again.");
    answerCommand.arguments = {u"QUESTION_ID"_s, u"CHOICE"_s};
    answerCommand.argumentHelp
        = {QuizCommands::tr("A question id, as `quiz due --json` lists them."),
           QuizCommands::tr("The chosen answer: 1 for the first choice, up to 4.")};
    answerCommand.options = {QCommandLineOption(
        u"at"_s,
        QuizCommands::tr("When it was answered (ISO-8601; local time unless an offset is "
                         "given). Default: now."),
        u"ISO-8601"_s)};
    answerCommand.run = answer;

    Subcommand stats;
    stats.group = u"quiz"_s;
    stats.name = u"stats"_s;
    stats.summary = QuizCommands::tr(
        "Show the self-check figures: answered, remembered, due, retention, forecast.");
    stats.options = {json, asOfOption()};
    stats.run = showStats;
    return {due, answerCommand, stats};
}
