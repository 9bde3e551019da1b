#include "scalereader.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcScale, "dockhand.scanner.scale")

namespace dockhand {

namespace {
// A scale line longer than this without a line end is noise, not a reading.
constexpr qsizetype kMaxLine = 256;
} // namespace

ScaleFormat ScaleFormat::defaults()
{
    ScaleFormat f;
    f.pattern
        = QRegularExpression(QStringLiteral(R"(^\s*(?<stable>[A-Z]{2}),(?<mode>[A-Z]{2}),\s*(?<sign>[+-])?)"
                                            R"(\s*(?<value>\d+(?:[.,]\d+)?)\s*(?<unit>kg|g|lb|lbs)\s*$)"),
            QRegularExpression::CaseInsensitiveOption);
    return f;
}

ScaleFormat ScaleFormat::fromPattern(const QString &pattern, QString *error)
{
    ScaleFormat f = defaults();
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    QString problem;
    if (!re.isValid())
        problem = QStringLiteral("scale pattern is not a valid regular expression: %1").arg(re.errorString());
    else if (!re.namedCaptureGroups().contains(QStringLiteral("value")))
        problem = QStringLiteral("scale pattern has no (?<value>...) group");
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return f;
    }
    f.pattern = re;
    return f;
}

std::optional<ScaleReading> ScaleFormat::parse(const QString &line) const
{
    const QRegularExpressionMatch m = pattern.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    QString value = m.captured(QStringLiteral("value"));
    value.replace(QLatin1Char(','), QLatin1Char('.')); // some scales print a decimal comma
    double number = value.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const QString unit = m.captured(QStringLiteral("unit")).toLower();
    if (unit == QLatin1String("g"))
        number /= 1000.0;
    else if (unit == QLatin1String("lb") || unit == QLatin1String("lbs"))
        number *= 0.45359237;
    else if (!unit.isEmpty() && unit != QLatin1String("kg"))
        return std::nullopt;
    if (m.captured(QStringLiteral("sign")) == QLatin1String("-"))
        number = -number;
    ScaleReading r;
    r.kg = number;
    r.text = line;
    // A pattern without a stable group belongs to a scale that only sends settled values.
    const bool hasStable = pattern.namedCaptureGroups().contains(QStringLiteral("stable"));
    r.stable
        = !hasStable || m.captured(QStringLiteral("stable")).compare(stableToken, Qt::CaseInsensitive) == 0;
    r.net = m.captured(QStringLiteral("mode")).compare(netToken, Qt::CaseInsensitive) == 0;
    return r;
}

ScaleReader::ScaleReader(ScaleConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    qRegisterMetaType<dockhand::ScaleReading>();
    m_reopen.setSingleShot(true);
    m_reopen.setInterval(m_config.reopenMs);
    connect(&m_reopen, &QTimer::timeout, this, &ScaleReader::tryOpen);
    connect(&m_port, &QSerialPort::readyRead, this, &ScaleReader::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &ScaleReader::onError);
}

ScaleReader::~ScaleReader()
{
    m_port.close();
}

void ScaleReader::start()
{
    if (m_state != State::Stopped)
        return;
    tryOpen();
}

void ScaleReader::stop()
{
    m_reopen.stop();
    m_port.close();
    m_buffer.clear();
    setState(State::Stopped, tr("Scale stopped"));
}

void ScaleReader::tryOpen()
{
    if (m_config.portName.isEmpty()) {
        setState(State::Disconnected, tr("No scale port configured"));
        return;
    }
    m_port.setPortName(m_config.portName);
    m_port.setBaudRate(m_config.baudRate);
    if (!m_port.open(QIODevice::ReadOnly)) {
        setState(State::Disconnected,
            tr("Scale port %1 cannot be opened: %2").arg(m_config.portName, m_port.errorString()));
        m_port.close();
        m_reopen.start();
        return;
    }
    m_buffer.clear();
    setState(State::Connected, tr("Scale connected on %1").arg(m_config.portName));
}

void ScaleReader::onError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError || error == QSerialPort::TimeoutError || !m_port.isOpen())
        return;
    // A vanished device reports errors in a tight loop: close now and come back on the timer.
    const QString message = tr("Scale on %1 lost: %2").arg(m_config.portName, m_port.errorString());
    m_port.close();
    m_buffer.clear();
    setState(State::Disconnected, message);
    m_reopen.start();
}

void ScaleReader::onReadyRead()
{
    m_buffer += m_port.readAll();
    for (;;) {
        qsizetype end = -1;
        for (qsizetype i = 0; i < m_buffer.size(); ++i) {
            if (m_buffer.at(i) == '\n' || m_buffer.at(i) == '\r') {
                end = i;
                break;
            }
        }
        if (end < 0)
            break;
        const QString line = QString::fromLatin1(m_buffer.left(end)).trimmed();
        m_buffer.remove(0, end + 1);
        if (line.isEmpty())
            continue;
        const auto r = m_config.format.parse(line);
        if (!r) {
            qCDebug(lcScale).noquote() << "scale line not understood:" << line;
            continue;
        }
        emit reading(*r);
        if (r->stable) {
            m_lastStable = r;
            emit stableWeight(r->kg);
        }
    }
    if (m_buffer.size() > kMaxLine)
        m_buffer.clear();
}

void ScaleReader::setState(State state, const QString &message)
{
    m_state = state;
    emit stateChanged(state, message);
}

} // namespace dockhand
