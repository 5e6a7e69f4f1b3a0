#pragma once

#include <QList>
#include <QStringList>

// The progress database schema as a ladder of migration steps: step i upgrades a file from
// user_version i to i + 1. ProgressStore runs the missing steps in one transaction, so a file
// is either fully upgraded or left as it was. Version 1: statuses, notes, sessions; version 2:
// the study timer, the revision and the backup mark; version 3: self-check answers and their
// spaced-repetition state. To add version 4, append a step and raise ProgressStore::SchemaVersion;
// never edit a step that has shipped.
//
// Times are stored as INTEGER milliseconds since the Unix epoch (UTC): they sort and compare as
// numbers and carry no time-zone ambiguity.
namespace ProgressSchema {

struct Migration
{
    int fromVersion = 0;
    QStringList statements;
};

const QList<Migration> &migrations();

} // namespace ProgressSchema
