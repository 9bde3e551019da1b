#include "syncengine.h"

#include "localstore.h"
#include "scanqueue.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcSync, "dockhand.sync")

namespace dockhand {

SyncEngine::SyncEngine(SyncConfig config) : m_config(std::move(config)) { }

SyncEngine::~SyncEngine() = default;

QNetworkRequest SyncEngine::request(const QString &path) const
{
    QUrl url = m_config.serverUrl;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setTransferTimeout(m_config.requestTimeoutMs);
    if (!m_config.token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_config.token.toUtf8());
    req.setRawHeader("X-Dockhand-Device", m_config.deviceId.toUtf8());
    return req;
}

void SyncEngine::start()
{
    auto store = LocalStore::open(m_config.databasePath, QStringLiteral("dockhand-sync"));
    if (!store) {
        m_status.lastError = tr("Sync cannot open the scan queue: %1").arg(store.error());
        publish();
        return;
    }
    m_store = std::move(store.value());
    m_queue = std::make_unique<ScanQueue>(m_store.get(), m_config.deviceId);
    m_network = new QNetworkAccessManager(this);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncEngine::cycle);
    refreshBacklog();
    publish();
    cycle();
}

void SyncEngine::stop()
{
    if (m_timer)
        m_timer->stop();
    m_queue.reset();
    m_store.reset();
}

void SyncEngine::nudge()
{
    if (!m_queue)
        return;
    refreshBacklog();
    publish();
    if (m_busy) {
        m_moreWaiting = true;
        return;
    }
    // While backing off, keep the backoff: a dead server should not be hammered per scan.
    if (m_failures == 0)
        m_timer->start(0);
}

void SyncEngine::cycle()
{
    if (!m_queue || m_busy)
        return;
    auto batch = m_queue->pendingBatch(m_config.batchEvents, m_config.batchBytes);
    if (!batch) {
        fail(tr("Sync cannot read the scan queue: %1").arg(batch.error()));
        return;
    }
    if (batch->isEmpty()) {
        probeHealth();
        return;
    }
    sendBatch(std::move(batch.value()));
}

void SyncEngine::sendBatch(QList<protocol::ScanEvent> batch)
{
    m_busy = true;
    m_moreWaiting = false;
    const qint64 count = batch.size();
    protocol::UploadRequest upload {m_config.deviceId, std::move(batch)};
    m_status.inFlight = count;
    publish();
    QNetworkReply *reply = m_network->post(
        request(QStringLiteral("/v1/events")), QJsonDocument(upload.toJson()).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, count] { onUploadFinished(reply, count); });
}

void SyncEngine::onUploadFinished(QNetworkReply *reply, qint64 count)
{
    reply->deleteLater();
    m_busy = false;
    m_status.inFlight = 0;
    const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && http == 0) {
        fail(tr("Server not reachable: %1").arg(reply->errorString()));
        return;
    }
    const QByteArray body = reply->readAll();
    if (http == 429 || http == 503) {
        bool ok = false;
        const int retryAfter = reply->rawHeader("Retry-After").toInt(&ok);
        fail(tr("Server busy (HTTP %1)").arg(http), ok ? retryAfter * 1000 : -1);
        return;
    }
    if (http != 200) {
        const QString serverError
            = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
        fail(tr("Server refused the upload (HTTP %1)%2")
                 .arg(http)
                 .arg(serverError.isEmpty() ? QString() : QStringLiteral(": ") + serverError.left(200)));
        return;
    }
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(body, &parseError);
    QString why;
    const auto response
        = doc.isObject() ? protocol::UploadResponse::fromJson(doc.object(), &why) : std::nullopt;
    if (!response) {
        fail(tr("Server answer not understood: %1").arg(why.isEmpty() ? parseError.errorString() : why));
        return;
    }
    if (response->results.size() != count) {
        // A partial answer is not trusted as a whole; the acks it does carry are still valid
        // (the server keyed them by event id), so apply those and resend the rest.
        qCWarning(lcSync) << "server answered" << response->results.size() << "of" << count << "events";
    }
    if (auto applied = m_queue->applyAcks(response->results); !applied) {
        fail(tr("Sync cannot record the server's answer: %1").arg(applied.error()));
        return;
    }
    emit acknowledged(response->results);
    succeed();
    refreshBacklog();
    publish();
    m_timer->start(m_status.backlog > 0 ? 0 : m_config.idleIntervalMs);
}

void SyncEngine::probeHealth()
{
    m_busy = true;
    QNetworkReply *reply = m_network->get(request(QStringLiteral("/v1/health")));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_busy = false;
        const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (http != 200) {
            fail(http == 0 ? tr("Server not reachable: %1").arg(reply->errorString())
                           : tr("Server unhealthy (HTTP %1)").arg(http));
            return;
        }
        succeed();
        publish();
        m_timer->start(m_moreWaiting ? 0 : m_config.idleIntervalMs);
    });
}

void SyncEngine::succeed()
{
    m_failures = 0;
    m_status.online = true;
    m_status.started = true;
    m_status.lastError.clear();
    m_status.lastSuccess = QDateTime::currentDateTimeUtc();
}

void SyncEngine::fail(const QString &message, int retryAfterMs)
{
    if (m_status.lastError != message)
        qCWarning(lcSync).noquote() << message;
    m_status.online = false;
    m_status.started = true;
    m_status.lastError = message;
    ++m_failures;
    // Exponential backoff with full jitter on the upper half, capped; Retry-After wins when given.
    const int exponent = std::min(m_failures - 1, 16);
    const qint64 ceiling = std::min<qint64>(qint64(m_config.minBackoffMs) << exponent, m_config.maxBackoffMs);
    qint64 delay = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
    if (retryAfterMs >= 0)
        delay = std::max<qint64>(retryAfterMs, m_config.minBackoffMs);
    refreshBacklog();
    publish();
    m_timer->start(int(delay));
}

void SyncEngine::refreshBacklog()
{
    if (!m_queue)
        return;
    if (auto n = m_queue->backlog())
        m_status.backlog = n.value();
}

void SyncEngine::publish()
{
    emit statusChanged(m_status);
}

SyncController::SyncController(SyncConfig config, QObject *parent)
    : QObject(parent), m_engine(new SyncEngine(std::move(config)))
{
    qRegisterMetaType<dockhand::SyncStatus>();
    qRegisterMetaType<QList<dockhand::protocol::EventAck>>();
    m_thread.setObjectName(QStringLiteral("dockhand-sync"));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SyncEngine::acknowledged, this, &SyncController::acknowledged);
    connect(m_engine, &SyncEngine::statusChanged, this, [this](const SyncStatus &status) {
        m_status = status;
        emit statusChanged(status);
    });
}

SyncController::~SyncController()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_engine, &SyncEngine::stop, Qt::BlockingQueuedConnection);
    else
        delete m_engine;
    m_thread.quit();
    m_thread.wait();
}

void SyncController::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);
}

void SyncController::nudge()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::nudge, Qt::QueuedConnection);
}

} // namespace dockhand
