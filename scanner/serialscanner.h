#pragma once

#include "rawscan.h"
#include "serialframer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QSerialPort>
#include <QStringList>
#include <QTimer>

namespace dockhand {

struct SerialScannerConfigResult;

// Settings of one serial (or USB-CDC) scanner. The defaults match a scanner out of the box:
// 9600 8N1, no flow control, CR/LF/CRLF line ends.
struct SerialScannerConfig
{
    QString portName; // "/dev/ttyACM0", or a pty path in tests and the demo
    qint32 baudRate = 9600;
    QSerialPort::DataBits dataBits = QSerialPort::Data8;
    QSerialPort::Parity parity = QSerialPort::NoParity;
    QSerialPort::StopBits stopBits = QSerialPort::OneStop;
    QSerialPort::FlowControl flowControl = QSerialPort::NoFlowControl;
    SerialFraming framing = SerialFraming::LineEnd;
    QByteArray suffix; // with SerialFraming::Suffix: "\r", "\n", "\r\n", "\x03" (ETX), ...
    int interByteTimeoutMs = 50; // with SerialFraming::InterByteTimeout
    QByteArray prefix; // the scanner's configured prefix; stripped when present
    int reopenIntervalMs = 1000; // how often a lost port is tried again
    int maxFrameBytes = 4096; // longer lines are noise, not barcodes
    int staleFrameMs = 2000; // a partial frame silent this long is dropped (0: never)

    SerialFramerConfig framerConfig() const;

    // Builds a config from the app's JSON, e.g.
    //   {"port": "/dev/ttyACM0", "baud": 115200, "dataBits": 8, "parity": "none", "stopBits": 1,
    //    "flowControl": "none", "framing": "suffix", "suffix": "CRLF", "prefix": "\u0002",
    //    "interByteTimeoutMs": 50, "maxFrameBytes": 4096, "reopenIntervalMs": 1000, "staleFrameMs": 2000}
    // Only "port" is required, and with PortRule::Optional not even that (the app's config file
    // may leave the port to the command line). Every bad or unknown key is reported, by name,
    // in the result.
    enum class PortRule { Required, Optional };
    static SerialScannerConfigResult fromJson(const QJsonObject &json, PortRule port = PortRule::Required);
};

// A config read from JSON, or the reasons it could not be (all of them, not just the first).
struct [[nodiscard]] SerialScannerConfigResult
{
    SerialScannerConfig config;
    QStringList errors;

    bool ok() const { return errors.isEmpty(); }
    QString errorString() const { return errors.join(QStringLiteral("; ")); }
};

// Reads barcodes from a serial scanner: frames the byte stream (SerialFramer), takes an AIM id
// prefix from the data, and survives the port disappearing (USB unplug, dead pty) by closing it and
// trying again on a timer. Emits one RawScan per frame on the thread it lives on.
class SerialScanner : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Stopped, // start() not called, or stop() called
        Connected, // port open and reading
        Disconnected, // port missing or failed (or the config is unusable); reopening on a timer
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
    // A frame that is not a barcode (too long, NUL bytes, binary noise, invalid UTF-8, cut off by a
    // disconnect), with the reason in the floor's words.
    void frameRejected(const QString &reason);
    void stateChanged(dockhand::SerialScanner::State state, const QString &message);

private:
    void tryOpen();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);
    void onFrameDeadline();
    void scheduleDeadline();
    void deliver(const QList<SerialFrame> &frames);
    void setState(State state, const QString &message);

    SerialScannerConfig m_config;
    SerialFramer m_framer;
    QSerialPort m_port;
    QTimer m_reopenTimer;
    QTimer m_frameTimer; // fires at the framer's deadline (inter-byte timeout, stale frame)
    QElapsedTimer m_clock;
    State m_state = State::Stopped;
    QString m_lastError;
    qint64 m_lastRejectLogMs = -1;
    int m_unloggedRejects = 0;
};

} // namespace dockhand
