#include "frametiming.h"

#include <QQuickWindow>

#include <time.h>

namespace dockhand {

namespace {
qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}
} // namespace

FrameTiming::FrameTiming(const QString &path, QQuickWindow *window, std::function<int()> serial,
    std::function<QByteArray()> result, QObject *parent)
    : QObject(parent), m_file(path), m_serial(std::move(serial)), m_result(std::move(result))
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        return;
    m_loggedSerial = m_serial();
    m_syncedSerial = m_loggedSerial;
    // Both signals come on the render thread. While the scene is synchronised the GUI thread
    // waits, so the feedback serial read there is the one the frame shows.
    connect(
        window, &QQuickWindow::afterSynchronizing, this, [this] { m_syncedSerial = m_serial(); },
        Qt::DirectConnection);
    connect(window, &QQuickWindow::frameSwapped, this, &FrameTiming::frameSwapped, Qt::DirectConnection);
}

void FrameTiming::frameSwapped()
{
    const qint64 now = monotonicNs();
    const int serial = m_syncedSerial;
    QMetaObject::invokeMethod(this, [this, now, serial] {
        if (m_firstFrame) {
            m_firstFrame = false;
            write("first-frame " + QByteArray::number(now));
        }
        if (serial > m_loggedSerial) {
            m_loggedSerial = serial;
            write(
                "feedback " + QByteArray::number(serial) + ' ' + m_result() + ' ' + QByteArray::number(now));
        }
    });
}

void FrameTiming::write(const QByteArray &line)
{
    m_file.write(line + '\n');
}

} // namespace dockhand
