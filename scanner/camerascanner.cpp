#include "camerascanner.h"

#include <QLoggingCategory>
#include <QVideoSink>

Q_LOGGING_CATEGORY(lcCamera, "dockhand.scanner.camera")

namespace dockhand {

// Decodes on the camera thread. Holds nothing but a const decoder, so it needs no locking.
class CameraDecodeWorker : public QObject
{
    Q_OBJECT
public:
    explicit CameraDecodeWorker(const ImageDecoderConfig &config) : m_decoder(config) { }

    void decodeFrame(QVideoFrame frame) { emit decoded(decodeVideoFrame(frame)); }
    void decodeImage(const QImage &image) { emit decoded(m_decoder.decode(image)); }

signals:
    void decoded(const QList<dockhand::DecodedBarcode> &barcodes);

private:
    QList<DecodedBarcode> decodeVideoFrame(QVideoFrame &frame) const
    {
        if (!frame.isValid())
            return {};
        const int w = frame.width();
        const int h = frame.height();
        switch (frame.pixelFormat()) {
        // Planar and semi-planar YUV start with a full-resolution Y plane: that is a grey image
        // already, so ZXing reads it in place — no colour conversion, no copy.
        case QVideoFrameFormat::Format_NV12:
        case QVideoFrameFormat::Format_NV21:
        case QVideoFrameFormat::Format_YUV420P:
        case QVideoFrameFormat::Format_YUV422P:
        case QVideoFrameFormat::Format_YV12:
        case QVideoFrameFormat::Format_IMC1:
        case QVideoFrameFormat::Format_IMC2:
        case QVideoFrameFormat::Format_IMC3:
        case QVideoFrameFormat::Format_IMC4:
        case QVideoFrameFormat::Format_Y8:
            if (frame.map(QVideoFrame::ReadOnly)) {
                auto result = m_decoder.decodeLuminance(frame.bits(0), w, h, frame.bytesPerLine(0));
                frame.unmap();
                return result;
            }
            break;
        // Packed 4:2:2: every other byte is Y.
        case QVideoFrameFormat::Format_YUYV:
        case QVideoFrameFormat::Format_UYVY:
            if (frame.map(QVideoFrame::ReadOnly)) {
                const int offset = frame.pixelFormat() == QVideoFrameFormat::Format_UYVY ? 1 : 0;
                auto result
                    = m_decoder.decodeLuminance(frame.bits(0) + offset, w, h, frame.bytesPerLine(0), 2);
                frame.unmap();
                return result;
            }
            break;
        default: {
            // 32-bit RGB layouts map straight onto a QImage view of the frame's memory.
            const QImage::Format imageFormat
                = QVideoFrameFormat::imageFormatFromPixelFormat(frame.pixelFormat());
            if (imageFormat != QImage::Format_Invalid && frame.map(QVideoFrame::ReadOnly)) {
                const QImage view(frame.bits(0), w, h, frame.bytesPerLine(0), imageFormat);
                auto result = m_decoder.decode(view);
                frame.unmap();
                return result;
            }
            break;
        }
        }
        // GPU textures and exotic formats: let Qt convert.
        return m_decoder.decode(frame.toImage());
    }

    const ImageDecoder m_decoder;
};

CameraScanner::CameraScanner(CameraScannerConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    qRegisterMetaType<QList<dockhand::DecodedBarcode>>();
    if (const QString problem = m_config.decoder.check(); !problem.isEmpty())
        qCWarning(lcCamera).noquote() << "camera decoder:" << problem;
    m_thread.setObjectName(QStringLiteral("camera-decode"));
    m_worker = new CameraDecodeWorker(m_config.decoder);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &CameraDecodeWorker::decoded, this, &CameraScanner::onDecoded, Qt::QueuedConnection);
    m_thread.start();
}

CameraScanner::~CameraScanner()
{
    setVideoSink(nullptr);
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has finished: nothing else can touch it now
}

void CameraScanner::setVideoSink(QVideoSink *sink)
{
    if (m_sinkConnection)
        disconnect(m_sinkConnection);
    m_sink = sink;
    // The sink may emit on a multimedia thread; AutoConnection queues the frame to ours.
    if (sink)
        m_sinkConnection = connect(sink, &QVideoSink::videoFrameChanged, this, &CameraScanner::processFrame);
}

void CameraScanner::processFrame(const QVideoFrame &frame)
{
    if (frame.isValid())
        submit(frame);
}

void CameraScanner::processImage(const QImage &image)
{
    if (!image.isNull())
        submit(image);
}

void CameraScanner::submit(Work work)
{
    ++m_framesReceived;
    if (m_busy) {
        // Newest frame wins: decoding a stale frame would only delay the one the operator sees.
        if (m_pending)
            ++m_framesDropped;
        m_pending = std::move(work);
        return;
    }
    startDecode(std::move(work));
}

void CameraScanner::startDecode(Work work)
{
    m_busy = true;
    CameraDecodeWorker *worker = m_worker;
    if (auto *frame = std::get_if<QVideoFrame>(&work)) {
        QMetaObject::invokeMethod(
            worker, [worker, f = std::move(*frame)] { worker->decodeFrame(f); }, Qt::QueuedConnection);
    } else {
        QMetaObject::invokeMethod(
            worker, [worker, image = std::get<QImage>(std::move(work))] { worker->decodeImage(image); },
            Qt::QueuedConnection);
    }
}

void CameraScanner::onDecoded(const QList<DecodedBarcode> &barcodes)
{
    // Keep the worker busy first; bookkeeping can wait a microsecond.
    if (m_pending) {
        Work next = std::move(*m_pending);
        m_pending.reset();
        startDecode(std::move(next));
    } else {
        m_busy = false;
    }

    ++m_framesDecoded;
    const qint64 index = ++m_frameIndex;
    QList<RawScan> arrived;
    for (const DecodedBarcode &b : barcodes) {
        const QString key = b.aim + QLatin1Char('|') + QString::fromUtf8(b.data);
        if (!m_inView.contains(key))
            arrived.append(b.toRawScan(ScanSource::Camera, m_config.device));
        m_inView.insert(key, index);
    }
    const int forget = qMax(1, m_config.forgetAfterFrames);
    for (auto it = m_inView.begin(); it != m_inView.end();) {
        if (index - it.value() >= forget)
            it = m_inView.erase(it);
        else
            ++it;
    }
    for (const RawScan &scan : arrived)
        emit scanned(scan);
    emit frameDecoded(barcodes);
}

} // namespace dockhand

#include "camerascanner.moc"
