#include "http/api.h"

#include "orderstatus.h"

#include "http/parameters.h"

#include "orders/importparsers.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

namespace dockhand::server {

namespace {

QJsonObject orderSummaryJson(const ServerStore::OrderSummary &o)
{
    return {{QLatin1String("number"), o.number}, {QLatin1String("customer"), o.customer},
        {QLatin1String("status"), o.status}, {QLatin1String("lines"), o.lines},
        {QLatin1String("units"), o.units}, {QLatin1String("createdAt"), isoTime(o.createdAt)},
        {QLatin1String("updatedAt"), isoTime(o.updatedAt)}, {QLatin1String("backordered"), o.backordered}};
}

} // namespace

ApiResponse Api::listOrders(Call &call)
{
    if (auto bad = checkQuery(call.request, {QLatin1String("status")}))
        return *bad;
    const QString status = call.request.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    if (call.request.query.hasQueryItem(QStringLiteral("status"))
        && !protocol::orderStatuses().contains(status))
        return ApiResponse::error(400,
            QStringLiteral("unknown order status '%1' (known: %2)")
                .arg(status.left(40), protocol::orderStatuses().join(QLatin1String(", "))));
    auto orders = call.store.orderStore().orders(status);
    if (!orders)
        return storageError(QStringLiteral("cannot read the orders"), orders.error());
    QJsonArray list;
    for (const auto &o : std::as_const(orders.value()))
        list.append(orderSummaryJson(o));
    return {200, QJsonObject {{QLatin1String("orders"), list}, {QLatin1String("total"), list.size()}}, {}};
}

ApiResponse Api::getOrder(Call &call)
{
    const QString number = call.args.value(0);
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    auto order = call.store.orderStore().order(number);
    if (!order)
        return storageError(QStringLiteral("cannot read the order"), order.error());
    if (!order->has_value())
        return ApiResponse::error(404, QStringLiteral("order '%1' not found").arg(number.left(64)));
    const ServerStore::OrderDetail &detail = *order.value();
    QJsonObject body = orderSummaryJson(detail.summary);
    QJsonArray lines;
    for (const auto &l : detail.lines)
        lines.append(QJsonObject {{QLatin1String("line"), l.line}, {QLatin1String("gtin"), l.gtin},
            {QLatin1String("sku"), l.sku}, {QLatin1String("name"), l.name},
            {QLatin1String("ordered"), l.ordered}, {QLatin1String("picked"), l.picked},
            {QLatin1String("packed"), l.packed}, {QLatin1String("shorted"), l.shorted},
            {QLatin1String("reserved"), l.reserved}});
    QJsonArray history;
    for (const auto &h : detail.history)
        history.append(QJsonObject {{QLatin1String("status"), h.status}, {QLatin1String("at"), isoTime(h.at)},
            {QLatin1String("source"), h.source}});
    body.insert(QLatin1String("lines"), lines);
    body.insert(QLatin1String("history"), history);
    return {200, body, {}};
}

ApiResponse Api::orderHistory(Call &call)
{
    const QString number = call.args.value(0);
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    auto order = call.store.orderStore().order(number);
    if (!order)
        return storageError(QStringLiteral("cannot read the order"), order.error());
    if (!order->has_value())
        return ApiResponse::error(404, QStringLiteral("order '%1' not found").arg(number.left(64)));
    QJsonArray history;
    for (const auto &h : order.value()->history)
        history.append(QJsonObject {{QLatin1String("status"), h.status}, {QLatin1String("at"), isoTime(h.at)},
            {QLatin1String("source"), h.source}});
    return {200,
        QJsonObject {{QLatin1String("number"), number},
            {QLatin1String("status"), order.value()->summary.status}, {QLatin1String("history"), history}},
        {}, {}};
}

namespace {

ApiResponse rowErrors(const QList<RowError> &errors)
{
    QJsonArray list;
    for (const auto &e : errors)
        list.append(QJsonObject {{QLatin1String("row"), e.row}, {QLatin1String("error"), e.message}});
    ApiResponse r = ApiResponse::error(400,
        QStringLiteral("%1 row(s) are wrong; nothing was imported (first: row %2: %3)")
            .arg(errors.size())
            .arg(errors.first().row)
            .arg(errors.first().message));
    r.body.insert(QLatin1String("errors"), list);
    return r;
}

// The Idempotency-Key as sent (a quoted string, as the IETF draft writes it, or bare), or why it
// cannot be one.
QString idempotencyKey(const QByteArray &header, QString *why)
{
    QByteArray key = header.trimmed();
    if (key.size() >= 2 && key.startsWith('"') && key.endsWith('"'))
        key = key.mid(1, key.size() - 2);
    const bool printable
        = std::all_of(key.cbegin(), key.cend(), [](char c) { return c >= 0x20 && c <= 0x7e; });
    if (key.isEmpty() || key.size() > 255 || !printable)
        *why = QStringLiteral("the Idempotency-Key must be 1 to 255 printable ASCII characters (a UUID is "
                              "a good choice)");
    return QString::fromLatin1(key);
}

} // namespace

ApiResponse Api::importOrders(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    ImportParse parsed = call.request.contentType.startsWith("text/csv") ? parseOrdersCsv(call.request.body)
                                                                         : parseOrdersJson(call.request.body);
    if (!parsed.error.isEmpty())
        return ApiResponse::error(400, parsed.error);
    if (!parsed.errors.isEmpty())
        return rowErrors(parsed.errors);
    auto stored = call.store.orderStore().intakeOrders(parsed.orders, std::nullopt);
    if (!stored)
        return storageError(QStringLiteral("cannot import the orders"), stored.error());
    if (!stored->errors.isEmpty())
        return rowErrors(stored->errors);
    QJsonArray numbers, backordered;
    for (const auto &o : std::as_const(stored->orders)) {
        numbers.append(o.number);
        if (o.backordered)
            backordered.append(o.number);
    }
    qCInfo(lcServerApi).noquote() << call.caller.id << "imported" << numbers.size() << "orders,"
                                  << backordered.size() << "backordered";
    return {200,
        QJsonObject {{QLatin1String("imported"), numbers.size()}, {QLatin1String("orders"), numbers},
            {QLatin1String("backordered"), backordered}},
        {}, {}};
}

ApiResponse Api::postOrders(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    const QByteArray type = call.request.contentType.trimmed().toLower();
    if (!type.isEmpty() && !type.startsWith("application/json"))
        return ApiResponse::error(415,
            QStringLiteral("POST /v1/orders takes JSON (Content-Type: application/json); send CSV to POST "
                           "/v1/orders/import"));
    std::optional<OrderStore::IdempotencyKey> key;
    if (!call.request.idempotencyKey.isNull()) {
        QString why;
        const QString value = idempotencyKey(call.request.idempotencyKey, &why);
        if (!why.isEmpty())
            return ApiResponse::error(400, why);
        key = OrderStore::IdempotencyKey {
            call.caller.id, value, QCryptographicHash::hash(call.request.body, QCryptographicHash::Sha256)};
    }
    ImportParse parsed = parseOrdersJson(call.request.body);
    if (!parsed.error.isEmpty())
        return ApiResponse::error(400, parsed.error);
    if (!parsed.errors.isEmpty())
        return rowErrors(parsed.errors);
    auto intake = call.store.orderStore().intakeOrders(parsed.orders, key);
    if (!intake)
        return storageError(QStringLiteral("cannot take the orders"), intake.error());
    if (intake->keyReused)
        return ApiResponse::error(422,
            QStringLiteral("the Idempotency-Key '%1' was used at %2 with another body; send a new key "
                           "for a new request")
                .arg(key->key.left(64), isoTime(intake->keyFirstUsed)));
    if (intake->repeated)
        return {
            201, intake->answer, {{QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")}}, {}};
    if (!intake->errors.isEmpty())
        return rowErrors(intake->errors);
    qCInfo(lcServerApi).noquote() << call.caller.id << "sent" << intake->orders.size() << "orders,"
                                  << intake->answer.value(QLatin1String("backordered")).toInt()
                                  << "backordered";
    return {201, intake->answer, {}, {}};
}

} // namespace dockhand::server
