#pragma once

#include <QByteArray>

struct ProgressStats;

// `progress stats --json`: the figures the dashboard draws, keys in a fixed order.
namespace ProgressStatsJson {
QByteArray write(const ProgressStats &stats);
}
