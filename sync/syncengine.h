#pragma once

#include "protocol.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace dockhand {

class LocalStore;
class ScanQueue;

struct SyncConfig
{
    QUrl serverUrl; // e.g. http://127.0.0.1:8765
    QString deviceId;
    QString databasePath; // the same file the UI thread's queue uses
    QString token; // device token, sent as a Bearer token when set
    int batchEvents = 200;
    qint64 batchBytes = 256 * 1024;
    int minBackoffMs = 500;
    int maxBackoffMs = 30000;
    int idleIntervalMs = 3000; // how often an idle engine checks the server
    int requestTimeoutMs = 15000;
};

// What the UI shows about sync.
struct SyncStatus
{
    bool online = false; // the last request reached the server and got a sensible answer
    bool started = false; // false until the first answer or failure
    qint64 backlog = 0; // events on the device the server has not confirmed
    qint64 inFlight = 0; // events in the request now under way
    QDateTime lastSuccess; // last time the server confirmed anything (or answered health)
    QString lastError; // empty when the last attempt worked
};

// Sends the queue to the server, oldest first, in batches; marks events from the server's
// per-event answers; backs off (exponential, jittered, capped, Retry-After honoured) while the
// server is unreachable. Lives on its own thread with its own database connection, so a slow
// network or a long backlog never delays a scan.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    explicit SyncEngine(SyncConfig config);
    ~SyncEngine() override;

public slots:
    void start(); // runs on the sync thread: opens the connection, starts the cycle
    void nudge(); // new events were committed; send soon
    void stop();

signals:
    void acknowledged(const QList<dockhand::protocol::EventAck> &acks);
    void statusChanged(const dockhand::SyncStatus &status);

private:
    void cycle();
    void sendBatch(QList<protocol::ScanEvent> batch);
    void probeHealth();
    void onUploadFinished(QNetworkReply *reply, qint64 count);
    void fail(const QString &message, int retryAfterMs = -1);
    void succeed();
    void refreshBacklog();
    void publish();
    QNetworkRequest request(const QString &path) const;

    SyncConfig m_config;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<ScanQueue> m_queue;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timer = nullptr;
    bool m_busy = false;
    bool m_moreWaiting = false;
    int m_failures = 0;
    SyncStatus m_status;
};

// The UI thread's handle on the sync engine: owns the thread and forwards signals.
class SyncController : public QObject
{
    Q_OBJECT
public:
    explicit SyncController(SyncConfig config, QObject *parent = nullptr);
    ~SyncController() override;

    void start();
    void nudge();
    const SyncStatus &status() const { return m_status; }

signals:
    void acknowledged(const QList<dockhand::protocol::EventAck> &acks);
    void statusChanged(const dockhand::SyncStatus &status);

private:
    QThread m_thread;
    SyncEngine *m_engine;
    SyncStatus m_status;
};

} // namespace dockhand

Q_DECLARE_METATYPE(dockhand::SyncStatus)
