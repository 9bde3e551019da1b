#include "devicestatus.h"

namespace dockhand {

DeviceStatus::DeviceStatus(QString deviceId, QString deviceName, QObject *parent)
    : QObject(parent), m_deviceId(std::move(deviceId)), m_deviceName(std::move(deviceName))
{ }

void DeviceStatus::setOperatorName(const QString &name)
{
    if (name == m_operatorName)
        return;
    m_operatorName = name;
    emit operatorNameChanged();
}

void DeviceStatus::setScanner(const QString &state, const QString &message)
{
    if (state == m_scannerState && message == m_scannerMessage)
        return;
    m_scannerState = state;
    m_scannerMessage = message;
    emit scannerChanged();
    emit healthChanged();
}

void DeviceStatus::setStorageError(const QString &error, bool usable)
{
    if (error == m_storageError && usable == m_storageUsable)
        return;
    m_storageError = error;
    m_storageUsable = usable;
    emit storageErrorChanged();
    emit healthChanged();
}

void DeviceStatus::setWriteFailure(const QString &reason)
{
    if (reason == m_writeFailure)
        return;
    m_writeFailure = reason;
    emit healthChanged();
}

QString DeviceStatus::health() const
{
    if (!m_storageUsable || !m_writeFailure.isEmpty())
        return QStringLiteral("storage");
    if (m_scannerState == QLatin1String("disconnected"))
        return QStringLiteral("scanner");
    return QStringLiteral("ok");
}

QString DeviceStatus::healthTitle() const
{
    const QString h = health();
    if (h == QLatin1String("storage"))
        return tr("CANNOT SAVE SCANS");
    if (h == QLatin1String("scanner"))
        return tr("SCANNER DISCONNECTED");
    return {};
}

QString DeviceStatus::healthMessage() const
{
    const QString h = health();
    if (h == QLatin1String("storage")) {
        QString why = (!m_writeFailure.isEmpty() ? m_writeFailure : m_storageError).trimmed();
        if (!why.isEmpty() && !why.endsWith(QLatin1Char('.')) && !why.endsWith(QLatin1Char('!')))
            why += QLatin1Char('.');
        return tr("%1 Nothing you scan is kept until this is fixed: call a supervisor.").arg(why);
    }
    if (h == QLatin1String("scanner")) {
        return m_scannerMessage.isEmpty()
            ? tr("Check the scanner's cable or cradle. Scans resume when it is back.")
            : tr("%1. Check the scanner's cable or cradle; scans resume when it is back.")
                  .arg(m_scannerMessage);
    }
    return {};
}

} // namespace dockhand
