#include "http/api.h"

#include "http/parameters.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServerApi, "dockhand.server.api")

namespace dockhand::server {

namespace {

QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

QString bearerToken(const QByteArray &authorization)
{
    // The scheme name is case-insensitive (RFC 9110): "bearer" and "BEARER" are fine too.
    const QByteArray trimmed = authorization.trimmed();
    if (trimmed.size() < 7 || trimmed.left(7).toLower() != "bearer ")
        return {};
    return QString::fromLatin1(trimmed.mid(7).trimmed());
}

} // namespace

ApiResponse ApiResponse::error(int status, const QString &message)
{
    return ApiResponse {status, QJsonObject {{QLatin1String("error"), message}}, {}};
}

Api::Api(ServerStore *store, ApiLimits limits) : m_store(store), m_limits(limits), m_limiter(limits)
{
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
    m_metrics.record(response.status, timer.nsecsElapsed() / 1000);
    return response;
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

std::optional<ApiResponse> Api::throttle()
{
    // A token bucket per caller: one busy or broken device cannot starve the others.
    const QString key = (m_caller.kind == ServerStore::Principal::Kind::Device ? QStringLiteral("d:")
                                                                               : QStringLiteral("o:"))
        + m_caller.id;
    const auto wait = m_limiter.takeToken(key, m_limits.rate, m_limits.burst);
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
    const auto wait
        = m_limiter.takeToken(QStringLiteral("a:") + address, m_limits.addressRate, m_limits.addressBurst);
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

} // namespace dockhand::server
