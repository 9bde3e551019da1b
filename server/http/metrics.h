#pragma once

#include "expected.h"
#include "floor/floorstore.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <mutex>

namespace dockhand::server {

// The Prometheus counters of GET /metrics: requests by status, their latency, the events
// answered, and database errors. Process-local by nature (each server process has its own);
// the floor's figures come from the database and are the same on every server sharing it.
// Safe to use from several threads at once.
class ApiMetrics
{
public:
    ApiMetrics();

    void record(int status, qint64 elapsedUs);
    void countEvents(int accepted, int duplicates, int rejected);
    // The whole scrape: counts only, no device ids, badges or order numbers (the endpoint needs
    // no token). `floor` is the database's figures, or why they could not be read.
    QByteArray text(const Expected<FloorStore::FloorCounts> &floor, const QString &dialect) const;

private:
    mutable std::mutex m_mutex; // guards everything below
    qint64 m_accepted = 0;
    qint64 m_duplicates = 0;
    qint64 m_rejected = 0;
    qint64 m_dbErrors = 0;
    QMap<int, qint64> m_requestsByStatus;
    QList<qint64> m_latencyBuckets; // cumulative counts per kLatencyBoundsMs, plus +Inf
    qint64 m_latencyCount = 0;
    double m_latencySumSeconds = 0;
};

} // namespace dockhand::server
