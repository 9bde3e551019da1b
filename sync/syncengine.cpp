#include "syncengine.h"

#include "faults.h"

#include "devicecache.h"
#include "localstore.h"
#include "scanqueue.h"
#include "servertrust.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <atomic>

Q_LOGGING_CATEGORY(lcSync, "dockhand.sync.engine")

namespace dockhand {

namespace {

const QString kTokenKey = QStringLiteral("device_token");
const char *const kInjectedFault = "dockhandInjectedFault";
const char *const kUntrusted = "dockhandUntrustedServer";

QString serverError(const QByteArray &body)
{
    const QString error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
    return error.isEmpty() ? QString() : QStringLiteral(": ") + error.left(200);
}

} // namespace

SyncEngine::SyncEngine(SyncConfig config) : m_config(std::move(config)) { }

SyncEngine::~SyncEngine() = default;

QNetworkRequest SyncEngine::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_config.serverUrl;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setTransferTimeout(m_config.requestTimeoutMs);
    if (m_tls)
        req.setSslConfiguration(*m_tls);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    req.setRawHeader("X-Dockhand-Device", m_config.deviceId.toUtf8());
    return req;
}

QNetworkReply *SyncEngine::send(
    const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body)
{
    QNetworkReply *reply = verb == "GET" ? m_network->get(request) : m_network->post(request, body);
    // A certificate the device does not trust ends the request (never ignored); keep why, so the
    // sync status names the certificate problem instead of a bare "handshake failed".
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        reply->setProperty(kUntrusted, describeUntrustedServer(reply->url().host(), errors));
    });
    if (faults::pass(faults::kHttpRequest)) {
        qCWarning(lcSync) << "fault injection: the answer to this HTTP request will be lost";
        reply->setProperty(kInjectedFault, true);
    }
    return reply;
}

template<typename F> void SyncEngine::onAnswer(QNetworkReply *reply, F handler)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler] {
        reply->deleteLater();
        m_busy = false;
        // stop() may have closed the store while the request was under way.
        if (!m_queue)
            return;
        Answer answer;
        if (reply->property(kInjectedFault).toBool()) {
            answer.networkError = QStringLiteral("connection lost (injected fault)");
        } else {
            answer.http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.body = reply->readAll();
            // A body cut short is no answer at all, whatever the status line said.
            if (reply->error() != QNetworkReply::NoError && answer.http >= 200 && answer.http < 300)
                answer.http = 0;
            answer.networkError = reply->errorString();
            answer.untrusted = reply->property(kUntrusted).toString();
            bool ok = false;
            const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
            if (ok && seconds >= 0)
                answer.retryAfterMs = std::min(seconds, 3600) * 1000;
        }
        handler(answer);
    });
}

void SyncEngine::start()
{
    if (!m_config.serverCa.isEmpty()) {
        auto ca = loadServerCa(m_config.serverCa);
        if (ca)
            m_tls = serverTlsConfiguration(ca.value());
        else
            m_trustError = ca.error();
    }
    m_network = new QNetworkAccessManager(this);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncEngine::cycle);
    openStore();
}

void SyncEngine::openStore()
{
    // One connection name per engine: a process may run several (tests, benchmarks, fleets).
    auto store
        = LocalStore::open(m_config.databasePath, QStringLiteral("dockhand-sync-%1").arg(quintptr(this)));
    if (!store) {
        // Try again later: storage trouble (full, failing) can pass, and the scans wait.
        fail(tr("Sync cannot open the scan queue: %1").arg(store.error()));
        return;
    }
    m_store = std::move(store.value());
    m_queue = std::make_unique<ScanQueue>(m_store.get(), m_config.deviceId);
    m_cache = std::make_unique<DeviceCache>(m_store.get());
    m_token = m_config.token.isEmpty() ? m_store->meta(kTokenKey) : m_config.token;
    m_status.enrolled = !m_token.isEmpty();
    refreshBacklog();
    publish();
    cycle();
}

void SyncEngine::stop()
{
    if (m_timer)
        m_timer->stop();
    m_cache.reset();
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
    if (!m_queue) {
        openStore();
        return;
    }
    if (m_busy)
        return;
    if (!m_trustError.isEmpty()) {
        fail(m_trustError);
        return;
    }
    if (m_token.isEmpty() && m_enrolSupported && !m_config.enrolCode.isEmpty()) {
        enrol();
        return;
    }
    auto batch = m_queue->pendingBatch(m_config.batchEvents, m_config.batchBytes);
    if (!batch) {
        fail(tr("Sync cannot read the scan queue: %1").arg(batch.error()));
        return;
    }
    if (!batch->isEmpty()) {
        sendBatch(std::move(batch.value()));
        return;
    }
    if (m_downloadDue) {
        download();
        return;
    }
    probeHealth();
}

void SyncEngine::enrol()
{
    m_busy = true;
    const QJsonObject body {{QLatin1String("code"), m_config.enrolCode},
        {QLatin1String("device"), m_config.deviceId},
        {QLatin1String("name"), m_config.deviceName.isEmpty() ? m_config.deviceId : m_config.deviceName}};
    QNetworkReply *reply = send(
        "POST", request(QStringLiteral("/v1/enrol")), QJsonDocument(body).toJson(QJsonDocument::Compact));
    onAnswer(reply, [this](const Answer &answer) {
        if (answer.http == 404) {
            // This server does not enrol devices (an older one, or auth switched off): work
            // without a token until a 401 says otherwise.
            qCInfo(lcSync) << "the server does not offer enrolment; syncing without a device token";
            m_enrolSupported = false;
            m_status.enrolled = true;
            m_timer->start(0);
            return;
        }
        if (answer.http == 200 || answer.http == 201) {
            const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
            const QString token = json.value(QLatin1String("token")).toString();
            if (token.isEmpty()) {
                fail(tr("Enrolment answer has no token"));
                return;
            }
            // Before anything is sent: a new queue numbers on after what the server already
            // holds from this device (a wiped handheld, a queue restarted after damage).
            if (const QJsonValue lastSeq = json.value(QLatin1String("lastSeq")); lastSeq.isDouble()) {
                const auto moved = m_queue->continueAfter(lastSeq.toInteger());
                if (!moved) {
                    fail(tr("Cannot number the scan queue after the server's: %1").arg(moved.error()));
                    return;
                }
                if (moved.value() > 0)
                    qCInfo(lcSync) << moved.value() << "unsent scans renumbered after" << lastSeq.toInteger()
                                   << "(the server's last for this device)";
            }
            if (auto stored = m_store->setMeta(kTokenKey, token); !stored) {
                fail(tr("Cannot keep the device token: %1").arg(stored.error()));
                return;
            }
            m_token = token;
            m_status.enrolled = true;
            qCInfo(lcSync) << "device" << m_config.deviceId << "enrolled";
            succeed();
            publish();
            m_timer->start(0);
            return;
        }
        if (answer.http == 0) {
            fail(unreachable(answer));
            return;
        }
        fail(tr("The server refused to enrol this device (HTTP %1)%2. Check the enrolment code.")
                 .arg(answer.http)
                 .arg(serverError(answer.body)),
            answer.retryAfterMs);
    });
}

void SyncEngine::sendBatch(QList<protocol::ScanEvent> batch)
{
    m_busy = true;
    m_moreWaiting = false;
    const qint64 count = batch.size();
    protocol::UploadRequest upload {m_config.deviceId, std::move(batch)};
    m_status.inFlight = count;
    publish();
    QNetworkReply *reply = send("POST", request(QStringLiteral("/v1/events")),
        QJsonDocument(upload.toJson()).toJson(QJsonDocument::Compact));
    onAnswer(reply, [this, count](const Answer &answer) { onUploadFinished(answer, count); });
}

bool SyncEngine::failed(const Answer &answer, const QString &what)
{
    if (answer.http == 200)
        return false;
    if (answer.http == 0) {
        fail(unreachable(answer));
    } else if (answer.http == 401) {
        // The token is gone on the server (device removed, database reset): forget it and
        // enrol again after the backoff.
        m_token.clear();
        if (auto forgotten = m_store->setMeta(kTokenKey, QString()); !forgotten)
            qCWarning(lcSync).noquote() << "cannot forget the device token:" << forgotten.error();
        m_enrolSupported = true;
        m_status.enrolled = false;
        fail(m_config.enrolCode.isEmpty()
                ? tr("The server did not accept this device (HTTP 401) and no enrolment code is set")
                : tr("The server did not accept this device's token (HTTP 401); enrolling again"));
    } else if (answer.http == 429 || answer.http == 503) {
        fail(tr("Server busy (HTTP %1)").arg(answer.http), answer.retryAfterMs);
    } else {
        fail(tr("Server refused %1 (HTTP %2)%3").arg(what).arg(answer.http).arg(serverError(answer.body)),
            answer.retryAfterMs);
    }
    return true;
}

void SyncEngine::onUploadFinished(const Answer &answer, qint64 count)
{
    m_status.inFlight = 0;
    if (failed(answer, tr("the upload")))
        return;
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(answer.body, &parseError);
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
    m_status.drained += response->results.size();
    emit acknowledged(response->results);
    // The events changed orders and stock on the server: bring the cache up to date after the
    // backlog is through.
    m_downloadDue = true;
    succeed();
    refreshBacklog();
    publish();
    m_timer->start(0);
}

void SyncEngine::download()
{
    m_busy = true;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("cursor"), m_cache->cursor());
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_config.downloadLimit));
    QNetworkReply *reply = send("GET", request(QStringLiteral("/v1/sync"), query), {});
    onAnswer(reply, [this](const Answer &answer) { onDownloadFinished(answer); });
}

void SyncEngine::onDownloadFinished(const Answer &answer)
{
    if (answer.http == 404) {
        // A server without the download endpoint: nothing to cache, but it answered.
        if (m_downloadSupported)
            qCInfo(lcSync) << "the server does not offer GET /v1/sync; the device cache stays as it is";
        m_downloadSupported = false;
        m_downloadDue = false;
        succeed();
        idle();
        return;
    }
    if (failed(answer, tr("the download")))
        return;
    m_downloadSupported = true;
    QString why;
    const auto page = protocol::SyncPage::fromJson(QJsonDocument::fromJson(answer.body).object(), &why);
    if (!page) {
        fail(tr("Server answer not understood: a sync page needs 'cursor' and 'changes'"));
        return;
    }
    const QString &next = page->cursor;
    const QJsonArray &list = page->changes;
    if (!list.isEmpty() || next != m_cache->cursor()) {
        if (auto applied = m_cache->applyChanges(list, next); !applied) {
            fail(tr("Sync cannot store the downloaded data: %1").arg(applied.error()));
            return;
        }
        if (!list.isEmpty())
            emit cacheChanged();
    }
    succeed();
    if (page->more && !list.isEmpty()) {
        m_timer->start(0);
        return;
    }
    m_downloadDue = false;
    m_status.lastDownload = QDateTime::currentDateTimeUtc();
    publish();
    idle();
}

void SyncEngine::probeHealth()
{
    m_busy = true;
    QNetworkReply *reply = send("GET", request(QStringLiteral("/v1/health")), {});
    onAnswer(reply, [this](const Answer &answer) {
        if (answer.http != 200) {
            fail(answer.http == 0 ? unreachable(answer) : tr("Server unhealthy (HTTP %1)").arg(answer.http),
                answer.retryAfterMs);
            return;
        }
        succeed();
        publish();
        idle();
    });
}

QString SyncEngine::unreachable(const Answer &answer) const
{
    return answer.untrusted.isEmpty() ? tr("Server not reachable: %1").arg(answer.networkError)
                                      : answer.untrusted;
}

void SyncEngine::idle()
{
    // The next idle round downloads again: that is both the periodic refresh of the cache and
    // the check that the server is still there.
    m_downloadDue = m_downloadSupported || m_downloadDue;
    m_timer->start(m_moreWaiting ? 0 : m_config.idleIntervalMs);
    m_moreWaiting = false;
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
    m_status.inFlight = 0;
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
    if (m_status.backlog == 0)
        m_status.drained = 0;
    m_status.total = m_status.backlog == 0 ? 0 : m_status.drained + m_status.backlog;
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
    connect(m_engine, &SyncEngine::cacheChanged, this, &SyncController::cacheChanged);
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
