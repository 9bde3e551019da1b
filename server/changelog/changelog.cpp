#include "changelog/changelog.h"

#include "download.h"

#include "orders/orderstore.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>

namespace dockhand::server {

Expected<void> ChangeLog::appendChange(
    const QString &type, const QString &key, const QJsonObject &data, const QString &now)
{
    if (m_db.isPostgres()) {
        auto lock = m_db.run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kChangeLogLock));
        if (!lock)
            return Error {lock.error()};
        lock.value()->finish();
    }
    auto q = m_db.run(
        QStringLiteral("INSERT INTO changes (type, key, op, data, at) VALUES (?, ?, 'upsert', ?, ?)"),
        {type, key, QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), now});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return {};
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

Expected<void> ChangeLog::seedChanges(OrderStore &orders, const QString &now)
{
    // The first page a device downloads: every entity once, in the order a device needs them
    // (products and locations before the orders and tasks that refer to them).
    {
        auto products = orders.products();
        if (!products)
            return Error {products.error()};
        for (const auto &p : std::as_const(products.value()))
            if (auto c = appendChange(QStringLiteral("product"), p.gtin,
                    protocol::Product {p.gtin, p.sku, p.name, p.lotTracked, p.expiryTracked, p.serialTracked}
                        .toJson(),
                    now);
                !c)
                return c;
    }
    {
        auto locations = orders.locations();
        if (!locations)
            return Error {locations.error()};
        for (const auto &l : std::as_const(locations.value()))
            if (auto c = appendChange(QStringLiteral("location"), l.code,
                    protocol::Location {l.code, l.zone, l.walkSequence}.toJson(), now);
                !c)
                return c;
    }
    auto collect = [this](const QString &sql, int columns) -> Expected<QList<QStringList>> {
        auto q = m_db.run(sql);
        if (!q)
            return Error {q.error()};
        QList<QStringList> rows;
        while (q.value()->next()) {
            QStringList row;
            for (int i = 0; i < columns; ++i)
                row.append(q.value()->value(i).toString());
            rows.append(row);
        }
        q.value()->finish();
        return rows;
    };
    auto operators
        = collect(QStringLiteral("SELECT badge, name, role, pin_hash FROM operators ORDER BY badge"), 4);
    if (!operators)
        return Error {operators.error()};
    for (const QStringList &o : std::as_const(operators.value()))
        if (auto c = appendChange(QStringLiteral("operator"), o.at(0),
                protocol::Operator {o.at(0), o.at(1), o.at(2), o.at(3)}.toJson(), now);
            !c)
            return c;
    auto cartons = collect(
        QStringLiteral(
            "SELECT code, name, length_mm, width_mm, height_mm, tare_kg FROM carton_types ORDER BY code"),
        6);
    if (!cartons)
        return Error {cartons.error()};
    protocol::DeviceConfig config;
    for (const QStringList &c : std::as_const(cartons.value())) {
        config.cartons.append(c.at(0));
        if (auto a = appendChange(QStringLiteral("carton"), c.at(0),
                protocol::Carton {
                    c.at(0), c.at(1), c.at(2).toInt(), c.at(3).toInt(), c.at(4).toInt(), c.at(5).toDouble()}
                    .toJson(),
                now);
            !a)
            return a;
    }
    auto orderIds = collect(QStringLiteral("SELECT id FROM orders ORDER BY number"), 1);
    if (!orderIds)
        return Error {orderIds.error()};
    for (const QStringList &o : std::as_const(orderIds.value()))
        if (auto c = appendOrderChange(o.at(0).toLongLong(), now); !c)
            return c;
    auto tasks = collect(QStringLiteral("SELECT id FROM tasks ORDER BY id"), 1);
    if (!tasks)
        return Error {tasks.error()};
    for (const QStringList &t : std::as_const(tasks.value()))
        if (auto c = appendTaskChange(t.at(0), now); !c)
            return c;
    // The demo warehouse's label scheme (A-01-02, TOTE-0001, OP-1001, SO-100001), so devices
    // classify scans offline.
    config.classifier = QJsonObject {{QLatin1String("location"), QStringLiteral("^[A-Z]-\\d{2}-\\d{2}$")},
        {QLatin1String("tote"), QStringLiteral("^TOTE-\\d{4}$")},
        {QLatin1String("badge"), QStringLiteral("^OP-\\d{4}$")},
        {QLatin1String("order"), QStringLiteral("^SO-\\d{6}$")}};
    return appendChange(QStringLiteral("config"), QStringLiteral("device"), config.toJson(), now);
}

} // namespace dockhand::server
