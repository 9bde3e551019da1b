#include "orders/orderstore.h"

#include "changelog/changelog.h"
#include "storage/database.h"
#include "storage/timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace dockhand::server {

namespace {

const QString kOrderSummaryColumns = QStringLiteral(
    "SELECT o.number, o.customer, o.status, o.created_at, o.updated_at, "
    "(SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id), "
    "(SELECT COALESCE(SUM(l.ordered), 0) FROM order_lines l WHERE l.order_id = o.id), o.backordered "
    "FROM orders o ");

OrderStore::OrderSummary readOrderSummary(const QSqlQuery &q)
{
    OrderStore::OrderSummary s;
    s.number = q.value(0).toString();
    s.customer = q.value(1).toString();
    s.status = q.value(2).toString();
    s.createdAt = parseTimestamp(q.value(3));
    s.updatedAt = parseTimestamp(q.value(4));
    s.lines = q.value(5).toInt();
    s.units = q.value(6).toLongLong();
    s.backordered = q.value(7).toBool();
    return s;
}

} // namespace

Expected<QList<OrderStore::OrderSummary>> OrderStore::orders(const QString &status)
{
    auto q = status.isEmpty()
        ? m_db.run(kOrderSummaryColumns + QStringLiteral("ORDER BY o.number"))
        : m_db.run(kOrderSummaryColumns + QStringLiteral("WHERE o.status = ? ORDER BY o.number"), {status});
    if (!q)
        return Error {q.error()};
    QList<OrderSummary> list;
    while (q.value()->next())
        list.append(readOrderSummary(*q.value()));
    q.value()->finish();
    return list;
}

Expected<std::optional<OrderStore::OrderDetail>> OrderStore::order(const QString &number)
{
    auto q = m_db.run(kOrderSummaryColumns + QStringLiteral("WHERE o.number = ?"), {number});
    if (!q)
        return Error {q.error()};
    if (!q.value()->next()) {
        q.value()->finish();
        return std::optional<OrderDetail>();
    }
    OrderDetail detail;
    detail.summary = readOrderSummary(*q.value());
    q.value()->finish();

    auto lines = m_db.run(
        QStringLiteral(
            "SELECT l.line, p.gtin, p.sku, p.name, l.ordered, l.picked, l.packed, l.reserved, l.shorted "
            "FROM order_lines l JOIN orders o ON o.id = l.order_id "
            "JOIN products p ON p.id = l.product_id WHERE o.number = ? ORDER BY l.line"),
        {number});
    if (!lines)
        return Error {lines.error()};
    while (lines.value()->next()) {
        const QSqlQuery &r = *lines.value();
        detail.lines.append({r.value(0).toInt(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toString(), r.value(4).toLongLong(), r.value(5).toLongLong(), r.value(6).toLongLong(),
            r.value(7).toLongLong(), r.value(8).toLongLong()});
    }
    lines.value()->finish();

    auto history
        = m_db.run(QStringLiteral("SELECT h.status, h.at, h.source FROM order_status_history h "
                                  "JOIN orders o ON o.id = h.order_id WHERE o.number = ? ORDER BY h.id"),
            {number});
    if (!history)
        return Error {history.error()};
    while (history.value()->next()) {
        const QSqlQuery &r = *history.value();
        detail.history.append({r.value(0).toString(), parseTimestamp(r.value(1)), r.value(2).toString()});
    }
    history.value()->finish();
    return std::optional<OrderDetail>(std::move(detail));
}

Expected<QList<WarehouseData::Product>> OrderStore::products()
{
    auto q = m_db.run(
        QStringLiteral("SELECT gtin, sku, name, lot_tracked, expiry_tracked, serial_tracked, unit_weight_kg, "
                       "length_mm, width_mm, height_mm FROM products ORDER BY sku, gtin"));
    if (!q)
        return Error {q.error()};
    QList<WarehouseData::Product> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        list.append({r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toBool(),
            r.value(4).toBool(), r.value(5).toBool(), r.value(6).toDouble(), r.value(7).toInt(),
            r.value(8).toInt(), r.value(9).toInt()});
    }
    q.value()->finish();
    return list;
}

Expected<QList<OrderStore::LocationRow>> OrderStore::locations()
{
    auto q = m_db.run(QStringLiteral(
        "SELECT l.code, l.zone, l.walk_sequence, p.gtin, s.quantity, l.check_digits FROM locations l "
        "LEFT JOIN stock s ON s.location_id = l.id LEFT JOIN products p ON p.id = s.product_id "
        "ORDER BY l.walk_sequence, l.code, p.gtin"));
    if (!q)
        return Error {q.error()};
    QList<LocationRow> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        const QString code = r.value(0).toString();
        if (list.isEmpty() || list.constLast().code != code)
            list.append({code, r.value(1).toString(), r.value(2).toInt(), {}, r.value(5).toString()});
        if (!r.value(3).isNull())
            list.last().stock.append({r.value(3).toString(), r.value(4).toLongLong()});
    }
    q.value()->finish();
    return list;
}

QJsonObject OrderStore::intakeAnswer(const QList<OrderReservation> &orders)
{
    QJsonArray list;
    int backordered = 0;
    for (const OrderReservation &o : orders) {
        QJsonArray lines;
        for (const LineReservation &l : o.lines)
            lines.append(QJsonObject {{QLatin1String("line"), l.line}, {QLatin1String("gtin"), l.gtin},
                {QLatin1String("ordered"), l.ordered}, {QLatin1String("reserved"), l.reserved},
                {QLatin1String("missing"), l.missing}});
        backordered += o.backordered ? 1 : 0;
        list.append(QJsonObject {{QLatin1String("number"), o.number}, {QLatin1String("status"), o.status},
            {QLatin1String("backordered"), o.backordered}, {QLatin1String("lines"), lines}});
    }
    return {{QLatin1String("orders"), list}, {QLatin1String("received"), int(orders.size())},
        {QLatin1String("backordered"), backordered}};
}

Expected<QList<RowError>> OrderStore::importOrders(const QList<ImportOrder> &orders)
{
    auto intake = intakeOrders(orders, std::nullopt);
    if (!intake)
        return Error {intake.error()};
    return intake->errors;
}

Expected<OrderStore::Intake> OrderStore::intakeOrders(
    const QList<ImportOrder> &orders, const std::optional<IdempotencyKey> &key)
{
    // Two intakes of the same products lock them in one order and cannot deadlock each other,
    // but a stock import or a pick may take them in another: PostgreSQL then stops one
    // transaction, which is run again as a whole.
    return m_db.retrying("order intake", [&] { return intakeOnce(orders, key); });
}

Expected<OrderStore::Intake> OrderStore::intakeOnce(
    const QList<ImportOrder> &orders, const std::optional<IdempotencyKey> &key)
{
    Intake intake;
    QList<RowError> &errors = intake.errors;
    if (auto began = m_db.begin(); !began)
        return Error {began.error()};
    auto fail = [this](const QString &why) -> Expected<Intake> {
        m_db.rollback();
        return Error {why};
    };
    const QDateTime nowTime = QDateTime::currentDateTimeUtc();
    const QString now = timestamp(nowTime);
    if (key) {
        // A key is kept for kIdempotencyKeyDays; after that the same key is a new request.
        auto expired
            = m_db.run(QStringLiteral("DELETE FROM idempotency_keys WHERE caller = ? AND created_at < ?"),
                {key->caller, timestamp(nowTime.addDays(-kIdempotencyKeyDays))});
        if (!expired)
            return fail(expired.error());
        expired.value()->finish();
        // Claimed first: a second request with the same key waits here (PostgreSQL) until the
        // first commits, then finds its answer.
        auto claim = m_db.run(
            QStringLiteral("INSERT INTO idempotency_keys (caller, key, request_hash, created_at) VALUES "
                           "(?, ?, ?, ?) ON CONFLICT (caller, key) DO NOTHING"),
            {key->caller, key->key, QString::fromLatin1(key->requestHash.toHex()), now});
        if (!claim)
            return fail(claim.error());
        const bool claimed = claim.value()->numRowsAffected() == 1;
        claim.value()->finish();
        if (!claimed) {
            auto q = m_db.run(QStringLiteral("SELECT request_hash, answer, created_at FROM idempotency_keys "
                                             "WHERE caller = ? AND key = ?"),
                {key->caller, key->key});
            if (!q)
                return fail(q.error());
            if (q.value()->next()) {
                intake.keyFirstUsed = parseTimestamp(q.value()->value(2));
                if (q.value()->value(0).toString() != QString::fromLatin1(key->requestHash.toHex())) {
                    intake.keyReused = true;
                } else {
                    intake.repeated = true;
                    intake.answer = QJsonDocument::fromJson(q.value()->value(1).toString().toUtf8()).object();
                }
            }
            q.value()->finish();
            m_db.rollback();
            return intake;
        }
    }
    Reservations reservations(m_db);
    QList<QList<qint64>> productIds; // per order, per line
    QList<qint64> allProducts;
    for (const ImportOrder &item : orders) {
        const WarehouseData::Order &o = item.order;
        productIds.append(QList<qint64>());
        auto exists = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE number = ?"), {o.number});
        if (!exists)
            return fail(exists.error());
        if (exists.value() > 0) {
            errors.append({item.row, QStringLiteral("order %1 already exists").arg(o.number)});
            continue;
        }
        for (const auto &line : o.lines) {
            auto id = m_db.scalar(
                QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM products WHERE gtin = ?"), {line.gtin});
            if (!id)
                return fail(id.error());
            if (id.value() == 0)
                errors.append({item.row,
                    QStringLiteral("order %1 line %2: unknown GTIN %3")
                        .arg(o.number)
                        .arg(line.line)
                        .arg(line.gtin)});
            productIds.last().append(id.value());
            allProducts.append(id.value());
        }
    }
    if (!errors.isEmpty()) {
        m_db.rollback();
        return intake; // every problem at once
    }
    // Every product of the intake, locked once in id order before any is reserved.
    if (auto locked = reservations.lockProducts(allProducts); !locked)
        return fail(locked.error());
    for (qsizetype n = 0; n < orders.size(); ++n) {
        const ImportOrder &item = orders.at(n);
        const WarehouseData::Order &o = item.order;
        // A number taken meanwhile by another server's intake is refused, not an error: the
        // insert waits for that intake and then inserts nothing.
        auto q
            = m_db.run(QStringLiteral("INSERT INTO orders (number, customer, status, created_at, updated_at) "
                                      "VALUES (?, ?, 'received', ?, ?) ON CONFLICT (number) DO NOTHING "
                                      "RETURNING id"),
                {o.number, o.customer, now, now});
        if (!q)
            return fail(q.error());
        const qint64 orderId = q.value()->next() ? q.value()->value(0).toLongLong() : 0;
        q.value()->finish();
        if (orderId == 0) {
            errors.append({item.row, QStringLiteral("order %1 already exists").arg(o.number)});
            continue;
        }
        for (qsizetype i = 0; i < o.lines.size(); ++i) {
            auto l = m_db.run(
                QStringLiteral("INSERT INTO order_lines (order_id, line, product_id, ordered) VALUES "
                               "(?, ?, ?, ?)"),
                {orderId, o.lines.at(i).line, productIds.at(n).at(i), o.lines.at(i).quantity});
            if (!l)
                return fail(l.error());
            l.value()->finish();
        }
        auto h = m_db.run(
            QStringLiteral("INSERT INTO order_status_history (order_id, status, at, source) VALUES "
                           "(?, 'received', ?, 'import')"),
            {orderId, now});
        if (!h)
            return fail(h.error());
        h.value()->finish();
        auto reserved = reservations.reserveOrder(orderId);
        if (!reserved)
            return fail(reserved.error());
        intake.orders.append(reserved.value());
        if (auto c = m_changes.appendOrderChange(orderId, now); !c)
            return fail(c.error());
    }
    if (!errors.isEmpty()) {
        m_db.rollback();
        intake.orders.clear();
        return intake;
    }
    intake.answer = intakeAnswer(intake.orders);
    if (key) {
        auto kept = m_db.run(
            QStringLiteral(
                "UPDATE idempotency_keys SET status = 201, answer = ? WHERE caller = ? AND key = ?"),
            {QString::fromUtf8(QJsonDocument(intake.answer).toJson(QJsonDocument::Compact)), key->caller,
                key->key});
        if (!kept)
            return fail(kept.error());
        kept.value()->finish();
    }
    if (auto committed = m_db.commit(); !committed)
        return Error {committed.error()};
    return intake;
}

} // namespace dockhand::server
