#include "masterdata/masterdatastore.h"

#include "changelog/changelog.h"
#include "download.h"
#include "orders/reservations.h"
#include "pin.h"
#include "storage/batch.h"
#include "storage/database.h"
#include "storage/timestamps.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace dockhand::server {

namespace {

protocol::Product productSnapshot(const WarehouseData::Product &p)
{
    return {p.gtin, p.sku, p.name, p.lotTracked, p.expiryTracked, p.serialTracked, p.unitWeightKg, p.lengthMm,
        p.widthMm, p.heightMm};
}

bool sameProduct(const WarehouseData::Product &a, const WarehouseData::Product &b)
{
    return productSnapshot(a) == productSnapshot(b);
}

} // namespace

QStringList MasterDataStore::hashPins(const MasterDataFile &file)
{
    return QtConcurrent::blockingMapped<QStringList>(file.operators, [](const WarehouseData::Operator &op) {
        return op.pin.isEmpty() ? QString() : protocol::pin::hash(op.pin);
    });
}

Expected<ImportReport> MasterDataStore::import(const MasterDataFile &file, bool dryRun, const QString &actor)
{
    const QStringList pinHashes = hashPins(file);
    if (auto began = m_db.begin(); !began)
        return Error {began.error()};
    auto report = importInTransaction(file, actor, pinHashes);
    if (!report || !report->ok() || dryRun) {
        m_db.rollback();
        if (report)
            report->dryRun = dryRun;
        return report;
    }
    if (auto committed = m_db.commit(); !committed)
        return Error {committed.error()};
    return report;
}

Expected<ImportReport> MasterDataStore::importInTransaction(
    const MasterDataFile &file, const QString &actor, const QStringList &pinHashes)
{
    ImportReport report;
    report.kind = file.kind;
    // Rows refused by the parser are left out, so the database's checks of the others are
    // reported with them: the admin sees every problem of the file at once.
    for (const RowError &e : file.errors)
        m_refusedRows.insert(e.row);
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    Expected<void> done;
    switch (file.kind) {
    case MasterDataKind::Products:
        done = importProducts(file, report, now);
        break;
    case MasterDataKind::Locations:
        done = importLocations(file, report, now);
        break;
    case MasterDataKind::Stock:
        done = importStock(file, report);
        break;
    case MasterDataKind::Operators:
        done = importOperators(file, report, now, pinHashes);
        break;
    case MasterDataKind::CartonTypes:
        done = importCartons(file, report, now);
        break;
    case MasterDataKind::Totes:
        done = importTotes(file, report);
        break;
    }
    m_refusedRows.clear();
    if (!done)
        return Error {done.error()};
    if (!file.errors.isEmpty() || !report.ok()) {
        report.errors += file.errors;
        std::sort(report.errors.begin(), report.errors.end(),
            [](const RowError &a, const RowError &b) { return a.row < b.row; });
        return report;
    }
    auto logged = m_db.run(QStringLiteral("INSERT INTO master_data_imports (kind, actor, created, updated, "
                                          "unchanged, at) VALUES (?, ?, ?, ?, ?, ?)"),
        {masterDataKindName(file.kind), text(actor), report.created, report.updated, report.unchanged, now});
    if (!logged)
        return Error {logged.error()};
    logged.value()->finish();
    return report;
}

Expected<void> MasterDataStore::importProducts(
    const MasterDataFile &file, ImportReport &report, const QString &now)
{
    QHash<QString, WarehouseData::Product> existing; // by GTIN
    QHash<QString, QString> skuOwner; // SKU -> GTIN, as stored
    {
        auto q
            = m_db.run(QStringLiteral("SELECT gtin, sku, name, lot_tracked, expiry_tracked, serial_tracked, "
                                      "unit_weight_kg, length_mm, width_mm, height_mm FROM products"));
        if (!q)
            return Error {q.error()};
        while (q.value()->next()) {
            const QSqlQuery &r = *q.value();
            WarehouseData::Product p {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                r.value(3).toBool(), r.value(4).toBool(), r.value(5).toBool(), r.value(6).toDouble(),
                r.value(7).toInt(), r.value(8).toInt(), r.value(9).toInt()};
            skuOwner.insert(p.sku, p.gtin);
            existing.insert(p.gtin, p);
        }
        q.value()->finish();
    }
    // A SKU may move from one product to another within one file; it is taken only when its
    // stored owner keeps it.
    QHash<QString, QString> skuInFile; // GTIN -> SKU the file gives it
    for (const auto &p : file.products)
        skuInFile.insert(p.gtin, p.sku);
    for (qsizetype i = 0; i < file.products.size(); ++i) {
        if (refused(file, i))
            continue;
        const WarehouseData::Product &p = file.products.at(i);
        const QString owner = skuOwner.value(p.sku);
        if (!owner.isEmpty() && owner != p.gtin && skuInFile.value(owner, p.sku) == p.sku) {
            report.errors.append({file.rows.at(i),
                QStringLiteral("SKU %1 belongs to product %2; give this product another SKU (or %2 another "
                               "one in the same file)")
                    .arg(p.sku, owner)});
            continue;
        }
        const auto it = existing.constFind(p.gtin);
        if (it != existing.constEnd() && sameProduct(it.value(), p)) {
            ++report.unchanged;
            continue;
        }
        (it == existing.constEnd() ? report.created : report.updated)++;
    }
    if (!report.ok() || !m_refusedRows.isEmpty())
        return {};
    // SKUs that move are first set aside, so no statement meets the UNIQUE constraint halfway.
    for (const auto &p : file.products) {
        const auto it = existing.constFind(p.gtin);
        if (it != existing.constEnd() && it->sku != p.sku) {
            auto q = m_db.run(QStringLiteral("UPDATE products SET sku = ? WHERE gtin = ?"),
                {QStringLiteral("\x1f") + p.gtin, p.gtin});
            if (!q)
                return Error {q.error()};
            q.value()->finish();
        }
    }
    BatchInsert upsert(m_db,
        QStringLiteral("INSERT INTO products (gtin, sku, name, lot_tracked, expiry_tracked, serial_tracked, "
                       "unit_weight_kg, length_mm, width_mm, height_mm)"),
        QStringLiteral("ON CONFLICT (gtin) DO UPDATE SET sku = excluded.sku, name = excluded.name, "
                       "lot_tracked = excluded.lot_tracked, expiry_tracked = excluded.expiry_tracked, "
                       "serial_tracked = excluded.serial_tracked, unit_weight_kg = excluded.unit_weight_kg, "
                       "length_mm = excluded.length_mm, width_mm = excluded.width_mm, "
                       "height_mm = excluded.height_mm"),
        10);
    QList<ChangeLog::Change> changes;
    for (const auto &p : file.products) {
        const auto it = existing.constFind(p.gtin);
        if (it != existing.constEnd() && sameProduct(it.value(), p))
            continue;
        if (auto added = upsert.add({p.gtin, p.sku, p.name, int(p.lotTracked), int(p.expiryTracked),
                int(p.serialTracked), p.unitWeightKg, p.lengthMm, p.widthMm, p.heightMm});
            !added)
            return Error {QStringLiteral("products: %1").arg(added.error())};
        changes.append({0, QStringLiteral("product"), p.gtin, QString(), productSnapshot(p).toJson()});
    }
    if (auto done = upsert.finish(); !done)
        return Error {QStringLiteral("products: %1").arg(done.error())};
    return m_changes.appendChanges(changes, now);
}

Expected<void> MasterDataStore::importLocations(
    const MasterDataFile &file, ImportReport &report, const QString &now)
{
    QHash<QString, WarehouseData::Location> existing;
    {
        auto q = m_db.run(QStringLiteral("SELECT code, zone, walk_sequence, check_digits FROM locations"));
        if (!q)
            return Error {q.error()};
        while (q.value()->next()) {
            const QSqlQuery &r = *q.value();
            existing.insert(r.value(0).toString(),
                {r.value(0).toString(), r.value(1).toString(), r.value(2).toInt(), r.value(3).toString()});
        }
        q.value()->finish();
    }
    if (!m_refusedRows.isEmpty())
        return {}; // nothing the database could refuse: the parser's errors are all
    BatchInsert upsert(m_db,
        QStringLiteral("INSERT INTO locations (code, zone, walk_sequence, check_digits)"),
        QStringLiteral("ON CONFLICT (code) DO UPDATE SET zone = excluded.zone, walk_sequence = "
                       "excluded.walk_sequence, check_digits = excluded.check_digits"),
        4);
    QList<ChangeLog::Change> changes;
    for (const auto &l : file.locations) {
        const auto it = existing.constFind(l.code);
        if (it != existing.constEnd() && it->zone == l.zone && it->walkSequence == l.walkSequence
            && it->checkDigits == l.checkDigits) {
            ++report.unchanged;
            continue;
        }
        (it == existing.constEnd() ? report.created : report.updated)++;
        if (auto added = upsert.add({l.code, text(l.zone), l.walkSequence, text(l.checkDigits)}); !added)
            return Error {QStringLiteral("locations: %1").arg(added.error())};
        changes.append({0, QStringLiteral("location"), l.code, QString(),
            protocol::Location {l.code, l.zone, l.walkSequence, l.checkDigits}.toJson()});
    }
    if (auto done = upsert.finish(); !done)
        return Error {QStringLiteral("locations: %1").arg(done.error())};
    return m_changes.appendChanges(changes, now);
}

Expected<void> MasterDataStore::importStock(const MasterDataFile &file, ImportReport &report)
{
    QHash<QString, qint64> locationIds;
    struct ProductRef
    {
        qint64 id = 0;
        bool lotTracked = false;
    };
    QHash<QString, ProductRef> products;
    {
        auto q = m_db.run(QStringLiteral("SELECT code, id FROM locations"));
        if (!q)
            return Error {q.error()};
        while (q.value()->next())
            locationIds.insert(q.value()->value(0).toString(), q.value()->value(1).toLongLong());
        q.value()->finish();
        auto p = m_db.run(QStringLiteral("SELECT gtin, id, lot_tracked FROM products"));
        if (!p)
            return Error {p.error()};
        while (p.value()->next())
            products.insert(p.value()->value(0).toString(),
                {p.value()->value(1).toLongLong(), p.value()->value(2).toBool()});
        p.value()->finish();
    }
    for (qsizetype i = 0; i < file.stock.size(); ++i) {
        if (refused(file, i))
            continue;
        const WarehouseData::Stock &s = file.stock.at(i);
        QString why;
        const auto product = products.constFind(s.gtin);
        if (!locationIds.contains(s.location))
            why = QStringLiteral("unknown location %1 (import it with the locations first)").arg(s.location);
        else if (product == products.constEnd())
            why = QStringLiteral("unknown product GTIN %1 (import it with the products first)").arg(s.gtin);
        else if (product->lotTracked && s.lot.isEmpty())
            why = QStringLiteral("product %1 is lot-tracked: give the 'lot' of this quantity").arg(s.gtin);
        else if (!product->lotTracked && !s.lot.isEmpty())
            why = QStringLiteral("product %1 is not lot-tracked: leave 'lot' empty (or mark the product "
                                 "lotTracked)")
                      .arg(s.gtin);
        if (!why.isEmpty())
            report.errors.append({file.rows.at(i), why});
    }
    if (!report.ok() || !m_refusedRows.isEmpty())
        return {};
    // What is stored now, read once: a file of 100,000 rows must not ask 100,000 times.
    using Place = QPair<qint64, qint64>; // location id, product id
    QHash<Place, qint64> stored;
    struct Lot
    {
        QString expiry;
        qint64 quantity = 0;
    };
    QHash<QPair<Place, QString>, Lot> storedLots;
    {
        auto q = m_db.run(QStringLiteral("SELECT location_id, product_id, quantity FROM stock"));
        if (!q)
            return Error {q.error()};
        while (q.value()->next())
            stored.insert({q.value()->value(0).toLongLong(), q.value()->value(1).toLongLong()},
                q.value()->value(2).toLongLong());
        q.value()->finish();
        auto l = m_db.run(
            QStringLiteral("SELECT location_id, product_id, lot, expiry, quantity FROM stock_lots"));
        if (!l)
            return Error {l.error()};
        while (l.value()->next())
            storedLots.insert({{l.value()->value(0).toLongLong(), l.value()->value(1).toLongLong()},
                                  l.value()->value(2).toString()},
                {l.value()->value(3).toString(), l.value()->value(4).toLongLong()});
        l.value()->finish();
    }
    QList<qint64> counted; // products whose stock changed
    BatchInsert counts(m_db, QStringLiteral("INSERT INTO stock (location_id, product_id, quantity)"),
        QStringLiteral("ON CONFLICT (location_id, product_id) DO UPDATE SET quantity = excluded.quantity"),
        3);
    for (const auto &s : file.stock) {
        const Place place {locationIds.value(s.location), products.value(s.gtin).id};
        // A row is a count: the quantity now at the location (of that lot).
        if (s.lot.isEmpty()) {
            const auto it = stored.constFind(place);
            if (it != stored.constEnd() && it.value() == s.quantity) {
                ++report.unchanged;
                continue;
            }
            (it != stored.constEnd() ? report.updated : report.created)++;
            counted.append(place.second);
            if (auto added = counts.add({place.first, place.second, s.quantity}); !added)
                return Error {QStringLiteral("stock: %1").arg(added.error())};
            continue;
        }
        // A lot's count moves the location's total by the difference, so units picked since
        // the lots were last counted stay picked.
        const auto lot = storedLots.constFind({place, s.lot});
        const bool known = lot != storedLots.constEnd();
        if (known && lot->quantity == s.quantity && lot->expiry == s.expiry) {
            ++report.unchanged;
            continue;
        }
        (known ? report.updated : report.created)++;
        counted.append(place.second);
        const qint64 difference = s.quantity - (known ? lot->quantity : 0);
        auto q = m_db.run(
            QStringLiteral("INSERT INTO stock_lots (location_id, product_id, lot, expiry, quantity) "
                           "VALUES (?, ?, ?, ?, ?) ON CONFLICT (location_id, product_id, lot) DO "
                           "UPDATE SET expiry = excluded.expiry, quantity = excluded.quantity"),
            {place.first, place.second, s.lot, text(s.expiry), s.quantity});
        if (!q)
            return Error {
                QStringLiteral("stock of %1 lot %2 at %3: %4").arg(s.gtin, s.lot, s.location, q.error())};
        q.value()->finish();
        auto t = m_db.run(
            QStringLiteral("INSERT INTO stock (location_id, product_id, quantity) VALUES (?, ?, ?) "
                           "ON CONFLICT (location_id, product_id) DO UPDATE SET quantity = "
                           "CASE WHEN stock.quantity + ? < 0 THEN 0 ELSE stock.quantity + ? END"),
            {place.first, place.second, s.quantity, difference, difference});
        if (!t)
            return Error {QStringLiteral("stock of %1 at %2: %3").arg(s.gtin, s.location, t.error())};
        t.value()->finish();
    }
    if (auto done = counts.finish(); !done)
        return Error {QStringLiteral("stock: %1").arg(done.error())};
    // Stock that arrived goes to the orders waiting for it, in order of arrival.
    Reservations reservations(m_db);
    auto released = reservations.fillBackorders(counted);
    if (!released)
        return Error {QStringLiteral("backorders: %1").arg(released.error())};
    for (const qint64 orderId : std::as_const(released.value())) {
        auto r = reservations.reservation(orderId);
        if (!r)
            return Error {r.error()};
        report.backordersReleased.append(r->number);
    }
    return {};
}

Expected<void> MasterDataStore::importOperators(
    const MasterDataFile &file, ImportReport &report, const QString &now, const QStringList &pinHashes)
{
    struct Stored
    {
        QString name;
        QString role;
        QString pinHash;
    };
    QHash<QString, Stored> existing;
    {
        auto q = m_db.run(QStringLiteral("SELECT badge, name, role, pin_hash FROM operators"));
        if (!q)
            return Error {q.error()};
        while (q.value()->next()) {
            const QSqlQuery &r = *q.value();
            existing.insert(
                r.value(0).toString(), {r.value(1).toString(), r.value(2).toString(), r.value(3).toString()});
        }
        q.value()->finish();
    }
    bool hadAdmin = false;
    for (const Stored &s : std::as_const(existing))
        hadAdmin = hadAdmin || s.role == QLatin1String("admin");
    for (qsizetype i = 0; i < file.operators.size(); ++i) {
        if (refused(file, i))
            continue;
        const WarehouseData::Operator &o = file.operators.at(i);
        const auto it = existing.constFind(o.badge);
        if (it == existing.constEnd() && o.pin.isEmpty())
            report.errors.append({file.rows.at(i),
                QStringLiteral("operator %1 is new and needs a 'pin' (4 to 12 digits)").arg(o.badge)});
    }
    if (!report.ok() || !m_refusedRows.isEmpty())
        return {};
    int lastDemotion = 0; // the row that took the admin role from an operator
    for (qsizetype i = 0; i < file.operators.size(); ++i) {
        const WarehouseData::Operator &o = file.operators.at(i);
        const auto it = existing.find(o.badge);
        const bool known = it != existing.end();
        // A PIN given is set again, even when it is the same: only its hash is stored.
        if (known && o.pin.isEmpty() && it->name == o.name && it->role == o.role) {
            ++report.unchanged;
            continue;
        }
        (known ? report.updated : report.created)++;
        const QString pinHash = o.pin.isEmpty() ? it->pinHash : pinHashes.at(i);
        auto q = m_db.run(
            QStringLiteral("INSERT INTO operators (badge, name, role, pin_hash) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (badge) DO UPDATE SET name = excluded.name, role = "
                           "excluded.role, pin_hash = excluded.pin_hash"),
            {o.badge, o.name, o.role, pinHash});
        if (!q)
            return Error {QStringLiteral("operator %1: %2").arg(o.badge, q.error())};
        q.value()->finish();
        if (known && it->role == QLatin1String("admin") && o.role != QLatin1String("admin"))
            lastDemotion = file.rows.at(i);
        existing.insert(o.badge, {o.name, o.role, pinHash});
        if (auto c = m_changes.appendChange(QStringLiteral("operator"), o.badge,
                protocol::Operator {o.badge, o.name, o.role, pinHash}.toJson(), now);
            !c)
            return c;
    }
    bool hasAdmin = false;
    for (const Stored &s : std::as_const(existing))
        hasAdmin = hasAdmin || s.role == QLatin1String("admin");
    if (hadAdmin && !hasAdmin)
        report.errors.append({lastDemotion,
            QStringLiteral("the import would leave the site without an administrator; keep at least one "
                           "operator with the role admin")});
    return {};
}

Expected<void> MasterDataStore::importCartons(
    const MasterDataFile &file, ImportReport &report, const QString &now)
{
    QHash<QString, protocol::Carton> existing;
    {
        auto q = m_db.run(
            QStringLiteral("SELECT code, name, length_mm, width_mm, height_mm, tare_kg FROM carton_types"));
        if (!q)
            return Error {q.error()};
        while (q.value()->next()) {
            const QSqlQuery &r = *q.value();
            existing.insert(r.value(0).toString(),
                {r.value(0).toString(), r.value(1).toString(), r.value(2).toInt(), r.value(3).toInt(),
                    r.value(4).toInt(), r.value(5).toDouble()});
        }
        q.value()->finish();
    }
    if (!m_refusedRows.isEmpty())
        return {};
    bool added = false;
    for (const auto &k : file.cartons) {
        const protocol::Carton carton {k.code, k.name, k.lengthMm, k.widthMm, k.heightMm, k.tareKg};
        const auto it = existing.constFind(k.code);
        if (it != existing.constEnd() && it.value() == carton) {
            ++report.unchanged;
            continue;
        }
        added = added || it == existing.constEnd();
        (it == existing.constEnd() ? report.created : report.updated)++;
        auto q
            = m_db.run(QStringLiteral("INSERT INTO carton_types (code, name, length_mm, width_mm, height_mm, "
                                      "tare_kg) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
                                      "name = excluded.name, length_mm = excluded.length_mm, width_mm = "
                                      "excluded.width_mm, height_mm = excluded.height_mm, tare_kg = "
                                      "excluded.tare_kg"),
                {k.code, k.name, k.lengthMm, k.widthMm, k.heightMm, k.tareKg});
        if (!q)
            return Error {QStringLiteral("carton type %1: %2").arg(k.code, q.error())};
        q.value()->finish();
        if (auto c = m_changes.appendChange(QStringLiteral("carton"), k.code, carton.toJson(), now); !c)
            return c;
    }
    // The packers' list of carton types is part of the devices' configuration.
    if (added)
        return m_changes.appendDeviceConfig(now);
    return {};
}

Expected<void> MasterDataStore::importTotes(const MasterDataFile &file, ImportReport &report)
{
    if (!m_refusedRows.isEmpty())
        return {};
    for (const QString &code : file.totes) {
        auto q
            = m_db.run(QStringLiteral("INSERT INTO totes (code) VALUES (?) ON CONFLICT DO NOTHING"), {code});
        if (!q)
            return Error {QStringLiteral("tote %1: %2").arg(code, q.error())};
        const bool inserted = q.value()->numRowsAffected() > 0;
        q.value()->finish();
        (inserted ? report.created : report.unchanged)++;
    }
    return {};
}

} // namespace dockhand::server
