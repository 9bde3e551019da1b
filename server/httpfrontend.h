#pragma once

#include <QAbstractHttpServer>

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

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Api *m_api;
};

} // namespace dockhand::server
