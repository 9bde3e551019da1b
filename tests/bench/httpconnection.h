#pragma once

// A light HTTP/1.1 client for the benchmarks whose load generator shares the machine with what it
// measures: one keep-alive connection on a plain QTcpSocket in the caller's thread, one request
// at a time. QNetworkAccessManager hands every request to a thread of its own and back, which on a
// two-core machine costs about as much CPU as the server spends answering; this does not.
// It speaks only what dockhand-server answers (a status line, headers, a Content-Length body),
// without TLS; an answer it cannot read is an error, never a guess.

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

namespace dockhand::bench {

class HttpConnection : public QObject
{
public:
    struct Answer
    {
        int status = 0; // 0: no answer (see error)
        int retryAfterSeconds = 0; // the Retry-After header, 0 if none
        QByteArray body;
        QString error; // why there is no answer
    };
    using Handler = std::function<void(const Answer &)>;

    // `server`: http://host:port (its path is ignored).
    explicit HttpConnection(const QUrl &server, QObject *parent = nullptr);

    // Sends one request (connecting first if the connection is not open); `done` is called once,
    // from the event loop, with the answer. One request at a time: false (and nothing sent) while
    // one is under way. `token` non-empty: "Authorization: Bearer <token>"; a non-empty `body`
    // goes as application/json.
    bool send(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &token,
        const QByteArray &body, Handler done);
    bool busy() const { return bool(m_done); }

private:
    void readAnswer();
    void fail(const QString &why);

    QTcpSocket m_socket;
    QString m_host;
    quint16 m_port = 0;
    QByteArray m_request; // written once connected
    QByteArray m_buffer; // what has arrived of the answer
    Handler m_done;
};

} // namespace dockhand::bench
