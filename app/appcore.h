#pragma once

#include "appconfig.h"
#include "devicecache.h"
#include "devicestatus.h"
#include "floordata.h"
#include "localstore.h"
#include "reviewmodel.h"
#include "scalereader.h"
#include "scandebouncer.h"
#include "scanlistmodel.h"
#include "scanqueue.h"
#include "scanservice.h"
#include "serialscanner.h"
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

// The composition root's parts, built once from the config and wired together: storage, queue,
// scanners, scan service, sync and the objects the screens bind to. main() builds one; tests
// build their own with a temporary data folder.
class AppCore : public QObject
{
    Q_OBJECT
public:
    explicit AppCore(AppConfig config, QObject *parent = nullptr);
    ~AppCore() override;

    // Opens storage, starts the scanner and sync. Problems are shown on screen, never fatal.
    void start();

    const AppConfig &config() const { return m_config; }
    ScanService *scans() { return &m_scans; }
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

    // The one AppCore of this process (the newest alive), for the QML singletons.
    static AppCore *current();

signals:
    void cacheChanged();

private:
    QString openStorage();
    void startScale();
    void startCamera();
    // Every source's scans pass here: debounced, then routed to the operator session / workflow.
    void onRawScan(const RawScan &scan);

    AppConfig m_config;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<ScanQueue> m_queue;
    std::unique_ptr<DeviceCache> m_cache;
    ScanService m_scans;
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
    WorkflowRouter m_workflows {&m_scans, &m_floor};
    ReviewModel m_review {&m_floor};
};

} // namespace dockhand
