#pragma once

#include <QObject>
#include <QRegularExpression>
#include <QSerialPort>
#include <QTimer>

#include <optional>

namespace dockhand {

// One line from a serial scale, read.
struct ScaleReading
{
    bool stable = false; // only stable readings count
    bool net = false; // net (tare subtracted) rather than gross
    double kg = 0; // signed, converted to kg
    QString text; // the line as received
};

// The scale's line format: a regex with named groups `stable` (matches when stable), `mode`
// (GS/NT), `sign`, `value` and `unit` (g, kg, lb). The default reads `ST,GS,+  1.234kg`.
struct ScaleFormat
{
    QRegularExpression pattern;
    QString stableToken = QStringLiteral("ST");
    QString netToken = QStringLiteral("NT");

    static ScaleFormat defaults();
    // A site's own pattern (the device config's scale.pattern); it must have a `value` group.
    // On an invalid pattern returns the defaults and sets `error`.
    static ScaleFormat fromPattern(const QString &pattern, QString *error = nullptr);
    // Parses one line; nullopt when it does not match or the unit is unknown.
    std::optional<ScaleReading> parse(const QString &line) const;
};

struct ScaleConfig
{
    QString portName;
    qint32 baudRate = 9600;
    ScaleFormat format = ScaleFormat::defaults();
    int reopenMs = 2000; // after an error the port is closed and reopened after this delay
};

// Reads a serial scale on QSerialPort: closes on error and reopens, like SerialScanner.
class ScaleReader : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Stopped, // not started
        Connected, // the port is open and read
        Disconnected, // the port failed; reopening after reopenMs
    };
    Q_ENUM(State)

    explicit ScaleReader(ScaleConfig config, QObject *parent = nullptr);
    ~ScaleReader() override;

    void start();
    void stop();
    State state() const { return m_state; }
    std::optional<ScaleReading> lastStable() const { return m_lastStable; }

signals:
    // Every parsed line (stable or not), for a live display.
    void reading(const dockhand::ScaleReading &reading);
    // A stable reading in kg: the value a workflow may use.
    void stableWeight(double kg);
    void stateChanged(dockhand::ScaleReader::State state, const QString &message);

private:
    void tryOpen();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);
    void setState(State state, const QString &message);

    ScaleConfig m_config;
    QSerialPort m_port;
    QTimer m_reopen;
    QByteArray m_buffer;
    State m_state = State::Stopped;
    std::optional<ScaleReading> m_lastStable;
};

} // namespace dockhand

Q_DECLARE_METATYPE(dockhand::ScaleReading)
