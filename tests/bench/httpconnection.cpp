#include "httpconnection.h"

#include <QTimer>

namespace dockhand::bench {

HttpConnection::HttpConnection(const QUrl &server, QObject *parent)
    : QObject(parent), m_host(server.host()), m_port(quint16(server.port(80)))
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (!m_request.isEmpty())
            m_socket.write(std::exchange(m_request, {}));
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
        m_buffer += m_socket.readAll();
        readAnswer();
    });
    connect(&m_socket, &QTcpSocket::disconnected, this,
        [this] { fail(QStringLiteral("the server closed the connection before answering")); });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket.error() != QAbstractSocket::RemoteHostClosedError)
            fail(m_socket.errorString());
    });
}

bool HttpConnection::send(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &token,
    const QByteArray &body, Handler done)
{
    if (m_done)
        return false;
    const QAbstractSocket::SocketState state = m_socket.state();
    const bool open = state == QAbstractSocket::ConnectedState || state == QAbstractSocket::HostLookupState
        || state == QAbstractSocket::ConnectingState;
    if (!open)
        m_socket.abort(); // a connection the server closed: start afresh (before this request is ours)
    m_done = std::move(done);
    m_buffer.clear();
    QByteArray request;
    request.reserve(160 + token.size() + pathAndQuery.size() + body.size());
    request += method + ' ' + pathAndQuery + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':'
        + QByteArray::number(m_port) + "\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\n";
    if (!body.isEmpty() || method == "POST")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;

    if (state == QAbstractSocket::ConnectedState) {
        m_socket.write(request);
    } else {
        m_request = request;
        if (!open)
            m_socket.connectToHost(m_host, m_port);
    }
    return true;
}

void HttpConnection::readAnswer()
{
    if (!m_done)
        return;
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    Answer answer;
    answer.status
        = statusLine.size() >= 2 && statusLine.first().startsWith("HTTP/1.") ? statusLine.at(1).toInt() : 0;
    if (answer.status < 100 || answer.status > 599)
        return fail(QStringLiteral("unreadable status line: ") + QString::fromLatin1(lines.first().left(80)));
    qsizetype length = -1;
    bool close = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            length = value.toLongLong(&ok);
            if (!ok || length < 0)
                return fail(
                    QStringLiteral("unreadable Content-Length: ") + QString::fromLatin1(value.left(40)));
        } else if (name == "retry-after") {
            answer.retryAfterSeconds = value.toInt();
        } else if (name == "connection") {
            close = value.toLower() == "close";
        } else if (name == "transfer-encoding") {
            return fail(QStringLiteral("chunked answers are not read by this client"));
        }
    }
    if (length < 0)
        return fail(QStringLiteral("the answer has no Content-Length"));
    if (m_buffer.size() < headerEnd + 4 + length)
        return; // the rest of the body is on its way
    answer.body = m_buffer.mid(headerEnd + 4, length);
    m_buffer.clear();
    if (close)
        m_socket.disconnectFromHost();
    // Called from readyRead, never from inside send(): the handler may send the next request.
    std::exchange(m_done, {})(answer);
}

void HttpConnection::fail(const QString &why)
{
    if (!m_done)
        return;
    Answer answer;
    answer.error = why;
    // From the event loop, after the socket's own signal is done with: the handler may send again.
    QTimer::singleShot(0, this, [done = std::exchange(m_done, {}), answer] { done(answer); });
    m_socket.abort();
}

} // namespace dockhand::bench
