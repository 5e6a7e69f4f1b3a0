#pragma once

#include <QTest>

// QVERIFY, QCOMPARE and QFAIL record a failure and `return` from the function they are in. In a
// helper (loadTemplate(), writeFile(), a fixture) that ends the helper only: the test goes on
// with half-made fixtures and reports follow-up failures that hide the first one. So every call
// of a helper that can fail is wrapped:
//
//     REQUIRE_OK(loadTemplate(u"ci-cd"_s));        // a void helper
//     const Recovery crashed = crashedRecovery({}); // a helper that returns a value...
//     STOP_IF_FAILED();                             // ...is checked right after the call
//
// Both return from the calling function when the current test (or data row) has failed, so the
// caller must return void: a test slot or another helper (whose callers wrap it in turn).
// tst_testharness proves that the code after a failed helper does not run.
#define STOP_IF_FAILED()                                                                           \
    do {                                                                                           \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

#define REQUIRE_OK(call)                                                                           \
    do {                                                                                           \
        call;                                                                                      \
        STOP_IF_FAILED();                                                                          \
    } while (false)
