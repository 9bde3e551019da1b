#include "serialscanner.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcSerial, "dockhand.scanner.serial")

namespace dockhand {

namespace {

// Named suffixes an admin can write instead of control characters in JSON.
QByteArray namedControl(const QString &name)
{
    const QString n = name.toUpper();
    if (n == QLatin1String("CR"))
        return QByteArrayLiteral("\r");
    if (n == QLatin1String("LF"))
        return QByteArrayLiteral("\n");
    if (n == QLatin1String("CRLF"))
        return QByteArrayLiteral("\r\n");
    if (n == QLatin1String("ETX"))
        return QByteArrayLiteral("\x03");
    if (n == QLatin1String("STX"))
        return QByteArrayLiteral("\x02");
    if (n == QLatin1String("EOT"))
        return QByteArrayLiteral("\x04");
    if (n == QLatin1String("TAB") || n == QLatin1String("HT"))
        return QByteArrayLiteral("\t");
    return {};
}

class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &json) : m_json(json) { }

    bool has(const char *key) const { return m_json.contains(QLatin1String(key)); }

    // An integer within [min, max]; leaves `out` alone when the key is absent.
    void integer(const char *key, int min, int max, int &out)
    {
        if (!has(key))
            return;
        const QJsonValue v = m_json.value(QLatin1String(key));
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || std::floor(d) != d) {
            fail(QStringLiteral("scanner setting \"%1\" must be a whole number").arg(QLatin1String(key)));
            return;
        }
        if (d < min || d > max) {
            fail(QStringLiteral("scanner setting \"%1\" is %2; it must be between %3 and %4")
                     .arg(QLatin1String(key))
                     .arg(d)
                     .arg(min)
                     .arg(max));
            return;
        }
        out = int(d);
    }

    // A string; returns false (and records why) when present but not a string.
    bool string(const char *key, QString &out)
    {
        if (!has(key))
            return false;
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (!v.isString()) {
            fail(QStringLiteral("scanner setting \"%1\" must be a string").arg(QLatin1String(key)));
            return false;
        }
        out = v.toString();
        return true;
    }

    // One of a fixed set of names (case-insensitive).
    template<typename T> void choice(const char *key, const QList<std::pair<const char *, T>> &names, T &out)
    {
        QString value;
        if (!string(key, value))
            return;
        QStringList known;
        for (const auto &[name, v] : names) {
            if (value.compare(QLatin1String(name), Qt::CaseInsensitive) == 0) {
                out = v;
                return;
            }
            known.append(QLatin1String(name));
        }
        fail(QStringLiteral("scanner setting \"%1\" is \"%2\"; use one of: %3")
                 .arg(QLatin1String(key), value, known.join(QStringLiteral(", "))));
    }

    void fail(QString message) { m_errors.append(std::move(message)); }
    QStringList errors() const { return m_errors; }

private:
    const QJsonObject &m_json;
    QStringList m_errors;
};

} // namespace

SerialFramerConfig SerialScannerConfig::framerConfig() const
{
    SerialFramerConfig f;
    f.framing = framing;
    f.suffix = suffix;
    f.interByteTimeoutMs = interByteTimeoutMs;
    f.prefix = prefix;
    f.maxFrameBytes = maxFrameBytes;
    f.staleFrameMs = staleFrameMs;
    return f;
}

SerialScannerConfigResult SerialScannerConfig::fromJson(const QJsonObject &json, PortRule port)
{
    static const QStringList known = {
        QStringLiteral("port"),
        QStringLiteral("baud"),
        QStringLiteral("dataBits"),
        QStringLiteral("parity"),
        QStringLiteral("stopBits"),
        QStringLiteral("flowControl"),
        QStringLiteral("framing"),
        QStringLiteral("suffix"),
        QStringLiteral("prefix"),
        QStringLiteral("interByteTimeoutMs"),
        QStringLiteral("maxFrameBytes"),
        QStringLiteral("reopenIntervalMs"),
        QStringLiteral("staleFrameMs"),
    };
    SerialScannerConfigResult result;
    SerialScannerConfig &c = result.config;
    JsonReader r(json);

    // A misspelt key would silently leave a default in place (wrong baud = garbage scans), so
    // unknown keys are errors.
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            r.fail(QStringLiteral("unknown scanner setting \"%1\" (known: %2)")
                       .arg(it.key(), known.join(QStringLiteral(", "))));
    }

    const bool portIsString = r.string("port", c.portName);
    if ((!r.has("port") && port == PortRule::Required) || (portIsString && c.portName.trimmed().isEmpty()))
        r.fail(QStringLiteral("scanner setting \"port\" is missing (e.g. \"/dev/ttyACM0\")"));
    int baud = c.baudRate;
    r.integer("baud", 50, 4000000, baud);
    c.baudRate = baud;

    int dataBits = int(c.dataBits);
    r.integer("dataBits", 5, 8, dataBits);
    c.dataBits = QSerialPort::DataBits(dataBits);

    r.choice<QSerialPort::Parity>("parity",
        {{"none", QSerialPort::NoParity}, {"even", QSerialPort::EvenParity}, {"odd", QSerialPort::OddParity},
            {"space", QSerialPort::SpaceParity}, {"mark", QSerialPort::MarkParity}},
        c.parity);

    if (r.has("stopBits")) {
        const QJsonValue v = json.value(QLatin1String("stopBits"));
        const QString s = v.isDouble() ? QString::number(v.toDouble()) : v.toString();
        if (s == QLatin1String("1"))
            c.stopBits = QSerialPort::OneStop;
        else if (s == QLatin1String("1.5"))
            c.stopBits = QSerialPort::OneAndHalfStop;
        else if (s == QLatin1String("2"))
            c.stopBits = QSerialPort::TwoStop;
        else
            r.fail(QStringLiteral("scanner setting \"stopBits\" must be 1, 1.5 or 2"));
    }

    r.choice<QSerialPort::FlowControl>("flowControl",
        {{"none", QSerialPort::NoFlowControl}, {"hardware", QSerialPort::HardwareControl},
            {"rts/cts", QSerialPort::HardwareControl}, {"software", QSerialPort::SoftwareControl},
            {"xon/xoff", QSerialPort::SoftwareControl}},
        c.flowControl);

    QString suffix;
    if (r.string("suffix", suffix)) {
        const QByteArray named = namedControl(suffix);
        c.suffix = named.isEmpty() ? suffix.toUtf8() : named;
        if (c.suffix.isEmpty())
            r.fail(QStringLiteral("scanner setting \"suffix\" is empty; use CR, LF, CRLF, ETX or the bytes "
                                  "the scanner sends"));
        // Naming a suffix means framing by it, unless framing says otherwise.
        c.framing = SerialFraming::Suffix;
    }
    r.choice<SerialFraming>("framing",
        {{"line", SerialFraming::LineEnd}, {"suffix", SerialFraming::Suffix},
            {"timeout", SerialFraming::InterByteTimeout}},
        c.framing);
    if (c.framing == SerialFraming::Suffix && !r.has("suffix"))
        r.fail(QStringLiteral("scanner setting \"framing\" is \"suffix\" but no \"suffix\" is set "
                              "(CR, LF, CRLF, ETX or the bytes the scanner sends)"));

    QString prefix;
    if (r.string("prefix", prefix)) {
        const QByteArray named = namedControl(prefix);
        c.prefix = named.isEmpty() ? prefix.toUtf8() : named;
    }
    r.integer("interByteTimeoutMs", 1, 10000, c.interByteTimeoutMs);
    r.integer("maxFrameBytes", 16, 1024 * 1024, c.maxFrameBytes);
    r.integer("reopenIntervalMs", 50, 600000, c.reopenIntervalMs);
    r.integer("staleFrameMs", 0, 600000, c.staleFrameMs);

    result.errors = r.errors();
    if (result.ok()) {
        const QString framerProblem = SerialFramer::validate(c.framerConfig());
        if (!framerProblem.isEmpty())
            result.errors.append(framerProblem);
    }
    return result;
}

SerialScanner::SerialScanner(SerialScannerConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_framer(m_config.framerConfig())
{
    m_reopenTimer.setSingleShot(true);
    m_reopenTimer.setInterval(m_config.reopenIntervalMs);
    m_frameTimer.setSingleShot(true);
    // A coarse timer may fire a little early; the inter-byte timeout is only a few ms wide.
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    m_clock.start();
    connect(&m_reopenTimer, &QTimer::timeout, this, &SerialScanner::tryOpen);
    connect(&m_frameTimer, &QTimer::timeout, this, &SerialScanner::onFrameDeadline);
    connect(&m_port, &QSerialPort::readyRead, this, &SerialScanner::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialScanner::onError);
}

SerialScanner::~SerialScanner()
{
    m_port.close();
}

void SerialScanner::start()
{
    if (m_state != State::Stopped)
        return;
    tryOpen();
}

void SerialScanner::stop()
{
    m_reopenTimer.stop();
    m_frameTimer.stop();
    m_port.close();
    m_framer.reset();
    setState(State::Stopped, tr("Scanner stopped"));
}

void SerialScanner::tryOpen()
{
    if (m_config.portName.isEmpty()) {
        setState(State::Disconnected, tr("No scanner port configured"));
        return;
    }
    const QString configProblem = SerialFramer::validate(m_config.framerConfig());
    if (!configProblem.isEmpty()) {
        // Retrying cannot fix a bad configuration; say so once and wait for a new one.
        setState(State::Disconnected,
            tr("Scanner on %1 is misconfigured: %2").arg(m_config.portName, configProblem));
        return;
    }
    m_port.setPortName(m_config.portName);
    m_port.setBaudRate(m_config.baudRate);
    m_port.setDataBits(m_config.dataBits);
    m_port.setParity(m_config.parity);
    m_port.setStopBits(m_config.stopBits);
    m_port.setFlowControl(m_config.flowControl);
    if (!m_port.open(QIODevice::ReadOnly)) {
        setState(State::Disconnected,
            tr("Scanner port %1 cannot be opened: %2").arg(m_config.portName, m_port.errorString()));
        m_port.close();
        m_reopenTimer.start();
        return;
    }
    m_framer.reset();
    setState(State::Connected, tr("Scanner connected on %1").arg(m_config.portName));
}

void SerialScanner::onError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError || error == QSerialPort::TimeoutError)
        return;
    if (!m_port.isOpen())
        return; // open failures are handled in tryOpen()
    // A vanished device makes QSerialPort report errors in a tight loop: close at once and
    // come back on the timer instead of reacting to every repeat.
    const QString message = tr("Scanner on %1 lost: %2").arg(m_config.portName, m_port.errorString());
    m_port.close();
    m_frameTimer.stop();
    deliver(m_framer.finish());
    setState(State::Disconnected, message);
    m_reopenTimer.start();
}

void SerialScanner::onReadyRead()
{
    const QByteArray bytes = m_port.readAll();
    deliver(m_framer.feed(bytes, m_clock.elapsed()));
    scheduleDeadline();
}

void SerialScanner::onFrameDeadline()
{
    deliver(m_framer.expire(m_clock.elapsed()));
    scheduleDeadline();
}

void SerialScanner::scheduleDeadline()
{
    const qint64 deadline = m_framer.deadlineMs();
    if (deadline < 0) {
        m_frameTimer.stop();
        return;
    }
    m_frameTimer.start(int(std::clamp<qint64>(deadline - m_clock.elapsed(), 0, 600000)));
}

void SerialScanner::deliver(const QList<SerialFrame> &frames)
{
    for (const SerialFrame &frame : frames) {
        if (frame.isRejected()) {
            // Noise can arrive many times a second; one log line a second is enough to diagnose it.
            const qint64 now = m_clock.elapsed();
            if (m_lastRejectLogMs < 0 || now - m_lastRejectLogMs >= 1000) {
                qCWarning(lcSerial).noquote()
                    << m_config.portName << frame.error
                    << (m_unloggedRejects ? QStringLiteral("(+%1 more rejected)").arg(m_unloggedRejects)
                                          : QString());
                m_lastRejectLogMs = now;
                m_unloggedRejects = 0;
            } else {
                ++m_unloggedRejects;
            }
            emit frameRejected(frame.error);
            continue;
        }
        RawScan scan;
        scan.data = frame.data;
        scan.aim = frame.aim;
        scan.source = ScanSource::Serial;
        scan.device = m_config.portName;
        scan.time = QDateTime::currentDateTimeUtc();
        emit scanned(scan);
    }
}

void SerialScanner::setState(State state, const QString &message)
{
    if (state == m_state && message == m_lastError)
        return;
    const bool changed = state != m_state;
    m_state = state;
    m_lastError = state == State::Connected ? QString() : message;
    if (changed)
        qCInfo(lcSerial).noquote() << message;
    emit stateChanged(state, message);
}

} // namespace dockhand
