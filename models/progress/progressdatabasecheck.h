#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// `db check` and the check before `db restore`: whether a file is a sound progress database
// this version can read, as a readable report. Nothing is written to the file.
struct ProgressDatabaseCheck
{
    Q_DECLARE_TR_FUNCTIONS(ProgressDatabaseCheck)

public:
    enum class Where {
        InPlace, // the live database: checked where it is (its WAL files belong beside it)
        OnACopy, // any other file: a copy in a temporary folder is checked, so nothing appears
                 // beside the file
    };

    QString filePath;
    QStringList lines; // "quick_check: ok", "contents: 12 status events, …"
    int problems = 0;
    QString firstProblem;
    int schemaVersion = -1; // -1 when the file could not be read as a progress database

    bool ok() const { return problems == 0; }
    QString report() const; // the lines and a verdict, one per line

    static ProgressDatabaseCheck run(const QString &filePath, Where where);
};
