#include "http/httpfrontend.h"

#include "http/api.h"
#include "http/requestworkers.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>

#include <map>

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

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Content");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        break;
    }
    return QByteArrayLiteral("Status"); // the phrase is informational (RFC 9112); clients read the code
}

// One whole HTTP/1.1 answer: status line, headers, body (none for HEAD). Built on the worker, so
// the event loop only writes bytes.
QByteArray encodeAnswer(const ApiResponse &answer, bool head, bool close)
{
    const bool text = !answer.text.isEmpty();
    const QByteArray body = text ? answer.text : QJsonDocument(answer.body).toJson(QJsonDocument::Compact);
    QByteArray out;
    out.reserve(body.size() + 192);
    out += "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status);
    out += text ? "\r\nContent-Type: text/plain; version=0.0.4" : "\r\nContent-Type: application/json";
    out += "\r\nContent-Length: " + QByteArray::number(body.size());
    out += "\r\nCache-Control: no-store";
    for (const auto &header : answer.headers)
        out += "\r\n" + header.first + ": " + header.second;
    if (close)
        out += "\r\nConnection: close";
    out += "\r\n\r\n";
    if (!head)
        out += body;
    return out;
}

} // namespace

// The answers of one connection not sent yet, numbered in the order the requests came; a child
// of the connection's socket, so it goes with it.
class PendingAnswers : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    struct Answer
    {
        QByteArray bytes;
        bool close = false; // the connection closes after this answer
    };

    static PendingAnswers *of(QTcpSocket *socket)
    {
        auto *pending = socket->findChild<PendingAnswers *>(QString(), Qt::FindDirectChildrenOnly);
        return pending ? pending : new PendingAnswers(socket);
    }

    quint64 nextTicket = 0; // the number of the connection's next request
    quint64 nextToSend = 0; // the number of the answer the client waits for first
    std::map<quint64, Answer> ready; // answers made, waiting for an earlier one
};

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

HttpFrontend::HttpFrontend(Api *api, RequestWorkers *workers, QObject *parent)
    : QAbstractHttpServer(parent), m_api(api), m_workers(workers)
{ }

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest apiRequest {methodName(request.method()), request.url().path(), request.query(),
        request.body(), request.value(QByteArrayLiteral("authorization")),
        request.value(QByteArrayLiteral("content-type"))};
    apiRequest.peer = socket->peerAddress();
    apiRequest.contentEncoding = request.value(QByteArrayLiteral("content-encoding"));
    apiRequest.idempotencyKey = request.value(QByteArrayLiteral("idempotency-key"));
    const bool head = request.method() == QHttpServerRequest::Method::Head;
    const bool close = request.value(QByteArrayLiteral("connection")).toLower().contains("close");

    PendingAnswers *pending = PendingAnswers::of(socket);
    const quint64 ticket = pending->nextTicket++;
    if (pending->nextTicket - pending->nextToSend > quint64(kMaxUnansweredPerConnection)) {
        deliver(socket, ticket,
            encodeAnswer(ApiResponse::error(503,
                             QStringLiteral("more than %1 requests on this connection are waiting for "
                                            "their answers; read the answers before sending more")
                                 .arg(kMaxUnansweredPerConnection)),
                head, true),
            true);
        return true;
    }

    const auto lane = Api::writes(apiRequest) ? RequestWorkers::Lane::Write : RequestWorkers::Lane::Read;
    QPointer<QTcpSocket> target(socket);
    m_workers->post(
        lane, [this, apiRequest = std::move(apiRequest), target, ticket, head, close](ServerStore &store) {
            QElapsedTimer timer;
            timer.start();
            const ApiResponse answer = m_api->handle(apiRequest, store);
            QByteArray bytes = encodeAnswer(answer, head, close);
            qCDebug(lcServerHttp).noquote()
                << apiRequest.method << apiRequest.path << answer.status << timer.elapsed() << "ms";
            QMetaObject::invokeMethod(
                this,
                [this, target, ticket, bytes = std::move(bytes), close] {
                    if (target) // gone when the client hung up before its answer was ready
                        deliver(target, ticket, bytes, close);
                },
                Qt::QueuedConnection);
        });
    return true; // every request is answered, even unknown paths (as JSON 404)
}

void HttpFrontend::deliver(QTcpSocket *socket, quint64 ticket, const QByteArray &answer, bool close)
{
    PendingAnswers *pending = PendingAnswers::of(socket);
    pending->ready.emplace(ticket, PendingAnswers::Answer {answer, close});
    while (!pending->ready.empty() && pending->ready.begin()->first == pending->nextToSend) {
        const PendingAnswers::Answer next = std::move(pending->ready.begin()->second);
        pending->ready.erase(pending->ready.begin());
        ++pending->nextToSend;
        socket->write(next.bytes);
        socket->flush(); // out now, not on the event loop's next pass over every connection
        if (next.close) {
            socket->disconnectFromHost(); // after the answer has been written out
            pending->ready.clear();
            return;
        }
    }
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: handleRequest answers everything. Kept as a JSON 404 for safety.
    QHttpServerResponse response(QByteArrayLiteral("application/json"),
        QByteArrayLiteral("{\"error\":\"no such endpoint\"}"), QHttpServerResponse::StatusCode::NotFound);
    response.write(makeResponder(request, socket));
}

} // namespace dockhand::server

#include "httpfrontend.moc"
