#include "api.h"

#include "protocol.h"
#include "serverstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcServerApi, "dockhand.server.api")

#ifndef DOCKHAND_VERSION
#define DOCKHAND_VERSION "unknown"
#endif

namespace dockhand::server {

namespace {

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// A database failure is the server's problem and usually passes (busy, disk full being fixed):
// 503 with Retry-After tells the devices to come back rather than to give up.
ApiResponse storageError(const QString &what, const QString &why)
{
    ApiResponse r = ApiResponse::error(503, QStringLiteral("%1: %2").arg(what, why));
    r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")});
    return r;
}

// Query parameters not in `allowed` are refused: a misspelled filter must not silently return
// everything.
std::optional<ApiResponse> checkQuery(
    const ApiRequest &request, std::initializer_list<QLatin1StringView> allowed)
{
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    QSet<QString> seen;
    for (const auto &item : items) {
        bool known = false;
        for (const auto &name : allowed)
            known = known || item.first == name;
        if (!known) {
            QStringList names;
            for (const auto &name : allowed)
                names.append(name);
            return ApiResponse::error(400,
                names.isEmpty() ? QStringLiteral("unknown query parameter '%1' (this endpoint takes none)")
                                      .arg(item.first.left(64))
                                : QStringLiteral("unknown query parameter '%1' (allowed: %2)")
                                      .arg(item.first.left(64), names.join(QLatin1String(", "))));
        }
        if (seen.contains(item.first))
            return ApiResponse::error(
                400, QStringLiteral("query parameter '%1' given twice").arg(item.first));
        seen.insert(item.first);
    }
    return std::nullopt;
}

std::optional<qint64> integerParameter(const ApiRequest &request, QLatin1StringView name, qint64 fallback,
    qint64 minimum, qint64 maximum, ApiResponse *error)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const QString text = request.query.queryItemValue(name, QUrl::FullyDecoded);
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        *error = ApiResponse::error(400,
            QStringLiteral("query parameter '%1' must be an integer from %2 to %3, got '%4'")
                .arg(name)
                .arg(minimum)
                .arg(maximum)
                .arg(text.left(32)));
        return std::nullopt;
    }
    return value;
}

QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

} // namespace

ApiResponse ApiResponse::error(int status, const QString &message)
{
    return ApiResponse {status, QJsonObject {{QLatin1String("error"), message}}, {}};
}

Api::Api(ServerStore *store) : m_store(store)
{
    auto plain = [this](ApiResponse (Api::*method)(const ApiRequest &)) -> Handler {
        return [this, method](const ApiRequest &r, const QStringList &) { return (this->*method)(r); };
    };
    const QByteArray get = QByteArrayLiteral("GET");
    const QByteArray post = QByteArrayLiteral("POST");
    m_routes = {
        {splitPath(QStringLiteral("/v1/health")), get, plain(&Api::health)},
        {splitPath(QStringLiteral("/v1/events")), post, plain(&Api::postEvents)},
        {splitPath(QStringLiteral("/v1/events")), get, plain(&Api::getEvents)},
        {splitPath(QStringLiteral("/v1/orders")), get, plain(&Api::listOrders)},
        {splitPath(QStringLiteral("/v1/orders/*")), get,
            [this](const ApiRequest &r, const QStringList &args) { return getOrder(r, args.value(0)); }},
        {splitPath(QStringLiteral("/v1/products")), get, plain(&Api::listProducts)},
        {splitPath(QStringLiteral("/v1/locations")), get, plain(&Api::listLocations)},
    };
}

ApiResponse Api::handle(const ApiRequest &request)
{
    const QStringList segments = splitPath(request.path);
    QList<QByteArray> allowed;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.pattern.size() != segments.size())
            continue;
        QStringList args;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            if (route.pattern.at(i) == QLatin1String("*"))
                args.append(segments.at(i));
            else
                matches = route.pattern.at(i) == segments.at(i);
        }
        if (!matches)
            continue;
        if (route.method != request.method) {
            allowed.append(route.method);
            continue;
        }
        if (request.body.size() > kMaxBodyBytes)
            return ApiResponse::error(413,
                QStringLiteral("request body is %1 bytes; the limit is %2 bytes (4 MiB)")
                    .arg(request.body.size())
                    .arg(kMaxBodyBytes));
        return route.handler(request, args);
    }
    if (!allowed.isEmpty()) {
        const QByteArray allow = allowed.join(", ");
        ApiResponse r = ApiResponse::error(405,
            QStringLiteral("method %1 is not allowed on %2 (allowed: %3)")
                .arg(QString::fromLatin1(request.method.left(16)), request.path.left(200),
                    QString::fromLatin1(allow)));
        r.headers.append({QByteArrayLiteral("Allow"), allow});
        return r;
    }
    return ApiResponse::error(404,
        QStringLiteral("no such endpoint: %1 %2")
            .arg(QString::fromLatin1(request.method.left(16)), request.path.left(200)));
}

ApiResponse Api::health(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    auto count = m_store->eventCount();
    if (!count) {
        ApiResponse r = storageError(QStringLiteral("the database does not answer"), count.error());
        r.body.insert(QLatin1String("status"), QStringLiteral("error"));
        r.body.insert(QLatin1String("database"), m_store->dialectName());
        return r;
    }
    return {200,
        QJsonObject {{QLatin1String("status"), QStringLiteral("ok")},
            {QLatin1String("database"), m_store->dialectName()}, {QLatin1String("events"), count.value()},
            {QLatin1String("schema"), ServerStore::kSchemaVersion},
            {QLatin1String("version"), QLatin1String(DOCKHAND_VERSION)}},
        {}};
}

ApiResponse Api::postEvents(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    if (request.body.trimmed().isEmpty())
        return ApiResponse::error(400,
            QStringLiteral("request body is empty; expected a JSON object "
                           "{\"device\": ..., \"events\": [...]}"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiResponse::error(400,
            QStringLiteral("malformed JSON at byte %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
    if (!doc.isObject())
        return ApiResponse::error(400,
            QStringLiteral("request body must be a JSON object "
                           "{\"device\": ..., \"events\": [...]}"));
    const QJsonObject json = doc.object();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (it.key() != QLatin1String("device") && it.key() != QLatin1String("events"))
            return ApiResponse::error(
                400, QStringLiteral("unknown field '%1' (allowed: device, events)").arg(it.key().left(64)));
    }
    const QJsonValue events = json.value(QLatin1String("events"));
    if (events.isArray() && events.toArray().size() > protocol::kMaxEventsPerBatch)
        return ApiResponse::error(413,
            QStringLiteral("a batch holds at most %1 events, got %2")
                .arg(protocol::kMaxEventsPerBatch)
                .arg(events.toArray().size()));
    QString why;
    const auto upload = protocol::UploadRequest::fromJson(json, &why);
    if (!upload)
        return ApiResponse::error(400, why);
    if (upload->deviceId.trimmed().isEmpty())
        return ApiResponse::error(400, QStringLiteral("field 'device' must not be empty"));
    if (upload->deviceId.size() > 128)
        return ApiResponse::error(400, QStringLiteral("field 'device' is longer than 128 characters"));

    auto stored = m_store->ingest(upload->deviceId, upload->events);
    if (!stored)
        return storageError(QStringLiteral("cannot store the events"), stored.error());

    protocol::UploadResponse response;
    response.results = stored->acks;
    QJsonObject body = response.toJson();
    QJsonArray gaps;
    for (const auto &gap : std::as_const(stored->gaps))
        gaps.append(QJsonObject {{QLatin1String("from"), gap.from}, {QLatin1String("to"), gap.to}});
    body.insert(QLatin1String("gaps"), gaps);
    qCInfo(lcServerApi).noquote() << "device" << upload->deviceId << "uploaded" << upload->events.size()
                                  << "events: accepted" << stored->accepted << "duplicate"
                                  << stored->duplicates << "rejected" << stored->rejected;
    return {200, body, {}};
}

ApiResponse Api::getEvents(const ApiRequest &request)
{
    if (auto bad
        = checkQuery(request, {QLatin1String("device"), QLatin1String("after"), QLatin1String("limit")}))
        return *bad;
    ApiResponse error;
    const auto after
        = integerParameter(request, QLatin1String("after"), 0, 0, std::numeric_limits<qint64>::max(), &error);
    if (!after)
        return error;
    const auto limit
        = integerParameter(request, QLatin1String("limit"), kDefaultEventLimit, 1, kMaxEventLimit, &error);
    if (!limit)
        return error;
    const QString device = request.query.queryItemValue(QStringLiteral("device"), QUrl::FullyDecoded);
    auto page = m_store->events(device, *after, int(*limit));
    if (!page)
        return storageError(QStringLiteral("cannot read the events"), page.error());
    QJsonArray events;
    for (const auto &stored : std::as_const(page->events)) {
        QJsonObject e = stored.event.toJson();
        e.insert(QLatin1String("receivedAt"), isoTime(stored.receivedAt));
        events.append(e);
    }
    return {200, QJsonObject {{QLatin1String("events"), events}, {QLatin1String("total"), page->total}}, {}};
}

namespace {

QJsonObject orderSummaryJson(const ServerStore::OrderSummary &o)
{
    return {{QLatin1String("number"), o.number}, {QLatin1String("customer"), o.customer},
        {QLatin1String("status"), o.status}, {QLatin1String("lines"), o.lines},
        {QLatin1String("units"), o.units}, {QLatin1String("createdAt"), isoTime(o.createdAt)},
        {QLatin1String("updatedAt"), isoTime(o.updatedAt)}};
}

} // namespace

ApiResponse Api::listOrders(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {QLatin1String("status")}))
        return *bad;
    const QString status = request.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    if (request.query.hasQueryItem(QStringLiteral("status")) && !orderStatuses().contains(status))
        return ApiResponse::error(400,
            QStringLiteral("unknown order status '%1' (known: %2)")
                .arg(status.left(40), orderStatuses().join(QLatin1String(", "))));
    auto orders = m_store->orders(status);
    if (!orders)
        return storageError(QStringLiteral("cannot read the orders"), orders.error());
    QJsonArray list;
    for (const auto &o : std::as_const(orders.value()))
        list.append(orderSummaryJson(o));
    return {200, QJsonObject {{QLatin1String("orders"), list}, {QLatin1String("total"), list.size()}}, {}};
}

ApiResponse Api::getOrder(const ApiRequest &request, const QString &number)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    auto order = m_store->order(number);
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

ApiResponse Api::listProducts(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    auto products = m_store->products();
    if (!products)
        return storageError(QStringLiteral("cannot read the products"), products.error());
    QJsonArray list;
    for (const auto &p : std::as_const(products.value()))
        list.append(QJsonObject {{QLatin1String("gtin"), p.gtin}, {QLatin1String("sku"), p.sku},
            {QLatin1String("name"), p.name}, {QLatin1String("lotTracked"), p.lotTracked},
            {QLatin1String("expiryTracked"), p.expiryTracked},
            {QLatin1String("serialTracked"), p.serialTracked}});
    return {200, QJsonObject {{QLatin1String("products"), list}, {QLatin1String("total"), list.size()}}, {}};
}

ApiResponse Api::listLocations(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    auto locations = m_store->locations();
    if (!locations)
        return storageError(QStringLiteral("cannot read the locations"), locations.error());
    QJsonArray list;
    for (const auto &l : std::as_const(locations.value())) {
        QJsonArray stock;
        for (const auto &s : l.stock)
            stock.append(
                QJsonObject {{QLatin1String("gtin"), s.first}, {QLatin1String("quantity"), s.second}});
        list.append(QJsonObject {{QLatin1String("code"), l.code}, {QLatin1String("zone"), l.zone},
            {QLatin1String("walkSequence"), l.walkSequence}, {QLatin1String("stock"), stock}});
    }
    return {200, QJsonObject {{QLatin1String("locations"), list}, {QLatin1String("total"), list.size()}}, {}};
}

} // namespace dockhand::server
