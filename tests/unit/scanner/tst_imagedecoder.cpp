// ImageDecoder on barcodes made during the test run by Debian's zint CLI and by ZXing's own writer,
// and on rotated, scaled, noisy, low-contrast and odd-stride variants made here with QPainter.
#include "imagedecoder.h"
#include "toolrunner.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

using namespace dockhand;

namespace {

struct Code
{
    QString name;
    QStringList zintArgs; // empty: made by ZXing's writer
    ZXing::BarcodeFormat writerFormat = ZXing::BarcodeFormat::None;
    QString writerText;
    QString format;
    QByteArray text;
    QString aim;
    bool gs1 = false;
    bool linear = false;
};

QList<Code> codes()
{
    return {
        {QStringLiteral("GS1-128"),
            {QStringLiteral("--barcode=16"), QStringLiteral("--data=[01]09506000134352[10]ABC123[21]XYZ")},
            {}, {}, QStringLiteral("Code128"),
            "010950600013435210ABC123\x1d"
            "21XYZ",
            QStringLiteral("]C1"), true, true},
        {QStringLiteral("GS1-128 SSCC"),
            {QStringLiteral("--barcode=16"), QStringLiteral("--data=[00]106141411234567897")}, {}, {},
            QStringLiteral("Code128"), "00106141411234567897", QStringLiteral("]C1"), true, true},
        {QStringLiteral("GS1 DataMatrix"),
            {QStringLiteral("--barcode=71"), QStringLiteral("--gs1"), QStringLiteral("--whitesp=4"),
                QStringLiteral("--vwhitesp=4"),
                QStringLiteral("--data=[01]09506000134352[17]251231[10]LOT42[21]S1")},
            {}, {}, QStringLiteral("DataMatrix"),
            "01095060001343521725123110LOT42\x1d"
            "21S1",
            QStringLiteral("]d2"), true, false},
        {QStringLiteral("EAN-13"), {QStringLiteral("--barcode=13"), QStringLiteral("--data=400638133393")},
            {}, {}, QStringLiteral("EAN-13"), "4006381333931", QStringLiteral("]E0"), false, true},
        {QStringLiteral("Code 128"), {QStringLiteral("--barcode=20"), QStringLiteral("--data=TOTE-0001")}, {},
            {}, QStringLiteral("Code128"), "TOTE-0001", QStringLiteral("]C0"), false, true},
        {QStringLiteral("QR"),
            {QStringLiteral("--barcode=58"),
                QStringLiteral("--data=https://id.gs1.org/01/09506000134352/10/ABC")},
            {}, {}, QStringLiteral("QRCode"), "https://id.gs1.org/01/09506000134352/10/ABC",
            QStringLiteral("]Q1"), false, false},
        {QStringLiteral("GS1 QR"),
            {QStringLiteral("--barcode=58"), QStringLiteral("--gs1"),
                QStringLiteral("--data=[01]09506000134352[10]ABC")},
            {}, {}, QStringLiteral("QRCode"), "010950600013435210ABC", QStringLiteral("]Q3"), true, false},
        {QStringLiteral("ZXing Code 128"), {}, ZXing::BarcodeFormat::Code128, QStringLiteral("A-01-02"),
            QStringLiteral("Code128"), "A-01-02", QStringLiteral("]C0"), false, true},
        {QStringLiteral("ZXing QR"), {}, ZXing::BarcodeFormat::QRCode, QStringLiteral("SO-100001"),
            QStringLiteral("QRCode"), "SO-100001", QStringLiteral("]Q1"), false, false},
        {QStringLiteral("ZXing DataMatrix"), {}, ZXing::BarcodeFormat::DataMatrix, QStringLiteral("OP-1001"),
            QStringLiteral("DataMatrix"), "OP-1001", QStringLiteral("]d1"), false, false},
    };
}

QImage fromBitMatrix(const ZXing::BitMatrix &m, int scale)
{
    QImage image(m.width() * scale, m.height() * scale, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < m.height(); ++y) {
        for (int x = 0; x < m.width(); ++x) {
            if (m.get(x, y)) {
                for (int dy = 0; dy < scale; ++dy)
                    memset(image.scanLine(y * scale + dy) + x * scale, 0, size_t(scale));
            }
        }
    }
    return image;
}

// The symbol drawn on a white (or grey) canvas, turned, scaled and with a margin.
QImage onCanvas(
    const QImage &symbol, qreal angle, qreal scale, QSize canvas = {}, QColor background = Qt::white)
{
    QTransform t;
    t.rotate(angle);
    t.scale(scale, scale);
    const QRectF bounds = t.mapRect(QRectF(symbol.rect()));
    if (canvas.isEmpty())
        canvas = (bounds.size() + QSizeF(60, 60)).toSize();
    QImage out(canvas, QImage::Format_RGB32);
    out.fill(background);
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.translate(canvas.width() / 2.0, canvas.height() / 2.0);
    p.setTransform(t, true);
    p.drawImage(QPointF(-symbol.width() / 2.0, -symbol.height() / 2.0), symbol);
    p.end();
    return out;
}

// Sensor noise: every pixel off by up to +-amplitude, and a share of pixels hit by salt and pepper.
QImage noisy(QImage image, int amplitude, double saltAndPepper)
{
    image = image.convertToFormat(QImage::Format_Grayscale8);
    QRandomGenerator rng(20240501); // fixed: the same noise every run
    for (int y = 0; y < image.height(); ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x) {
            if (rng.generateDouble() < saltAndPepper) {
                line[x] = rng.bounded(2) ? 255 : 0;
                continue;
            }
            line[x] = uchar(qBound(0, line[x] + rng.bounded(-amplitude, amplitude + 1), 255));
        }
    }
    return image;
}

// Dark grey on light grey, as a label under a warehouse lamp.
QImage lowContrast(const QImage &image)
{
    QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        uchar *line = gray.scanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            line[x] = uchar(90 + line[x] * 110 / 255);
    }
    return gray;
}

} // namespace

class TestImageDecoder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QHash<QString, QImage> m_symbols;

    QImage make(const Code &code)
    {
        if (code.zintArgs.isEmpty()) {
            // Minimal size: one pixel per module (and 30 rows for a 1-D code), then scaled up.
            const ZXing::BitMatrix m = ZXing::MultiFormatWriter(code.writerFormat)
                                           .setMargin(code.linear ? 10 : 4)
                                           .encode(code.writerText.toStdString(), 0, code.linear ? 30 : 0);
            return fromBitMatrix(m, 3);
        }
        const QString file = m_dir.filePath(QString::number(qHash(code.name)) + QStringLiteral(".png"));
        testing::ToolOptions options;
        options.timeoutMs = 30000;
        const testing::ToolResult zint = testing::runTool(QStringLiteral("zint"),
            code.zintArgs + QStringList {QStringLiteral("--scale=2"), QStringLiteral("--output=") + file},
            options);
        if (!zint.ok()) {
            qWarning().noquote() << "zint failed:" << zint.describe();
            return {};
        }
        return QImage(file);
    }

    static QString describe(const QList<DecodedBarcode> &found)
    {
        QStringList out;
        for (const DecodedBarcode &b : found)
            out.append(b.format + QLatin1Char(' ') + b.aim + QLatin1Char(' ') + QString::fromUtf8(b.data));
        return QLatin1Char('[') + out.join(QStringLiteral(", ")) + QLatin1Char(']');
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("zint")).isEmpty())
            QFAIL("zint is not installed (Debian package zint)");
        for (const Code &code : codes()) {
            const QImage image = make(code);
            QVERIFY2(!image.isNull(), qPrintable(code.name));
            m_symbols.insert(code.name, image);
        }
    }

    void decodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("variant");
        const QStringList variants = {
            QStringLiteral("as made"),
            QStringLiteral("RGB32"),
            QStringLiteral("ARGB32"),
            QStringLiteral("RGB888"),
            QStringLiteral("odd stride"),
            QStringLiteral("rotated 90"),
            QStringLiteral("rotated 180"),
            QStringLiteral("rotated 270"),
            QStringLiteral("tilted 8"),
            QStringLiteral("scaled 0.6"),
            QStringLiteral("scaled 2.3"),
            QStringLiteral("noisy"),
            QStringLiteral("low contrast in 1280x720"),
        };
        for (const Code &code : codes()) {
            for (const QString &variant : variants)
                QTest::newRow(qPrintable(code.name + QStringLiteral(", ") + variant)) << code.name << variant;
        }
    }

    void decodes()
    {
        QFETCH(QString, code);
        QFETCH(QString, variant);
        Code expected;
        for (const Code &c : codes()) {
            if (c.name == code)
                expected = c;
        }
        const QImage symbol = m_symbols.value(code);
        QImage image;
        if (variant == QLatin1String("as made"))
            image = symbol; // zint: a 1-bit palette PNG; ZXing writer: Grayscale8
        else if (variant == QLatin1String("RGB32"))
            image = onCanvas(symbol, 0, 1);
        else if (variant == QLatin1String("ARGB32"))
            image = onCanvas(symbol, 0, 1).convertToFormat(QImage::Format_ARGB32);
        else if (variant == QLatin1String("RGB888"))
            image = onCanvas(symbol, 0, 1).convertToFormat(QImage::Format_RGB888);
        else if (variant == QLatin1String("odd stride")) {
            // 557 px wide Grayscale8: rows are padded to 560 bytes, so only the real stride works.
            image = onCanvas(symbol, 0, 1, QSize(qMax(557, symbol.width() + 41) | 1, symbol.height() + 60))
                        .convertToFormat(QImage::Format_Grayscale8);
            QVERIFY(image.bytesPerLine() != image.width());
        } else if (variant.startsWith(QLatin1String("rotated")))
            image = onCanvas(symbol, variant.mid(8).toInt(), 1);
        else if (variant == QLatin1String("tilted 8"))
            image = onCanvas(symbol, 8, 1);
        else if (variant == QLatin1String("scaled 0.6"))
            image = onCanvas(symbol, 0, 0.6);
        else if (variant == QLatin1String("scaled 2.3"))
            image = onCanvas(symbol, 0, 2.3);
        else if (variant == QLatin1String("noisy"))
            image = noisy(onCanvas(symbol, 0, 1.5), 35, 0.002);
        else if (variant == QLatin1String("low contrast in 1280x720"))
            image = lowContrast(onCanvas(symbol, 3, 1, QSize(1280, 720), QColor(235, 235, 235)));
        QVERIFY(!image.isNull());

        const ImageDecoder decoder;
        const QList<DecodedBarcode> found = decoder.decode(image);
        if (found.size() != 1 && qEnvironmentVariableIsSet("DOCKHAND_KEEP_FAILED"))
            image.save(QStringLiteral("/tmp/failed-%1-%2.png")
                           .arg(code, variant)
                           .replace(QLatin1Char(' '), QLatin1Char('_')));
        QVERIFY2(found.size() == 1, qPrintable(describe(found)));
        const DecodedBarcode &b = found.first();
        QCOMPARE(b.format, expected.format);
        QCOMPARE(b.data, expected.text);
        QCOMPARE(b.aim, expected.aim);
        QCOMPARE(b.gs1, expected.gs1);
        QCOMPARE(b.position.size(), 4);
        QVERIFY(QRect(QPoint(0, 0), image.size()).adjusted(-2, -2, 2, 2).contains(b.position.boundingRect()));

        const RawScan raw = b.toRawScan(ScanSource::Camera, QStringLiteral("cam0"));
        QCOMPARE(raw.data, expected.text);
        QCOMPARE(raw.aim, expected.aim);
        QCOMPARE(raw.source, ScanSource::Camera);
        QCOMPARE(raw.device, QStringLiteral("cam0"));
    }

    void formatsAreRestricted()
    {
        const QImage qr = onCanvas(m_symbols.value(QStringLiteral("QR")), 0, 1);
        const QImage ean = onCanvas(m_symbols.value(QStringLiteral("EAN-13")), 0, 1);
        ImageDecoderConfig config;
        config.formats = {QStringLiteral("EAN-13"), QStringLiteral("ean8")};
        QVERIFY(config.check().isEmpty());
        const ImageDecoder decoder(config);
        QCOMPARE(decoder.decode(qr).size(), 0);
        QCOMPARE(decoder.decode(ean).size(), 1);

        config.formats = {QStringLiteral("QR Code")};
        QCOMPARE(ImageDecoder(config).decode(qr).size(), 1);
        QCOMPARE(ImageDecoder(config).decode(ean).size(), 0);
    }

    void badConfigIsReported()
    {
        ImageDecoderConfig config;
        config.formats = {QStringLiteral("EAN-13"), QStringLiteral("Barcode2000")};
        QVERIFY(config.check().contains(QLatin1String("Barcode2000")));
        QVERIFY(config.check().contains(QLatin1String("DataMatrix"))); // lists what is known
        config.formats.clear();
        config.maxSymbols = 0;
        QVERIFY(!config.check().isEmpty());
        QVERIFY(ImageDecoder::knownFormats().contains(QLatin1String("EAN-13")));
    }

    void severalCodesInOneImage()
    {
        const QImage a = onCanvas(m_symbols.value(QStringLiteral("EAN-13")), 0, 1);
        const QImage b = onCanvas(m_symbols.value(QStringLiteral("GS1 DataMatrix")), 0, 2);
        QImage both(a.width() + b.width(), qMax(a.height(), b.height()), QImage::Format_RGB32);
        both.fill(Qt::white);
        QPainter p(&both);
        p.drawImage(0, 0, a);
        p.drawImage(a.width(), 0, b);
        p.end();
        const auto found = ImageDecoder().decode(both);
        if (qEnvironmentVariableIsSet("DOCKHAND_KEEP_FAILED"))
            both.save(QStringLiteral("/tmp/failed-both.png"));
        QCOMPARE(found.size(), 2);
        QStringList aims {found.at(0).aim, found.at(1).aim};
        aims.sort();
        QCOMPARE(aims, (QStringList {QStringLiteral("]E0"), QStringLiteral("]d2")}));
    }

    // Debian's ZXing 1.4 aborts (assert lineCount() == 1) when ReadBarcodes sees the same 1-D code
    // twice, e.g. a big one in two layers of its image pyramid. This frame kills a plain
    // ReadBarcodes call; through ImageDecoder it must decode.
    void bigLinearCodeInAFrameDoesNotAbort()
    {
        const QImage frame = onCanvas(m_symbols.value(QStringLiteral("EAN-13")), 0, 1.5, QSize(1280, 720));
        const auto found = ImageDecoder().decode(frame);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().data, QByteArray("4006381333931"));
    }

    void identicalLinearCodesAreOneResult()
    {
        const QImage one = onCanvas(m_symbols.value(QStringLiteral("Code 128")), 0, 1);
        QImage twice(one.width() * 2, one.height(), QImage::Format_RGB32);
        QPainter p(&twice);
        p.drawImage(0, 0, one);
        p.drawImage(one.width(), 0, one);
        p.end();
        const auto found = ImageDecoder().decode(twice);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().data, QByteArray("TOTE-0001"));
    }

    void everyLinearCodeOfALabel()
    {
        // A logistic label: SSCC, GTIN + lot, and the warehouse's own Code 128, one above the other.
        const QList<QImage> parts = {onCanvas(m_symbols.value(QStringLiteral("GS1-128 SSCC")), 0, 1),
            onCanvas(m_symbols.value(QStringLiteral("GS1-128")), 0, 1),
            onCanvas(m_symbols.value(QStringLiteral("Code 128")), 0, 1)};
        int height = 0;
        int width = 0;
        for (const QImage &part : parts) {
            height += part.height();
            width = qMax(width, part.width());
        }
        QImage label(width, height, QImage::Format_RGB32);
        label.fill(Qt::white);
        QPainter p(&label);
        int y = 0;
        for (const QImage &part : parts) {
            p.drawImage(0, y, part);
            y += part.height();
        }
        p.end();
        QStringList texts;
        for (const DecodedBarcode &b : ImageDecoder().decode(label))
            texts.append(QString::fromUtf8(b.data));
        texts.sort();
        QCOMPARE(texts,
            (QStringList {QStringLiteral("00106141411234567897"),
                QStringLiteral("010950600013435210ABC123\x1d"
                               "21XYZ"),
                QStringLiteral("TOTE-0001")}));
        ImageDecoderConfig two;
        two.maxSymbols = 2;
        QCOMPARE(ImageDecoder(two).decode(label).size(), 2);
    }

    void luminancePlaneWithPixelStride()
    {
        // A packed YUYV frame: Y in every other byte, chroma (128) between.
        const QImage gray = onCanvas(m_symbols.value(QStringLiteral("QR")), 0, 1)
                                .convertToFormat(QImage::Format_Grayscale8);
        const int stride = gray.width() * 2 + 16;
        QByteArray yuyv(stride * gray.height(), char(128));
        for (int y = 0; y < gray.height(); ++y) {
            for (int x = 0; x < gray.width(); ++x)
                yuyv[y * stride + x * 2] = char(gray.constScanLine(y)[x]);
        }
        const auto found = ImageDecoder().decodeLuminance(
            reinterpret_cast<const uchar *>(yuyv.constData()), gray.width(), gray.height(), stride, 2);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().data, QByteArray("https://id.gs1.org/01/09506000134352/10/ABC"));
        // Nonsense geometry is refused, not read out of bounds.
        QVERIFY(ImageDecoder().decodeLuminance(nullptr, 10, 10, 10).isEmpty());
        QVERIFY(ImageDecoder()
                    .decodeLuminance(reinterpret_cast<const uchar *>(yuyv.constData()), gray.width(),
                        gray.height(), gray.width() - 1)
                    .isEmpty());
    }

    void nothingToFind()
    {
        QVERIFY(ImageDecoder().decode(QImage()).isEmpty());
        QImage blank(640, 480, QImage::Format_RGB32);
        blank.fill(Qt::white);
        QVERIFY(ImageDecoder().decode(blank).isEmpty());
        QVERIFY(ImageDecoder().decode(noisy(blank, 60, 0.05)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
