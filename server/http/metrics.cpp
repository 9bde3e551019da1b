#include "http/metrics.h"

#ifndef DOCKHAND_VERSION
#define DOCKHAND_VERSION "unknown"
#endif

namespace dockhand::server {

namespace {

// Upper bounds of the request latency histogram, in milliseconds.
constexpr double kLatencyBoundsMs[] = {1, 5, 10, 25, 50, 100, 250, 500, 1000, 5000};

} // namespace

ApiMetrics::ApiMetrics()
{
    m_latencyBuckets.fill(0, int(std::size(kLatencyBoundsMs)) + 1);
}

void ApiMetrics::record(int status, qint64 elapsedUs)
{
    const std::lock_guard lock(m_mutex);
    ++m_requestsByStatus[status];
    const double ms = double(elapsedUs) / 1000.0;
    for (qsizetype i = 0; i < m_latencyBuckets.size(); ++i)
        if (i == qsizetype(std::size(kLatencyBoundsMs)) || ms <= kLatencyBoundsMs[i])
            ++m_latencyBuckets[i];
    ++m_latencyCount;
    m_latencySumSeconds += double(elapsedUs) / 1e6;
    if (status == 503)
        ++m_dbErrors;
}

void ApiMetrics::countEvents(int accepted, int duplicates, int rejected)
{
    const std::lock_guard lock(m_mutex);
    m_accepted += accepted;
    m_duplicates += duplicates;
    m_rejected += rejected;
}

QByteArray ApiMetrics::text(const Expected<FloorStore::FloorCounts> &floor, const QString &dialect) const
{
    const std::lock_guard lock(m_mutex);
    QByteArray out;
    auto counter = [&out](const char *name, const char *help, qint64 value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n" + name + ' '
            + QByteArray::number(value) + '\n';
    };
    counter("dockhand_events_accepted_total", "Events stored and applied.", m_accepted);
    counter("dockhand_events_duplicate_total", "Events received again and answered duplicate.", m_duplicates);
    counter("dockhand_events_rejected_total", "Events answered rejected.", m_rejected);
    counter("dockhand_db_errors_total", "Requests that failed on the database (503).", m_dbErrors);
    out += "# HELP dockhand_http_requests_total HTTP requests by status code.\n"
           "# TYPE dockhand_http_requests_total counter\n";
    for (auto it = m_requestsByStatus.cbegin(); it != m_requestsByStatus.cend(); ++it)
        out += "dockhand_http_requests_total{code=\"" + QByteArray::number(it.key()) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    out += "# HELP dockhand_http_request_duration_seconds Time to answer a request.\n"
           "# TYPE dockhand_http_request_duration_seconds histogram\n";
    for (qsizetype i = 0; i < m_latencyBuckets.size(); ++i) {
        const QByteArray le = i < qsizetype(std::size(kLatencyBoundsMs))
            ? QByteArray::number(kLatencyBoundsMs[i] / 1000.0)
            : QByteArrayLiteral("+Inf");
        out += "dockhand_http_request_duration_seconds_bucket{le=\"" + le + "\"} "
            + QByteArray::number(m_latencyBuckets.at(i)) + '\n';
    }
    out += "dockhand_http_request_duration_seconds_sum " + QByteArray::number(m_latencySumSeconds, 'f', 6)
        + "\ndockhand_http_request_duration_seconds_count " + QByteArray::number(m_latencyCount) + '\n';
    // The floor as the database has it: the same on every server sharing it.
    out += "# HELP dockhand_database_up Whether the database answered this scrape (1) or not (0).\n"
           "# TYPE dockhand_database_up gauge\ndockhand_database_up "
        + QByteArray(floor ? "1" : "0") + '\n';
    if (floor) {
        auto labelled = [&out](const char *name, const char *type, const char *help, const char *label,
                            const QList<std::pair<QString, qint64>> &values) {
            out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
            for (const auto &[key, value] : values)
                out += QByteArray(name) + '{' + label + "=\"" + key.toUtf8() + "\"} "
                    + QByteArray::number(value) + '\n';
        };
        labelled("dockhand_orders", "gauge", "Orders by status (whole database).", "status",
            floor->ordersByStatus);
        labelled("dockhand_exceptions_total", "counter",
            "Exceptions raised for supervisors, by kind (whole database).", "kind", floor->exceptionsByKind);
        out += "# HELP dockhand_devices_enrolled Devices holding a token (whole database).\n"
               "# TYPE dockhand_devices_enrolled gauge\ndockhand_devices_enrolled "
            + QByteArray::number(floor->devicesEnrolled) + '\n';
        out += "# HELP dockhand_devices_active Devices that enrolled or uploaded scans in the last 5 minutes "
               "(whole database).\n# TYPE dockhand_devices_active gauge\ndockhand_devices_active "
            + QByteArray::number(floor->devicesActive) + '\n';
    }
    out += "# HELP dockhand_info Server build and database kind.\n# TYPE dockhand_info gauge\n"
           "dockhand_info{version=\"" DOCKHAND_VERSION "\",database=\""
        + dialect.toLatin1() + "\"} 1\n";
    return out;
}

} // namespace dockhand::server
