#pragma once

#include "serverstore.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QMap>
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

// Per-caller request rate: a token bucket refilled at `rate` per second up to `burst`.
struct ApiLimits
{
    double rate = 20;
    int burst = 40;
    // POST /v1/enrol and /v1/login together, per client address (no token to key them by):
    // guessing enrolment codes, badges and PINs costs wall-clock time.
    double addressRate = 1;
    int addressBurst = 30;
};

// The /v1 JSON API over a ServerStore: routing (with real 404 and 405), input limits and
// validation, and the JSON shapes documented in docs/api/openapi.yaml.
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
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };

    ApiResponse dispatch(const ApiRequest &request);
    std::optional<ApiResponse> authorize(const ApiRequest &request, Access access);
    std::optional<ApiResponse> throttle();
    std::optional<ApiResponse> throttleAddress(const ApiRequest &request);
    // Takes one request from `key`'s bucket; the value is the seconds to wait when it is empty.
    std::optional<int> takeToken(const QString &key, double rate, int burst);
    void record(int status, qint64 elapsedUs);
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
    QHash<QString, Bucket> m_buckets; // by device id / operator badge / client address
    QElapsedTimer m_clock;

    // Prometheus counters: process-local by nature (each server process has its own).
    struct Metrics
    {
        qint64 accepted = 0;
        qint64 duplicates = 0;
        qint64 rejected = 0;
        qint64 dbErrors = 0;
        QMap<int, qint64> requestsByStatus;
        QList<qint64> latencyBuckets; // cumulative counts per kLatencyBoundsMs, plus +Inf
        qint64 latencyCount = 0;
        double latencySumSeconds = 0;
    } m_metrics;
};

} // namespace dockhand::server
