#include "http/httpfrontend.h"

#include "http/api.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

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

void HttpFrontend::tuneConnection(QAbstractSocket *socket)
{
    // Answers go out in two writes (head, then body). With Nagle's algorithm on, the body would
    // wait for the client's delayed ACK of the head.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
#ifdef Q_OS_LINUX
    // The other direction: clients such as Qt's QNetworkAccessManager keep Nagle's algorithm on
    // and write a request's head and body separately, so the body waits until the head is
    // acknowledged. Once a connection has carried a request and an answer, Linux delays that ACK
    // (up to 40 ms) hoping to piggyback it on an answer. Asking for a quick ACK whenever request
    // bytes arrive sends it now; the flag does not stick, hence on every read.
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket] {
        const int on = 1;
        ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
    });
#endif
}

void TunedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    HttpFrontend::tuneConnection(socket);
    addPendingConnection(socket);
}

HttpFrontend::HttpFrontend(Api *api, QObject *parent) : QAbstractHttpServer(parent), m_api(api) { }

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    ApiRequest apiRequest {methodName(request.method()), request.url().path(), request.query(),
        request.body(), request.value(QByteArrayLiteral("authorization")),
        request.value(QByteArrayLiteral("content-type"))};
    apiRequest.peer = socket->peerAddress();
    apiRequest.contentEncoding = request.value(QByteArrayLiteral("content-encoding"));
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
