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
}

void DeviceStatus::setStorageError(const QString &error)
{
    if (error == m_storageError)
        return;
    m_storageError = error;
    emit storageErrorChanged();
}

} // namespace dockhand
