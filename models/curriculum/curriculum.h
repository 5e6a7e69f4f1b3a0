#pragma once

#include "curriculum/topiclearning.h"

#include <QList>
#include <QString>
#include <QStringList>

// The curriculum as plain data: what a roadmap shows and what progress is keyed by.
// Ids are readable slugs, stored in the curriculum file, so editing a title keeps its id.

struct Topic
{
    QString id;
    QString title;
    QString goals;
    QString activities;
    QStringList tags;
    double hours = 0;
    QList<TopicResource> resources;
    QList<SelfCheckQuestion> questions;

    bool operator==(const Topic &) const = default;
};

struct Section
{
    QString id;
    int number = 0;
    QString title;
    QString objective;
    QStringList prerequisites; // section ids
    QList<Topic> topics;

    bool operator==(const Section &) const = default;
};

struct Curriculum
{
    QString title;
    QString introduction;
    QList<Section> sections;
    QStringList outcomes;

    bool operator==(const Curriculum &) const = default;

    int topicCount() const;
    double totalHours() const;
    QStringList topicIds() const;
    QStringList sectionIds() const;
    const Topic *findTopic(const QString &topicId) const;
    const Section *findSection(const QString &sectionId) const;
    const Section *sectionOfTopic(const QString &topicId) const;
    // The question with this id and the topic that asks it, or nullptrs.
    const SelfCheckQuestion *findQuestion(const QString &questionId,
                                          const Topic **topic = nullptr) const;
    int questionCount() const;

    // Checks what a loaded curriculum must satisfy: at least one section, every section and
    // topic with a valid and unique id and a title, prerequisites naming known sections and
    // forming no cycle. Returns an empty string when valid, else the first problem found.
    QString validate() const;
};

namespace CurriculumIds {
// A readable id: lowercase ASCII letters and digits joined by single '-', at most 64 chars.
// Accents are folded ("Café" -> "cafe"); text with no usable character gives `fallback`.
QString slugify(const QString &text, const QString &fallback);
bool isValidId(const QString &id);
// Returns `base`, or `base-2`, `base-3` … whichever is not in `taken`; adds it to `taken`.
QString makeUnique(const QString &base, QStringList &taken);
} // namespace CurriculumIds

namespace CurriculumText {
// Something a reader can see: not only spaces and invisible format characters (zero-width
// spaces, byte order marks, direction marks). Titles need it.
bool hasVisibleText(const QString &text);
} // namespace CurriculumText
