// `progress stats` and `progress export`: what the Progress dashboard draws, for scripts.
#include "cli/clicontext.h"
#include "cli/subcommand.h"
#include "progress/progressexport.h"
#include "progress/progresshistory.h"
#include "progress/progressstats.h"
#include "progress/progressstatsjson.h"
#include "progress/progressstore.h"
#include "progress/reviewsummary.h"
#include "selfcheck/reviewsummaries.h"
#include "support/atomicfile.h"
#include "support/closestmatches.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace {

struct ProgressReportCommands
{
    Q_DECLARE_TR_FUNCTIONS(ProgressReportCommands)
};

bool parseDate(CliContext &context, const QString &option, const QString &text, QDate *date)
{
    *date = QDate::fromString(text, Qt::ISODate);
    if (date->isValid() && text.size() == 10)
        return true;
    context.fail(ProgressReportCommands::tr("--%1 '%2': not a date in the form YYYY-MM-DD")
                     .arg(option, text));
    return false;
}

// --range: its names and the days each covers.
const QList<std::pair<QString, int>> &statsRanges()
{
    static const QList<std::pair<QString, int>> ranges
        = {{u"30d"_s, 30}, {u"90d"_s, 90}, {u"1y"_s, 365}, {u"all"_s, StatsOptions::AllHistory}};
    return ranges;
}

bool parseRange(CliContext &context, const QString &text, int *days)
{
    for (const auto &[name, value] : statsRanges()) {
        if (text == name) {
            *days = value;
            return true;
        }
    }
    context.fail(
        ProgressReportCommands::tr("--range '%1': expected 30d, 90d, 1y or all").arg(text));
    return false;
}

bool parseSection(CliContext &context, const QString &text)
{
    QStringList ids;
    for (const Section &section : context.curriculum().sections)
        ids << section.id;
    if (ids.contains(text))
        return true;
    const QStringList suggestions = closestMatches(text, ids);
    context.fail(
        suggestions.isEmpty()
            ? ProgressReportCommands::tr(
                  "--section '%1': no such section (`mlops-studio curriculum show` lists "
                  "the ids)")
                  .arg(text)
            : ProgressReportCommands::tr("--section '%1': no such section; did you mean '%2'?")
                  .arg(text, suggestions.first()));
    return false;
}

bool parseOptions(CliContext &context, const QCommandLineParser &parser, StatsOptions *options)
{
    options->asOf = QDate::currentDate();
    if (parser.isSet(u"as-of"_s)
        && !parseDate(context, u"as-of"_s, parser.value(u"as-of"_s), &options->asOf))
        return false;
    if (parser.isSet(u"min-minutes"_s)) {
        bool isNumber = false;
        options->minMinutes = parser.value(u"min-minutes"_s).toInt(&isNumber);
        if (!isNumber || options->minMinutes < 1 || options->minMinutes > 1440) {
            context.fail(ProgressReportCommands::tr(
                             "--min-minutes '%1': expected a whole number from 1 to 1440")
                             .arg(parser.value(u"min-minutes"_s)));
            return false;
        }
    }
    if (parser.isSet(u"range"_s)
        && !parseRange(context, parser.value(u"range"_s), &options->rangeDays))
        return false;
    if (parser.isSet(u"target"_s)
        && !parseDate(context, u"target"_s, parser.value(u"target"_s), &options->targetDate))
        return false;
    if (parser.isSet(u"section"_s)) {
        options->sectionId = parser.value(u"section"_s);
        if (!parseSection(context, options->sectionId))
            return false;
    }
    return true;
}

QString hoursText(int minutes)
{
    if (minutes < 60)
        return ProgressReportCommands::tr("%n minute(s)", nullptr, minutes);
    return ProgressReportCommands::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString daysText(int days)
{
    return ProgressReportCommands::tr("%n day(s)", nullptr, days);
}

void printForecast(QTextStream &out, const ProgressStats &stats)
{
    const ForecastStats &forecast = stats.forecast;
    out << ProgressReportCommands::tr("Pace: %1 topics a week (%2 finished in the last %n day(s))",
                                      nullptr,
                                      StatsOptions::PaceWindowDays)
               .arg(forecast.pacePerWeek, 0, 'f', 2)
               .arg(forecast.finishedInWindow);
    if (forecast.remaining == 0)
        out << ProgressReportCommands::tr("; every topic is finished\n");
    else if (forecast.finishDate.isValid())
        out << ProgressReportCommands::tr("; at this pace the last topic is finished on %1\n")
                   .arg(forecast.finishDate.toString(Qt::ISODate));
    else
        out << ProgressReportCommands::tr("; no finish date without a pace\n");
    if (!stats.target)
        return;
    const TargetStats &target = *stats.target;
    out << ProgressReportCommands::tr("Target %1: ").arg(target.date.toString(Qt::ISODate));
    if (target.onTrack)
        out << ProgressReportCommands::tr("on track");
    else if (target.behindByDays)
        out << ProgressReportCommands::tr("behind by %1").arg(daysText(*target.behindByDays));
    else
        out << ProgressReportCommands::tr("behind (no pace yet)");
    if (target.neededPerWeek)
        out << ProgressReportCommands::tr("; it needs %1 topics a week")
                   .arg(*target.neededPerWeek, 0, 'f', 2);
    out << u"\n"_s;
}

void printSelfCheck(QTextStream &out, const ReviewSummary &summary)
{
    int dueSoon = 0;
    for (int due : summary.forecast)
        dueSoon += due;
    out << ProgressReportCommands::tr("Self-check: %1 due today, %2 in the next %3 days; %4 of %n "
                                      "question(s) answered\n",
                                      nullptr,
                                      summary.questions)
               .arg(summary.dueToday)
               .arg(dueSoon)
               .arg(ReviewSummary::ForecastDays)
               .arg(summary.answered);
    out << ProgressReportCommands::tr("Answers: %1 in the range, %2 in all; ")
               .arg(summary.answersInRange)
               .arg(summary.answersTotal);
    if (const std::optional<double> retention = summary.retention())
        out << ProgressReportCommands::tr(
                   "retention %1% (%2 of %n review(s) right)\n", nullptr, summary.reviewsInRange)
                   .arg(*retention * 100, 0, 'f', 1)
                   .arg(summary.reviewsRightInRange);
    else
        out << ProgressReportCommands::tr("no retention yet (no question answered again)\n");
}

void printStats(QTextStream &out,
                const Curriculum &curriculum,
                const ProgressStats &stats,
                const ReviewSummary &selfCheck)
{
    const QString range
        = stats.options.rangeDays > 0
              ? ProgressReportCommands::tr("the last %1").arg(daysText(stats.options.rangeDays))
              : ProgressReportCommands::tr("all history");
    out << ProgressReportCommands::tr("As of %1; range: %2 (from %3)\n")
               .arg(stats.options.asOf.toString(Qt::ISODate),
                    range,
                    stats.rangeFrom.toString(Qt::ISODate));
    out << ProgressReportCommands::tr(
               "Finished: %1 of %n topic(s) (%2%), %3 learning\n", nullptr, stats.overall.total())
               .arg(stats.overall.finished())
               .arg(stats.overall.percent(), 0, 'f', 1)
               .arg(stats.overall.learning);
    out << ProgressReportCommands::tr("Studied: %1 in the range, %2 in all\n")
               .arg(hoursText(stats.minutesInRange), hoursText(stats.minutesTotal));
    out << ProgressReportCommands::tr("Streak: %1 (longest %2; a day counts from %n minute(s))\n",
                                      nullptr,
                                      stats.streak.minMinutes)
               .arg(daysText(stats.streak.current), daysText(stats.streak.longest));
    printForecast(out, stats);
    printSelfCheck(out, selfCheck);
    for (const SectionSummary &section : stats.sections) {
        const Section *found = nullptr;
        for (const Section &candidate : curriculum.sections)
            if (candidate.id == section.sectionId)
                found = &candidate;
        const StatusCounts &c = section.counts;
        out << ProgressReportCommands::tr("  %1/%2 done, %3 learning, %4 skipped  %5\n")
                   .arg(c.done)
                   .arg(c.total())
                   .arg(c.learning)
                   .arg(c.skipped)
                   .arg(found ? found->title : section.sectionId);
    }
}

int showStats(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    StatsOptions options;
    if (!context.loadCurriculum() || !parseOptions(context, parser, &options)
        || !context.openStore())
        return CliContext::BadInput;
    const ProgressStore &store = context.store();
    const ProgressStats stats
        = ProgressStats::compute(context.curriculum(), store.history(), options);
    const ReviewSummary selfCheck = ReviewSummaries::compute(context.curriculum(),
                                                             store.reviewCards(),
                                                             store.reviewTimeline(),
                                                             options.asOf,
                                                             options.rangeDays);
    if (parser.isSet(u"json"_s))
        context.out() << ProgressStatsJson::write(stats, &selfCheck);
    else
        printStats(context.out(), context.curriculum(), stats, selfCheck);
    return CliContext::Success;
}

int exportCsv(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    if (!parser.isSet(u"csv"_s))
        return context.fail(
            ProgressReportCommands::tr("missing --csv FILE (the only export format)"));
    const QString path = parser.value(u"csv"_s);
    // A path that cannot be written is bad input, found before anything is opened.
    if (const QString problem = AtomicFile::checkOutputPath(path); !problem.isEmpty())
        return context.fail(problem);
    if (!context.openStore())
        return CliContext::BadInput;
    const QList<StatusEvent> events = context.store().statusHistory();
    const QList<StudySession> sessions = context.store().sessions();
    QString error;
    if (!ProgressExport::writeCsv(events, sessions, path, &error))
        return context.fail(error, CliContext::Failure);
    return context.succeed(
        ProgressReportCommands::tr("Exported %1 and %2 to %3")
            .arg(ProgressReportCommands::tr("%n status event(s)", nullptr, int(events.size())),
                 ProgressReportCommands::tr("%n study session(s)", nullptr, int(sessions.size())),
                 QDir::toNativeSeparators(path)));
}

} // namespace

QList<Subcommand> progressReportCommands()
{
    Subcommand stats;
    stats.group = u"progress"_s;
    stats.name = u"stats"_s;
    stats.summary = ProgressReportCommands::tr(
        "The dashboard's figures: sections, completions, study time, streaks, self-check.");
    stats.options = {
        QCommandLineOption(u"json"_s, ProgressReportCommands::tr("Print JSON.")),
        QCommandLineOption(
            u"as-of"_s,
            ProgressReportCommands::tr("Count as if today were this date (default: today)."),
            u"YYYY-MM-DD"_s),
        QCommandLineOption(
            u"min-minutes"_s,
            ProgressReportCommands::tr("Minutes of study that make a day count for the streak "
                                       "(default: 15)."),
            u"N"_s),
        QCommandLineOption(
            u"range"_s,
            ProgressReportCommands::tr("The range of the figures over time (self-check answers "
                                       "too): 30d, 90d, 1y or all (default)."),
            u"RANGE"_s),
        QCommandLineOption(u"section"_s,
                           ProgressReportCommands::tr("Only this section's topics (the self-check "
                                                      "figures cover every section)."),
                           u"SECTION_ID"_s),
        QCommandLineOption(
            u"target"_s,
            ProgressReportCommands::tr("Your target date: are you on track to finish by then?"),
            u"YYYY-MM-DD"_s),
    };
    QStringList rangeNames;
    for (const auto &range : statsRanges())
        rangeNames << range.first;
    stats.values = {{u"range"_s, rangeNames}};
    stats.run = showStats;

    Subcommand exportCommand;
    exportCommand.group = u"progress"_s;
    exportCommand.name = u"export"_s;
    exportCommand.summary
        = ProgressReportCommands::tr("Write every status event and study session to a CSV file.");
    exportCommand.options = {QCommandLineOption(
        u"csv"_s,
        ProgressReportCommands::tr("The CSV file to write (replaced atomically)."),
        u"FILE"_s)};
    exportCommand.run = exportCsv;
    return {stats, exportCommand};
}
