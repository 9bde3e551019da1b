#include "http/api.h"

#include "orderstatus.h"

#include "http/parameters.h"

#include "orders/importparsers.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace dockhand::server {

namespace {

QJsonObject orderSummaryJson(const ServerStore::OrderSummary &o)
{
    return {{QLatin1String("number"), o.number}, {QLatin1String("customer"), o.customer},
        {QLatin1String("status"), o.status}, {QLatin1String("lines"), o.lines},
        {QLatin1String("units"), o.units}, {QLatin1String("createdAt"), isoTime(o.createdAt)},
        {QLatin1String("updatedAt"), isoTime(o.updatedAt)}};
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
            {QLatin1String("packed"), l.packed}});
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

ApiResponse Api::importOrders(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    ImportParse parsed = call.request.contentType.startsWith("text/csv") ? parseOrdersCsv(call.request.body)
                                                                         : parseOrdersJson(call.request.body);
    if (!parsed.error.isEmpty())
        return ApiResponse::error(400, parsed.error);
    const QList<ImportOrder> &orders = parsed.orders;
    QList<RowError> &errors = parsed.errors;
    if (errors.isEmpty()) {
        auto stored = call.store.orderStore().importOrders(orders);
        if (!stored)
            return storageError(QStringLiteral("cannot import the orders"), stored.error());
        errors = stored.value();
    }
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const auto &e : std::as_const(errors))
            list.append(QJsonObject {{QLatin1String("row"), e.row}, {QLatin1String("error"), e.message}});
        ApiResponse r = ApiResponse::error(400,
            QStringLiteral("%1 row(s) are wrong; nothing was imported (first: row %2: %3)")
                .arg(errors.size())
                .arg(errors.first().row)
                .arg(errors.first().message));
        r.body.insert(QLatin1String("errors"), list);
        return r;
    }
    QJsonArray numbers;
    for (const auto &o : std::as_const(orders))
        numbers.append(o.order.number);
    qCInfo(lcServerApi).noquote() << call.caller.id << "imported" << orders.size() << "orders";
    return {200, QJsonObject {{QLatin1String("imported"), orders.size()}, {QLatin1String("orders"), numbers}},
        {}, {}};
}

} // namespace dockhand::server
