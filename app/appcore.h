#pragma once

#include "appconfig.h"
#include "devicecache.h"
#include "devicestatus.h"
#include "feedback.h"
#include "floordata.h"
#include "localstore.h"
#include "reviewmodel.h"
#include "scalereader.h"
#include "scandebouncer.h"
#include "scanlistmodel.h"
#include "scanqueue.h"
#include "scanrecorder.h"
#include "serialscanner.h"
#include "settings.h"
#include "syncengine.h"
#include "syncmonitor.h"
#include "wedgefilter.h"
#include "workflowrouter.h"

#include <QObject>
#include <memory>

class QCamera;
class QMediaCaptureSession;
class QVideoSink;

namespace dockhand {

class CameraScanner;

// The composition root, built once from the config and wired together: storage, queue,
// scanners, the one scan path (debouncer -> router, which decodes -> workflow -> recorder ->
// queue, then the one Feedback), sync and the objects the screens bind to. The app, the
// headless `dockhand-cli drive` and `floor`, and the tests all build this same object; the app
// hands it to its QML engine (attachTo), so the screens see exactly what the others test.
class AppCore : public QObject
{
    Q_OBJECT
public:
    explicit AppCore(AppConfig config, QObject *parent = nullptr);
    ~AppCore() override;

    // Opens storage, starts the scanner and sync. Problems are shown on screen, never fatal.
    void start();

    const AppConfig &config() const { return m_config; }
    // Writes every event to the queue and gives the feedback.
    ScanRecorder *recorder() { return &m_recorder; }
    // What the device last told the operator: the banner and the sound of every screen.
    Feedback *feedback() { return &m_feedback; }
    // The operator's preferences (sounds, language, theme).
    Settings *settings() { return &m_settings; }
    ScanListModel *scanList() { return &m_scanList; }
    // The supervisor's review list: this device's short picks, damage, refusals and rejections.
    ReviewModel *review() { return &m_review; }
    DeviceStatus *device() { return &m_device; }
    SyncMonitor *sync() { return &m_syncMonitor; }
    ScanQueue *queue() { return m_queue.get(); }
    // What the device downloaded (tasks, orders, products ...), read on the UI thread's own
    // connection; null while storage is not open. cacheChanged() says when to read it again.
    DeviceCache *cache() { return m_cache.get(); }
    // The operator session and the pick / pack workflows; every scan goes through it.
    WorkflowRouter *workflows() { return &m_workflows; }
    // The pack station's serial scale (--scale), or null; its stable readings go to PackWorkflow.
    ScaleReader *scale() { return m_scale.get(); }
    // Recognises keyboard-wedge scanners; main() installs it on the application so a scan's
    // keys (and its Enter) never reach a focused control.
    WedgeFilter *wedge() { return &m_wedge; }

    // Every scanner's scans enter here (the serial scanner, the wedge filter and the camera are
    // connected to it; tests and the headless driver may call it too): debounced, then routed.
    void onRawScan(const RawScan &scan);

    // Makes this core the one a QML engine's singletons show (ui/uitypes.h); `of` finds it
    // again from the engine. No process-wide instance: each engine knows its own core.
    void attachTo(QObject *engine);
    static AppCore *of(const QObject *engine);

signals:
    void cacheChanged();

private:
    QString openStorage();
    void startScale();
    void startCamera();

    AppConfig m_config;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<ScanQueue> m_queue;
    std::unique_ptr<DeviceCache> m_cache;
    Feedback m_feedback;
    ScanRecorder m_recorder {&m_feedback};
    Settings m_settings;
    ScanListModel m_scanList;
    DeviceStatus m_device;
    SyncMonitor m_syncMonitor;
    std::unique_ptr<SerialScanner> m_serial;
    std::unique_ptr<ScaleReader> m_scale;
    WedgeFilter m_wedge {WedgeConfig {.gsSubstitute = m_config.wedgeGsSubstitute}};
    ScanDebouncer m_debounce {m_config.debounceMs};
    std::unique_ptr<CameraScanner> m_camera;
    std::unique_ptr<QCamera> m_cameraDevice;
    std::unique_ptr<QMediaCaptureSession> m_captureSession;
    std::unique_ptr<QVideoSink> m_videoSink;
    std::unique_ptr<SyncController> m_sync;
    CacheFloorData m_floor;
    WorkflowRouter m_workflows {ScanDecoder(m_config.classifier), &m_recorder, &m_floor};
    ReviewModel m_review {&m_floor};
};

} // namespace dockhand
