#pragma once

#include <QFileInfo>
#include <QString>
#include <QTest>

// The read-only reference data beside the repository (../shared: coursework.md, schemas,
// validators). CI always has it, so there a missing file fails the test; on a machine where the
// repository was cloned alone, the tests that need it are skipped with the reason.
inline QString sharedReferencePath(const QString &relativePath)
{
    return QStringLiteral(MLOPS_SHARED_DIR) + u'/' + relativePath;
}

#define REQUIRE_SHARED_REFERENCE(relativePath)                                                     \
    do {                                                                                           \
        const QString requiredPath_ = sharedReferencePath(relativePath);                           \
        if (!QFileInfo::exists(requiredPath_)) {                                                   \
            if (qEnvironmentVariableIsSet("CI"))                                                   \
                QFAIL(qPrintable(u"missing reference data: "_s + requiredPath_));                  \
            QSKIP(qPrintable(u"reference data not found (clone ../shared beside the "              \
                             "repository to run this test): "_s                                    \
                             + requiredPath_));                                                    \
        }                                                                                          \
    } while (false)
