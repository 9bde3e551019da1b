#pragma once

#include "protocol.h"

#include <QDateTime>
#include <QObject>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace dockhand {

class DeviceCache;
class LocalStore;
class ScanQueue;

struct SyncConfig
{
    QUrl serverUrl; // e.g. http://127.0.0.1:8765 or https://orders.site.example:8765
    // PEM file of the site's own CA certificate, trusted for https:// besides the system's CAs
    // (a server certificate the site signed itself). Empty: the system's CAs only.
    QString serverCa;
    QString deviceId;
    QString databasePath; // the same file the UI thread's queue uses
    QString token; // device token from the config; when empty the token kept in device_meta is used
    QString deviceName; // sent when enrolling
    QString enrolCode; // enrolment code from the admin; used when the device has no token yet
    int batchEvents = 200;
    qint64 batchBytes = 256 * 1024;
    int minBackoffMs = 500;
    int maxBackoffMs = 30000;
    int idleIntervalMs = 3000; // how often an idle engine checks the server
    int requestTimeoutMs = 15000;
    int downloadLimit = 500; // changes per GET /v1/sync page
};

// What the UI shows about sync.
struct SyncStatus
{
    bool online = false; // the last request reached the server and got a sensible answer
    bool started = false; // false until the first answer or failure
    qint64 backlog = 0; // events on the device the server has not confirmed
    qint64 inFlight = 0; // events in the request now under way
    // Progress while a backlog drains: `drained` of `total` events confirmed since the backlog
    // last was empty (total = drained + backlog). Both are 0 when nothing is waiting.
    qint64 drained = 0;
    qint64 total = 0;
    bool enrolled = false; // the device holds a token (or the server does not ask for one)
    QDateTime lastDownload; // last time the device cache was brought up to date
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

    // Every HTTP request is a pass of the fault point faults::kHttpRequest ("http-request", see
    // faults.h): armed, the chosen request is sent but its answer is thrown away.

signals:
    void acknowledged(const QList<dockhand::protocol::EventAck> &acks);
    void statusChanged(const dockhand::SyncStatus &status);
    void cacheChanged(); // a download changed the device cache; readers refresh

private:
    // One HTTP answer, read once from a finished reply.
    struct Answer
    {
        int http = 0; // 0: no HTTP answer (connection failed, timed out, or injected fault)
        QByteArray body;
        QString networkError;
        int retryAfterMs = -1;
        QString untrusted; // set when the server's TLS certificate was refused: why, for the admin
    };

    void openStore();
    void cycle();
    void enrol();
    void sendBatch(QList<protocol::ScanEvent> batch);
    void download();
    void probeHealth();
    void onUploadFinished(const Answer &answer, qint64 count);
    void onDownloadFinished(const Answer &answer);
    // Common handling of an answer that is not a 200; returns true when it handled it.
    bool failed(const Answer &answer, const QString &what);
    void fail(const QString &message, int retryAfterMs = -1);
    QString unreachable(const Answer &answer) const; // lastError for an answer without HTTP
    void succeed();
    void idle();
    void refreshBacklog();
    void publish();
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    QNetworkReply *send(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body);
    template<typename F> void onAnswer(QNetworkReply *reply, F handler);

    SyncConfig m_config;
    QString m_token;
    std::optional<QSslConfiguration> m_tls; // with the site's CA (SyncConfig::serverCa)
    QString m_trustError; // the site's CA file cannot be used: nothing is sent until it is fixed
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<ScanQueue> m_queue;
    std::unique_ptr<DeviceCache> m_cache;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timer = nullptr;
    bool m_busy = false;
    bool m_moreWaiting = false;
    bool m_downloadDue = true; // on start, after uploads and on every idle round
    bool m_downloadSupported = true; // false while the server answers 404 to GET /v1/sync
    bool m_enrolSupported = true; // false while the server answers 404 to POST /v1/enrol
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
    void cacheChanged();

private:
    QThread m_thread;
    SyncEngine *m_engine;
    SyncStatus m_status;
};

} // namespace dockhand

Q_DECLARE_METATYPE(dockhand::SyncStatus)
