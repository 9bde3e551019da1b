#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

namespace dockhand::testing {

// A real serial cable for tests, made by socat: two linked pseudo-terminals. The program under
// test opens devicePath() as it would a scanner's or a scale's port; the test writes into the
// other end what the scanner's firmware or the scale would send.
class SocatPty
{
public:
    // The device end is `dir`/`name`, the feeding end `dir`/`name`-feed.
    explicit SocatPty(const QString &dir, const QString &name = QStringLiteral("serial"));
    ~SocatPty();
    SocatPty(const SocatPty &) = delete;
    SocatPty &operator=(const SocatPty &) = delete;

    // Starts socat and waits for both links; the feeding end is then open for writing. Can be
    // called again after stop(): the same paths come back, as a port does when replugged.
    bool start(QString *error = nullptr);
    // SIGTERM: socat closes both ends (a reader of the device end sees the port vanish) and
    // removes the links.
    void stop();
    bool isRunning() const { return m_socat.state() == QProcess::Running; }

    QString devicePath() const { return m_devicePath; }
    QString feedPath() const { return m_feedPath; }

    // Writes all of `bytes` into the feeding end, in order.
    bool write(const QByteArray &bytes, QString *error = nullptr);
    // One byte at a time with `pauseMs` of this thread's event loop after each, so a reader gets
    // the bytes in separate fragments.
    bool writeSlowly(const QByteArray &bytes, int pauseMs);

private:
    QString m_devicePath;
    QString m_feedPath;
    QProcess m_socat;
    int m_fd = -1;
};

} // namespace dockhand::testing
