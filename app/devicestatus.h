#pragma once

#include <QObject>
#include <QString>

namespace dockhand {

// Who and what this device is, and the state of its scanner and storage, for the screens. Its
// `health` sums up what stops the operator from scanning, shown on every screen (the header's
// chip and the banner while nothing has been scanned): the device never says "Ready to scan"
// while it cannot keep scans or its scanner is gone.
class DeviceStatus : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString deviceId READ deviceId CONSTANT)
    Q_PROPERTY(QString deviceName READ deviceName CONSTANT)
    Q_PROPERTY(QString operatorName READ operatorName NOTIFY operatorNameChanged)
    Q_PROPERTY(QString scannerState READ scannerState NOTIFY scannerChanged)
    Q_PROPERTY(QString scannerMessage READ scannerMessage NOTIFY scannerChanged)
    Q_PROPERTY(QString storageError READ storageError NOTIFY storageErrorChanged)
    // "ok", "storage" (scans cannot be saved) or "scanner" (the configured scanner is gone).
    Q_PROPERTY(QString health READ health NOTIFY healthChanged)
    // Short, in capitals, for the chip and the banner's title ("CANNOT SAVE SCANS").
    Q_PROPERTY(QString healthTitle READ healthTitle NOTIFY healthChanged)
    // What is wrong and what to do, in the operator's language.
    Q_PROPERTY(QString healthMessage READ healthMessage NOTIFY healthChanged)
public:
    DeviceStatus(QString deviceId, QString deviceName, QObject *parent = nullptr);

    QString deviceId() const { return m_deviceId; }
    QString deviceName() const { return m_deviceName; }
    QString operatorName() const { return m_operatorName; }
    // "none" (no scanner configured), "connected" or "disconnected".
    QString scannerState() const { return m_scannerState; }
    QString scannerMessage() const { return m_scannerMessage; }
    QString storageError() const { return m_storageError; }
    QString health() const;
    QString healthTitle() const;
    QString healthMessage() const;

    void setOperatorName(const QString &name);
    void setScanner(const QString &state, const QString &message);
    // `error` is shown on the sync screen; `usable` false means no scan can be saved now (the
    // storage could not be opened, or the last write failed: disk full, file damaged).
    void setStorageError(const QString &error, bool usable = true);
    // The last write failed (`reason`), or, with an empty reason, writes work again.
    void setWriteFailure(const QString &reason);

signals:
    void operatorNameChanged();
    void scannerChanged();
    void storageErrorChanged();
    void healthChanged();

private:
    QString m_deviceId;
    QString m_deviceName;
    QString m_operatorName;
    QString m_scannerState = QStringLiteral("none");
    QString m_scannerMessage;
    QString m_storageError;
    bool m_storageUsable = true;
    QString m_writeFailure;
};

} // namespace dockhand
