#pragma once

#include <QByteArray>
#include <QString>

// One file an export produces, before it is written: the orchestrator exports make a set of
// them (a workflow, or dvc.yaml with its params.yaml), AtomicFile writes them atomically.
struct ExportedFile
{
    QString fileName; // what the engine expects it to be called, e.g. "dvc.yaml"
    QByteArray contents;
};
