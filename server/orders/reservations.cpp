#include "orders/reservations.h"

#include "storage/database.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace dockhand::server {

Expected<void> Reservations::lockProducts(QList<qint64> productIds)
{
    if (!m_db.isPostgres())
        return {};
    std::sort(productIds.begin(), productIds.end());
    productIds.erase(std::unique(productIds.begin(), productIds.end()), productIds.end());
    for (const qint64 id : std::as_const(productIds)) {
        auto q = m_db.run(QStringLiteral("SELECT id FROM products WHERE id = ? FOR UPDATE"), {id});
        if (!q)
            return Error {q.error()};
        q.value()->finish();
    }
    return {};
}

Expected<OrderReservation> Reservations::reservation(qint64 orderId)
{
    OrderReservation r;
    r.orderId = orderId;
    auto o
        = m_db.run(QStringLiteral("SELECT number, backordered, status FROM orders WHERE id = ?"), {orderId});
    if (!o)
        return Error {o.error()};
    if (o.value()->next()) {
        r.number = o.value()->value(0).toString();
        r.backordered = o.value()->value(1).toBool();
        r.status = o.value()->value(2).toString();
    }
    o.value()->finish();
    auto l = m_db.run(QStringLiteral("SELECT l.line, p.gtin, l.ordered, l.reserved, l.ordered - l.picked - "
                                     "l.shorted - l.reserved FROM order_lines l JOIN products p ON p.id = "
                                     "l.product_id WHERE l.order_id = ? ORDER BY l.line"),
        {orderId});
    if (!l)
        return Error {l.error()};
    while (l.value()->next()) {
        const QSqlQuery &q = *l.value();
        r.lines.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toLongLong(),
            q.value(3).toLongLong(), qMax<qint64>(0, q.value(4).toLongLong())});
    }
    l.value()->finish();
    return r;
}

Expected<OrderReservation> Reservations::reserveOrder(qint64 orderId)
{
    struct Need
    {
        int line;
        qint64 product;
        qint64 units;
    };
    QList<Need> needs;
    {
        auto q
            = m_db.run(QStringLiteral("SELECT line, product_id, ordered - picked - shorted - reserved FROM "
                                      "order_lines WHERE order_id = ? ORDER BY line"),
                {orderId});
        if (!q)
            return Error {q.error()};
        while (q.value()->next())
            needs.append({q.value()->value(0).toInt(), q.value()->value(1).toLongLong(),
                q.value()->value(2).toLongLong()});
        q.value()->finish();
    }
    QList<qint64> products;
    for (const Need &n : std::as_const(needs))
        if (n.units > 0)
            products.append(n.product);
    if (auto locked = lockProducts(products); !locked)
        return Error {locked.error()};
    bool short_ = false;
    for (const Need &n : std::as_const(needs)) {
        if (n.units <= 0)
            continue;
        // Read under the lock: what other intakes reserved is counted.
        auto available = m_db.scalar(
            QStringLiteral("SELECT COALESCE((SELECT SUM(quantity) FROM stock WHERE product_id = ?), 0) - "
                           "(SELECT reserved FROM products WHERE id = ?)"),
            {n.product, n.product});
        if (!available)
            return Error {available.error()};
        const qint64 take = qBound<qint64>(0, available.value(), n.units);
        short_ = short_ || take < n.units;
        if (take == 0)
            continue;
        auto l = m_db.run(
            QStringLiteral("UPDATE order_lines SET reserved = reserved + ? WHERE order_id = ? AND line = ?"),
            {take, orderId, n.line});
        if (!l)
            return Error {l.error()};
        l.value()->finish();
        auto p = m_db.run(
            QStringLiteral("UPDATE products SET reserved = reserved + ? WHERE id = ?"), {take, n.product});
        if (!p)
            return Error {p.error()};
        p.value()->finish();
    }
    auto b
        = m_db.run(QStringLiteral("UPDATE orders SET backordered = ? WHERE id = ?"), {int(short_), orderId});
    if (!b)
        return Error {b.error()};
    b.value()->finish();
    return reservation(orderId);
}

Expected<void> Reservations::release(qint64 orderId, int line, qint64 units)
{
    qint64 product = 0, reserved = 0;
    {
        auto q = m_db.run(
            QStringLiteral("SELECT product_id, reserved FROM order_lines WHERE order_id = ? AND line = ?"),
            {orderId, line});
        if (!q)
            return Error {q.error()};
        if (q.value()->next()) {
            product = q.value()->value(0).toLongLong();
            reserved = q.value()->value(1).toLongLong();
        }
        q.value()->finish();
    }
    const qint64 give = units < 0 ? reserved : qMin(units, reserved);
    if (give <= 0)
        return {};
    auto l = m_db.run(
        QStringLiteral("UPDATE order_lines SET reserved = reserved - ? WHERE order_id = ? AND line = ?"),
        {give, orderId, line});
    if (!l)
        return Error {l.error()};
    l.value()->finish();
    auto p = m_db.run(
        QStringLiteral("UPDATE products SET reserved = reserved - ? WHERE id = ?"), {give, product});
    if (!p)
        return Error {p.error()};
    p.value()->finish();
    return {};
}

Expected<QList<qint64>> Reservations::fillBackorders(const QList<qint64> &productIds)
{
    QList<qint64> released;
    if (productIds.isEmpty())
        return released;
    if (auto locked = lockProducts(productIds); !locked)
        return Error {locked.error()};
    QList<qint64> waiting;
    {
        // Oldest first: an order's id grows with its arrival. Backordered orders are few; the
        // products are matched here rather than in a statement as long as the import.
        const QSet<qint64> wanted(productIds.cbegin(), productIds.cend());
        auto q
            = m_db.run(QStringLiteral("SELECT o.id, l.product_id FROM orders o JOIN order_lines l ON "
                                      "l.order_id = o.id WHERE o.backordered = 1 AND o.status = 'received' "
                                      "AND l.ordered - l.picked - l.shorted - l.reserved > 0 ORDER BY o.id"));
        if (!q)
            return Error {q.error()};
        while (q.value()->next()) {
            const qint64 id = q.value()->value(0).toLongLong();
            if (wanted.contains(q.value()->value(1).toLongLong())
                && (waiting.isEmpty() || waiting.constLast() != id))
                waiting.append(id);
        }
        q.value()->finish();
    }
    for (const qint64 orderId : std::as_const(waiting)) {
        auto r = reserveOrder(orderId);
        if (!r)
            return Error {r.error()};
        if (!r->backordered)
            released.append(orderId);
    }
    return released;
}

} // namespace dockhand::server
