#include "appcore.h"

#include "camerascanner.h"

#include <QCamera>
#include <QLoggingCategory>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoSink>

Q_LOGGING_CATEGORY(lcApp, "dockhand.app.core")

namespace dockhand {

namespace {
constexpr char kEngineCore[] = "dockhandCore";
}

void AppCore::attachTo(QObject *engine)
{
    engine->setProperty(kEngineCore, QVariant::fromValue(static_cast<QObject *>(this)));
}

AppCore *AppCore::of(const QObject *engine)
{
    return engine ? qobject_cast<AppCore *>(engine->property(kEngineCore).value<QObject *>()) : nullptr;
}

AppCore::AppCore(AppConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_settings(m_config.serverUrl.toString(), m_config.serialScanner.portName)
    , m_device(m_config.deviceId, m_config.deviceName)
    , m_syncMonitor(m_config.serverUrl.toString())
{
    m_device.setOperatorName(m_config.operatorName);
    m_recorder.setOperator(m_config.operatorName);
    m_recorder.setStorageRecovery([this] { return openStorage(); });
    connect(&m_wedge, &WedgeFilter::scanned, this, &AppCore::onRawScan);
    connect(&m_recorder, &ScanRecorder::storageFailed, &m_device, &DeviceStatus::setWriteFailure);
    connect(
        &m_recorder, &ScanRecorder::storageRecovered, &m_device, [this] { m_device.setWriteFailure({}); });
    connect(&m_recorder, &ScanRecorder::recorded, this, [this](const QueuedEvent &event) {
        m_scanList.prepend(event);
        m_review.queueChanged();
        m_syncMonitor.addPending(1);
        if (m_sync)
            m_sync->nudge();
    });
    connect(m_workflows.session(), &OperatorSession::operatorChanged, this,
        [this] { m_device.setOperatorName(m_workflows.session()->operatorName()); });
    // New tasks downloaded: the picker's list shows them without leaving the screen.
    connect(this, &AppCore::cacheChanged, m_workflows.pick(), &PickWorkflow::refreshTasks);
}

AppCore::~AppCore()
{
    // Stop the sync thread before the UI thread's connection goes away.
    m_sync.reset();
    m_serial.reset();
    m_scale.reset();
    m_recorder.setQueue(nullptr);
    m_review.setQueue(nullptr);
    m_floor.setCache(nullptr);
    m_cache.reset();
    m_queue.reset();
    m_store.reset();
}

QString AppCore::openStorage()
{
    if (m_queue)
        return {};
    LocalStore::OpenReport report;
    auto store = LocalStore::open(m_config.queuePath(), QStringLiteral("dockhand-ui"), &report);
    if (!store) {
        qCCritical(lcApp).noquote() << store.error();
        m_device.setStorageError(store.error(), false);
        return store.error();
    }
    m_store = std::move(store.value());
    m_queue = std::make_unique<ScanQueue>(m_store.get(), m_config.deviceId);
    m_cache = std::make_unique<DeviceCache>(m_store.get());
    m_floor.setCache(m_cache.get());
    m_recorder.setQueue(m_queue.get());
    m_review.setQueue(m_queue.get());
    m_device.setStorageError(report.message);
    if (auto latest = m_queue->latest(50))
        m_scanList.reset(latest.value());
    if (!m_sync) {
        SyncConfig sync;
        sync.serverUrl = m_config.serverUrl;
        sync.serverCa = m_config.serverCa;
        sync.deviceId = m_config.deviceId;
        sync.databasePath = m_config.queuePath();
        sync.token = m_config.deviceToken;
        sync.deviceName = m_config.deviceName;
        sync.enrolCode = m_config.enrolCode;
        sync.batchEvents = m_config.syncBatchEvents;
        sync.minBackoffMs = m_config.syncMinBackoffMs;
        sync.maxBackoffMs = m_config.syncMaxBackoffMs;
        sync.idleIntervalMs = m_config.syncIdleIntervalMs;
        m_sync = std::make_unique<SyncController>(sync);
        connect(m_sync.get(), &SyncController::cacheChanged, this, &AppCore::cacheChanged);
        connect(m_sync.get(), &SyncController::statusChanged, &m_syncMonitor, &SyncMonitor::update);
        connect(m_sync.get(), &SyncController::acknowledged, &m_scanList, &ScanListModel::applyAcks);
        connect(m_sync.get(), &SyncController::acknowledged, &m_review, &ReviewModel::queueChanged);
        m_sync->start();
    }
    return {};
}

void AppCore::startScale()
{
    if (m_config.scalePort.isEmpty())
        return;
    ScaleConfig scale;
    scale.portName = m_config.scalePort;
    // The site's line format comes with the downloaded device config; the default reads ST,GS,+ 1.234kg.
    const QString pattern = m_cache ? m_cache->config()
                                          .value(QLatin1String("scale"))
                                          .toObject()
                                          .value(QLatin1String("pattern"))
                                          .toString()
                                    : QString();
    if (!pattern.isEmpty()) {
        QString error;
        scale.format = ScaleFormat::fromPattern(pattern, &error);
        if (!error.isEmpty())
            qCWarning(lcApp).noquote() << error;
    }
    m_scale = std::make_unique<ScaleReader>(scale);
    connect(m_scale.get(), &ScaleReader::stableWeight, m_workflows.pack(), &PackWorkflow::scaleReading);
    m_scale->start();
}

void AppCore::onRawScan(const RawScan &scan)
{
    if (m_debounce.accept(scan))
        m_workflows.route(scan);
}

void AppCore::startCamera()
{
    if (!m_config.camera)
        return;
    const QCameraDevice device = QMediaDevices::defaultVideoInput();
    if (device.isNull()) {
        qCWarning(lcApp) << "camera scanning asked for, but this device has no camera";
        return;
    }
    m_camera = std::make_unique<CameraScanner>();
    m_cameraDevice = std::make_unique<QCamera>(device);
    m_captureSession = std::make_unique<QMediaCaptureSession>();
    m_videoSink = std::make_unique<QVideoSink>();
    m_captureSession->setCamera(m_cameraDevice.get());
    m_captureSession->setVideoSink(m_videoSink.get());
    m_camera->setVideoSink(m_videoSink.get());
    connect(m_camera.get(), &CameraScanner::scanned, this, &AppCore::onRawScan);
    connect(m_cameraDevice.get(), &QCamera::errorOccurred, this,
        [](QCamera::Error, const QString &message) { qCWarning(lcApp).noquote() << "camera:" << message; });
    m_cameraDevice->start();
}

void AppCore::start()
{
    openStorage();
    startScale();
    startCamera();
    if (m_config.serialScanner.portName.isEmpty()) {
        m_device.setScanner(QStringLiteral("none"), tr("No serial scanner configured"));
        return;
    }
    m_serial = std::make_unique<SerialScanner>(m_config.serialScanner);
    connect(m_serial.get(), &SerialScanner::scanned, this, &AppCore::onRawScan);
    connect(m_serial.get(), &SerialScanner::frameRejected, this,
        [this](const QString &reason) { m_device.setScanner(QStringLiteral("connected"), reason); });
    connect(m_serial.get(), &SerialScanner::stateChanged, this,
        [this](SerialScanner::State state, const QString &message) {
            m_device.setScanner(state == SerialScanner::State::Connected ? QStringLiteral("connected")
                                                                         : QStringLiteral("disconnected"),
                message);
        });
    m_serial->start();
}

} // namespace dockhand
