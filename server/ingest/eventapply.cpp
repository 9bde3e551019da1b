#include "ingest/eventapply.h"

#include "changelog/changelog.h"
#include "ingest/eventfields.h"
#include "orders/reservations.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace dockhand::server {

namespace {

struct OrderRef
{
    qint64 id = 0;
    QString status;
};

} // namespace

Expected<QString> EventApplier::applyEvent(
    const protocol::ScanEvent &event, const QString &deviceId, const QString &now)
{
    const std::optional<protocol::Action> action = protocol::actionOf(event.fields);
    if (!orderrules::isAppliedAction(action))
        return QString(); // store only
    if (auto q = m_db.command(QStringLiteral("SAVEPOINT apply_event")); !q)
        return Error {q.error()};
    auto outcome = applyAction(*action, event, deviceId, now);
    if (!outcome)
        return outcome; // the caller rolls the whole batch back
    if (!outcome.value().isEmpty()) {
        if (auto q = m_db.command(QStringLiteral("ROLLBACK TO SAVEPOINT apply_event")); !q)
            return Error {q.error()};
    }
    if (auto q = m_db.command(QStringLiteral("RELEASE SAVEPOINT apply_event")); !q)
        return Error {q.error()};
    if (!outcome.value().isEmpty()) {
        if (auto e = addException(QStringLiteral("rejected"), event, deviceId, outcome.value(), now); !e)
            return Error {e.error()};
    }
    return outcome;
}

Expected<void> EventApplier::addException(const QString &kind, const protocol::ScanEvent &event,
    const QString &deviceId, const QString &reason, const QString &now)
{
    const QJsonObject &f = event.fields;
    auto q = m_db.run(
        QStringLiteral("INSERT INTO exceptions (kind, event_id, device, operator, order_number, line, "
                       "gtin, location, quantity, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {kind, eventKey(event.id), deviceId, text(event.operatorId),
            text(fieldText(f, protocol::Field::Order).left(64)), fieldText(f, protocol::Field::Line).toInt(),
            text(fieldText(f, protocol::Field::Gtin).left(64)),
            text(fieldText(f, protocol::Field::Location).left(64)), fieldCount(f, protocol::Field::Quantity),
            reason, now});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return {};
}

Expected<void> EventApplier::setStatus(
    qint64 orderId, const QString &from, const QString &to, const QString &source, const QString &now)
{
    // Conditional on the status we read: a concurrent writer that moved it first wins, and the
    // history gets exactly one row per transition.
    auto q
        = m_db.run(QStringLiteral("UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = ?"),
            {to, now, orderId, from});
    if (!q)
        return Error {q.error()};
    const bool moved = q.value()->numRowsAffected() == 1;
    q.value()->finish();
    if (!moved)
        return {};
    auto h = m_db.run(
        QStringLiteral("INSERT INTO order_status_history (order_id, status, at, source) VALUES (?, ?, ?, ?)"),
        {orderId, to, now, source});
    if (!h)
        return Error {h.error()};
    h.value()->finish();
    return {};
}

Expected<void> EventApplier::updatePickedStatus(qint64 orderId, const QString &source, const QString &now)
{
    if (auto s = setStatus(orderId, QStringLiteral("received"), QStringLiteral("processing"), source, now);
        !s)
        return s;
    auto lines = lineProgress(orderId);
    if (!lines)
        return Error {lines.error()};
    if (orderrules::pickingDone(lines.value()))
        return setStatus(orderId, QStringLiteral("processing"), QStringLiteral("picked"), source, now);
    return {};
}

Expected<QList<orderrules::LineProgress>> EventApplier::lineProgress(qint64 orderId)
{
    auto q = m_db.run(
        QStringLiteral("SELECT ordered, picked, packed, shorted FROM order_lines WHERE order_id = ?"),
        {orderId});
    if (!q)
        return Error {q.error()};
    QList<orderrules::LineProgress> lines;
    while (q.value()->next())
        lines.append({q.value()->value(0).toLongLong(), q.value()->value(1).toLongLong(),
            q.value()->value(2).toLongLong(), q.value()->value(3).toLongLong()});
    q.value()->finish();
    return lines;
}

Expected<QString> EventApplier::applyAction(
    protocol::Action action, const protocol::ScanEvent &event, const QString &deviceId, const QString &now)
{
    using protocol::Action;
    const QJsonObject &f = event.fields;
    const QString source = eventKey(event.id);
    const QString number = fieldText(f, protocol::Field::Order);
    if (number.isEmpty())
        return QStringLiteral("the event names no order");

    OrderRef order;
    {
        // Locks the order row on PostgreSQL, so concurrent events of one order (on other server
        // processes) apply one after the other and each sees the other's line counts when it
        // decides the status. SQLite's single writer gives the same for free.
        auto q = m_db.run(m_db.isPostgres()
                ? QStringLiteral("SELECT id, status FROM orders WHERE number = ? FOR UPDATE")
                : QStringLiteral("SELECT id, status FROM orders WHERE number = ?"),
            {number});
        if (!q)
            return Error {q.error()};
        if (q.value()->next())
            order = {q.value()->value(0).toLongLong(), q.value()->value(1).toString()};
        q.value()->finish();
    }
    if (order.id == 0)
        return QStringLiteral("order %1 does not exist").arg(number.left(64));
    if (const QString refusal = orderrules::statusRefusal(action, number, order.status); !refusal.isEmpty())
        return refusal;

    if (action == Action::Damage) {
        const QString reason = fieldText(f, protocol::Field::Reason);
        if (auto e = addException(QStringLiteral("damage"), event, deviceId,
                orderrules::exceptionReason(reason, QStringLiteral("damaged")), now);
            !e)
            return Error {e.error()};
        return QString();
    }

    if (action == Action::BindTote) {
        const QString tote = fieldText(f, protocol::Field::Tote);
        if (tote.isEmpty() || tote.size() > 64)
            return QStringLiteral("the bind-tote event for order %1 names no tote").arg(number);
        auto q = m_db.run(
            QStringLiteral("UPDATE orders SET tote = ?, updated_at = ? WHERE id = ?"), {tote, now, order.id});
        if (!q)
            return Error {q.error()};
        q.value()->finish();
        if (auto s
            = setStatus(order.id, QStringLiteral("received"), QStringLiteral("processing"), source, now);
            !s)
            return Error {s.error()};
        if (auto c = m_changes.appendOrderChange(order.id, now); !c)
            return Error {c.error()};
        return QString();
    }

    if (action == Action::CloseCarton) {
        const QString carton = fieldText(f, protocol::Field::Carton);
        const QString cartonType = fieldText(f, protocol::Field::CartonType);
        if (carton.isEmpty() || carton.size() > 64)
            return QStringLiteral("the close-carton event for order %1 names no carton").arg(number);
        auto typeKnown
            = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM carton_types WHERE code = ?"), {cartonType});
        if (!typeKnown)
            return Error {typeKnown.error()};
        if (typeKnown.value() == 0)
            return QStringLiteral("unknown carton type '%1'").arg(cartonType.left(64));
        auto exists = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM cartons WHERE code = ?"), {carton});
        if (!exists)
            return Error {exists.error()};
        if (exists.value() > 0)
            return QStringLiteral("carton %1 is already closed").arg(carton);
        const QJsonArray items = f.value(protocol::wireName(protocol::Field::Items)).toArray();
        if (items.isEmpty())
            return QStringLiteral("carton %1 holds no items").arg(carton);
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const int line = fieldText(item, protocol::Field::Line).toInt();
            const QString gtin = fieldText(item, protocol::Field::Gtin);
            const qint64 quantity = fieldCount(item, protocol::Field::Quantity);
            if (line <= 0 || quantity <= 0)
                return QStringLiteral("carton %1 has an item without a valid line and quantity").arg(carton);
            auto q = m_db.run(
                QStringLiteral("SELECT p.gtin, l.picked, l.packed FROM order_lines l JOIN products p "
                               "ON p.id = l.product_id WHERE l.order_id = ? AND l.line = ?"),
                {order.id, line});
            if (!q)
                return Error {q.error()};
            if (!q.value()->next()) {
                q.value()->finish();
                return QStringLiteral("order %1 has no line %2").arg(number).arg(line);
            }
            const QString lineGtin = q.value()->value(0).toString();
            const qint64 picked = q.value()->value(1).toLongLong();
            const qint64 packed = q.value()->value(2).toLongLong();
            q.value()->finish();
            if (!gtin.isEmpty() && gtin != lineGtin)
                return QStringLiteral("wrong item: line %1 of order %2 is %3, the carton lists %4")
                    .arg(line)
                    .arg(number, lineGtin, gtin.left(64));
            auto u = m_db.run(
                QStringLiteral("UPDATE order_lines SET packed = packed + ? WHERE order_id = ? AND line = ? "
                               "AND packed + ? <= picked"),
                {quantity, order.id, line, quantity});
            if (!u)
                return Error {u.error()};
            const bool ok = u.value()->numRowsAffected() == 1;
            u.value()->finish();
            if (!ok)
                return QStringLiteral(
                    "line %1 of order %2: packing %3 more would pass the %4 picked (%5 packed)")
                    .arg(line)
                    .arg(number)
                    .arg(quantity)
                    .arg(picked)
                    .arg(packed);
        }
        auto c = m_db.run(
            QStringLiteral("INSERT INTO cartons (code, order_id, carton_type, weight_kg, items, event_id, "
                           "closed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            {carton, order.id, cartonType,
                qMax(0.0, f.value(protocol::wireName(protocol::Field::WeightKg)).toDouble()),
                QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)), source, now});
        if (!c)
            return Error {c.error()};
        const bool inserted = c.value()->numRowsAffected() == 1;
        c.value()->finish();
        if (!inserted)
            return QStringLiteral("carton %1 is already closed").arg(carton);
        auto lines = lineProgress(order.id);
        if (!lines)
            return Error {lines.error()};
        if (orderrules::packingDone(lines.value()))
            if (auto s = setStatus(order.id, QStringLiteral("picked"), QStringLiteral("packed"), source, now);
                !s)
                return Error {s.error()};
        if (auto ch = m_changes.appendOrderChange(order.id, now); !ch)
            return Error {ch.error()};
        return QString();
    }

    // pick and short name a line, its product and a location.
    const int line = fieldText(f, protocol::Field::Line).toInt();
    const QString gtin = fieldText(f, protocol::Field::Gtin);
    const QString location = fieldText(f, protocol::Field::Location);
    const qint64 quantity = fieldCount(f, protocol::Field::Quantity);
    if (line <= 0)
        return QStringLiteral("the %1 event for order %2 names no line")
            .arg(protocol::wireName(action), number);
    qint64 ordered = 0, picked = 0, productId = 0;
    QString lineGtin;
    {
        auto q = m_db.run(
            QStringLiteral("SELECT p.gtin, l.ordered, l.picked, p.id FROM order_lines l JOIN products p "
                           "ON p.id = l.product_id WHERE l.order_id = ? AND l.line = ?"),
            {order.id, line});
        if (!q)
            return Error {q.error()};
        const bool found = q.value()->next();
        if (found) {
            lineGtin = q.value()->value(0).toString();
            ordered = q.value()->value(1).toLongLong();
            picked = q.value()->value(2).toLongLong();
            productId = q.value()->value(3).toLongLong();
        }
        q.value()->finish();
        if (!found)
            return QStringLiteral("order %1 has no line %2").arg(number).arg(line);
    }
    if (gtin.isEmpty())
        return QStringLiteral("the %1 event names no GTIN").arg(protocol::wireName(action));
    if (gtin != lineGtin)
        return QStringLiteral("wrong item: scanned %1, line %2 of order %3 wants %4")
            .arg(gtin.left(64))
            .arg(line)
            .arg(number, lineGtin);

    if (action == Action::Short) {
        auto q = m_db.run(
            QStringLiteral("UPDATE order_lines SET shorted = shorted + ? WHERE order_id = ? AND line = ?"),
            {orderrules::shortedUnits(quantity), order.id, line});
        if (!q)
            return Error {q.error()};
        q.value()->finish();
        // The units not found are no longer promised to the order.
        if (auto r = Reservations(m_db).release(order.id, line, orderrules::shortedUnits(quantity)); !r)
            return Error {r.error()};
        const QString reason = fieldText(f, protocol::Field::Reason);
        if (auto e = addException(QStringLiteral("short"), event, deviceId,
                orderrules::exceptionReason(reason, QStringLiteral("short")), now);
            !e)
            return Error {e.error()};
        if (auto st = updatePickedStatus(order.id, source, now); !st)
            return Error {st.error()};
        if (auto c = m_changes.appendOrderChange(order.id, now); !c)
            return Error {c.error()};
        return QString();
    }

    // pick
    if (quantity <= 0)
        return QStringLiteral("the pick for line %1 of order %2 has no valid quantity").arg(line).arg(number);
    qint64 locationId = 0;
    {
        auto q = m_db.run(QStringLiteral("SELECT id FROM locations WHERE code = ?"), {location});
        if (!q)
            return Error {q.error()};
        if (q.value()->next())
            locationId = q.value()->value(0).toLongLong();
        q.value()->finish();
    }
    if (locationId == 0)
        return QStringLiteral("location '%1' does not exist").arg(location.left(64));
    // Both guards are conditional updates: the database decides, so two servers racing for the
    // last units cannot both win.
    auto line_ = m_db.run(
        QStringLiteral("UPDATE order_lines SET picked = picked + ? WHERE order_id = ? AND line = ? "
                       "AND picked + ? <= ordered"),
        {quantity, order.id, line, quantity});
    if (!line_)
        return Error {line_.error()};
    const bool lineOk = line_.value()->numRowsAffected() == 1;
    line_.value()->finish();
    if (!lineOk)
        return QStringLiteral("over-pick: line %1 of order %2 wants %3, %4 already picked, this pick adds %5")
            .arg(line)
            .arg(number)
            .arg(ordered)
            .arg(picked)
            .arg(quantity);
    auto stock = m_db.run(QStringLiteral("UPDATE stock SET quantity = quantity - ? WHERE location_id = ? AND "
                                         "product_id = ? AND quantity >= ?"),
        {quantity, locationId, productId, quantity});
    if (!stock)
        return Error {stock.error()};
    const bool stockOk = stock.value()->numRowsAffected() == 1;
    stock.value()->finish();
    if (!stockOk) {
        auto have = m_db.scalar(
            QStringLiteral("SELECT COALESCE(SUM(quantity), 0) FROM stock WHERE location_id = ? AND "
                           "product_id = ?"),
            {locationId, productId});
        if (!have)
            return Error {have.error()};
        return QStringLiteral("no stock: location %1 holds %2 of %3, the pick takes %4")
            .arg(location)
            .arg(have.value())
            .arg(gtin)
            .arg(quantity);
    }
    // The units left the shelf: as many of the line's reservation is released with them, so
    // available to promise (on hand - reserved) is unchanged by the pick.
    if (auto r = Reservations(m_db).release(order.id, line, quantity); !r)
        return Error {r.error()};
    const QString tote = fieldText(f, protocol::Field::Tote);
    if (!tote.isEmpty() && tote.size() <= 64) {
        auto q = m_db.run(
            QStringLiteral("UPDATE orders SET tote = ? WHERE id = ? AND tote = ''"), {tote, order.id});
        if (!q)
            return Error {q.error()};
        q.value()->finish();
    }
    if (auto st = updatePickedStatus(order.id, source, now); !st)
        return Error {st.error()};
    if (auto c = m_changes.appendOrderChange(order.id, now); !c)
        return Error {c.error()};
    return QString();
}

} // namespace dockhand::server
