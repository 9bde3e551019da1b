// The camera path without a camera: QVideoFrames in the layouts cameras deliver (NV12, YUYV, BGRA)
// and QImages pushed into CameraScanner, directly and through a QVideoSink.
#include "camerascanner.h"

#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QVideoFrameFormat>
#include <QVideoSink>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

using namespace dockhand;

namespace {

// A 640x480 camera view with a QR code (or nothing) in it.
QImage scene(const QString &text)
{
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(QColor(225, 225, 225));
    if (text.isEmpty())
        return image;
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                   .setMargin(4)
                                   .encode(text.toStdString(), 0, 0);
    QImage code(m.width(), m.height(), QImage::Format_RGB32);
    for (int y = 0; y < m.height(); ++y) {
        for (int x = 0; x < m.width(); ++x)
            code.setPixel(x, y, m.get(x, y) ? qRgb(20, 20, 20) : qRgb(250, 250, 250));
    }
    QPainter p(&image);
    p.drawImage(QRect(200, 120, m.width() * 6, m.height() * 6), code);
    p.end();
    return image;
}

QVideoFrame frame(const QImage &image, QVideoFrameFormat::PixelFormat pixelFormat)
{
    QVideoFrame f(QVideoFrameFormat(image.size(), pixelFormat));
    if (!f.map(QVideoFrame::WriteOnly))
        return {};
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const int w = image.width();
    const int h = image.height();
    switch (pixelFormat) {
    case QVideoFrameFormat::Format_NV12:
        for (int y = 0; y < h; ++y)
            memcpy(f.bits(0) + y * f.bytesPerLine(0), gray.constScanLine(y), size_t(w));
        for (int y = 0; y < h / 2; ++y)
            memset(f.bits(1) + y * f.bytesPerLine(1), 128, size_t(w));
        break;
    case QVideoFrameFormat::Format_YUYV:
        for (int y = 0; y < h; ++y) {
            uchar *line = f.bits(0) + y * f.bytesPerLine(0);
            for (int x = 0; x < w; ++x) {
                line[2 * x] = gray.constScanLine(y)[x];
                line[2 * x + 1] = 128;
            }
        }
        break;
    case QVideoFrameFormat::Format_XRGB8888: // bytes X R G B: no QImage format on little-endian machines
        for (int y = 0; y < h; ++y) {
            uchar *line = f.bits(0) + y * f.bytesPerLine(0);
            for (int x = 0; x < w; ++x) {
                const QRgb c = image.pixel(x, y);
                line[4 * x] = 0xff;
                line[4 * x + 1] = uchar(qRed(c));
                line[4 * x + 2] = uchar(qGreen(c));
                line[4 * x + 3] = uchar(qBlue(c));
            }
        }
        break;
    default: {
        const QImage rgb = image.convertToFormat(QVideoFrameFormat::imageFormatFromPixelFormat(pixelFormat));
        for (int y = 0; y < h; ++y)
            memcpy(f.bits(0) + y * f.bytesPerLine(0), rgb.constScanLine(y), size_t(rgb.bytesPerLine()));
        break;
    }
    }
    f.unmap();
    return f;
}

constexpr int kWait = 20000;

} // namespace

class TestCameraScanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<RawScan>(); }

    void decodesCameraPixelFormats_data()
    {
        QTest::addColumn<int>("pixelFormat");
        QTest::newRow("NV12") << int(QVideoFrameFormat::Format_NV12);
        QTest::newRow("YUYV") << int(QVideoFrameFormat::Format_YUYV);
        QTest::newRow("BGRA8888") << int(QVideoFrameFormat::Format_BGRA8888);
        QTest::newRow("XRGB8888 (via toImage)") << int(QVideoFrameFormat::Format_XRGB8888);
        QTest::newRow("YUV420P (via toImage)") << int(QVideoFrameFormat::Format_YUV420P);
    }

    void decodesCameraPixelFormats()
    {
        QFETCH(int, pixelFormat);
        const auto pf = QVideoFrameFormat::PixelFormat(pixelFormat);
        QVideoFrame f;
        if (pf == QVideoFrameFormat::Format_YUV420P) {
            // Y plane first, then quarter-size U and V.
            const QImage gray = scene(QStringLiteral("A-01-02")).convertToFormat(QImage::Format_Grayscale8);
            f = QVideoFrame(QVideoFrameFormat(gray.size(), pf));
            QVERIFY(f.map(QVideoFrame::WriteOnly));
            for (int y = 0; y < gray.height(); ++y)
                memcpy(f.bits(0) + y * f.bytesPerLine(0), gray.constScanLine(y), size_t(gray.width()));
            for (int plane = 1; plane < f.planeCount(); ++plane)
                memset(f.bits(plane), 128, size_t(f.mappedBytes(plane)));
            f.unmap();
        } else {
            f = frame(scene(QStringLiteral("A-01-02")), pf);
        }
        QVERIFY(f.isValid());

        CameraScanner scanner;
        QSignalSpy scans(&scanner, &CameraScanner::scanned);
        QThread *deliveredOn = nullptr;
        connect(&scanner, &CameraScanner::scanned, this,
            [&deliveredOn] { deliveredOn = QThread::currentThread(); });
        scanner.processFrame(f);
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, kWait);
        const auto scan = scans.at(0).at(0).value<RawScan>();
        QCOMPARE(scan.data, QByteArray("A-01-02"));
        QCOMPARE(scan.aim, QStringLiteral("]Q1"));
        QCOMPARE(scan.source, ScanSource::Camera);
        QCOMPARE(scan.device, QStringLiteral("camera"));
        QCOMPARE(deliveredOn, QThread::currentThread()); // the owner's thread, not the worker's
    }

    void sameCodeOnceUntilItLeavesTheView()
    {
        CameraScannerConfig config;
        config.forgetAfterFrames = 3;
        config.device = QStringLiteral("cam0");
        CameraScanner scanner(config);
        QSignalSpy scans(&scanner, &CameraScanner::scanned);
        const QImage withCode = scene(QStringLiteral("TOTE-0042"));
        const QImage empty = scene({});
        int decoded = 0;
        auto push = [&](const QImage &image) {
            scanner.processImage(image);
            ++decoded;
            QTRY_COMPARE_WITH_TIMEOUT(scanner.framesDecoded(), decoded, kWait);
        };
        for (int i = 0; i < 5; ++i)
            push(withCode);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().device, QStringLiteral("cam0"));
        // Lost for fewer frames than configured (a hand passing in front): still the same scan.
        push(empty);
        push(empty);
        push(withCode);
        QCOMPARE(scans.size(), 1);
        // Gone for three decoded frames: shown again, it is a new scan.
        push(empty);
        push(empty);
        push(empty);
        push(withCode);
        QCOMPARE(scans.size(), 2);
        QCOMPARE(scanner.framesDropped(), 0);
    }

    void newestFrameWinsWhileTheWorkerIsBusy()
    {
        CameraScanner scanner;
        QSignalSpy scans(&scanner, &CameraScanner::scanned);
        QSignalSpy frames(&scanner, &CameraScanner::frameDecoded);
        // Pushed without returning to the event loop: the first goes to the worker, every later one
        // replaces the one waiting, so only the first and the newest are decoded.
        scanner.processImage(scene(QStringLiteral("OLD-1")));
        for (int i = 0; i < 12; ++i)
            scanner.processImage(scene(QStringLiteral("OLD-%1").arg(i + 2)));
        scanner.processImage(scene(QStringLiteral("NEWEST")));
        QCOMPARE(scanner.framesReceived(), 14);
        QTRY_COMPARE_WITH_TIMEOUT(scanner.framesDecoded(), 2, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!scanner.isBusy(), kWait);
        QCOMPARE(scanner.framesDropped(), 12);
        QCOMPARE(frames.size(), 2);
        QCOMPARE(scans.size(), 2);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, QByteArray("OLD-1"));
        QCOMPARE(scans.at(1).at(0).value<RawScan>().data, QByteArray("NEWEST"));
    }

    void framesFromAVideoSink()
    {
        QVideoSink sink;
        CameraScanner scanner;
        scanner.setVideoSink(&sink);
        QCOMPARE(scanner.videoSink(), &sink);
        QSignalSpy scans(&scanner, &CameraScanner::scanned);
        sink.setVideoFrame(frame(scene(QStringLiteral("SO-100001")), QVideoFrameFormat::Format_NV12));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, kWait);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, QByteArray("SO-100001"));

        scanner.setVideoSink(nullptr);
        sink.setVideoFrame(frame(scene(QStringLiteral("SO-100002")), QVideoFrameFormat::Format_NV12));
        QTest::qWait(500);
        QCOMPARE(scans.size(), 1);
    }

    void formatsAreRestricted()
    {
        CameraScannerConfig config;
        config.decoder.formats = {QStringLiteral("EAN-13")};
        CameraScanner scanner(config);
        QSignalSpy scans(&scanner, &CameraScanner::scanned);
        scanner.processImage(scene(QStringLiteral("A-01-02")));
        QTRY_COMPARE_WITH_TIMEOUT(scanner.framesDecoded(), 1, kWait);
        QCOMPARE(scans.size(), 0);
    }

    void destroyedWhileDecoding()
    {
        auto scanner = std::make_unique<CameraScanner>();
        scanner->processImage(scene(QStringLiteral("BYE")));
        scanner->processImage(scene(QStringLiteral("BYE-2")));
        scanner.reset(); // waits for the worker; nothing is delivered to a dead object
        QTest::qWait(100);
    }
};

QTEST_MAIN(TestCameraScanner)
#include "tst_camerascanner.moc"
