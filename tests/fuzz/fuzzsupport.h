#pragma once

#include <QByteArray>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// Shared by the libFuzzer harnesses (tests/fuzz/fuzz_<target>.cpp). A harness defines
// LLVMFuzzerTestOneInput(data, size): it hands the bytes to one reader of outside input and
// checks what must hold whatever the bytes are. A broken property aborts, which libFuzzer
// records as a crash and the replay test (fuzzreplay_<target>) reports as a failure.
namespace FuzzSupport {

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// For readers that need an application object (the SQL driver plugin, QStandardPaths).
inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication application(argc, argv);
}

} // namespace FuzzSupport

// Like Q_ASSERT, but also in release builds: the fuzzer must see a broken property.
#define FUZZ_REQUIRE(condition, message)                                                           \
    do {                                                                                           \
        if (!(condition))                                                                          \
            qFatal("FUZZ_REQUIRE failed: %s:%d: %s (%s)",                                          \
                   __FILE__,                                                                       \
                   __LINE__,                                                                       \
                   #condition,                                                                     \
                   qPrintable(message));                                                           \
    } while (false)
