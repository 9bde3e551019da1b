#include "orders/orderstore.h"

#include "changelog/changelog.h"
#include "storage/database.h"
#include "storage/timestamps.h"

#include <QSqlQuery>

namespace dockhand::server {

namespace {

const QString kOrderSummaryColumns = QStringLiteral(
    "SELECT o.number, o.customer, o.status, o.created_at, o.updated_at, "
    "(SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id), "
    "(SELECT COALESCE(SUM(l.ordered), 0) FROM order_lines l WHERE l.order_id = o.id) FROM orders o ");

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
        QStringLiteral("SELECT l.line, p.gtin, p.sku, p.name, l.ordered, l.picked, l.packed "
                       "FROM order_lines l JOIN orders o ON o.id = l.order_id "
                       "JOIN products p ON p.id = l.product_id WHERE o.number = ? ORDER BY l.line"),
        {number});
    if (!lines)
        return Error {lines.error()};
    while (lines.value()->next()) {
        const QSqlQuery &r = *lines.value();
        detail.lines.append(
            {r.value(0).toInt(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                r.value(4).toLongLong(), r.value(5).toLongLong(), r.value(6).toLongLong()});
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

Expected<QList<RowError>> OrderStore::importOrders(const QList<ImportOrder> &orders)
{
    QList<RowError> errors;
    if (auto began = m_db.begin(); !began)
        return Error {began.error()};
    auto fail = [this](const QString &why) -> Expected<QList<RowError>> {
        m_db.rollback();
        return Error {why};
    };
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    for (const ImportOrder &item : orders) {
        const WarehouseData::Order &o = item.order;
        auto exists = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE number = ?"), {o.number});
        if (!exists)
            return fail(exists.error());
        if (exists.value() > 0) {
            errors.append({item.row, QStringLiteral("order %1 already exists").arg(o.number)});
            continue;
        }
        QList<qint64> productIds;
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
            productIds.append(id.value());
        }
        if (!errors.isEmpty())
            continue; // keep checking the rest so the admin sees every problem at once
        auto q
            = m_db.run(QStringLiteral("INSERT INTO orders (number, customer, status, created_at, updated_at) "
                                      "VALUES (?, ?, 'received', ?, ?) RETURNING id"),
                {o.number, o.customer, now, now});
        if (!q)
            return fail(q.error());
        const qint64 orderId = returnedId(q.value());
        q.value()->finish();
        for (qsizetype i = 0; i < o.lines.size(); ++i) {
            auto l = m_db.run(
                QStringLiteral("INSERT INTO order_lines (order_id, line, product_id, ordered) VALUES "
                               "(?, ?, ?, ?)"),
                {orderId, o.lines.at(i).line, productIds.at(i), o.lines.at(i).quantity});
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
        if (auto c = m_changes.appendOrderChange(orderId, now); !c)
            return fail(c.error());
    }
    if (!errors.isEmpty()) {
        m_db.rollback();
        return errors;
    }
    if (auto committed = m_db.commit(); !committed)
        return Error {committed.error()};
    return errors;
}

} // namespace dockhand::server
