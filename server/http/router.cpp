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
    const QByteArray get = QByteArrayLiteral("GET");
    const QByteArray post = QByteArrayLiteral("POST");
    const QByteArray put = QByteArrayLiteral("PUT");
    const QByteArray del = QByteArrayLiteral("DELETE");
    const QString ordersRead = QStringLiteral("orders:read");
    const QString ordersWrite = QStringLiteral("orders:write");
    const QString masterDataRead = QStringLiteral("masterdata:read");
    m_routes = {
        {splitPath(QStringLiteral("/v1/health")), get, Access::Public, &Api::health},
        {splitPath(QStringLiteral("/v1/enrol")), post, Access::Public, &Api::enrol},
        {splitPath(QStringLiteral("/v1/login")), post, Access::Public, &Api::login},
        {splitPath(QStringLiteral("/metrics")), get, Access::Public, &Api::metrics},
        {splitPath(QStringLiteral("/v1/events")), post, Access::Authenticated, &Api::postEvents},
        {splitPath(QStringLiteral("/v1/events")), get, Access::Authenticated, &Api::getEvents},
        {splitPath(QStringLiteral("/v1/sync")), get, Access::Authenticated, &Api::sync},
        {splitPath(QStringLiteral("/v1/orders")), get, Access::Authenticated, &Api::listOrders, ordersRead},
        {splitPath(QStringLiteral("/v1/orders")), post, Access::Supervisor, &Api::postOrders, ordersWrite},
        {splitPath(QStringLiteral("/v1/orders/import")), post, Access::Supervisor, &Api::importOrders,
            ordersWrite},
        {splitPath(QStringLiteral("/v1/orders/*")), get, Access::Authenticated, &Api::getOrder, ordersRead},
        {splitPath(QStringLiteral("/v1/orders/*/history")), get, Access::Authenticated, &Api::orderHistory,
            ordersRead},
        {splitPath(QStringLiteral("/v1/products")), get, Access::Authenticated, &Api::listProducts,
            masterDataRead},
        {splitPath(QStringLiteral("/v1/locations")), get, Access::Authenticated, &Api::listLocations,
            masterDataRead},
        {splitPath(QStringLiteral("/v1/import/*")), post, Access::Admin, &Api::importMasterData,
            QStringLiteral("masterdata:write"), kMaxImportBytes},
        {splitPath(QStringLiteral("/v1/api-keys")), post, Access::Admin, &Api::createApiKey},
        {splitPath(QStringLiteral("/v1/api-keys")), get, Access::Admin, &Api::listApiKeys},
        {splitPath(QStringLiteral("/v1/api-keys/*")), del, Access::Admin, &Api::revokeApiKey},
        {splitPath(QStringLiteral("/v1/exceptions")), get, Access::Supervisor, &Api::listExceptions},
        {splitPath(QStringLiteral("/v1/devices")), get, Access::Supervisor, &Api::listDevices},
        {splitPath(QStringLiteral("/v1/tasks")), get, Access::Supervisor, &Api::listTasks},
        {splitPath(QStringLiteral("/v1/tasks/*/assignee")), put, Access::Supervisor, &Api::assignTask},
    };
}

bool Api::writes(const ApiRequest &request)
{
    return request.method != "GET" && request.method != "HEAD";
}

ApiResponse Api::handle(const ApiRequest &request)
{
    return handle(request, *m_store);
}

ApiResponse Api::handle(const ApiRequest &request, ServerStore &store)
{
    QElapsedTimer timer;
    timer.start();
    Call call {request, store};
    ApiResponse response = dispatch(call);
    m_metrics.record(response.status, timer.nsecsElapsed() / 1000);
    return response;
}

bool Api::isSupervisor(const Call &call)
{
    return call.caller.kind == ServerStore::Principal::Kind::Operator
        && (call.caller.role == QLatin1String("supervisor") || call.caller.role == QLatin1String("admin"));
}

std::optional<ApiResponse> Api::authorize(Call &call, const Route &route)
{
    const Access access = route.access;
    if (access == Access::Public)
        return std::nullopt;
    const ApiRequest &request = call.request;
    if (request.authorization.isEmpty())
        return ApiResponse::error(401,
            QStringLiteral("this endpoint needs 'Authorization: Bearer <token>' (enrol the device with POST "
                           "/v1/enrol, or log in with POST /v1/login)"));
    const QString token = bearerToken(request.authorization);
    if (token.isEmpty())
        return ApiResponse::error(401, QStringLiteral("the Authorization header must be 'Bearer <token>'"));
    auto who = call.store.accessStore().authenticate(token);
    if (!who)
        return storageError(QStringLiteral("cannot check the token"), who.error());
    if (who->kind == ServerStore::Principal::Kind::None)
        return ApiResponse::error(401,
            QStringLiteral(
                "the token is not valid (revoked or never issued); enrol the device again or log in"));
    call.caller = who.value();
    if (call.caller.kind == ServerStore::Principal::Kind::ApiKey) {
        // A key opens exactly the routes that name one of its scopes, whatever their role.
        if (call.caller.revokedAt.isValid())
            return ApiResponse::error(401,
                QStringLiteral("the API key %1 ('%2') was revoked at %3; ask an admin for a new key")
                    .arg(call.caller.id, call.caller.name, isoTime(call.caller.revokedAt)));
        if (auto limited = throttle(call))
            return limited;
        if (route.scope.isEmpty())
            return ApiResponse::error(403,
                QStringLiteral("API keys may not use %1 %2 (it is for devices and operators)")
                    .arg(QString::fromLatin1(request.method), request.path.left(200)));
        if (!call.caller.scopes.contains(route.scope))
            return ApiResponse::error(403,
                QStringLiteral(
                    "the API key %1 ('%2') lacks the scope %3 (it has %4); an admin can create a key "
                    "with it")
                    .arg(call.caller.id, call.caller.name, route.scope,
                        call.caller.scopes.join(QLatin1String(", "))));
        return std::nullopt;
    }
    if (auto limited = throttle(call))
        return limited;
    if (access == Access::Admin
        && (call.caller.kind != ServerStore::Principal::Kind::Operator
            || call.caller.role != QLatin1String("admin")))
        return ApiResponse::error(403,
            call.caller.kind == ServerStore::Principal::Kind::Device
                ? QStringLiteral("this endpoint is for admins; device %1 may not use it").arg(call.caller.id)
                : QStringLiteral("this endpoint is for admins; %1 is a %2")
                      .arg(call.caller.id, call.caller.role));
    if (access == Access::Supervisor && !isSupervisor(call))
        return ApiResponse::error(403,
            call.caller.kind == ServerStore::Principal::Kind::Device
                ? QStringLiteral("this endpoint is for supervisors and admins; device %1 may not use it")
                      .arg(call.caller.id)
                : QStringLiteral("this endpoint is for supervisors and admins; %1 is a %2")
                      .arg(call.caller.id, call.caller.role));
    return std::nullopt;
}

std::optional<ApiResponse> Api::throttle(const Call &call)
{
    // A token bucket per caller: one busy or broken device cannot starve the others.
    const QString key
        = (call.caller.kind == ServerStore::Principal::Kind::Device          ? QStringLiteral("d:")
                  : call.caller.kind == ServerStore::Principal::Kind::ApiKey ? QStringLiteral("k:")
                                                                             : QStringLiteral("o:"))
        + call.caller.id;
    const auto wait = m_limiter.takeToken(key, m_limits.rate, m_limits.burst);
    if (!wait)
        return std::nullopt;
    return tooManyRequests(
        QStringLiteral("too many requests from %1 (limit %2 per second, burst %3); retry in %4 s")
            .arg(call.caller.id)
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

ApiResponse Api::dispatch(Call &call)
{
    const ApiRequest &request = call.request;
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
        // HEAD is GET without the body (the frontend leaves it out).
        if (route.method != request.method && !(request.method == "HEAD" && route.method == "GET")) {
            allowed.append(route.method);
            continue;
        }
        if (auto refused = authorize(call, route))
            return *refused;
        if (const QByteArray encoding = request.contentEncoding.trimmed().toLower();
            !encoding.isEmpty() && encoding != "identity")
            return ApiResponse::error(415,
                QStringLiteral("Content-Encoding %1 is not supported; send the body uncompressed")
                    .arg(QString::fromLatin1(encoding.left(32))));
        if (request.body.size() > route.maxBody)
            return ApiResponse::error(413,
                QStringLiteral("request body is %1 bytes; the limit is %2 bytes (%3 MiB)")
                    .arg(request.body.size())
                    .arg(route.maxBody)
                    .arg(route.maxBody / (1024 * 1024)));
        call.args = args;
        return (this->*route.handler)(call);
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
