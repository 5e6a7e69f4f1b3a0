// Prints how fast the roadmap builds, repaints and exports, for the built-in curriculum and a
// generated one of 30 sections × 10 topics. Targets from the roadmap issue: scene build ≤ 30 ms,
// full-view repaint at 1920×1080 ≤ 16 ms, SVG ≤ 200 ms, handout PDF ≤ 1 s; the 300-topic
// curriculum within 5× of those. The cards show mastery rings (issue 13: within the same targets).
#include "bench/benchfigures.h"
#include "curriculum/curriculumloader.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"
#include "roadmap/roadmapexporter.h"
#include "roadmap/roadmapscene.h"
#include "roadmap/roadmapview.h"
#include "selfcheck/selfcheckscheduling.h"

#include <QApplication>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

constexpr int Runs = 15;

Curriculum generatedCurriculum(int sectionCount, int topicsPerSection)
{
    Curriculum curriculum;
    curriculum.title = u"Generated %1 × %2"_s.arg(sectionCount).arg(topicsPerSection);
    for (int s = 0; s < sectionCount; ++s) {
        Section section;
        section.id = u"section-%1"_s.arg(s + 1);
        section.number = s + 1;
        section.title = u"Generated section %1 with a title of realistic length"_s.arg(s + 1);
        if (s > 0)
            section.prerequisites << u"section-%1"_s.arg(s);
        if (s > 3 && s % 3 == 0)
            section.prerequisites << u"section-%1"_s.arg(s - 3);
        for (int t = 0; t < topicsPerSection; ++t) {
            Topic topic;
            topic.id = u"topic-%1-%2"_s.arg(s + 1).arg(t + 1);
            topic.title = u"Topic %1.%2: deploy and monitor a model"_s.arg(s + 1).arg(t + 1);
            topic.goals = u"Learn what it takes."_s;
            topic.tags = {u"Kubernetes"_s, u"MLflow"_s};
            topic.hours = 4;
            for (int q = 0; q < 6; ++q) {
                topic.questions << SelfCheckQuestion{u"%1/q%2"_s.arg(topic.id).arg(q + 1),
                                                     u"Which stage is missing?"_s,
                                                     {u"Monitoring"_s, u"Training"_s},
                                                     0,
                                                     u"Nothing alerted."_s};
            }
            section.topics << topic;
        }
        curriculum.sections << section;
    }
    return curriculum;
}

void benchCurriculum(QTextStream &out,
                     const QString &name,
                     const Curriculum &curriculum,
                     ProgressStore *store,
                     double factor)
{
    CurriculumModel model;
    model.setCurriculum(curriculum);
    model.setStore(store);

    const double build = BenchFigures::medianMs(Runs, [&model] { RoadmapScene scene(&model); });
    BenchFigures::printRow(out, u"Scene build"_s, name, build, 30 * factor);

    RoadmapScene scene(&model);
    RoadmapView view(&scene);
    view.setFrameShape(QFrame::NoFrame);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.resize(1920, 1080);
    view.show();
    QCoreApplication::processEvents();
    view.fitAll();
    // repaint() paints synchronously into the window's backing store: a real full-view frame.
    const double repaint = BenchFigures::medianMs(Runs, [&view] { view.viewport()->repaint(); });
    if (!qEnvironmentVariableIsEmpty("MLOPS_BENCH_FRAME"))
        view.viewport()->grab().save(qEnvironmentVariable("MLOPS_BENCH_FRAME") + name + u".png"_s);
    BenchFigures::printRow(out, u"Full-view repaint 1920×1080"_s, name, repaint, 16 * factor);

    QTemporaryDir dir;
    const auto exportTime = [&model, &dir](RoadmapExportOptions::Format format) {
        RoadmapExportOptions options;
        options.format = format;
        const QString path = dir.filePath(u"roadmap."_s + RoadmapExportOptions::suffix(format));
        return BenchFigures::medianMs(5, [&] {
            RoadmapExporter exporter(&model, options);
            if (!exporter.exportTo(path))
                qFatal("%s", qPrintable(exporter.errorString()));
        });
    };
    BenchFigures::printRow(
        out, u"SVG export"_s, name, exportTime(RoadmapExportOptions::Format::Svg), 200 * factor);
    BenchFigures::printRow(out,
                           u"Handout PDF export"_s,
                           name,
                           exportTime(RoadmapExportOptions::Format::PdfHandout),
                           1000 * factor);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    ProgressStore store;
    if (!store.open(dir.filePath(u"progress.db"_s)))
        qFatal("%s", qPrintable(store.errorString()));

    const CurriculumLoader::Result builtIn = CurriculumLoader::loadBuiltIn();
    const Curriculum &shipped = builtIn.curriculum;
    // Some progress, so status colours and symbols are drawn as a learner sees them.
    const QStringList ids = shipped.topicIds();
    for (qsizetype i = 0; i < ids.size(); i += 3)
        store.setStatus(ids.at(i), i % 2 ? TopicStatus::Done : TopicStatus::Learning);
    // And answers, so the mastery rings are drawn part-filled.
    QList<ReviewAnswer> answers;
    const QDateTime answeredAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (qsizetype i = 0; i < ids.size(); i += 2) {
        const Topic *topic = shipped.findTopic(ids.at(i));
        for (qsizetype q = 0; q < topic->questions.size(); ++q) {
            const SelfCheckQuestion &question = topic->questions.at(q);
            const bool correct = (q + i) % 3 != 0;
            answers.append({0,
                            question.id,
                            topic->id,
                            correct ? question.answer : (question.answer + 1) % 2,
                            correct,
                            answeredAt});
        }
    }
    if (!store.appendAnswers(answers, SelfCheckScheduling::scheduler()))
        qFatal("%s", qPrintable(store.errorString()));

    QTextStream out(stdout);
    out << "# Roadmap benchmark (median of " << Runs << " runs)\n\n";
    out << "Targets from issue 3 (the interactive roadmap): scene build ≤ 30 ms, repaint ≤ 16 ms, "
           "SVG ≤ 200 ms, handout PDF ≤ 1 s for the built-in curriculum; within 5× of those for "
           "300 topics.\n\n";
    out << "| What | Curriculum | Time | Target | |\n|---|---|---|---|---|\n";
    benchCurriculum(out, u"built-in (26 topics)"_s, shipped, &store, 1);
    benchCurriculum(out, u"generated (300 topics)"_s, generatedCurriculum(30, 10), &store, 5);
    return 0;
}
