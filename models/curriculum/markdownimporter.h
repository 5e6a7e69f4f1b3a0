#pragma once

#include "curriculum/curriculum.h"
#include "support/bytesizes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Turns a Markdown document shaped like ../shared/coursework.md into a Curriculum, with md4c
// (tables and task lists enabled), with the topics' resources and self-check questions when the
// document has them (MarkdownLearning). See curriculum/README.md for what is accepted.
class MarkdownImporter
{
    Q_DECLARE_TR_FUNCTIONS(MarkdownImporter)

public:
    static constexpr qsizetype MaxInputBytes = 8 * MiB;

    struct Result
    {
        bool ok = false;
        Curriculum curriculum;
        int errorLine = 0;    // 1-based line of the problem, 0 when not tied to a line
        QString errorMessage; // what was expected, without the file name
    };

    static Result import(const QByteArray &markdown);
};
