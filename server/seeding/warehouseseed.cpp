#include "seeding/warehouseseed.h"

#include "changelog/changelog.h"
#include "orders/orderstore.h"
#include "pin.h"
#include "storage/database.h"
#include "storage/timestamps.h"
#include "tasks/taskstore.h"

#include <QHash>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>

namespace dockhand::server {

Expected<bool> seedIfEmpty(
    Database &db, OrderStore &orders, TaskStore &tasks, ChangeLog &changes, const WarehouseData &data)
{
    static const QString countAll
        = QStringLiteral("SELECT (SELECT COUNT(*) FROM products) + (SELECT COUNT(*) FROM locations) + "
                         "(SELECT COUNT(*) FROM operators) + (SELECT COUNT(*) FROM orders)");
    auto existing = db.scalar(countAll);
    if (!existing)
        return Error {existing.error()};
    if (existing.value() > 0)
        return false;

    // Hash PINs before the transaction: PBKDF2 is slow on purpose and must not hold the write
    // lock. The hashes are independent, so they use all cores.
    const QList<QString> pinHashes = QtConcurrent::blockingMapped<QList<QString>>(
        data.operators, [](const WarehouseData::Operator &op) { return protocol::pin::hash(op.pin); });

    if (auto began = db.begin(); !began)
        return Error {began.error()};
    auto fail = [&db](const QString &why) -> Expected<bool> {
        db.rollback();
        return Error {QStringLiteral("cannot load the warehouse data: %1").arg(why)};
    };
    if (db.isPostgres()) {
        auto lock = db.run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kSeedLock));
        if (!lock)
            return fail(lock.error());
        lock.value()->finish();
    }
    // Checked again inside the transaction: another server process may have seeded meanwhile.
    existing = db.scalar(countAll);
    if (!existing)
        return fail(existing.error());
    if (existing.value() > 0) {
        db.rollback();
        return false;
    }

    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    QHash<QString, qint64> locationIds;
    QHash<QString, qint64> productIds;
    for (const auto &l : data.locations) {
        auto q = db.run(
            QStringLiteral("INSERT INTO locations (code, zone, walk_sequence) VALUES (?, ?, ?) RETURNING id"),
            {l.code, text(l.zone), l.walkSequence});
        if (!q)
            return fail(QStringLiteral("location %1: %2").arg(l.code, q.error()));
        locationIds.insert(l.code, returnedId(q.value()));
    }
    for (const auto &p : data.products) {
        auto q = db.run(QStringLiteral("INSERT INTO products (gtin, sku, name, lot_tracked, expiry_tracked, "
                                       "serial_tracked) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
            {p.gtin, p.sku, p.name, int(p.lotTracked), int(p.expiryTracked), int(p.serialTracked)});
        if (!q)
            return fail(QStringLiteral("product %1: %2").arg(p.gtin, q.error()));
        productIds.insert(p.gtin, returnedId(q.value()));
    }
    for (const auto &s : data.stock) {
        auto q
            = db.run(QStringLiteral("INSERT INTO stock (location_id, product_id, quantity) VALUES (?, ?, ?) "
                                    "ON CONFLICT (location_id, product_id) DO UPDATE SET "
                                    "quantity = stock.quantity + excluded.quantity"),
                {locationIds.value(s.location), productIds.value(s.gtin), s.quantity});
        if (!q)
            return fail(QStringLiteral("stock of %1 at %2: %3").arg(s.gtin, s.location, q.error()));
    }
    for (qsizetype i = 0; i < data.operators.size(); ++i) {
        const auto &op = data.operators.at(i);
        auto q = db.run(
            QStringLiteral("INSERT INTO operators (badge, name, role, pin_hash) VALUES (?, ?, ?, ?)"),
            {op.badge, op.name, op.role, pinHashes.at(i)});
        if (!q)
            return fail(QStringLiteral("operator %1: %2").arg(op.badge, q.error()));
    }
    for (const auto &tote : data.totes) {
        auto q = db.run(QStringLiteral("INSERT INTO totes (code) VALUES (?) ON CONFLICT DO NOTHING"), {tote});
        if (!q)
            return fail(QStringLiteral("tote %1: %2").arg(tote, q.error()));
    }
    for (const auto &c : data.cartons) {
        auto q = db.run(
            QStringLiteral("INSERT INTO carton_types (code, name, length_mm, width_mm, height_mm, tare_kg) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            {c.code, c.name, c.lengthMm, c.widthMm, c.heightMm, c.tareKg});
        if (!q)
            return fail(QStringLiteral("carton type %1: %2").arg(c.code, q.error()));
    }
    for (const auto &o : data.orders) {
        auto q
            = db.run(QStringLiteral("INSERT INTO orders (number, customer, status, created_at, updated_at) "
                                    "VALUES (?, ?, ?, ?, ?) RETURNING id"),
                {o.number, o.customer, o.status, now, now});
        if (!q)
            return fail(QStringLiteral("order %1: %2").arg(o.number, q.error()));
        const qint64 orderId = returnedId(q.value());
        for (const auto &line : o.lines) {
            auto l = db.run(QStringLiteral("INSERT INTO order_lines (order_id, line, product_id, ordered) "
                                           "VALUES (?, ?, ?, ?)"),
                {orderId, line.line, productIds.value(line.gtin), line.quantity});
            if (!l)
                return fail(
                    QStringLiteral("order %1 line %2: %3").arg(o.number).arg(line.line).arg(l.error()));
        }
        auto h = db.run(QStringLiteral("INSERT INTO order_status_history (order_id, status, at, source) "
                                       "VALUES (?, ?, ?, ?)"),
            {orderId, o.status, now, QStringLiteral("import")});
        if (!h)
            return fail(QStringLiteral("order %1 history: %2").arg(o.number, h.error()));
    }
    if (auto t = tasks.seedTasks(now); !t)
        return fail(QStringLiteral("pick waves: %1").arg(t.error()));
    if (auto c = changes.seedChanges(orders, now); !c)
        return fail(QStringLiteral("change log: %1").arg(c.error()));
    auto meta = db.run(QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('seeded_from', ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {data.warehouseCode.isEmpty() ? QStringLiteral("import") : data.warehouseCode});
    if (!meta)
        return fail(meta.error());
    if (auto committed = db.commit(); !committed)
        return Error {QStringLiteral("cannot load the warehouse data: %1").arg(committed.error())};
    qCInfo(lcServerStore).noquote() << "loaded warehouse" << data.warehouseCode << ":"
                                    << data.locations.size() << "locations," << data.products.size()
                                    << "products," << data.orders.size() << "orders";
    return true;
}

} // namespace dockhand::server
