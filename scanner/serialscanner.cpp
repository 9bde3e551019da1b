#include "serialscanner.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSerial, "dockhand.scanner.serial")

namespace dockhand {

namespace {
// An AIM symbology identifier: ']' + code character + modifier character.
bool startsWithAim(const QByteArray &frame)
{
    return frame.size() >= 3 && frame.at(0) == ']' && QChar::isLetter(uchar(frame.at(1)))
        && QChar::isLetterOrNumber(uchar(frame.at(2)));
}
} // namespace

SerialScanner::SerialScanner(SerialScannerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_reopenTimer.setSingleShot(true);
    m_reopenTimer.setInterval(m_config.reopenIntervalMs);
    connect(&m_reopenTimer, &QTimer::timeout, this, &SerialScanner::tryOpen);
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
    m_port.close();
    m_buffer.clear();
    setState(State::Stopped, tr("Scanner stopped"));
}

void SerialScanner::tryOpen()
{
    if (m_config.portName.isEmpty()) {
        setState(State::Disconnected, tr("No scanner port configured"));
        return;
    }
    m_port.setPortName(m_config.portName);
    m_port.setBaudRate(m_config.baudRate);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port.open(QIODevice::ReadOnly)) {
        setState(State::Disconnected,
                 tr("Scanner port %1 cannot be opened: %2").arg(m_config.portName, m_port.errorString()));
        m_port.close();
        m_reopenTimer.start();
        return;
    }
    m_buffer.clear();
    m_discardingOversize = false;
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
    m_buffer.clear();
    setState(State::Disconnected, message);
    m_reopenTimer.start();
}

void SerialScanner::onReadyRead()
{
    m_buffer.append(m_port.readAll());
    for (;;) {
        qsizetype end = -1;
        for (qsizetype i = 0; i < m_buffer.size(); ++i) {
            if (m_buffer.at(i) == '\r' || m_buffer.at(i) == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0)
            break;
        QByteArray frame = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        if (m_discardingOversize) {
            m_discardingOversize = false;
            continue;
        }
        if (!frame.isEmpty())
            emitFrame(std::move(frame));
    }
    if (m_buffer.size() > m_config.maxFrameBytes) {
        m_buffer.clear();
        m_discardingOversize = true;
        emit frameRejected(tr("Scanner sent more than %1 bytes without an end of line; ignored")
                               .arg(m_config.maxFrameBytes));
    }
}

void SerialScanner::emitFrame(QByteArray frame)
{
    if (frame.contains('\0')) {
        emit frameRejected(tr("Scanner data contains NUL bytes; ignored"));
        return;
    }
    RawScan scan;
    if (startsWithAim(frame)) {
        scan.aim = QString::fromLatin1(frame.left(3));
        frame.remove(0, 3);
    }
    scan.data = std::move(frame);
    scan.source = ScanSource::Serial;
    scan.device = m_config.portName;
    scan.time = QDateTime::currentDateTimeUtc();
    emit scanned(scan);
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
