#pragma once

#include <QAbstractHttpServer>
#include <QTcpServer>

namespace dockhand::server {

class Api;

// The socket side of the API: takes every request Qt HttpServer parses and hands it to Api.
// Subclassing QAbstractHttpServer instead of using QHttpServer's router lets the API answer 405
// and JSON 404s (QHttpServer 6.4 answers 404 with an empty body for both).
// Runs on the thread that owns it (the main event loop); requests are handled one at a time.
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit HttpFrontend(Api *api, QObject *parent = nullptr);

    // Sets a new connection up for request/answer traffic: no Nagle delay on answers, and every
    // arrival of request bytes acknowledged at once (see the .cpp). Call before the socket is
    // handed to the HTTP server.
    static void tuneConnection(QAbstractSocket *socket);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Api *m_api;
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
