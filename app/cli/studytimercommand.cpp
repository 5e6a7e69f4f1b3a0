// `mlops-studio progress timer start|stop|status|cancel`: the study timer of the roadmap's drawer
// and the dashboard, from a terminal. It is the same timer: its start is in the progress
// database, so a timer started here shows running in the window, and the other way round.
#include "cli/clicontext.h"
#include "cli/clitime.h"
#include "cli/subcommand.h"
#include "progress/progressstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

struct StudyTimerCommand
{
    Q_DECLARE_TR_FUNCTIONS(StudyTimerCommand)
};

const QStringList Actions = {u"start"_s, u"stop"_s, u"status"_s, u"cancel"_s};

QString localTime(const QDateTime &utc)
{
    return utc.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

int elapsedMinutes(const RunningTimer &timer, const QDateTime &now)
{
    return int(std::max<qint64>(0, timer.start.secsTo(now)) / 60);
}

// What the stop of `stopped` at `end` landed, for the user.
QString landedText(const RunningTimer &stopped, const QDateTime &end, const StudySession &landed)
{
    if (landed.id == 0)
        return StudyTimerCommand::tr("%1: timer stopped after under half a minute; nothing logged")
            .arg(stopped.topicId);
    QString text = StudyTimerCommand::tr("%1: timer stopped, logged %2")
                       .arg(stopped.topicId, CliTime::duration(landed.minutes));
    if (stopped.start.secsTo(end) > qint64(ProgressStore::MaxSessionMinutes) * 60)
        text += StudyTimerCommand::tr(" (it ran for %1; a session counts at most 24 h)")
                    .arg(CliTime::duration(elapsedMinutes(stopped, end)));
    return text;
}

// Checks the arguments against the action before anything is opened.
bool checkUsage(CliContext &context, const QCommandLineParser &parser, const QStringList &args)
{
    const QString &action = args.at(0);
    if (!Actions.contains(action)) {
        context.fail(StudyTimerCommand::tr("unknown timer action '%1' (expected one of: %2)")
                         .arg(action, Actions.join(u", "_s)));
        return false;
    }
    if (action == u"start"_s && args.size() < 2) {
        context.fail(StudyTimerCommand::tr("timer start needs the TOPIC_ID to time"));
        return false;
    }
    if (action != u"start"_s && args.size() > 1) {
        context.fail(
            StudyTimerCommand::tr("unexpected argument '%1': only timer start takes a topic")
                .arg(args.at(1)));
        return false;
    }
    if (parser.isSet(u"at"_s) && action != u"start"_s && action != u"stop"_s) {
        context.fail(StudyTimerCommand::tr("--at is for timer start and timer stop"));
        return false;
    }
    if (parser.isSet(u"json"_s) && action != u"status"_s) {
        context.fail(StudyTimerCommand::tr("--json is for timer status"));
        return false;
    }
    return true;
}

// Stops `running` at `at` and logs its session: what `stop` does, and `start` for another topic.
int stopRunning(CliContext &context, const RunningTimer &running, const QDateTime &at)
{
    if (at < running.start)
        return context.fail(StudyTimerCommand::tr("--at: before the timer for %1 started (%2)")
                                .arg(running.topicId, localTime(running.start)));
    StudySession landed;
    if (!context.store().stopTimer(at, &landed))
        return context.fail(context.store().errorString(), CliContext::Failure);
    context.out() << landedText(running, at, landed) << u"\n"_s;
    return CliContext::Success;
}

int start(CliContext &context, const QString &topicId, const QDateTime &at)
{
    ProgressStore &store = context.store();
    if (const std::optional<RunningTimer> running = store.runningTimer()) {
        if (running->topicId == topicId) {
            context.out() << StudyTimerCommand::tr("%1: the timer already runs, since %2\n")
                                 .arg(topicId, localTime(running->start));
            return CliContext::Success;
        }
        // One timer at a time, as in the window: the other topic's session lands first.
        if (const int code = stopRunning(context, *running, at); code != CliContext::Success)
            return code;
    }
    if (!store.startTimer(topicId, at))
        return context.fail(store.errorString(), CliContext::Failure);
    context.backupIfDue();
    context.out() << StudyTimerCommand::tr("%1: timer started at %2\n").arg(topicId, localTime(at));
    return CliContext::Success;
}

int stop(CliContext &context, const QDateTime &at)
{
    const std::optional<RunningTimer> running = context.store().runningTimer();
    if (!running)
        return context.fail(StudyTimerCommand::tr("the study timer is not running"),
                            CliContext::Failure);
    const int code = stopRunning(context, *running, at);
    if (code == CliContext::Success)
        context.backupIfDue();
    return code;
}

int status(CliContext &context, bool json)
{
    const std::optional<RunningTimer> running = context.store().runningTimer();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (json) {
        QJsonObject object{{u"running"_s, running.has_value()},
                           {u"topic"_s, QJsonValue::Null},
                           {u"start"_s, QJsonValue::Null},
                           {u"elapsed_minutes"_s, 0}};
        if (running) {
            object.insert(u"topic"_s, running->topicId);
            object.insert(u"start"_s, running->start.toString(Qt::ISODate));
            object.insert(u"elapsed_minutes"_s, elapsedMinutes(*running, now));
        }
        context.out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return CliContext::Success;
    }
    if (!running) {
        context.out() << StudyTimerCommand::tr("The study timer is not running.\n");
        return CliContext::Success;
    }
    const Topic *topic = context.curriculum().findTopic(running->topicId);
    context.out() << StudyTimerCommand::tr("%1: timer running for %2, since %3%4\n")
                         .arg(running->topicId,
                              CliTime::duration(elapsedMinutes(*running, now)),
                              localTime(running->start),
                              topic ? u" (%1)"_s.arg(topic->title) : QString());
    return CliContext::Success;
}

int cancel(CliContext &context)
{
    ProgressStore &store = context.store();
    const std::optional<RunningTimer> running = store.runningTimer();
    if (!running) {
        context.out() << StudyTimerCommand::tr("The study timer is not running.\n");
        return CliContext::Success;
    }
    if (!store.cancelTimer())
        return context.fail(store.errorString(), CliContext::Failure);
    context.out()
        << StudyTimerCommand::tr("%1: timer cancelled; nothing logged\n").arg(running->topicId);
    return CliContext::Success;
}

int runTimer(CliContext &context, const QCommandLineParser &parser, const QStringList &args)
{
    if (!checkUsage(context, parser, args))
        return CliContext::BadInput;
    QDateTime at;
    if (!CliTime::parseAt(context, parser, &at) || !context.loadCurriculum())
        return CliContext::BadInput;
    const QString &action = args.at(0);
    if (action == u"start"_s && !context.checkTopicId(args.at(1)))
        return CliContext::BadInput;
    if (!context.openStore())
        return CliContext::BadInput;
    if (action == u"start"_s)
        return start(context, args.at(1), at);
    if (action == u"stop"_s)
        return stop(context, at);
    if (action == u"status"_s)
        return status(context, parser.isSet(u"json"_s));
    return cancel(context);
}

} // namespace

Subcommand studyTimerCommand()
{
    Subcommand timer;
    timer.group = u"progress"_s;
    timer.name = u"timer"_s;
    timer.summary = StudyTimerCommand::tr(
        "The study timer: start TOPIC_ID, stop (logs the session), status, cancel.");
    timer.arguments = {u"ACTION"_s, u"TOPIC_ID"_s};
    timer.argumentHelp
        = {StudyTimerCommand::tr(
               "start: time TOPIC_ID (a timer running for another topic is stopped and logged "
               "first); stop: stop and log the minutes; status: show what runs; cancel: stop "
               "without logging."),
           StudyTimerCommand::tr("For start: a topic id, as `curriculum show` lists them.")};
    timer.optionalArguments = 1;
    timer.options = {
        QCommandLineOption(u"at"_s,
                           StudyTimerCommand::tr("For start and stop: when (ISO-8601; local time "
                                                 "unless an offset is given). Default: now."),
                           u"ISO-8601"_s),
        QCommandLineOption(u"json"_s, StudyTimerCommand::tr("For status: print JSON."))};
    timer.values = {{u"ACTION"_s, Actions}};
    timer.run = runTimer;
    return timer;
}
