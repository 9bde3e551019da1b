#include "seeding/warehouseseed.h"

#include "changelog/changelog.h"
#include "masterdata/masterdatastore.h"
#include "orders/reservations.h"
#include "storage/database.h"
#include "storage/timestamps.h"
#include "tasks/taskstore.h"

#include <QHash>
#include <QSqlQuery>

namespace dockhand::server {

namespace {

MasterDataFile masterDataFile(MasterDataKind kind, const WarehouseData &data)
{
    MasterDataFile file;
    file.kind = kind;
    qsizetype size = 0;
    switch (kind) {
    case MasterDataKind::Products:
        file.products = data.products;
        size = data.products.size();
        break;
    case MasterDataKind::Locations:
        file.locations = data.locations;
        size = data.locations.size();
        break;
    case MasterDataKind::Stock:
        file.stock = data.stock;
        size = data.stock.size();
        break;
    case MasterDataKind::Operators:
        file.operators = data.operators;
        size = data.operators.size();
        break;
    case MasterDataKind::CartonTypes:
        file.cartons = data.cartons;
        size = data.cartons.size();
        break;
    case MasterDataKind::Totes:
        file.totes = data.totes;
        size = data.totes.size();
        break;
    }
    for (qsizetype i = 0; i < size; ++i)
        file.rows.append(int(i) + 1);
    return file;
}

} // namespace

Expected<bool> seedIfEmpty(Database &db, TaskStore &tasks, ChangeLog &changes, const WarehouseData &data)
{
    static const QString countAll
        = QStringLiteral("SELECT (SELECT COUNT(*) FROM products) + (SELECT COUNT(*) FROM locations) + "
                         "(SELECT COUNT(*) FROM operators) + (SELECT COUNT(*) FROM orders)");
    auto existing = db.scalar(countAll);
    if (!existing)
        return Error {existing.error()};
    if (existing.value() > 0)
        return false;

    // The master data goes in as a site's own import files would (MasterDataStore), one kind
    // after the other; PINs are hashed before the transaction, which must not wait on them.
    QList<MasterDataFile> files;
    for (const MasterDataKind kind :
        {MasterDataKind::Locations, MasterDataKind::Products, MasterDataKind::Stock,
            MasterDataKind::Operators, MasterDataKind::CartonTypes, MasterDataKind::Totes})
        files.append(masterDataFile(kind, data));
    QList<QStringList> pinHashes;
    for (const MasterDataFile &file : std::as_const(files))
        pinHashes.append(MasterDataStore::hashPins(file));

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
    MasterDataStore masterData(db, changes);
    for (qsizetype i = 0; i < files.size(); ++i) {
        auto report = masterData.importInTransaction(files.at(i), QStringLiteral("demo"), pinHashes.at(i));
        if (!report)
            return fail(report.error());
        if (!report->ok())
            return fail(QStringLiteral("%1, record %2: %3")
                            .arg(masterDataKindName(files.at(i).kind))
                            .arg(report->errors.first().row)
                            .arg(report->errors.first().message));
    }
    QHash<QString, qint64> productIds;
    {
        auto q = db.run(QStringLiteral("SELECT gtin, id FROM products"));
        if (!q)
            return fail(q.error());
        while (q.value()->next())
            productIds.insert(q.value()->value(0).toString(), q.value()->value(1).toLongLong());
        q.value()->finish();
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
        // Orders still to be picked hold their stock as a shop's order would.
        if (o.status == QLatin1String("received") || o.status == QLatin1String("processing"))
            if (auto r = Reservations(db).reserveOrder(orderId); !r)
                return fail(QStringLiteral("order %1 reservation: %2").arg(o.number, r.error()));
    }
    if (auto t = tasks.seedTasks(now); !t)
        return fail(QStringLiteral("pick waves: %1").arg(t.error()));
    if (auto c = changes.seedChanges(now); !c)
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
