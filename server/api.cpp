#include "api.h"

#include "protocol.h"
#include "serverstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

#include <cmath>

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

// ?after=N&limit=M of a list read page by page: rows after the cursor N (0: from the start), at
// most M of them.
struct Page
{
    qint64 after = 0;
    int limit = 0;
};

std::optional<Page> pageParameters(const ApiRequest &request, ApiResponse *error)
{
    const auto after
        = integerParameter(request, QLatin1String("after"), 0, 0, std::numeric_limits<qint64>::max(), error);
    if (!after)
        return std::nullopt;
    const auto limit = integerParameter(
        request, QLatin1String("limit"), Api::kDefaultEventLimit, 1, Api::kMaxEventLimit, error);
    if (!limit)
        return std::nullopt;
    return Page {*after, int(*limit)};
}

// 429 with Retry-After: the caller may try again in `waitSeconds`.
ApiResponse tooManyRequests(const QString &message, int waitSeconds)
{
    ApiResponse r = ApiResponse::error(429, message);
    r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(waitSeconds)});
    return r;
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

namespace {

// Upper bounds of the request latency histogram, in milliseconds.
constexpr double kLatencyBoundsMs[] = {1, 5, 10, 25, 50, 100, 250, 500, 1000, 5000};

QString bearerToken(const QByteArray &authorization)
{
    // The scheme name is case-insensitive (RFC 9110): "bearer" and "BEARER" are fine too.
    const QByteArray trimmed = authorization.trimmed();
    if (trimmed.size() < 7 || trimmed.left(7).toLower() != "bearer ")
        return {};
    return QString::fromLatin1(trimmed.mid(7).trimmed());
}

std::optional<QJsonObject> jsonObjectBody(const ApiRequest &request, const QString &shape, ApiResponse *error)
{
    if (request.body.trimmed().isEmpty()) {
        *error = ApiResponse::error(400, QStringLiteral("request body is empty; expected %1").arg(shape));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ApiResponse::error(400,
            QStringLiteral("malformed JSON at byte %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = ApiResponse::error(400, QStringLiteral("request body must be a JSON object %1").arg(shape));
        return std::nullopt;
    }
    return doc.object();
}

// Every field must be a known, non-empty string (enrol and login take only strings).
std::optional<QHash<QString, QString>> stringFields(
    const QJsonObject &json, const QStringList &required, const QStringList &optional, ApiResponse *error)
{
    QHash<QString, QString> values;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!required.contains(it.key()) && !optional.contains(it.key())) {
            *error = ApiResponse::error(400,
                QStringLiteral("unknown field '%1' (allowed: %2)")
                    .arg(it.key().left(64), (required + optional).join(QLatin1String(", "))));
            return std::nullopt;
        }
        if (!it.value().isString()) {
            *error = ApiResponse::error(400, QStringLiteral("field '%1' must be a string").arg(it.key()));
            return std::nullopt;
        }
        if (it.value().toString().size() > 128) {
            *error = ApiResponse::error(
                400, QStringLiteral("field '%1' is longer than 128 characters").arg(it.key()));
            return std::nullopt;
        }
        values.insert(it.key(), it.value().toString());
    }
    for (const QString &name : required) {
        if (values.value(name).trimmed().isEmpty()) {
            *error = ApiResponse::error(
                400, QStringLiteral("field '%1' is required and must not be empty").arg(name));
            return std::nullopt;
        }
    }
    return values;
}

} // namespace

Api::Api(ServerStore *store, ApiLimits limits) : m_store(store), m_limits(limits)
{
    m_clock.start();
    m_metrics.latencyBuckets.fill(0, int(std::size(kLatencyBoundsMs)) + 1);
    auto plain = [this](ApiResponse (Api::*method)(const ApiRequest &)) -> Handler {
        return [this, method](const ApiRequest &r, const QStringList &) { return (this->*method)(r); };
    };
    const QByteArray get = QByteArrayLiteral("GET");
    const QByteArray post = QByteArrayLiteral("POST");
    m_routes = {
        {splitPath(QStringLiteral("/v1/health")), get, Access::Public, plain(&Api::health)},
        {splitPath(QStringLiteral("/v1/enrol")), post, Access::Public, plain(&Api::enrol)},
        {splitPath(QStringLiteral("/v1/login")), post, Access::Public, plain(&Api::login)},
        {splitPath(QStringLiteral("/metrics")), get, Access::Public, plain(&Api::metrics)},
        {splitPath(QStringLiteral("/v1/events")), post, Access::Authenticated, plain(&Api::postEvents)},
        {splitPath(QStringLiteral("/v1/events")), get, Access::Authenticated, plain(&Api::getEvents)},
        {splitPath(QStringLiteral("/v1/sync")), get, Access::Authenticated, plain(&Api::sync)},
        {splitPath(QStringLiteral("/v1/orders")), get, Access::Authenticated, plain(&Api::listOrders)},
        {splitPath(QStringLiteral("/v1/orders/import")), post, Access::Supervisor, plain(&Api::importOrders)},
        {splitPath(QStringLiteral("/v1/orders/*")), get, Access::Authenticated,
            [this](const ApiRequest &r, const QStringList &args) { return getOrder(r, args.value(0)); }},
        {splitPath(QStringLiteral("/v1/orders/*/history")), get, Access::Authenticated,
            [this](const ApiRequest &r, const QStringList &args) { return orderHistory(r, args.value(0)); }},
        {splitPath(QStringLiteral("/v1/products")), get, Access::Authenticated, plain(&Api::listProducts)},
        {splitPath(QStringLiteral("/v1/locations")), get, Access::Authenticated, plain(&Api::listLocations)},
        {splitPath(QStringLiteral("/v1/exceptions")), get, Access::Supervisor, plain(&Api::listExceptions)},
        {splitPath(QStringLiteral("/v1/devices")), get, Access::Supervisor, plain(&Api::listDevices)},
        {splitPath(QStringLiteral("/v1/tasks")), get, Access::Supervisor, plain(&Api::listTasks)},
        {splitPath(QStringLiteral("/v1/tasks/*/assignee")), QByteArrayLiteral("PUT"), Access::Supervisor,
            [this](const ApiRequest &r, const QStringList &args) { return assignTask(r, args.value(0)); }},
    };
}

ApiResponse Api::handle(const ApiRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    m_caller = {};
    ApiResponse response = dispatch(request);
    m_caller = {};
    record(response.status, timer.nsecsElapsed() / 1000);
    return response;
}

void Api::record(int status, qint64 elapsedUs)
{
    ++m_metrics.requestsByStatus[status];
    const double ms = double(elapsedUs) / 1000.0;
    for (qsizetype i = 0; i < m_metrics.latencyBuckets.size(); ++i)
        if (i == qsizetype(std::size(kLatencyBoundsMs)) || ms <= kLatencyBoundsMs[i])
            ++m_metrics.latencyBuckets[i];
    ++m_metrics.latencyCount;
    m_metrics.latencySumSeconds += double(elapsedUs) / 1e6;
    if (status == 503)
        ++m_metrics.dbErrors;
}

bool Api::isSupervisor() const
{
    return m_caller.kind == ServerStore::Principal::Kind::Operator
        && (m_caller.role == QLatin1String("supervisor") || m_caller.role == QLatin1String("admin"));
}

std::optional<ApiResponse> Api::authorize(const ApiRequest &request, Access access)
{
    if (access == Access::Public)
        return std::nullopt;
    if (request.authorization.isEmpty())
        return ApiResponse::error(401,
            QStringLiteral("this endpoint needs 'Authorization: Bearer <token>' (enrol the device with POST "
                           "/v1/enrol, or log in with POST /v1/login)"));
    const QString token = bearerToken(request.authorization);
    if (token.isEmpty())
        return ApiResponse::error(401, QStringLiteral("the Authorization header must be 'Bearer <token>'"));
    auto who = m_store->authenticate(token);
    if (!who)
        return storageError(QStringLiteral("cannot check the token"), who.error());
    if (who->kind == ServerStore::Principal::Kind::None)
        return ApiResponse::error(401,
            QStringLiteral(
                "the token is not valid (revoked or never issued); enrol the device again or log in"));
    m_caller = who.value();
    if (auto limited = throttle())
        return limited;
    if (access == Access::Supervisor && !isSupervisor())
        return ApiResponse::error(403,
            m_caller.kind == ServerStore::Principal::Kind::Device
                ? QStringLiteral("this endpoint is for supervisors and admins; device %1 may not use it")
                      .arg(m_caller.id)
                : QStringLiteral("this endpoint is for supervisors and admins; %1 is a %2")
                      .arg(m_caller.id, m_caller.role));
    return std::nullopt;
}

std::optional<int> Api::takeToken(const QString &key, double rate, int burst)
{
    const qint64 nowMs = m_clock.elapsed();
    if (m_buckets.size() > 10000) {
        // Forget callers whose bucket has refilled: they are back to a fresh start anyway. Keeps
        // the table small when many addresses (or forged ones) come and go.
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            const bool address = it.key().startsWith(QLatin1String("a:"));
            const double elapsedSeconds = double(nowMs - it->lastMs) / 1000.0;
            if (elapsedSeconds * (address ? m_limits.addressRate : m_limits.rate)
                >= (address ? m_limits.addressBurst : m_limits.burst))
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket {double(burst), nowMs});
    Bucket &b = it.value();
    b.tokens = qMin(double(burst), b.tokens + double(nowMs - b.lastMs) * rate / 1000.0);
    b.lastMs = nowMs;
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return std::nullopt;
    }
    return qMax(1, int(std::ceil((1 - b.tokens) / qMax(rate, 0.001))));
}

std::optional<ApiResponse> Api::throttle()
{
    // A token bucket per caller: one busy or broken device cannot starve the others.
    const QString key = (m_caller.kind == ServerStore::Principal::Kind::Device ? QStringLiteral("d:")
                                                                               : QStringLiteral("o:"))
        + m_caller.id;
    const auto wait = takeToken(key, m_limits.rate, m_limits.burst);
    if (!wait)
        return std::nullopt;
    return tooManyRequests(
        QStringLiteral("too many requests from %1 (limit %2 per second, burst %3); retry in %4 s")
            .arg(m_caller.id)
            .arg(m_limits.rate)
            .arg(m_limits.burst)
            .arg(*wait),
        *wait);
}

std::optional<ApiResponse> Api::throttleAddress(const ApiRequest &request)
{
    // IPv4 clients may arrive as IPv4-mapped IPv6 addresses: one bucket either way.
    bool mapped = false;
    const quint32 v4 = request.peer.toIPv4Address(&mapped);
    const QString address = mapped ? QHostAddress(v4).toString() : request.peer.toString();
    const auto wait = takeToken(QStringLiteral("a:") + address, m_limits.addressRate, m_limits.addressBurst);
    if (!wait)
        return std::nullopt;
    return tooManyRequests(
        QStringLiteral("too many enrolment and login requests from %1 (limit %2 per second, burst %3); "
                       "retry in %4 s")
            .arg(address.isEmpty() ? QStringLiteral("this address") : address)
            .arg(m_limits.addressRate)
            .arg(m_limits.addressBurst)
            .arg(*wait),
        *wait);
}

ApiResponse Api::dispatch(const ApiRequest &request)
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
        if (auto refused = authorize(request, route.access))
            return *refused;
        if (const QByteArray encoding = request.contentEncoding.trimmed().toLower();
            !encoding.isEmpty() && encoding != "identity")
            return ApiResponse::error(415,
                QStringLiteral("Content-Encoding %1 is not supported; send the body uncompressed")
                    .arg(QString::fromLatin1(encoding.left(32))));
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

    if (m_caller.kind != ServerStore::Principal::Kind::Device)
        return ApiResponse::error(
            403, QStringLiteral("events are uploaded with a device token, not an operator's"));
    if (upload->deviceId != m_caller.id)
        return ApiResponse::error(403,
            QStringLiteral("this token belongs to device %1; it may not upload events of device %2")
                .arg(m_caller.id, upload->deviceId.left(128)));
    for (qsizetype i = 0; i < upload->events.size(); ++i)
        if (upload->events.at(i).deviceId != m_caller.id)
            return ApiResponse::error(403,
                QStringLiteral(
                    "events[%1] belongs to device %2; this token may upload only device %3's events")
                    .arg(i)
                    .arg(upload->events.at(i).deviceId.left(128), m_caller.id));

    auto stored = m_store->ingest(upload->deviceId, upload->events);
    if (!stored)
        return storageError(QStringLiteral("cannot store the events"), stored.error());
    m_metrics.accepted += stored->accepted;
    m_metrics.duplicates += stored->duplicates;
    m_metrics.rejected += stored->rejected;

    // The answers as protocol::UploadResponse::toJson writes them, built from one object per
    // status whose id is replaced: inserting keys into a new QJsonObject per event costs more
    // than storing the event.
    QJsonArray results;
    static_assert(int(protocol::AckStatus::Rejected) == 2, "one answer object per status");
    QJsonObject answers[3];
    for (const auto status :
        {protocol::AckStatus::Accepted, protocol::AckStatus::Duplicate, protocol::AckStatus::Rejected})
        answers[int(status)] = protocol::EventAck {QUuid(), status, {}}.toJson();
    for (const protocol::EventAck &ack : std::as_const(stored->acks)) {
        if (!ack.reason.isEmpty()) {
            results.append(ack.toJson());
            continue;
        }
        QJsonObject answer = answers[int(ack.status)];
        answer[QLatin1String("id")] = ack.id.toString(QUuid::WithoutBraces);
        results.append(answer);
    }
    QJsonObject body {{QLatin1String("results"), results}};
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
    const auto page = pageParameters(request, &error);
    if (!page)
        return error;
    QString device = request.query.queryItemValue(QStringLiteral("device"), QUrl::FullyDecoded);
    // A device reads only its own events; supervisors and admins read everyone's.
    if (m_caller.kind == ServerStore::Principal::Kind::Device) {
        if (device.isEmpty())
            device = m_caller.id;
        if (device != m_caller.id)
            return ApiResponse::error(403,
                QStringLiteral("device %1 may read only its own events, not device %2's")
                    .arg(m_caller.id, device.left(128)));
    } else if (!isSupervisor()) {
        return ApiResponse::error(403,
            QStringLiteral("reading events is for devices and supervisors; %1 is a %2")
                .arg(m_caller.id, m_caller.role));
    }
    auto read = m_store->events(device, page->after, page->limit);
    if (!read)
        return storageError(QStringLiteral("cannot read the events"), read.error());
    QJsonArray events;
    for (const auto &stored : std::as_const(read->events)) {
        QJsonObject e = stored.event.toJson();
        e.insert(QLatin1String("receivedAt"), isoTime(stored.receivedAt));
        events.append(e);
    }
    return {200, QJsonObject {{QLatin1String("events"), events}, {QLatin1String("total"), read->total}}, {}};
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

ApiResponse Api::enrol(const ApiRequest &request)
{
    if (auto limited = throttleAddress(request))
        return *limited;
    if (auto bad = checkQuery(request, {}))
        return *bad;
    ApiResponse error;
    const QString shape = QStringLiteral("{\"code\": ..., \"device\": ..., \"name\": ...}");
    const auto json = jsonObjectBody(request, shape, &error);
    if (!json)
        return error;
    const auto fields = stringFields(
        *json, {QStringLiteral("code"), QStringLiteral("device")}, {QStringLiteral("name")}, &error);
    if (!fields)
        return error;
    const QString device = fields->value(QStringLiteral("device"));
    if (const QString problem = protocol::deviceIdProblem(device); !problem.isEmpty())
        return ApiResponse::error(400, problem);
    auto token = m_store->enrol(
        fields->value(QStringLiteral("code")), device, fields->value(QStringLiteral("name")));
    if (!token)
        return storageError(QStringLiteral("cannot enrol the device"), token.error());
    if (token->isEmpty())
        return ApiResponse::error(
            403, QStringLiteral("the enrolment code is not valid; ask an admin for a current one"));
    auto lastSeq = m_store->lastSequence(device);
    if (!lastSeq)
        return storageError(QStringLiteral("cannot enrol the device"), lastSeq.error());
    qCInfo(lcServerApi).noquote() << "device" << device << "enrolled; last sequence number held"
                                  << lastSeq.value();
    return {200,
        QJsonObject {{QLatin1String("device"), device}, {QLatin1String("token"), token.value()},
            {QLatin1String("lastSeq"), lastSeq.value()}},
        {}, {}};
}

ApiResponse Api::login(const ApiRequest &request)
{
    if (auto limited = throttleAddress(request))
        return *limited;
    if (auto bad = checkQuery(request, {}))
        return *bad;
    ApiResponse error;
    const auto json = jsonObjectBody(request, QStringLiteral("{\"badge\": ..., \"pin\": ...}"), &error);
    if (!json)
        return error;
    const auto fields = stringFields(*json, {QStringLiteral("badge"), QStringLiteral("pin")}, {}, &error);
    if (!fields)
        return error;
    const QString badge = fields->value(QStringLiteral("badge"));
    auto result = m_store->login(badge, fields->value(QStringLiteral("pin")));
    if (!result)
        return storageError(QStringLiteral("cannot check the PIN"), result.error());
    using Outcome = ServerStore::LoginResult::Outcome;
    switch (result->outcome) {
    case Outcome::Ok:
        return {200,
            QJsonObject {{QLatin1String("badge"), badge}, {QLatin1String("name"), result->name},
                {QLatin1String("role"), result->role}, {QLatin1String("token"), result->token}},
            {}, {}};
    case Outcome::Locked: {
        ApiResponse r = ApiResponse::error(429,
            result->lockedSeconds > 60
                ? QStringLiteral("badge %1 is locked after %2 wrong PINs; try again in %3 minutes")
                      .arg(badge)
                      .arg(ServerStore::kMaxPinFailures)
                      .arg((result->lockedSeconds + 59) / 60)
                : QStringLiteral("too many wrong PINs for badge %1; wait %2 s before the next try")
                      .arg(badge)
                      .arg(result->lockedSeconds));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(result->lockedSeconds)});
        return r;
    }
    case Outcome::WrongPin:
        break;
    }
    ApiResponse r = ApiResponse::error(401,
        QStringLiteral("wrong badge or PIN (%1 tries left before badge %2 is locked for 15 minutes)")
            .arg(ServerStore::kMaxPinFailures - result->failures)
            .arg(badge));
    r.body.insert(QLatin1String("triesLeft"), ServerStore::kMaxPinFailures - result->failures);
    return r;
}

ApiResponse Api::sync(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {QLatin1String("cursor"), QLatin1String("limit")}))
        return *bad;
    ApiResponse error;
    const auto limit = integerParameter(request, QLatin1String("limit"), 500, 1, 1000, &error);
    if (!limit)
        return error;
    // The cursor is opaque to devices; today it is the last change id as text.
    const QString cursorText = request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    qint64 after = 0;
    if (!cursorText.isEmpty()) {
        bool ok = false;
        after = cursorText.toLongLong(&ok);
        if (!ok || after < 0)
            return ApiResponse::error(400,
                QStringLiteral("cursor '%1' is not one this server issued; start again with an empty cursor")
                    .arg(cursorText.left(32)));
    }
    // One more than asked tells whether there is more without a second query.
    auto changes = m_store->changes(after, int(*limit) + 1);
    if (!changes)
        return storageError(QStringLiteral("cannot read the changes"), changes.error());
    const bool more = changes->size() > *limit;
    if (more)
        changes->removeLast();
    QJsonArray list;
    for (const auto &c : std::as_const(changes.value())) {
        list.append(QJsonObject {{QLatin1String("type"), c.type}, {QLatin1String("key"), c.key},
            {QLatin1String("op"), c.op}, {QLatin1String("data"), c.data}});
        after = c.id;
    }
    return {200,
        QJsonObject {{QLatin1String("cursor"), QString::number(after)}, {QLatin1String("more"), more},
            {QLatin1String("changes"), list}},
        {}, {}};
}

ApiResponse Api::listExceptions(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {QLatin1String("after"), QLatin1String("limit")}))
        return *bad;
    ApiResponse error;
    const auto page = pageParameters(request, &error);
    if (!page)
        return error;
    auto rows = m_store->exceptions(page->after, page->limit);
    if (!rows)
        return storageError(QStringLiteral("cannot read the exceptions"), rows.error());
    QJsonArray list;
    for (const auto &e : std::as_const(rows.value()))
        list.append(QJsonObject {{QLatin1String("id"), e.id}, {QLatin1String("kind"), e.kind},
            {QLatin1String("event"), e.eventId}, {QLatin1String("device"), e.device},
            {QLatin1String("operator"), e.operatorId}, {QLatin1String("order"), e.order},
            {QLatin1String("line"), e.line}, {QLatin1String("gtin"), e.gtin},
            {QLatin1String("location"), e.location}, {QLatin1String("quantity"), e.quantity},
            {QLatin1String("reason"), e.reason}, {QLatin1String("at"), isoTime(e.at)}});
    return {200, QJsonObject {{QLatin1String("exceptions"), list}}, {}, {}};
}

ApiResponse Api::listDevices(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    auto rows = m_store->devices();
    if (!rows)
        return storageError(QStringLiteral("cannot read the devices"), rows.error());
    QJsonArray list;
    for (const auto &d : std::as_const(rows.value()))
        list.append(QJsonObject {{QLatin1String("id"), d.id}, {QLatin1String("name"), d.name},
            {QLatin1String("enrolled"), d.enrolled}, {QLatin1String("firstSeen"), isoTime(d.firstSeen)},
            {QLatin1String("lastSeen"), isoTime(d.lastSeen)}, {QLatin1String("lastSeq"), d.lastSeq},
            {QLatin1String("missing"), d.missing()}});
    return {
        200, QJsonObject {{QLatin1String("devices"), list}, {QLatin1String("total"), list.size()}}, {}, {}};
}

namespace {

QJsonObject taskJson(const ServerStore::TaskRow &t)
{
    return {{QLatin1String("id"), t.id}, {QLatin1String("kind"), t.kind}, {QLatin1String("status"), t.status},
        {QLatin1String("assignee"), t.assignee}, {QLatin1String("assigneeKind"), t.assigneeKind},
        {QLatin1String("orders"), QJsonArray::fromStringList(t.orders)}, {QLatin1String("lines"), t.lines},
        {QLatin1String("createdAt"), isoTime(t.createdAt)}};
}

} // namespace

ApiResponse Api::listTasks(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {QLatin1String("status")}))
        return *bad;
    const QString status = request.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    static const QStringList statuses {
        QStringLiteral("open"), QStringLiteral("done"), QStringLiteral("cancelled")};
    if (request.query.hasQueryItem(QStringLiteral("status")) && !statuses.contains(status))
        return ApiResponse::error(400,
            QStringLiteral("unknown task status '%1' (known: %2)")
                .arg(status.left(40), statuses.join(QLatin1String(", "))));
    auto rows = m_store->tasks(status);
    if (!rows)
        return storageError(QStringLiteral("cannot read the tasks"), rows.error());
    QJsonArray list;
    for (const auto &t : std::as_const(rows.value()))
        list.append(taskJson(t));
    return {200, QJsonObject {{QLatin1String("tasks"), list}, {QLatin1String("total"), list.size()}}, {}, {}};
}

ApiResponse Api::assignTask(const ApiRequest &request, const QString &taskId)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    ApiResponse error;
    const QString shape
        = QStringLiteral("{\"assignee\": \"<operator badge or device id, or empty for anyone>\"}");
    const auto json = jsonObjectBody(request, shape, &error);
    if (!json)
        return error;
    if (!json->contains(QLatin1String("assignee")))
        return ApiResponse::error(400,
            QStringLiteral(
                "field 'assignee' is required: an operator's badge, a device id, or \"\" for anyone"));
    const auto fields = stringFields(*json, {}, {QStringLiteral("assignee")}, &error);
    if (!fields)
        return error;
    const QString assignee = fields->value(QStringLiteral("assignee")).trimmed();
    auto result = m_store->assignTask(taskId, assignee);
    if (!result)
        return storageError(QStringLiteral("cannot assign the task"), result.error());
    using Outcome = ServerStore::Assignment::Outcome;
    switch (result->outcome) {
    case Outcome::NoSuchTask:
        return ApiResponse::error(404, QStringLiteral("task '%1' not found").arg(taskId.left(64)));
    case Outcome::UnknownAssignee:
        return ApiResponse::error(400,
            QStringLiteral("'%1' is neither an operator's badge nor an enrolled device's id").arg(assignee));
    case Outcome::NotOpen:
        return ApiResponse::error(409,
            QStringLiteral("task %1 is %2; only open tasks can be assigned")
                .arg(taskId, result->task.status));
    case Outcome::Assigned:
        break;
    }
    qCInfo(lcServerApi).noquote() << m_caller.id << "assigned task" << taskId << "to"
                                  << (assignee.isEmpty() ? QStringLiteral("anyone") : assignee);
    return {200, taskJson(result->task), {}, {}};
}

ApiResponse Api::orderHistory(const ApiRequest &request, const QString &number)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    auto order = m_store->order(number);
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

// Splits one CSV record (RFC 4180 quotes, no embedded newlines) at `separator`.
QStringList csvFields(const QString &line, QChar separator)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == separator) {
            fields.append(field.trimmed());
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field.trimmed());
    return fields;
}

// Checks an imported line; its GTIN is stored in the 14-digit form devices look products up by.
QString checkOrderLine(WarehouseData::OrderLine &l)
{
    if (l.line <= 0)
        return QStringLiteral("line must be a positive whole number");
    const auto gtin = gtin14(l.gtin);
    if (!gtin)
        return gtinError(l.gtin);
    l.gtin = *gtin;
    if (l.quantity <= 0 || l.quantity > 100000)
        return QStringLiteral("quantity must be a whole number from 1 to 100000");
    return {};
}

} // namespace

ApiResponse Api::importOrders(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    QList<ServerStore::ImportOrder> orders;
    QList<ServerStore::RowError> errors;
    const bool csv = request.contentType.startsWith("text/csv");
    if (csv) {
        // number,customer,line,gtin,quantity — one order line per row; rows of one order together.
        // Spreadsheets write commas, semicolons (where the comma is the decimal sign) or tabs: the
        // header row says which.
        const QStringList lines = QString::fromUtf8(request.body).split(QLatin1Char('\n'));
        QHash<QString, qsizetype> byNumber;
        QChar separator = QLatin1Char(',');
        int row = 0;
        for (QString text : lines) {
            ++row;
            text = text.trimmed();
            if (row == 1 && text.startsWith(QChar(0xfeff))) // a byte order mark, as Excel writes
                text = text.mid(1).trimmed();
            if (text.isEmpty())
                continue;
            if (row == 1) {
                static const QLatin1String header("number,customer,line,gtin,quantity");
                bool known = false;
                for (const QChar candidate :
                    {QChar(QLatin1Char(',')), QChar(QLatin1Char(';')), QChar(QLatin1Char('\t'))}) {
                    if (csvFields(text, candidate).join(QLatin1Char(',')).toLower() == header) {
                        separator = candidate;
                        known = true;
                        break;
                    }
                }
                if (!known)
                    errors.append({row,
                        QStringLiteral("the first row must be the header number,customer,line,gtin,quantity "
                                       "(separated by commas, semicolons or tabs), not '%1'")
                            .arg(text.left(80))});
                continue;
            }
            const QStringList f = csvFields(text, separator);
            if (f.size() != 5) {
                errors.append({row, QStringLiteral("expected 5 fields, got %1").arg(f.size())});
                continue;
            }
            bool lineOk = false, quantityOk = false;
            WarehouseData::OrderLine line {f.at(2).toInt(&lineOk), f.at(3), f.at(4).toLongLong(&quantityOk)};
            QString why = f.at(0).isEmpty() || f.at(0).size() > 64
                ? QStringLiteral("order number must be 1 to 64 characters")
                : f.at(1).isEmpty()      ? QStringLiteral("customer must not be empty")
                : !lineOk || !quantityOk ? QStringLiteral("line and quantity must be whole numbers")
                                         : checkOrderLine(line);
            if (!why.isEmpty()) {
                errors.append({row, why});
                continue;
            }
            auto it = byNumber.find(f.at(0));
            if (it == byNumber.end()) {
                it = byNumber.insert(f.at(0), orders.size());
                orders.append({row, {f.at(0), f.at(1), QStringLiteral("received"), {}}});
            }
            auto &order = orders[it.value()].order;
            for (const auto &existing : std::as_const(order.lines))
                if (existing.line == line.line)
                    why = QStringLiteral("order %1 has line %2 twice").arg(order.number).arg(line.line);
            if (!why.isEmpty())
                errors.append({row, why});
            else
                order.lines.append(line);
        }
        if (orders.isEmpty() && errors.isEmpty())
            errors.append({1, QStringLiteral("the CSV holds no order rows")});
    } else {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return ApiResponse::error(400,
                QStringLiteral("malformed JSON at byte %1: %2 (send text/csv for CSV)")
                    .arg(parseError.offset)
                    .arg(parseError.errorString()));
        const QJsonArray array
            = doc.isArray() ? doc.array() : doc.object().value(QLatin1String("orders")).toArray();
        if (!doc.isArray() && !doc.object().value(QLatin1String("orders")).isArray())
            return ApiResponse::error(400,
                QStringLiteral(
                    "expected a JSON array of orders or {\"orders\": [...]} "
                    "(each {\"number\", \"customer\", \"lines\": [{\"line\", \"gtin\", \"quantity\"}]})"));
        if (array.isEmpty())
            return ApiResponse::error(400, QStringLiteral("the import holds no orders"));
        QSet<QString> numbers;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const int row = int(i) + 1;
            const QJsonObject o = array.at(i).toObject();
            WarehouseData::Order order {o.value(QLatin1String("number")).toString(),
                o.value(QLatin1String("customer")).toString(), QStringLiteral("received"), {}};
            QString why;
            if (!array.at(i).isObject())
                why = QStringLiteral("must be a JSON object");
            else if (order.number.isEmpty() || order.number.size() > 64)
                why = QStringLiteral("'number' must be a string of 1 to 64 characters");
            else if (numbers.contains(order.number))
                why = QStringLiteral("order %1 appears twice").arg(order.number);
            else if (order.customer.isEmpty())
                why = QStringLiteral("'customer' must be a non-empty string");
            else if (!o.value(QLatin1String("lines")).isArray()
                || o.value(QLatin1String("lines")).toArray().isEmpty())
                why = QStringLiteral("'lines' must be a non-empty array");
            const QJsonArray lines = o.value(QLatin1String("lines")).toArray();
            for (qsizetype j = 0; why.isEmpty() && j < lines.size(); ++j) {
                const QJsonObject l = lines.at(j).toObject();
                const QJsonValue q = l.value(QLatin1String("quantity"));
                const QJsonValue n = l.value(QLatin1String("line"));
                WarehouseData::OrderLine line {n.isDouble() ? n.toInt() : 0,
                    l.value(QLatin1String("gtin")).toString(),
                    q.isDouble() && q.toDouble() == double(q.toInteger()) ? q.toInteger() : 0};
                why = checkOrderLine(line);
                for (const auto &existing : std::as_const(order.lines))
                    if (existing.line == line.line)
                        why = QStringLiteral("line %1 appears twice").arg(line.line);
                if (!why.isEmpty())
                    why = QStringLiteral("lines[%1]: %2").arg(j).arg(why);
                order.lines.append(line);
            }
            if (!why.isEmpty()) {
                errors.append({row, why});
                continue;
            }
            numbers.insert(order.number);
            orders.append({row, order});
        }
    }
    if (errors.isEmpty()) {
        auto stored = m_store->importOrders(orders);
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
    qCInfo(lcServerApi).noquote() << m_caller.id << "imported" << orders.size() << "orders";
    return {200, QJsonObject {{QLatin1String("imported"), orders.size()}, {QLatin1String("orders"), numbers}},
        {}, {}};
}

ApiResponse Api::metrics(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {}))
        return *bad;
    // Counts only: no device ids, badges or order numbers (the endpoint needs no token).
    QByteArray out;
    auto counter = [&out](const char *name, const char *help, qint64 value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n" + name + ' '
            + QByteArray::number(value) + '\n';
    };
    counter("dockhand_events_accepted_total", "Events stored and applied.", m_metrics.accepted);
    counter("dockhand_events_duplicate_total", "Events received again and answered duplicate.",
        m_metrics.duplicates);
    counter("dockhand_events_rejected_total", "Events answered rejected.", m_metrics.rejected);
    counter("dockhand_db_errors_total", "Requests that failed on the database (503).", m_metrics.dbErrors);
    out += "# HELP dockhand_http_requests_total HTTP requests by status code.\n"
           "# TYPE dockhand_http_requests_total counter\n";
    for (auto it = m_metrics.requestsByStatus.cbegin(); it != m_metrics.requestsByStatus.cend(); ++it)
        out += "dockhand_http_requests_total{code=\"" + QByteArray::number(it.key()) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    out += "# HELP dockhand_http_request_duration_seconds Time to answer a request.\n"
           "# TYPE dockhand_http_request_duration_seconds histogram\n";
    for (qsizetype i = 0; i < m_metrics.latencyBuckets.size(); ++i) {
        const QByteArray le = i < qsizetype(std::size(kLatencyBoundsMs))
            ? QByteArray::number(kLatencyBoundsMs[i] / 1000.0)
            : QByteArrayLiteral("+Inf");
        out += "dockhand_http_request_duration_seconds_bucket{le=\"" + le + "\"} "
            + QByteArray::number(m_metrics.latencyBuckets.at(i)) + '\n';
    }
    out += "dockhand_http_request_duration_seconds_sum "
        + QByteArray::number(m_metrics.latencySumSeconds, 'f', 6)
        + "\ndockhand_http_request_duration_seconds_count " + QByteArray::number(m_metrics.latencyCount)
        + '\n';
    // The floor as the database has it: the same on every server sharing it.
    const auto floor = m_store->floorCounts(QDateTime::currentDateTimeUtc().addSecs(-kActiveWindowSeconds));
    out += "# HELP dockhand_database_up Whether the database answered this scrape (1) or not (0).\n"
           "# TYPE dockhand_database_up gauge\ndockhand_database_up "
        + QByteArray(floor ? "1" : "0") + '\n';
    if (floor) {
        auto labelled = [&out](const char *name, const char *type, const char *help, const char *label,
                            const QList<std::pair<QString, qint64>> &values) {
            out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
            for (const auto &[key, value] : values)
                out += QByteArray(name) + '{' + label + "=\"" + key.toUtf8() + "\"} "
                    + QByteArray::number(value) + '\n';
        };
        labelled("dockhand_orders", "gauge", "Orders by status (whole database).", "status",
            floor->ordersByStatus);
        labelled("dockhand_exceptions_total", "counter",
            "Exceptions raised for supervisors, by kind (whole database).", "kind", floor->exceptionsByKind);
        out += "# HELP dockhand_devices_enrolled Devices holding a token (whole database).\n"
               "# TYPE dockhand_devices_enrolled gauge\ndockhand_devices_enrolled "
            + QByteArray::number(floor->devicesEnrolled) + '\n';
        out += "# HELP dockhand_devices_active Devices that enrolled or uploaded scans in the last 5 minutes "
               "(whole database).\n# TYPE dockhand_devices_active gauge\ndockhand_devices_active "
            + QByteArray::number(floor->devicesActive) + '\n';
    }
    out += "# HELP dockhand_info Server build and database kind.\n# TYPE dockhand_info gauge\n"
           "dockhand_info{version=\"" DOCKHAND_VERSION "\",database=\""
        + m_store->dialectName().toLatin1() + "\"} 1\n";
    ApiResponse r;
    r.text = out;
    return r;
}

} // namespace dockhand::server
