#pragma once

#include "imagedecoder.h"
#include "rawscan.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QVideoFrame>
#include <QVideoSink>

#include <memory>
#include <optional>
#include <variant>

namespace dockhand {

class CameraDecodeWorker;

struct CameraScannerConfig
{
    ImageDecoderConfig decoder; // formats to look for; restrict them to what the floor uses
    // A code counts again only after it was missing from this many decoded frames in a row, so a
    // label held in view is one scan, not thirty a second.
    int forgetAfterFrames = 10;
    QString device = QStringLiteral("camera");
};

// Scans barcodes from camera frames. Frames come from a QVideoSink (or processFrame/processImage,
// which is how tests and the benchmark feed it); each is decoded by ImageDecoder on a worker thread.
// While the worker is busy only the newest frame is kept — older ones are dropped, so the scanner
// never falls behind the camera. Results come back on the owner's thread through a queued
// connection; a code is reported once until it has left the view (see forgetAfterFrames).
// Lives on, and must be called from, the owner's (GUI) thread.
class CameraScanner : public QObject
{
    Q_OBJECT
public:
    explicit CameraScanner(CameraScannerConfig config = {}, QObject *parent = nullptr);
    ~CameraScanner() override;

    // Frames of this sink are scanned from now on (nullptr: none). The sink may emit on any thread.
    void setVideoSink(QVideoSink *sink);
    QVideoSink *videoSink() const { return m_sink; }

    // Forget which codes are in view: the next sighting of each is a new scan.
    void forgetSeen() { m_inView.clear(); }

    const CameraScannerConfig &config() const { return m_config; }
    int framesReceived() const { return m_framesReceived; }
    int framesDecoded() const { return m_framesDecoded; }
    int framesDropped() const { return m_framesDropped; }
    bool isBusy() const { return m_busy; }

public slots:
    void processFrame(const QVideoFrame &frame);
    void processImage(const QImage &image);

signals:
    // A code that came into view.
    void scanned(const dockhand::RawScan &scan);
    // Every decoded frame, with all codes in it (for a viewfinder overlay, tests and benchmarks).
    void frameDecoded(const QList<dockhand::DecodedBarcode> &barcodes);

private:
    using Work = std::variant<QVideoFrame, QImage>;
    void submit(Work work);
    void startDecode(Work work);
    void onDecoded(const QList<dockhand::DecodedBarcode> &barcodes);

    CameraScannerConfig m_config;
    QThread m_thread;
    CameraDecodeWorker *m_worker = nullptr; // lives on m_thread
    QPointer<QVideoSink> m_sink;
    QMetaObject::Connection m_sinkConnection;
    bool m_busy = false;
    std::optional<Work> m_pending; // the newest frame that arrived while the worker was busy
    QHash<QString, qint64> m_inView; // code -> index of the last decoded frame it was seen in
    qint64 m_frameIndex = 0;
    int m_framesReceived = 0;
    int m_framesDecoded = 0;
    int m_framesDropped = 0;
};

} // namespace dockhand
