#include "pipeline/pipelinetemplates.h"

#include <QCoreApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace PipelineTemplates {

namespace {

PipelineTemplate entry(const QString &id, const char *name, const char *description)
{
    return {id,
            QCoreApplication::translate("PipelineTemplates", name),
            QCoreApplication::translate("PipelineTemplates", description),
            u":/curriculum/templates/%1.mlpipe"_s.arg(id)};
}

} // namespace

const QList<PipelineTemplate> &all()
{
    static const QList<PipelineTemplate> templates{
        entry(u"end-to-end"_s,
              QT_TRANSLATE_NOOP("PipelineTemplates", "End-to-end MLOps pipeline"),
              QT_TRANSLATE_NOOP("PipelineTemplates",
                                "The coursework's capstone: from data ingestion to a monitored "
                                "Kubernetes deployment, with drift closing the loop.")),
        entry(u"continuous-training"_s,
              QT_TRANSLATE_NOOP("PipelineTemplates", "Continuous training loop"),
              QT_TRANSLATE_NOOP("PipelineTemplates",
                                "Retrain on fresh data whenever monitoring detects drift.")),
        entry(u"ci-cd"_s,
              QT_TRANSLATE_NOOP("PipelineTemplates", "CI/CD for ML"),
              QT_TRANSLATE_NOOP("PipelineTemplates",
                                "Test code, data and model on every change; ship only what "
                                "passes the gate.")),
        entry(u"batch-scoring"_s,
              QT_TRANSLATE_NOOP("PipelineTemplates", "Batch scoring"),
              QT_TRANSLATE_NOOP("PipelineTemplates",
                                "Score the latest features on a schedule and watch the "
                                "predictions.")),
    };
    return templates;
}

QStringList ids()
{
    QStringList list;
    for (const PipelineTemplate &pipelineTemplate : all())
        list << pipelineTemplate.id;
    return list;
}

const PipelineTemplate *find(const QString &idOrName)
{
    const QString wanted = idOrName.trimmed();
    for (const PipelineTemplate &pipelineTemplate : all()) {
        if (wanted.compare(pipelineTemplate.id, Qt::CaseInsensitive) == 0
            || wanted.compare(pipelineTemplate.name, Qt::CaseInsensitive) == 0)
            return &pipelineTemplate;
    }
    return nullptr;
}

PipelineFile::ReadResult load(const PipelineTemplate &pipelineTemplate, const NodeCatalog &catalog)
{
    return PipelineFile::load(pipelineTemplate.resourcePath, catalog);
}

} // namespace PipelineTemplates
