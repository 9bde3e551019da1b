#pragma once

#include <QAbstractHttpServer>
#include <QTcpServer>

namespace dockhand::server {

class Api;
class RequestWorkers;

// The socket side of the API: takes every request Qt HttpServer parses, hands it to a thread of
// RequestWorkers (the read or the write lane, by Api::writes) and sends the answer when it is
// ready, while the event loop goes on reading other connections.
// Subclassing QAbstractHttpServer instead of using QHttpServer's router lets the API answer 405
// and JSON 404s (QHttpServer 6.4 answers 404 with an empty body for both). Answers are written
// to the socket here rather than through QHttpServerResponder, which in Qt 6.4 must answer
// before handleRequest returns (it refers to the connection's one request object, which the
// next request on the connection reuses).
// Sockets, parsing and answering live on the thread that owns this object (the main event loop);
// the API and the database run on the workers.
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // Answers on connections with more requests than this unanswered are refused (503) instead
    // of queued: a client that pipelines without reading cannot fill the server's memory.
    static constexpr int kMaxUnansweredPerConnection = 32;

    HttpFrontend(Api *api, RequestWorkers *workers, QObject *parent = nullptr);

    // Sets a new connection up for request/answer traffic: no Nagle delay on answers, and every
    // arrival of request bytes acknowledged at once (see the .cpp). Call before the socket is
    // handed to the HTTP server.
    static void tuneConnection(QAbstractSocket *socket);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // Sends the answer with number `ticket` on `socket` once every earlier answer on it has gone:
    // answers leave a connection in the order its requests came, whichever lane was faster.
    void deliver(QTcpSocket *socket, quint64 ticket, const QByteArray &answer, bool close);

    Api *m_api;
    RequestWorkers *m_workers;
};

// A QTcpServer whose connections are tuned by HttpFrontend::tuneConnection before the HTTP server
// takes them. (QSslServer's connections are tuned from its startedEncryptionHandshake signal.)
class TunedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr handle) override;
};

} // namespace dockhand::server
