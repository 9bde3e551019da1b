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
    QByteArray idempotencyKey = {}; // the Idempotency-Key header (POST /v1/orders)
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
// resource: healthhandlers.cpp (health, metrics), accesshandlers.cpp (enrol, login, API keys),
// eventhandlers.cpp, synchandlers.cpp, orderhandlers.cpp (orders, intake, history, import),
// masterdatahandlers.cpp (products, locations, master-data import), floorhandlers.cpp (exceptions, devices),
// taskhandlers.cpp.
class Api
{
public:
    static constexpr qsizetype kMaxBodyBytes = 4 * 1024 * 1024;
    // A master-data import file (POST /v1/import/{kind}): 100,000 products fit.
    static constexpr qsizetype kMaxImportBytes = 64 * 1024 * 1024;
    // Refused rows listed in an answer (errorCount counts them all).
    static constexpr int kMaxRowErrors = 1000;
    static constexpr int kDefaultEventLimit = 100;
    static constexpr int kMaxEventLimit = 1000;
    // /metrics counts a device as active when it enrolled or sent events within this window.
    static constexpr int kActiveWindowSeconds = 300;

    // `store` answers handle(request); handle(request, store) may be given any other store over
    // the same database.
    explicit Api(ServerStore *store, ApiLimits limits = {});

    // Whether answering `request` may change the database (every method but GET and HEAD).
    // The server runs such requests on its write connections (one, on SQLite).
    static bool writes(const ApiRequest &request);

    // Answers one request with the store given at construction.
    ApiResponse handle(const ApiRequest &request);
    // Answers one request with `store`. Thread-safe: requests on different threads, each with
    // its own store (database connection), share only the route table, the rate limits and the
    // metrics, which are safe to share.
    ApiResponse handle(const ApiRequest &request, ServerStore &store);

private:
    // One request being answered: what was asked, the store that answers it, and who asked
    // (set once the token is checked). Handlers get it instead of reading members, so requests
    // answered at the same time never share state.
    struct Call
    {
        const ApiRequest &request;
        ServerStore &store;
        ServerStore::Principal caller = {};
        QStringList args = {}; // the path segments matched by "*" in the route
    };
    using Handler = ApiResponse (Api::*)(Call &call);
    enum class Access {
        Public, // no token (health, enrol, login, metrics)
        Authenticated, // any device or operator token
        Supervisor, // an operator token with role supervisor or admin
        Admin, // an operator token with role admin
    };
    struct Route
    {
        QStringList pattern; // path segments; "*" matches one segment and is passed as an argument
        QByteArray method;
        Access access;
        Handler handler;
        // The API-key scope that opens this route to keys (apikeys.h); empty: no key may use it.
        QString scope = {};
        qsizetype maxBody = kMaxBodyBytes;
    };
    ApiResponse dispatch(Call &call);
    std::optional<ApiResponse> authorize(Call &call, const Route &route);
    std::optional<ApiResponse> throttle(const Call &call);
    std::optional<ApiResponse> throttleAddress(const ApiRequest &request);
    static bool isSupervisor(const Call &call);

    ApiResponse enrol(Call &call);
    ApiResponse login(Call &call);
    ApiResponse sync(Call &call);
    ApiResponse listExceptions(Call &call);
    ApiResponse listDevices(Call &call);
    ApiResponse listTasks(Call &call);
    ApiResponse assignTask(Call &call);
    ApiResponse orderHistory(Call &call);
    ApiResponse importOrders(Call &call);
    ApiResponse postOrders(Call &call);
    ApiResponse importMasterData(Call &call);
    ApiResponse createApiKey(Call &call);
    ApiResponse listApiKeys(Call &call);
    ApiResponse revokeApiKey(Call &call);
    ApiResponse metrics(Call &call);

    ApiResponse health(Call &call);
    ApiResponse postEvents(Call &call);
    ApiResponse getEvents(Call &call);
    ApiResponse listOrders(Call &call);
    ApiResponse getOrder(Call &call);
    ApiResponse listProducts(Call &call);
    ApiResponse listLocations(Call &call);

    ServerStore *m_store;
    const ApiLimits m_limits;
    QList<Route> m_routes; // fixed once constructed
    RateLimiter m_limiter; // by device id / operator badge / client address
    ApiMetrics m_metrics;
};

} // namespace dockhand::server
