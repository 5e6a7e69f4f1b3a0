#pragma once

#include "curriculum/curriculum.h"
#include "curriculum/markdownblocks.h"

#include <QList>
#include <QString>

#include <optional>

// The resources and self-check questions of a Markdown curriculum: parts headed
// "Resources: <topic title>" and "Questions: <topic title>", read into the topics the importer
// built from the section tables. The shape is documented in curriculum/README.md.
namespace MarkdownLearning {

struct Problem
{
    int line = 0; // 1-based line of the culprit
    QString message;
};

// A heading that starts a resources or questions part: it is neither a section nor a title.
bool isPartHeading(const MarkdownBlock &block);

// Adds the parts' resources and questions to the topics they name. `sectionHeadings` holds, for
// each section of `curriculum` in order, the index in `blocks` of its heading: a part names a
// topic of the section it is written under first. Returns the first problem found; the
// curriculum is then incomplete and must not be used.
std::optional<Problem>
read(const QList<MarkdownBlock> &blocks, const QList<int> &sectionHeadings, Curriculum &curriculum);

} // namespace MarkdownLearning
