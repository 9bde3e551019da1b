#include "e2eharness.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QThread>

#include <fcntl.h>
#include <unistd.h>

namespace dockhand::e2e {

QString binary(const QString &name)
{
    const QByteArray dir = qgetenv("DOCKHAND_BIN_DIR");
    return QDir(dir.isEmpty() ? QCoreApplication::applicationDirPath() : QString::fromLocal8Bit(dir))
        .filePath(name);
}

PtyPair::PtyPair(const QString &dir)
    : m_appSide(QDir(dir).filePath(QStringLiteral("scanner-app")))
    , m_feedSide(QDir(dir).filePath(QStringLiteral("scanner-feed")))
{ }

PtyPair::~PtyPair()
{
    stop();
}

bool PtyPair::start(QString *error)
{
    m_socat.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_socat.start(QStringLiteral("socat"),
        {QStringLiteral("pty,raw,echo=0,link=") + m_appSide,
            QStringLiteral("pty,raw,echo=0,link=") + m_feedSide});
    if (!m_socat.waitForStarted(5000)) {
        *error = QStringLiteral("socat did not start: %1 (is the socat package installed?)")
                     .arg(m_socat.errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!(QFileInfo::exists(m_appSide) && QFileInfo::exists(m_feedSide))) {
        if (deadline.hasExpired() || m_socat.state() != QProcess::Running) {
            *error = QStringLiteral("socat did not create the pty links");
            return false;
        }
        QThread::msleep(20);
    }
    return true;
}

void PtyPair::stop()
{
    if (m_socat.state() != QProcess::NotRunning) {
        m_socat.terminate();
        if (!m_socat.waitForFinished(3000))
            m_socat.kill();
        m_socat.waitForFinished(1000);
    }
}

bool PtyPair::send(const QByteArray &bytes, QString *error)
{
    const int fd = ::open(QFile::encodeName(m_feedSide).constData(), O_WRONLY | O_NOCTTY);
    if (fd < 0) {
        *error = QStringLiteral("cannot open %1").arg(m_feedSide);
        return false;
    }
    const auto written = ::write(fd, bytes.constData(), size_t(bytes.size()));
    ::close(fd);
    if (written != bytes.size()) {
        *error = QStringLiteral("short write to %1").arg(m_feedSide);
        return false;
    }
    return true;
}

ServerProcess::ServerProcess(QString dataDir) : m_dataDir(std::move(dataDir)) { }

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(int port, const QStringList &extraArgs, QString *error)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binary(QStringLiteral("dockhand-server")),
        QStringList {QStringLiteral("--port"), QString::number(port), QStringLiteral("--data-dir"), m_dataDir}
            + extraArgs);
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("dockhand-server did not start: %1").arg(m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(100);
        m_output += QString::fromLocal8Bit(m_process.readAll());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_port = match.captured(1).toInt();
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

QUrl ServerProcess::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
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

} // namespace dockhand::e2e
