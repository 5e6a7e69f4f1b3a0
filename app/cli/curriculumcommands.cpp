#include "cli/clicontext.h"
#include "cli/subcommand.h"
#include "curriculum/curriculumjson.h"
#include "curriculum/curriculumloader.h"
#include "support/atomicfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

struct CurriculumCommands
{
    Q_DECLARE_TR_FUNCTIONS(CurriculumCommands)
};

QString sectionsText(const Curriculum &curriculum)
{
    return CurriculumCommands::tr("%n section(s)", nullptr, int(curriculum.sections.size()));
}

QString hoursText(double hours)
{
    return CurriculumCommands::tr("%1 h").arg(QString::number(hours, 'g', 4));
}

// Under the topic's line: how many questions check it, and what to read, with the address to
// open and why it is worth the time.
void printLearning(QTextStream &out, const Topic &topic)
{
    const QString indent(7, u' ');
    if (!topic.questions.isEmpty())
        out << indent
            << CurriculumCommands::tr(
                   "Self-check: %n question(s)", nullptr, int(topic.questions.size()))
            << u"\n"_s;
    for (const TopicResource &resource : topic.resources) {
        const QString kind = resource.kind.isEmpty() ? QString() : u" ("_s + resource.kind + u')';
        out << indent
            << CurriculumCommands::tr("Read: %1%2  %3").arg(resource.title, kind, resource.url)
            << u"\n"_s;
        if (!resource.why.isEmpty())
            out << indent << u"      "_s << resource.why << u"\n"_s;
    }
}

void printCurriculum(QTextStream &out, const Curriculum &curriculum)
{
    out << curriculum.title << u"\n"_s;
    out << CurriculumCommands::tr(
               "%1, %n topic(s), about %2 of study\n", nullptr, curriculum.topicCount())
               .arg(sectionsText(curriculum), hoursText(curriculum.totalHours()));
    for (const Section &section : curriculum.sections) {
        out << u"\n%1. %2  [%3]\n"_s.arg(section.number).arg(section.title, section.id);
        if (!section.objective.isEmpty())
            out << CurriculumCommands::tr("   Objective: %1\n").arg(section.objective);
        if (!section.prerequisites.isEmpty())
            out << CurriculumCommands::tr("   After: %1\n")
                       .arg(section.prerequisites.join(u", "_s));
        for (const Topic &topic : section.topics) {
            out << u"   - %1  %2 (%3)"_s.arg(topic.id, topic.title, hoursText(topic.hours));
            if (!topic.tags.isEmpty())
                out << CurriculumCommands::tr("  tools: %1").arg(topic.tags.join(u", "_s));
            out << u"\n"_s;
            printLearning(out, topic);
        }
    }
    if (!curriculum.outcomes.isEmpty()) {
        out << CurriculumCommands::tr("\nExpected outcomes:\n");
        for (qsizetype i = 0; i < curriculum.outcomes.size(); ++i)
            out << u"%1. %2\n"_s.arg(i + 1).arg(curriculum.outcomes.at(i));
    }
}

int showCurriculum(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    if (!context.loadCurriculum())
        return CliContext::BadInput;
    if (parser.isSet(u"json"_s))
        context.out() << CurriculumJson::write(context.curriculum());
    else
        printCurriculum(context.out(), context.curriculum());
    return CliContext::Success;
}

int importCurriculum(CliContext &context,
                     const QCommandLineParser &parser,
                     const QStringList &arguments)
{
    const QString &input = arguments.at(0);
    const CurriculumLoader::Result result = CurriculumLoader::importMarkdownFile(input);
    if (!result.ok)
        return context.fail(result.error);
    const QByteArray json = CurriculumJson::write(result.curriculum);

    const QString output = parser.value(u"output"_s);
    if (output.isEmpty() || output == u"-"_s) {
        context.out() << json;
        return CliContext::Success;
    }
    if (QFileInfo(output).isDir())
        return context.fail(
            CurriculumCommands::tr("-o %1: is a directory, expected a file name").arg(output));
    QString error;
    AtomicFile::Stage reached = AtomicFile::Stage::Open;
    const bool written = AtomicFile::writeBytes(output, json, &error, &reached);
    // A file that cannot be created is bad input; one that fails while written is not.
    if (!written)
        return context.fail(CurriculumCommands::tr("-o %1: cannot write: %2").arg(output, error),
                            reached == AtomicFile::Stage::Open ? CliContext::BadInput
                                                               : CliContext::Failure);
    return context.succeed(CurriculumCommands::tr("Imported %1 and %n topic(s) into %2",
                                                  nullptr,
                                                  result.curriculum.topicCount())
                               .arg(sectionsText(result.curriculum), output));
}

} // namespace

QList<Subcommand> curriculumCommands()
{
    Subcommand show;
    show.group = u"curriculum"_s;
    show.name = u"show"_s;
    show.summary = CurriculumCommands::tr(
        "Print the curriculum: sections, topics, ids, tools, hours, and each topic's resources "
        "and number of self-check questions.");
    show.options = {QCommandLineOption(
        u"json"_s,
        CurriculumCommands::tr("Print JSON (the curriculum file format), with each topic's "
                               "resources and questions, right answers included."))};
    show.run = showCurriculum;

    Subcommand import;
    import.group = u"curriculum"_s;
    import.name = u"import"_s;
    import.summary
        = CurriculumCommands::tr("Turn a Markdown curriculum into the JSON curriculum format.");
    import.arguments = {u"FILE.md"_s};
    import.argumentHelp
        = {CurriculumCommands::tr("A Markdown document shaped like the coursework.")};
    import.options = {QCommandLineOption(
        {u"o"_s, u"output"_s},
        CurriculumCommands::tr("Write the JSON to OUT (default: standard output)."),
        u"OUT"_s)};
    import.run = importCurriculum;
    return {show, import};
}
