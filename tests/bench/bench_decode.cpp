// Image decoding: Dockhand's ImageDecoder against calling ZXing::ReadBarcodes directly on the same
// images in the same run (goal: our overhead <= 10%), and frames per second through the camera path
// at 1280x720.
#include "camerascanner.h"
#include "imagedecoder.h"
#include "toolrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <cstdio>

using namespace dockhand;

namespace {

QImage fromWriter(ZXing::BarcodeFormat format, const char *text, bool linear)
{
    const ZXing::BitMatrix m
        = ZXing::MultiFormatWriter(format).setMargin(linear ? 10 : 4).encode(text, 0, linear ? 40 : 0);
    QImage image(m.width(), m.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < m.height(); ++y) {
        for (int x = 0; x < m.width(); ++x)
            image.scanLine(y)[x] = m.get(x, y) ? 0 : 255;
    }
    return image;
}

QImage fromZint(const QTemporaryDir &dir, const QStringList &args)
{
    const QString file
        = dir.filePath(QString::number(qHash(args.join(QLatin1Char(' ')))) + QStringLiteral(".png"));
    testing::ToolOptions options;
    options.timeoutMs = 30000;
    if (!testing::runTool(QStringLiteral("zint"),
            args + QStringList {QStringLiteral("--scale=2"), QStringLiteral("--output=") + file}, options)
             .ok())
        return {};
    return QImage(file);
}

// The symbol on a 1280x720 light grey frame, as the camera would see it.
QImage frame(const QImage &symbol, qreal scale)
{
    QImage out(1280, 720, QImage::Format_RGB32);
    out.fill(QColor(225, 225, 225));
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    QRectF r(0, 0, symbol.width() * scale, symbol.height() * scale);
    r.moveCenter(QPointF(640, 360));
    p.fillRect(r.adjusted(-20, -20, 20, 20), Qt::white);
    p.drawImage(r, symbol);
    return out;
}

double percentile(QList<qint64> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : double(v.at(qMin(v.size() - 1, qsizetype(p * double(v.size()))))) / 1e6;
}

struct Case
{
    QString name;
    QImage image;
};

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const int rounds = qEnvironmentVariableIntValue("DOCKHAND_BENCH_ROUNDS") > 0
        ? qEnvironmentVariableIntValue("DOCKHAND_BENCH_ROUNDS")
        : 15;

    // Linear codes stay below the size at which a plain ReadBarcodes call aborts on Debian's
    // ZXing 1.4 (the same code found in two pyramid layers; see ImageDecoder) — otherwise the
    // baseline could not run at all.
    QList<Case> cases = {
        {QStringLiteral("QR 1280x720 RGB32"),
            frame(fromWriter(
                      ZXing::BarcodeFormat::QRCode, "https://id.gs1.org/01/09506000134352/10/ABC", false),
                5)},
        {QStringLiteral("DataMatrix 1280x720 RGB32"),
            frame(fromWriter(ZXing::BarcodeFormat::DataMatrix, "OP-1001", false), 8)},
        {QStringLiteral("Code 128 1280x720 RGB32"),
            frame(fromWriter(ZXing::BarcodeFormat::Code128, "TOTE-0001", true), 2)},
        {QStringLiteral("no code 1280x720 RGB32"), frame(QImage(), 1)},
    };
    const QImage ean = fromZint(dir, {QStringLiteral("--barcode=13"), QStringLiteral("--data=400638133393")});
    const QImage gs1dm = fromZint(dir,
        {QStringLiteral("--barcode=71"), QStringLiteral("--gs1"), QStringLiteral("--whitesp=4"),
            QStringLiteral("--vwhitesp=4"), QStringLiteral("--data=[01]09506000134352[17]251231[10]LOT42")});
    const QImage gs1128
        = fromZint(dir, {QStringLiteral("--barcode=16"), QStringLiteral("--data=[00]106141411234567897")});
    if (!ean.isNull())
        cases.append({QStringLiteral("EAN-13 (zint) 1280x720 Gray8"),
            frame(ean, 1).convertToFormat(QImage::Format_Grayscale8)});
    if (!gs1dm.isNull())
        cases.append({QStringLiteral("GS1 DataMatrix (zint) 1280x720 Gray8"),
            frame(gs1dm, 3).convertToFormat(QImage::Format_Grayscale8)});
    if (!gs1128.isNull())
        cases.append({QStringLiteral("GS1-128 SSCC (zint) 557x240 Gray8"),
            frame(gs1128, 0.9).copy(360, 240, 557, 240).convertToFormat(QImage::Format_Grayscale8)});

    const ImageDecoder decoder;
    const ZXing::DecodeHints hints; // ZXing's defaults: every format, tryHarder, tryRotate, downscale
    out << "image decode, " << rounds << " rounds each (ms per image, median)\n";
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("image"), -38)
               .arg(QStringLiteral("ZXing"), 9)
               .arg(QStringLiteral("Dockhand"), 9)
               .arg(QStringLiteral("ratio"), 7)
               .arg(QStringLiteral("found Z/D"), 10);
    double sumZxing = 0;
    double sumOurs = 0;
    for (const Case &c : cases) {
        QList<qint64> zx;
        QList<qint64> ours;
        size_t foundZ = 0;
        qsizetype foundD = 0;
        const bool gray = c.image.format() == QImage::Format_Grayscale8;
        const ZXing::ImageView view(c.image.constBits(), c.image.width(), c.image.height(),
            gray ? ZXing::ImageFormat::Lum : ZXing::ImageFormat::BGRX, int(c.image.bytesPerLine()));
        for (int i = 0; i < rounds; ++i) {
            // Alternate the order so neither side always runs with a warm cache.
            QElapsedTimer t;
            if (i % 2) {
                t.start();
                foundZ = ZXing::ReadBarcodes(view, hints).size();
                zx.append(t.nsecsElapsed());
                t.start();
                foundD = decoder.decode(c.image).size();
                ours.append(t.nsecsElapsed());
            } else {
                t.start();
                foundD = decoder.decode(c.image).size();
                ours.append(t.nsecsElapsed());
                t.start();
                foundZ = ZXing::ReadBarcodes(view, hints).size();
                zx.append(t.nsecsElapsed());
            }
        }
        const double z = percentile(zx, 0.5);
        const double d = percentile(ours, 0.5);
        sumZxing += z;
        sumOurs += d;
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(c.name, -38)
                   .arg(z, 9, 'f', 2)
                   .arg(d, 9, 'f', 2)
                   .arg(d / z, 7, 'f', 2)
                   .arg(QStringLiteral("%1/%2").arg(foundZ).arg(foundD), 10);
        out.flush();
    }
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("total"), -38)
               .arg(sumZxing, 9, 'f', 2)
               .arg(sumOurs, 9, 'f', 2)
               .arg(sumOurs / sumZxing, 7, 'f', 2);

    // Camera path: 1280x720 frames through CameraScanner (worker thread, queued delivery).
    const QImage scene = frame(fromWriter(ZXing::BarcodeFormat::QRCode, "A-01-02", false), 6);
    QVideoFrame nv12(QVideoFrameFormat(scene.size(), QVideoFrameFormat::Format_NV12));
    if (nv12.map(QVideoFrame::WriteOnly)) {
        const QImage g = scene.convertToFormat(QImage::Format_Grayscale8);
        for (int y = 0; y < g.height(); ++y)
            memcpy(nv12.bits(0) + y * nv12.bytesPerLine(0), g.constScanLine(y), size_t(g.width()));
        memset(nv12.bits(1), 128, size_t(nv12.mappedBytes(1)));
        nv12.unmap();
    }
    QVideoFrame bgra(QVideoFrameFormat(scene.size(), QVideoFrameFormat::Format_BGRA8888));
    if (bgra.map(QVideoFrame::WriteOnly)) {
        const QImage a = scene.convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < a.height(); ++y)
            memcpy(bgra.bits(0) + y * bgra.bytesPerLine(0), a.constScanLine(y), size_t(a.bytesPerLine()));
        bgra.unmap();
    }
    out << "\ncamera path, 1280x720, QR in view, 3 s each\n";
    for (const auto &[name, f] :
        {std::pair {QStringLiteral("NV12 frames"), nv12}, std::pair {QStringLiteral("BGRA frames"), bgra}}) {
        CameraScanner scanner;
        QSignalSpy decoded(&scanner, &CameraScanner::frameDecoded);
        // One frame at a time: how many frames per second the decoder sustains.
        QElapsedTimer t;
        t.start();
        int n = 0;
        while (t.elapsed() < 3000) {
            scanner.processFrame(f);
            decoded.wait(5000);
            ++n;
        }
        const double sequentialFps = n * 1000.0 / double(t.elapsed());
        // A camera offering 30 fps: frames the worker cannot take are dropped, newest wins.
        CameraScanner offered;
        QElapsedTimer t2;
        t2.start();
        int offeredFrames = 0;
        while (t2.elapsed() < 3000) {
            offered.processFrame(f);
            ++offeredFrames;
            QTest::qWait(33);
        }
        out << QStringLiteral(
            "%1: %2 frames/s decoded back to back; at 30 fps offered: %3 decoded, %4 dropped of %5\n")
                   .arg(name, -12)
                   .arg(sequentialFps, 0, 'f', 1)
                   .arg(offered.framesDecoded())
                   .arg(offered.framesDropped())
                   .arg(offeredFrames);
        out.flush();
    }
    return 0;
}
