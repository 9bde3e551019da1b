#include "socatpty.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace dockhand::testing {

SocatPty::SocatPty(const QString &dir, const QString &name)
    : m_devicePath(QDir(dir).filePath(name)), m_feedPath(QDir(dir).filePath(name + QStringLiteral("-feed")))
{ }

SocatPty::~SocatPty()
{
    stop();
}

bool SocatPty::start(QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        stop();
        return false;
    };
    QDir().mkpath(QFileInfo(m_devicePath).absolutePath());
    m_socat.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_socat.start(QStringLiteral("socat"),
        {QStringLiteral("pty,raw,echo=0,link=") + m_devicePath,
            QStringLiteral("pty,raw,echo=0,link=") + m_feedPath});
    if (!m_socat.waitForStarted(10000))
        return fail(QStringLiteral("socat did not start: %1 (is the Debian package socat installed?)")
                        .arg(m_socat.errorString()));
    QDeadlineTimer deadline(10000);
    while (!(QFileInfo::exists(m_devicePath) && QFileInfo::exists(m_feedPath))) {
        if (deadline.hasExpired() || m_socat.state() != QProcess::Running)
            return fail(
                QStringLiteral("socat did not create the pty links %1 and %2").arg(m_devicePath, m_feedPath));
        QThread::msleep(20);
    }
    m_fd = ::open(QFile::encodeName(m_feedPath).constData(), O_WRONLY | O_NOCTTY);
    if (m_fd < 0)
        return fail(
            QStringLiteral("cannot open %1: %2").arg(m_feedPath, QString::fromLocal8Bit(::strerror(errno))));
    return true;
}

void SocatPty::stop()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    if (m_socat.state() != QProcess::NotRunning) {
        m_socat.terminate();
        if (!m_socat.waitForFinished(10000))
            m_socat.kill();
        m_socat.waitForFinished(10000);
    }
}

bool SocatPty::write(const QByteArray &bytes, QString *error)
{
    if (m_fd < 0) {
        if (error)
            *error = QStringLiteral("the pty %1 is not started").arg(m_feedPath);
        return false;
    }
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (error)
                *error = QStringLiteral("cannot write to %1: %2")
                             .arg(m_feedPath, QString::fromLocal8Bit(::strerror(errno)));
            return false;
        }
        done += n;
    }
    return true;
}

bool SocatPty::writeSlowly(const QByteArray &bytes, int pauseMs)
{
    for (const char c : bytes) {
        if (!write(QByteArray(1, c)))
            return false;
        QEventLoop pause;
        QTimer::singleShot(pauseMs, &pause, &QEventLoop::quit);
        pause.exec();
    }
    return true;
}

} // namespace dockhand::testing
