#pragma once

#include <QObject>
#include <QString>

namespace dockhand {

// Who and what this device is, and the state of its scanner and storage, for the screens.
class DeviceStatus : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString deviceId READ deviceId CONSTANT)
    Q_PROPERTY(QString deviceName READ deviceName CONSTANT)
    Q_PROPERTY(QString operatorName READ operatorName NOTIFY operatorNameChanged)
    Q_PROPERTY(QString scannerState READ scannerState NOTIFY scannerChanged)
    Q_PROPERTY(QString scannerMessage READ scannerMessage NOTIFY scannerChanged)
    Q_PROPERTY(QString storageError READ storageError NOTIFY storageErrorChanged)
public:
    DeviceStatus(QString deviceId, QString deviceName, QObject *parent = nullptr);

    QString deviceId() const { return m_deviceId; }
    QString deviceName() const { return m_deviceName; }
    QString operatorName() const { return m_operatorName; }
    // "none" (no scanner configured), "connected" or "disconnected".
    QString scannerState() const { return m_scannerState; }
    QString scannerMessage() const { return m_scannerMessage; }
    QString storageError() const { return m_storageError; }

    void setOperatorName(const QString &name);
    void setScanner(const QString &state, const QString &message);
    void setStorageError(const QString &error);

signals:
    void operatorNameChanged();
    void scannerChanged();
    void storageErrorChanged();

private:
    QString m_deviceId;
    QString m_deviceName;
    QString m_operatorName;
    QString m_scannerState = QStringLiteral("none");
    QString m_scannerMessage;
    QString m_storageError;
};

} // namespace dockhand
