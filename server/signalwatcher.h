#pragma once

#include <QObject>

class QSocketNotifier;

namespace dockhand::server {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe trick: the C signal
// handler only writes a byte, which is all it may safely do). One instance per process.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

signals:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace dockhand::server
