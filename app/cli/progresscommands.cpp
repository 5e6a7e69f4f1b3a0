#include "cli/clicontext.h"
#include "cli/clitime.h"
#include "cli/subcommand.h"
#include "curriculum/topicstatus.h"
#include "progress/progressstore.h"
#include "progress/progresssummary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct ProgressCommands
{
    Q_DECLARE_TR_FUNCTIONS(ProgressCommands)
};

constexpr int MaxSessionMinutes = 24 * 60;

double roundedPercent(double percent)
{
    return std::round(percent * 10.0) / 10.0;
}

bool prepare(CliContext &context, const QString &topicId)
{
    return context.loadCurriculum() && context.checkTopicId(topicId) && context.openStore();
}

int setStatus(CliContext &context, const QCommandLineParser &parser, const QStringList &args)
{
    const std::optional<TopicStatus> status = TopicStatuses::fromString(args.at(1));
    if (!status) {
        return context.fail(ProgressCommands::tr("unknown status '%1' (expected one of: %2)")
                                .arg(args.at(1), TopicStatuses::names().join(u", "_s)));
    }
    QDateTime at;
    if (!CliTime::parseAt(context, parser, &at) || !prepare(context, args.at(0)))
        return CliContext::BadInput;
    if (!context.store().setStatus(args.at(0), *status, at))
        return context.fail(context.store().errorString(), CliContext::Failure);
    context.backupIfDue();
    context.out() << u"%1: %2\n"_s.arg(args.at(0), TopicStatuses::toString(*status));
    return CliContext::Success;
}

int setNote(CliContext &context, const QCommandLineParser &, const QStringList &args)
{
    QString text = args.at(1);
    if (text == u"-"_s) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return context.fail(ProgressCommands::tr("cannot read the note from standard input"));
        // A pipe gives what it has at each read: read on up to one byte over the limit.
        QByteArray bytes;
        while (bytes.size() <= ProgressStore::MaxNoteBytes) {
            const QByteArray chunk = input.read(ProgressStore::MaxNoteBytes + 1 - bytes.size());
            if (chunk.isEmpty()) // the end of the input
                break;
            bytes += chunk;
        }
        text = QString::fromUtf8(bytes);
    }
    if (text.toUtf8().size() > ProgressStore::MaxNoteBytes)
        return context.fail(ProgressCommands::tr("the note is longer than %1 MiB")
                                .arg(ProgressStore::MaxNoteBytes >> 20));
    if (!prepare(context, args.at(0)))
        return CliContext::BadInput;
    if (!context.store().setNotes(args.at(0), text))
        return context.fail(context.store().errorString(), CliContext::Failure);
    context.backupIfDue();
    context.out() << (text.isEmpty() ? ProgressCommands::tr("%1: note cleared\n")
                                     : ProgressCommands::tr("%1: note saved\n"))
                         .arg(args.at(0));
    return CliContext::Success;
}

int logSession(CliContext &context, const QCommandLineParser &parser, const QStringList &args)
{
    bool isNumber = false;
    const int minutes = args.at(1).toInt(&isNumber);
    if (!isNumber || minutes < 1 || minutes > MaxSessionMinutes) {
        return context.fail(
            ProgressCommands::tr("MINUTES '%1': expected a whole number from 1 to %2")
                .arg(args.at(1))
                .arg(MaxSessionMinutes));
    }
    QDateTime at;
    if (!CliTime::parseAt(context, parser, &at) || !prepare(context, args.at(0)))
        return CliContext::BadInput;
    if (!context.store().logSession(args.at(0), minutes, at))
        return context.fail(context.store().errorString(), CliContext::Failure);
    context.backupIfDue();
    context.out()
        << ProgressCommands::tr("%1: logged %2\n").arg(args.at(0), CliTime::duration(minutes));
    return CliContext::Success;
}

QJsonObject countsJson(const StatusCounts &counts)
{
    return {{u"done"_s, counts.done},
            {u"learning"_s, counts.learning},
            {u"skipped"_s, counts.skipped},
            {u"pending"_s, counts.pending},
            {u"total"_s, counts.total()},
            {u"percent"_s, roundedPercent(counts.percent())},
            {u"minutes"_s, counts.minutes}};
}

QJsonObject topicJson(const TopicProgress &progress)
{
    return {{u"id"_s, progress.topicId},
            {u"status"_s, TopicStatuses::toString(progress.status)},
            {u"notes"_s, progress.notes},
            {u"minutes"_s, progress.minutes},
            {u"status_since"_s,
             progress.statusSince.isValid() ? progress.statusSince.toString(Qt::ISODate)
                                            : QJsonValue(QJsonValue::Null)}};
}

QByteArray progressJson(const Curriculum &curriculum,
                        const QHash<QString, TopicProgress> &all,
                        const ProgressSummary &summary,
                        const QString &databasePath)
{
    QJsonArray topics;
    for (const Section &section : curriculum.sections) {
        for (const Topic &topic : section.topics) {
            QJsonObject object = topicJson(progressOrPending(all, topic.id));
            object.insert(u"section"_s, section.id);
            topics.append(object);
        }
    }
    QJsonArray sections;
    for (const SectionSummary &section : summary.sections) {
        QJsonObject object = countsJson(section.counts);
        object.insert(u"id"_s, section.sectionId);
        sections.append(object);
    }
    QJsonArray orphaned;
    for (const TopicProgress &progress : summary.orphaned)
        orphaned.append(topicJson(progress));
    const QJsonObject root{{u"topics"_s, topics},
                           {u"sections"_s, sections},
                           {u"overall"_s, countsJson(summary.overall)},
                           {u"orphaned"_s, orphaned},
                           {u"database"_s, databasePath}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString statusMark(TopicStatus status)
{
    switch (status) {
    case TopicStatus::Done:
        return u"[x]"_s;
    case TopicStatus::Learning:
        return u"[~]"_s;
    case TopicStatus::Skipped:
        return u"[-]"_s;
    case TopicStatus::Pending:
        break;
    }
    return u"[ ]"_s;
}

void printTopicLine(QTextStream &out,
                    const QString &id,
                    const QString &title,
                    const TopicProgress &progress)
{
    out << u"   %1 %2"_s.arg(statusMark(progress.status), id);
    if (!title.isEmpty())
        out << u"  "_s << title;
    if (progress.minutes > 0)
        out << u"  ("_s << CliTime::duration(progress.minutes) << u")"_s;
    if (!progress.notes.isEmpty())
        out << ProgressCommands::tr("  [notes]");
    out << u"\n"_s;
}

void printProgress(QTextStream &out,
                   const Curriculum &curriculum,
                   const QHash<QString, TopicProgress> &all,
                   const ProgressSummary &summary)
{
    const StatusCounts &overall = summary.overall;
    out << ProgressCommands::tr("%1 of %n topic(s) finished (%2%), %3 learning, %4 studied\n",
                                nullptr,
                                overall.total())
               .arg(overall.finished())
               .arg(qRound(overall.percent()))
               .arg(overall.learning)
               .arg(CliTime::duration(overall.minutes));
    out << ProgressCommands::tr("[x] done  [~] learning  [-] skipped  [ ] pending\n");
    for (qsizetype i = 0; i < curriculum.sections.size(); ++i) {
        const Section &section = curriculum.sections.at(i);
        const StatusCounts &counts = summary.sections.at(i).counts;
        out << u"\n%1. %2  %3/%4 (%5%)\n"_s.arg(section.number)
                   .arg(section.title)
                   .arg(counts.finished())
                   .arg(counts.total())
                   .arg(qRound(counts.percent()));
        for (const Topic &topic : section.topics)
            printTopicLine(out, topic.id, topic.title, progressOrPending(all, topic.id));
    }
    if (!summary.orphaned.isEmpty()) {
        out << ProgressCommands::tr("\nProgress kept for topics this curriculum does not have:\n");
        for (const TopicProgress &progress : summary.orphaned)
            printTopicLine(out, progress.topicId, {}, progress);
    }
}

int showProgress(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    if (!context.loadCurriculum() || !context.openStore())
        return CliContext::BadInput;
    const QHash<QString, TopicProgress> all = context.store().allProgress();
    const ProgressSummary summary = ProgressSummary::compute(context.curriculum(), all);
    if (parser.isSet(u"json"_s))
        context.out() << progressJson(
            context.curriculum(), all, summary, context.store().filePath());
    else
        printProgress(context.out(), context.curriculum(), all, summary);
    return CliContext::Success;
}

QCommandLineOption atOption()
{
    return QCommandLineOption(u"at"_s,
                              ProgressCommands::tr("When it happened (ISO-8601; local time "
                                                   "unless an offset is given). Default: now."),
                              u"ISO-8601"_s);
}

} // namespace

QList<Subcommand> progressCommands()
{
    const QString topicHelp = ProgressCommands::tr("A topic id, as `curriculum show` lists them.");

    Subcommand set;
    set.group = u"progress"_s;
    set.name = u"set"_s;
    set.summary = ProgressCommands::tr("Set a topic's status: pending, learning, done or skipped.");
    set.arguments = {u"TOPIC_ID"_s, u"STATUS"_s};
    set.argumentHelp = {topicHelp, ProgressCommands::tr("pending, learning, done or skipped.")};
    set.options = {atOption()};
    set.values = {{u"STATUS"_s, TopicStatuses::names()}};
    set.run = setStatus;

    Subcommand note;
    note.group = u"progress"_s;
    note.name = u"note"_s;
    note.summary
        = ProgressCommands::tr("Replace a topic's notes (Markdown; - reads standard input).");
    note.arguments = {u"TOPIC_ID"_s, u"TEXT"_s};
    note.argumentHelp
        = {topicHelp, ProgressCommands::tr("The notes; an empty text clears them, - reads stdin.")};
    note.run = setNote;

    Subcommand log;
    log.group = u"progress"_s;
    log.name = u"log"_s;
    log.summary = ProgressCommands::tr("Record a study session of MINUTES on a topic.");
    log.arguments = {u"TOPIC_ID"_s, u"MINUTES"_s};
    log.argumentHelp = {topicHelp, ProgressCommands::tr("Whole minutes, 1 to 1440.")};
    log.options = {atOption()};
    log.run = logSession;

    Subcommand show;
    show.group = u"progress"_s;
    show.name = u"show"_s;
    show.summary = ProgressCommands::tr("Show progress per section and topic.");
    show.options = {QCommandLineOption(u"json"_s, ProgressCommands::tr("Print JSON."))};
    show.run = showProgress;
    return {set, note, log, show, studyTimerCommand()};
}
