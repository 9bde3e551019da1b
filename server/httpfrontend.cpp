#include "httpfrontend.h"

#include "api.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServerHttp, "dockhand.server.http")

namespace dockhand::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        break;
    }
    return QByteArrayLiteral("UNKNOWN");
}

} // namespace

HttpFrontend::HttpFrontend(Api *api, QObject *parent) : QAbstractHttpServer(parent), m_api(api) { }

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    // The response goes out in two writes (head, then body). With Nagle's algorithm on, the body
    // waits for the client's delayed ACK of the head: up to 40 ms on every request.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    ApiRequest apiRequest {methodName(request.method()), request.url().path(), request.query(),
        request.body(), request.value(QByteArrayLiteral("authorization")),
        request.value(QByteArrayLiteral("content-type"))};
    apiRequest.peer = socket->peerAddress();
    const ApiResponse answer = m_api->handle(apiRequest);

    QHttpServerResponse response(answer.text.isEmpty() ? QByteArrayLiteral("application/json")
                                                       : QByteArrayLiteral("text/plain; version=0.0.4"),
        answer.text.isEmpty() ? QJsonDocument(answer.body).toJson(QJsonDocument::Compact) : answer.text,
        static_cast<QHttpServerResponse::StatusCode>(answer.status));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    for (const auto &header : answer.headers)
        response.addHeader(header.first, header.second);
    response.write(makeResponder(request, socket));

    qCDebug(lcServerHttp).noquote() << apiRequest.method << apiRequest.path << answer.status
                                    << timer.elapsed() << "ms";
    return true; // every request is answered here, even unknown paths (as JSON 404)
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: handleRequest answers everything. Kept as a JSON 404 for safety.
    QHttpServerResponse response(QByteArrayLiteral("application/json"),
        QByteArrayLiteral("{\"error\":\"no such endpoint\"}"), QHttpServerResponse::StatusCode::NotFound);
    response.write(makeResponder(request, socket));
}

} // namespace dockhand::server
