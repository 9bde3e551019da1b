#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace dockhand::server {

class ServerStore;

// One HTTP request as the API sees it: independent of the socket layer so the whole API can be
// tested without a network (tst_api) and the transport can change (TLS, threads) without it.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // "/v1/events"
    QUrlQuery query;
    QByteArray body;
};

// Every answer is a JSON object; errors are {"error": "..."}.
struct ApiResponse
{
    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers; // beyond Content-Type

    static ApiResponse error(int status, const QString &message);
};

// The /v1 JSON API over a ServerStore: routing (with real 404 and 405), input limits and
// validation, and the JSON shapes documented in docs/api/openapi.yaml.
class Api
{
public:
    static constexpr qsizetype kMaxBodyBytes = 4 * 1024 * 1024;
    static constexpr int kDefaultEventLimit = 100;
    static constexpr int kMaxEventLimit = 1000;

    explicit Api(ServerStore *store);

    ApiResponse handle(const ApiRequest &request);

private:
    using Handler = std::function<ApiResponse(const ApiRequest &, const QStringList &args)>;
    struct Route
    {
        QStringList pattern; // path segments; "*" matches one segment and is passed as an argument
        QByteArray method;
        Handler handler;
    };

    ApiResponse health(const ApiRequest &request);
    ApiResponse postEvents(const ApiRequest &request);
    ApiResponse getEvents(const ApiRequest &request);
    ApiResponse listOrders(const ApiRequest &request);
    ApiResponse getOrder(const ApiRequest &request, const QString &number);
    ApiResponse listProducts(const ApiRequest &request);
    ApiResponse listLocations(const ApiRequest &request);

    ServerStore *m_store;
    QList<Route> m_routes;
};

} // namespace dockhand::server
