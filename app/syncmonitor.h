#pragma once

#include "syncengine.h"

#include <QObject>
#include <QTimer>

namespace dockhand {

// The sync engine's state as the screens show it: online or not, backlog, last good sync, last error.
class SyncMonitor : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool online READ online NOTIFY changed)
    Q_PROPERTY(bool started READ started NOTIFY changed)
    // Scans not yet on the server (a double for QML: JavaScript numbers, exact far beyond any queue).
    Q_PROPERTY(double backlog READ backlogForQml NOTIFY changed)
    Q_PROPERTY(qint64 inFlight READ inFlight NOTIFY changed)
    Q_PROPERTY(QString serverUrl READ serverUrl CONSTANT)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY changed)
    Q_PROPERTY(QString lastSuccessText READ lastSuccessText NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
public:
    explicit SyncMonitor(QString serverUrl, QObject *parent = nullptr);

    void update(const SyncStatus &status);
    // The UI thread committed a scan: count it at once, before the sync thread reports.
    void addPending(qint64 n);

    bool online() const { return m_status.online; }
    bool started() const { return m_status.started; }
    qint64 backlog() const { return m_status.backlog; }
    double backlogForQml() const { return double(m_status.backlog); }
    qint64 inFlight() const { return m_status.inFlight; }
    QString serverUrl() const { return m_serverUrl; }
    QDateTime lastSuccess() const { return m_status.lastSuccess; }
    // When the device cache was last brought fully up to date (invalid before the first download).
    QDateTime lastDownload() const { return m_status.lastDownload; }
    QString lastSuccessText() const;
    QString lastError() const { return m_status.lastError; }

signals:
    void changed();

private:
    SyncStatus m_status;
    QString m_serverUrl;
    QTimer m_tick; // keeps "12 s ago" current
};

} // namespace dockhand
