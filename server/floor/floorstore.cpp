#include "floor/floorstore.h"

#include "storage/database.h"
#include "storage/timestamps.h"

#include <QSqlQuery>

namespace dockhand::server {

Expected<QList<FloorStore::ExceptionRow>> FloorStore::exceptions(qint64 after, int limit)
{
    auto q = m_db.run(
        QStringLiteral("SELECT id, kind, event_id, device, operator, order_number, line, gtin, location, "
                       "quantity, reason, at FROM exceptions WHERE id > ? ORDER BY id LIMIT ?"),
        {after, limit});
    if (!q)
        return Error {q.error()};
    QList<ExceptionRow> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        list.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toString(), r.value(4).toString(), r.value(5).toString(), r.value(6).toInt(),
            r.value(7).toString(), r.value(8).toString(), r.value(9).toLongLong(), r.value(10).toString(),
            parseTimestamp(r.value(11))});
    }
    q.value()->finish();
    return list;
}

Expected<QList<FloorStore::DeviceRow>> FloorStore::devices()
{
    // Sequence numbers received: stored events and refusals remembered without a row (UNION
    // counts a number once).
    auto q = m_db.run(QStringLiteral(
        "SELECT d.id, d.name, d.token_hash <> '', d.first_seen, d.last_seen, COALESCE(r.last_seq, 0), "
        "COALESCE(r.received, 0) FROM devices d LEFT JOIN (SELECT device, MAX(seq) AS last_seq, COUNT(*) AS "
        "received FROM (SELECT device, seq FROM events UNION SELECT device, seq FROM event_answers) AS seqs "
        "GROUP BY device) AS r ON r.device = d.id ORDER BY d.id"));
    if (!q)
        return Error {q.error()};
    QList<DeviceRow> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        list.append(
            {r.value(0).toString(), r.value(1).toString(), r.value(2).toBool(), parseTimestamp(r.value(3)),
                parseTimestamp(r.value(4)), r.value(5).toLongLong(), r.value(6).toLongLong()});
    }
    q.value()->finish();
    return list;
}

Expected<FloorStore::FloorCounts> FloorStore::floorCounts(const QDateTime &activeSince)
{
    FloorCounts counts;
    auto grouped = [this](const QString &sql, QList<std::pair<QString, qint64>> *into) -> Expected<void> {
        auto q = m_db.run(sql);
        if (!q)
            return Error {q.error()};
        while (q.value()->next())
            into->append({q.value()->value(0).toString(), q.value()->value(1).toLongLong()});
        q.value()->finish();
        return {};
    };
    if (auto read
        = grouped(QStringLiteral("SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status"),
            &counts.ordersByStatus);
        !read)
        return Error {read.error()};
    if (auto read
        = grouped(QStringLiteral("SELECT kind, COUNT(*) FROM exceptions GROUP BY kind ORDER BY kind"),
            &counts.exceptionsByKind);
        !read)
        return Error {read.error()};
    auto enrolled = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM devices WHERE token_hash <> ''"));
    if (!enrolled)
        return Error {enrolled.error()};
    counts.devicesEnrolled = enrolled.value();
    auto active = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM devices WHERE last_seen >= ?"),
        {timestamp(activeSince.toUTC())});
    if (!active)
        return Error {active.error()};
    counts.devicesActive = active.value();
    return counts;
}

} // namespace dockhand::server
