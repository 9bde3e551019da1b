#pragma once

#include <QFile>
#include <QObject>

#include <atomic>

#include <functional>

class QQuickWindow;

namespace dockhand {

// Writes when frames reach the screen, for the app benchmark (DOCKHAND_FRAME_LOG=path): the
// first frame ("first-frame <ns>") and, per feedback, the first frame that shows it
// ("feedback <serial> <result> <ns>"); `serial` counts the feedbacks, `result` names the last. Times are
// CLOCK_MONOTONIC nanoseconds, the clock every process on the machine shares, so the benchmark can subtract
// its own timestamps.
class FrameTiming : public QObject
{
    Q_OBJECT
public:
    FrameTiming(const QString &path, QQuickWindow *window, std::function<int()> serial,
        std::function<QByteArray()> result, QObject *parent = nullptr);
    bool isOpen() const { return m_file.isOpen(); }

private:
    void frameSwapped();
    void write(const QByteArray &line);

    QFile m_file;
    std::function<int()> m_serial;
    std::function<QByteArray()> m_result;
    bool m_firstFrame = true;
    int m_loggedSerial = 0; // the last feedback written
    // The feedback the scene held when the frame being rendered was synchronised (render thread).
    std::atomic<int> m_syncedSerial {0};
};

} // namespace dockhand
