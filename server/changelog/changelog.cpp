#include "changelog/changelog.h"

#include "download.h"

#include "storage/batch.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>

namespace dockhand::server {

Expected<void> ChangeLog::lockAppends()
{
    // The lock is held until the transaction ends: taken once per transaction.
    if (m_db.isPostgres() && (m_db.transaction() == 0 || m_db.transaction() != m_lockedIn)) {
        auto lock = m_db.run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kChangeLogLock));
        if (!lock)
            return Error {lock.error()};
        lock.value()->finish();
        m_lockedIn = m_db.transaction();
    }
    return {};
}

Expected<void> ChangeLog::appendChange(
    const QString &type, const QString &key, const QJsonObject &data, const QString &now)
{
    if (auto locked = lockAppends(); !locked)
        return locked;
    auto q = m_db.run(
        QStringLiteral("INSERT INTO changes (type, key, op, data, at) VALUES (?, ?, 'upsert', ?, ?)"),
        {type, key, QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), now});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return {};
}

Expected<void> ChangeLog::appendChanges(const QList<Change> &changes, const QString &now)
{
    if (changes.isEmpty())
        return {};
    if (auto locked = lockAppends(); !locked)
        return locked;
    BatchInsert insert(m_db, QStringLiteral("INSERT INTO changes (type, key, op, data, at)"), QString(), 5);
    for (const Change &c : changes)
        if (auto added = insert.add({c.type, c.key, c.op.isEmpty() ? QStringLiteral("upsert") : c.op,
                QString::fromUtf8(QJsonDocument(c.data).toJson(QJsonDocument::Compact)), now});
            !added)
            return added;
    return insert.finish();
}

Expected<void> ChangeLog::appendOrderChange(qint64 orderId, const QString &now)
{
    auto q = m_db.run(
        QStringLiteral("SELECT number, customer, status, tote FROM orders WHERE id = ?"), {orderId});
    if (!q)
        return Error {q.error()};
    if (!q.value()->next()) {
        q.value()->finish();
        return {};
    }
    protocol::Order order {q.value()->value(0).toString(), q.value()->value(1).toString(),
        q.value()->value(2).toString(), q.value()->value(3).toString(), {}};
    q.value()->finish();
    auto l = m_db.run(
        QStringLiteral("SELECT l.line, p.gtin, p.name, l.ordered, l.picked, l.packed, l.shorted FROM "
                       "order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? "
                       "ORDER BY l.line"),
        {orderId});
    if (!l)
        return Error {l.error()};
    while (l.value()->next()) {
        const QSqlQuery &r = *l.value();
        order.lines.append({r.value(0).toInt(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toInt(), r.value(4).toInt(), r.value(5).toInt(), r.value(6).toInt()});
    }
    l.value()->finish();
    return appendChange(QStringLiteral("order"), order.number, order.toJson(), now);
}

Expected<void> ChangeLog::appendTaskChange(const QString &taskId, const QString &now)
{
    auto q = m_db.run(QStringLiteral("SELECT kind, status, assignee FROM tasks WHERE id = ?"), {taskId});
    if (!q)
        return Error {q.error()};
    if (!q.value()->next()) {
        q.value()->finish();
        return {};
    }
    protocol::Task task;
    task.id = taskId;
    task.kind = q.value()->value(0).toString();
    task.status = q.value()->value(1).toString();
    task.assignee = q.value()->value(2).toString();
    q.value()->finish();
    auto l = m_db.run(
        QStringLiteral("SELECT o.number, t.line, p.gtin, loc.code, loc.walk_sequence, t.quantity FROM "
                       "task_lines t JOIN orders o ON o.id = t.order_id JOIN order_lines ol ON "
                       "ol.order_id = t.order_id AND ol.line = t.line JOIN products p ON p.id = "
                       "ol.product_id JOIN locations loc ON loc.id = t.location_id WHERE t.task_id = ? "
                       "ORDER BY t.position"),
        {taskId});
    if (!l)
        return Error {l.error()};
    while (l.value()->next()) {
        const QSqlQuery &r = *l.value();
        const QString number = r.value(0).toString();
        if (!task.orders.contains(number))
            task.orders.append(number);
        task.lines.append({number, r.value(1).toInt(), r.value(2).toString(), r.value(3).toString(),
            r.value(4).toInt(), r.value(5).toInt()});
    }
    l.value()->finish();
    task.orders.sort();
    return appendChange(QStringLiteral("task"), taskId, task.toJson(), now);
}

Expected<QList<ChangeLog::Change>> ChangeLog::changes(qint64 after, int limit)
{
    auto q = m_db.run(
        QStringLiteral("SELECT id, type, key, op, data FROM changes WHERE id > ? ORDER BY id LIMIT ?"),
        {after, limit});
    if (!q)
        return Error {q.error()};
    QList<Change> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        list.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toString(), QJsonDocument::fromJson(r.value(4).toString().toUtf8()).object()});
    }
    q.value()->finish();
    return list;
}

Expected<void> ChangeLog::appendDeviceConfig(const QString &now)
{
    protocol::DeviceConfig config;
    auto q = m_db.run(QStringLiteral("SELECT code FROM carton_types ORDER BY code"));
    if (!q)
        return Error {q.error()};
    while (q.value()->next())
        config.cartons.append(q.value()->value(0).toString());
    q.value()->finish();
    // The demo warehouse's label scheme (A-01-02, TOTE-0001, OP-1001, SO-100001), so devices
    // classify scans offline.
    config.classifier = QJsonObject {{QLatin1String("location"), QStringLiteral("^[A-Z]-\\d{2}-\\d{2}$")},
        {QLatin1String("tote"), QStringLiteral("^TOTE-\\d{4}$")},
        {QLatin1String("badge"), QStringLiteral("^OP-\\d{4}$")},
        {QLatin1String("order"), QStringLiteral("^SO-\\d{6}$")}};
    return appendChange(QStringLiteral("config"), QStringLiteral("device"), config.toJson(), now);
}

Expected<void> ChangeLog::seedChanges(const QString &now)
{
    // After the master data (appended by its import): every order, then every task.
    QList<qint64> orderIds;
    {
        auto q = m_db.run(QStringLiteral("SELECT id FROM orders ORDER BY number"));
        if (!q)
            return Error {q.error()};
        while (q.value()->next())
            orderIds.append(q.value()->value(0).toLongLong());
        q.value()->finish();
    }
    for (const qint64 id : std::as_const(orderIds))
        if (auto c = appendOrderChange(id, now); !c)
            return c;
    QStringList taskIds;
    {
        auto q = m_db.run(QStringLiteral("SELECT id FROM tasks ORDER BY id"));
        if (!q)
            return Error {q.error()};
        while (q.value()->next())
            taskIds.append(q.value()->value(0).toString());
        q.value()->finish();
    }
    for (const QString &id : std::as_const(taskIds))
        if (auto c = appendTaskChange(id, now); !c)
            return c;
    return {};
}

} // namespace dockhand::server
