#include "e2eharness.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace dockhand::e2e {

ServerProcess::ServerProcess(QString dataDir) : m_dataDir(std::move(dataDir)) { }

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(int port, const QStringList &extraArgs, QString *error)
{
    m_supervisorToken.clear();
    const qsizetype cert = extraArgs.indexOf(QStringLiteral("--tls-cert"));
    m_certificate = cert >= 0 && cert + 1 < extraArgs.size() ? extraArgs.at(cert + 1) : QString();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binary(QStringLiteral("dockhand-server")),
        QStringList {QStringLiteral("--port"), QString::number(port), QStringLiteral("--data-dir"), m_dataDir}
            + extraArgs);
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("dockhand-server did not start: %1").arg(m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (https?)://[^:]+:(\\d+)"));
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(100);
        m_output += QString::fromLocal8Bit(m_process.readAll());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_scheme = match.captured(1);
            m_port = match.captured(2).toInt();
            return true;
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    *error = QStringLiteral("dockhand-server did not report its port; output:\n%1").arg(m_output);
    return false;
}

void ServerProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
    m_output += QString::fromLocal8Bit(m_process.readAll());
}

void ServerProcess::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    m_output += QString::fromLocal8Bit(m_process.readAll());
}

QString ServerProcess::databasePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("dockhand-server.db"));
}

QUrl ServerProcess::url() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_port));
}

AppProcess::AppProcess(QString dataDir, QString probePath)
    : m_dataDir(std::move(dataDir)), m_probePath(std::move(probePath))
{ }

AppProcess::~AppProcess()
{
    stop();
}

bool AppProcess::start(const QStringList &args, QString *error)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binary(QStringLiteral("dockhand")),
        QStringList {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--ui-probe"), m_probePath}
            + args);
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("dockhand did not start: %1").arg(m_process.errorString());
        return false;
    }
    return true;
}

void AppProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString AppProcess::output()
{
    m_output += QString::fromLocal8Bit(m_process.readAll());
    return m_output;
}

QJsonObject AppProcess::probe() const
{
    QFile file(m_probePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

DriveProcess::DriveProcess() = default;

DriveProcess::~DriveProcess()
{
    stop();
}

bool DriveProcess::start(const QStringList &args, QString *error, const QProcessEnvironment &env)
{
    m_buffer.clear();
    m_lines.clear();
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    if (!env.isEmpty())
        m_process.setProcessEnvironment(env);
    m_process.start(binary(QStringLiteral("dockhand-cli")), QStringList {QStringLiteral("drive")} + args);
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("dockhand-cli drive did not start: %1").arg(m_process.errorString());
        return false;
    }
    const bool serial = args.contains(QStringLiteral("--serial"));
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(100);
        const QStringList seen = lines();
        if (seen.contains(QStringLiteral("scanner connected")) || (!serial && !seen.isEmpty()))
            return true;
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    *error = QStringLiteral("dockhand-cli drive did not get ready; it printed:\n%1").arg(lines().join(u'\n'));
    return false;
}

void DriveProcess::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    lines();
}

void DriveProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QStringList DriveProcess::lines()
{
    m_buffer += m_process.readAllStandardOutput();
    qsizetype end;
    while ((end = m_buffer.indexOf('\n')) >= 0) {
        m_lines.append(QString::fromUtf8(m_buffer.left(end)));
        m_buffer.remove(0, end + 1);
    }
    return m_lines;
}

qint64 DriveProcess::backlog()
{
    const QStringList all = lines();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        const qsizetype at = it->indexOf(QLatin1String(" backlog="));
        if (it->startsWith(QLatin1String("sync ")) && at > 0)
            return it->mid(at + 9).toLongLong();
    }
    return -1;
}

QString ServerProcess::supervisorToken(QString *error)
{
    if (!m_supervisorToken.isEmpty())
        return m_supervisorToken;
    int status = 0;
    QString why;
    const QJsonObject answer = apiCall(
        *this, "POST", QStringLiteral("/v1/login"), R"({"badge":"OP-3001","pin":"3001"})", {}, &status, &why);
    if (status != 200) {
        if (error)
            *error = QStringLiteral("the demo supervisor OP-3001 cannot log in (HTTP %1): %2 %3")
                         .arg(status)
                         .arg(why, answer.value(QLatin1String("error")).toString());
        return {};
    }
    m_supervisorToken = answer.value(QLatin1String("token")).toString();
    return m_supervisorToken;
}

QStringList enrollingServerArgs()
{
    return {QStringLiteral("--demo"), QStringLiteral("--enrolment-code"), QStringLiteral("DEMO"),
        QStringLiteral("--rate"), QStringLiteral("1000"), QStringLiteral("--burst"), QStringLiteral("1000"),
        QStringLiteral("--login-rate"), QStringLiteral("1000"), QStringLiteral("--login-burst"),
        QStringLiteral("1000")};
}

QJsonObject apiCall(const ServerProcess &server, const QByteArray &method, const QString &pathAndQuery,
    const QByteArray &body, const QString &token, int *status, QString *error, const QByteArray &contentType)
{
    QNetworkAccessManager network;
    QNetworkRequest request(server.url().resolved(QUrl(pathAndQuery)));
    request.setTransferTimeout(30000);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!server.certificate().isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(server.certificate()));
        request.setSslConfiguration(tls);
    }
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status)
        *status = code;
    if (error)
        *error = code == 0 ? reply->errorString() : QString();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

QList<StoredEvent> storedEvents(ServerProcess &server, const QString &device)
{
    QList<StoredEvent> events;
    QString error;
    const QString token = server.supervisorToken(&error);
    if (token.isEmpty()) {
        qWarning().noquote() << "cannot read the server's events:" << error;
        return events;
    }
    qint64 after = 0;
    for (;;) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("device"), device);
        query.addQueryItem(QStringLiteral("after"), QString::number(after));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        int status = 0;
        const QJsonObject page = apiCall(server, "GET",
            QStringLiteral("/v1/events?") + query.toString(QUrl::FullyEncoded), {}, token, &status, &error);
        if (status != 200) {
            qWarning().noquote() << "cannot read the server's events (HTTP" << status << "):" << error
                                 << page.value(QLatin1String("error")).toString();
            return events;
        }
        const QJsonArray list = page.value(QLatin1String("events")).toArray();
        for (const QJsonValue &v : list) {
            const QJsonObject e = v.toObject();
            events.append({e.value(QLatin1String("id")).toString(), e.value(QLatin1String("seq")).toInteger(),
                e.value(QLatin1String("raw")).toString()});
        }
        if (list.isEmpty() || events.size() >= page.value(QLatin1String("total")).toInteger())
            return events;
        after = events.constLast().seq;
    }
}

FaultProxy::FaultProxy(quint16 upstreamPort, quint32 seed) : m_upstreamPort(upstreamPort), m_seed(seed) { }

FaultProxy::~FaultProxy()
{
    m_server.close();
}

bool FaultProxy::listen(QString *error)
{
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        *error = QStringLiteral("the fault proxy cannot listen: %1").arg(m_server.errorString());
        return false;
    }
    return true;
}

QUrl FaultProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

QString FaultProxy::summary() const
{
    static const char *const names[] = {"pass", "refuse", "delay", "http500", "http503", "reset", "cut-body"};
    QStringList parts;
    for (int f = 0; f < FaultCount; ++f)
        parts.append(QStringLiteral("%1=%2").arg(QLatin1String(names[f])).arg(m_counts[f]));
    return parts.join(u' ');
}

void FaultProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        // A fresh generator per connection from (seed, draw number): the same run draws the
        // same faults in the same order.
        QRandomGenerator random(m_seed + quint32(m_draws++) * 7919u);
        const Fault fault = m_faults ? Fault(random.bounded(int(FaultCount))) : Pass;
        ++m_counts[fault];
        QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        if (fault == Refuse) {
            client->abort();
            client->deleteLater();
            continue;
        }
        if (fault == Http500 || fault == Http503) {
            QObject::connect(client, &QTcpSocket::readyRead, client, [client, fault] {
                client->readAll();
                const QByteArray body = fault == Http503 ? QByteArrayLiteral("{\"error\":\"busy (proxy)\"}")
                                                         : QByteArrayLiteral("{\"error\":\"boom (proxy)\"}");
                client->write((fault == Http503 ? QByteArrayLiteral(
                                   "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n")
                                                : QByteArrayLiteral("HTTP/1.1 500 Internal Server Error\r\n"))
                    + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                client->disconnectFromHost();
            });
            continue;
        }
        auto *upstream = new QTcpSocket(client);
        auto *idle = new QTimer(client);
        idle->setSingleShot(true);
        idle->setInterval(300);
        // With faults on, even a good connection is closed when it goes quiet, so that the next
        // request opens a new connection and draws a new fault.
        if (m_faults)
            QObject::connect(idle, &QTimer::timeout, client, [client] { client->disconnectFromHost(); });
        auto pending = std::make_shared<QByteArray>();
        auto response = std::make_shared<QByteArray>();
        auto done = std::make_shared<bool>(false);
        QObject::connect(upstream, &QTcpSocket::connected, client, [upstream, pending] {
            upstream->write(*pending);
            pending->clear();
        });
        QObject::connect(client, &QTcpSocket::readyRead, client, [client, upstream, pending] {
            const QByteArray data = client->readAll();
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(data);
            else
                pending->append(data);
        });
        QObject::connect(
            upstream, &QTcpSocket::readyRead, client, [client, upstream, fault, response, done, idle] {
                const QByteArray data = upstream->readAll();
                if (*done)
                    return;
                if (fault == ResetMidResponse) {
                    client->write(data.left(std::max<qsizetype>(1, data.size() / 2)));
                    client->flush();
                    *done = true;
                    client->abort();
                    return;
                }
                if (fault == CutBody) {
                    response->append(data);
                    const qsizetype headerEnd = response->indexOf("\r\n\r\n");
                    if (headerEnd < 0)
                        return;
                    client->write(response->left(headerEnd + 4 + 3));
                    *done = true;
                    client->disconnectFromHost();
                    return;
                }
                if (fault == Delay) {
                    QTimer::singleShot(400, client, [client, data, idle] {
                        client->write(data);
                        idle->start();
                    });
                } else {
                    client->write(data);
                    idle->start();
                }
            });
        QObject::connect(
            upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        QObject::connect(
            upstream, &QTcpSocket::errorOccurred, client, [client, upstream](QAbstractSocket::SocketError) {
                if (upstream->state() != QAbstractSocket::ConnectedState)
                    client->abort();
            });
        QObject::connect(client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->abort(); });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

QJsonObject getJson(const QUrl &url, int *status)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

qint64 deviceQueueCount(const QString &queueFile)
{
    const QString connection = QStringLiteral("e2e-queue-peek");
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(queueFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM scan_events")) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return n;
}

} // namespace dockhand::e2e
