#pragma once

#include "http/metrics.h"
#include "http/ratelimiter.h"
#include "serverstore.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace dockhand::server {

// One HTTP request as the API sees it: independent of the socket layer so the whole API can be
// tested without a network (tst_api) and the transport can change (TLS, threads) without it.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // "/v1/events"
    QUrlQuery query;
    QByteArray body;
    QByteArray authorization; // the Authorization header, e.g. "Bearer abc..."
    QByteArray contentType; // the Content-Type header, e.g. "text/csv"
    QHostAddress peer = {}; // the client's address (enrol and login are limited per address)
    QByteArray contentEncoding = {}; // the Content-Encoding header; only identity is understood
};

// Every answer is a JSON object; errors are {"error": "..."}.
struct ApiResponse
{
    ApiResponse() = default;
    ApiResponse(int status_, QJsonObject body_, QList<QPair<QByteArray, QByteArray>> headers_ = {},
        QByteArray text_ = {})
        : status(status_), body(std::move(body_)), headers(std::move(headers_)), text(std::move(text_))
    { }

    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers; // beyond Content-Type
    QByteArray text; // when set, sent instead of `body` as text/plain (Prometheus /metrics)

    static ApiResponse error(int status, const QString &message);
};

// The /v1 JSON API over a ServerStore, and the JSON shapes documented in docs/api/openapi.yaml.
// router.cpp holds the route table with each route's access level, the token check, 404/405 and
// the input limits; parameters.h the checks of query parameters and bodies; ratelimiter.h and
// metrics.h the request limits and the /metrics counters. The handlers are in one file per
// resource: healthhandlers.cpp (health, metrics), accesshandlers.cpp (enrol, login),
// eventhandlers.cpp, synchandlers.cpp, orderhandlers.cpp (orders, history, import),
// masterdatahandlers.cpp (products, locations), floorhandlers.cpp (exceptions, devices),
// taskhandlers.cpp.
class Api
{
public:
    static constexpr qsizetype kMaxBodyBytes = 4 * 1024 * 1024;
    static constexpr int kDefaultEventLimit = 100;
    static constexpr int kMaxEventLimit = 1000;
    // /metrics counts a device as active when it enrolled or sent events within this window.
    static constexpr int kActiveWindowSeconds = 300;

    explicit Api(ServerStore *store, ApiLimits limits = {});

    ApiResponse handle(const ApiRequest &request);

private:
    using Handler = std::function<ApiResponse(const ApiRequest &, const QStringList &args)>;
    enum class Access {
        Public, // no token (health, enrol, login, metrics)
        Authenticated, // any device or operator token
        Supervisor, // an operator token with role supervisor or admin
    };
    struct Route
    {
        QStringList pattern; // path segments; "*" matches one segment and is passed as an argument
        QByteArray method;
        Access access;
        Handler handler;
    };
    ApiResponse dispatch(const ApiRequest &request);
    std::optional<ApiResponse> authorize(const ApiRequest &request, Access access);
    std::optional<ApiResponse> throttle();
    std::optional<ApiResponse> throttleAddress(const ApiRequest &request);
    bool isSupervisor() const;

    ApiResponse enrol(const ApiRequest &request);
    ApiResponse login(const ApiRequest &request);
    ApiResponse sync(const ApiRequest &request);
    ApiResponse listExceptions(const ApiRequest &request);
    ApiResponse listDevices(const ApiRequest &request);
    ApiResponse listTasks(const ApiRequest &request);
    ApiResponse assignTask(const ApiRequest &request, const QString &taskId);
    ApiResponse orderHistory(const ApiRequest &request, const QString &number);
    ApiResponse importOrders(const ApiRequest &request);
    ApiResponse metrics(const ApiRequest &request);

    ApiResponse health(const ApiRequest &request);
    ApiResponse postEvents(const ApiRequest &request);
    ApiResponse getEvents(const ApiRequest &request);
    ApiResponse listOrders(const ApiRequest &request);
    ApiResponse getOrder(const ApiRequest &request, const QString &number);
    ApiResponse listProducts(const ApiRequest &request);
    ApiResponse listLocations(const ApiRequest &request);

    ServerStore *m_store;
    ApiLimits m_limits;
    QList<Route> m_routes;
    // Who made the request being handled (handlers run one at a time on the event loop).
    ServerStore::Principal m_caller;
    RateLimiter m_limiter; // by device id / operator badge / client address
    ApiMetrics m_metrics;
};

} // namespace dockhand::server
