#pragma once

#include "rawscan.h"

#include <QObject>
#include <QSerialPort>
#include <QTimer>

namespace dockhand {

// Settings of one serial (or USB-CDC) scanner.
struct SerialScannerConfig
{
    QString portName; // "/dev/ttyACM0", or a pty path in tests and the demo
    qint32 baudRate = 9600;
    int reopenIntervalMs = 1000; // how often a lost port is tried again
    int maxFrameBytes = 4096; // longer lines are noise, not barcodes
};

// Reads barcodes from a serial scanner: frames by CR/LF suffix, takes an AIM id prefix from
// the data, and survives the port disappearing (USB unplug, dead pty) by closing it and
// trying again on a timer. Emits one RawScan per frame on the thread it lives on.
class SerialScanner : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Stopped, // start() not called, or stop() called
        Connected, // port open and reading
        Disconnected, // port missing or failed; reopening on a timer
    };
    Q_ENUM(State)

    explicit SerialScanner(SerialScannerConfig config, QObject *parent = nullptr);
    ~SerialScanner() override;

    void start();
    void stop();
    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    const SerialScannerConfig &config() const { return m_config; }

signals:
    void scanned(const dockhand::RawScan &scan);
    // A frame that is not a barcode (too long, NUL bytes, binary noise), with the reason.
    void frameRejected(const QString &reason);
    void stateChanged(dockhand::SerialScanner::State state, const QString &message);

private:
    void tryOpen();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);
    void setState(State state, const QString &message);
    void emitFrame(QByteArray frame);

    SerialScannerConfig m_config;
    QSerialPort m_port;
    QTimer m_reopenTimer;
    QByteArray m_buffer;
    bool m_discardingOversize = false;
    State m_state = State::Stopped;
    QString m_lastError;
};

} // namespace dockhand
