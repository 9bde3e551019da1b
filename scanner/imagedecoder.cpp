#include "imagedecoder.h"

#include <QLoggingCategory>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cstring>
#include <optional>

Q_LOGGING_CATEGORY(lcImage, "dockhand.scanner.image")

namespace dockhand {

namespace {

constexpr ZXing::BarcodeFormat kAllFormats[] = {
    ZXing::BarcodeFormat::Aztec,
    ZXing::BarcodeFormat::Codabar,
    ZXing::BarcodeFormat::Code39,
    ZXing::BarcodeFormat::Code93,
    ZXing::BarcodeFormat::Code128,
    ZXing::BarcodeFormat::DataBar,
    ZXing::BarcodeFormat::DataBarExpanded,
    ZXing::BarcodeFormat::DataMatrix,
    ZXing::BarcodeFormat::EAN8,
    ZXing::BarcodeFormat::EAN13,
    ZXing::BarcodeFormat::ITF,
    ZXing::BarcodeFormat::MaxiCode,
    ZXing::BarcodeFormat::PDF417,
    ZXing::BarcodeFormat::QRCode,
    ZXing::BarcodeFormat::UPCA,
    ZXing::BarcodeFormat::UPCE,
    ZXing::BarcodeFormat::MicroQRCode,
};

// Compares format names the way people write them: "EAN-13", "ean13", "QR Code", "qrcode".
QString normalized(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

ZXing::BarcodeFormat formatFromName(const QString &name)
{
    const QString wanted = normalized(name);
    for (const ZXing::BarcodeFormat f : kAllFormats) {
        if (normalized(QString::fromLatin1(ZXing::ToString(f))) == wanted)
            return f;
    }
    return ZXing::BarcodeFormat::None;
}

QList<DecodedBarcode> toDecoded(const ZXing::Results &results)
{
    QList<DecodedBarcode> out;
    out.reserve(qsizetype(results.size()));
    for (const ZXing::Result &r : results) {
        if (!r.isValid())
            continue;
        DecodedBarcode b;
        b.format = QString::fromLatin1(ZXing::ToString(r.format()));
        const std::string text = r.text();
        b.data = QByteArray(text.data(), qsizetype(text.size()));
        b.aim = QString::fromStdString(r.symbologyIdentifier());
        b.gs1 = r.contentType() == ZXing::ContentType::GS1;
        const ZXing::Position &p = r.position();
        for (int i = 0; i < 4; ++i)
            b.position.append(QPoint(p[i].x, p[i].y));
        out.append(std::move(b));
    }
    return out;
}

// How many times the linear readers run on one image at most (see Private::read).
constexpr int kMaxLinearPasses = 8;

// A private 8-bit grey copy of any view, for blanking codes already found.
QImage lumCopy(const ZXing::ImageView &view)
{
    QImage out(view.width(), view.height(), QImage::Format_Grayscale8);
    const ZXing::ImageFormat f = view.format();
    const int px = view.pixStride();
    for (int y = 0; y < view.height(); ++y) {
        const uint8_t *in = view.data(0, y);
        uchar *line = out.scanLine(y);
        if (f == ZXing::ImageFormat::Lum) {
            for (int x = 0; x < view.width(); ++x)
                line[x] = in[x * px];
        } else {
            const int r = ZXing::RedIndex(f), g = ZXing::GreenIndex(f), b = ZXing::BlueIndex(f);
            for (int x = 0; x < view.width(); ++x)
                line[x] = ZXing::RGBToLum(in[x * px + r], in[x * px + g], in[x * px + b]);
        }
    }
    return out;
}

// Paints a found linear code white, with a margin across the bars (the reader reports only the
// scan lines it used, not the full bar height), so the next pass cannot find it again.
void blank(QImage &lum, const QPolygon &position)
{
    QRect r = position.boundingRect();
    const int length = qMax(r.width(), r.height());
    const int across = qMax(20, length * 3 / 10);
    const int along = qMax(10, length / 10);
    if (r.width() >= r.height())
        r.adjust(-along, -across, along, across);
    else
        r.adjust(-across, -along, across, along);
    r &= lum.rect();
    for (int y = r.top(); y <= r.bottom(); ++y)
        memset(lum.scanLine(y) + r.left(), 0xff, size_t(r.width()));
}

} // namespace

QString ImageDecoderConfig::check() const
{
    QStringList unknown;
    for (const QString &name : formats) {
        if (formatFromName(name) == ZXing::BarcodeFormat::None)
            unknown.append(name);
    }
    if (!unknown.isEmpty())
        return QStringLiteral("unknown barcode format(s) %1; known: %2")
            .arg(unknown.join(QStringLiteral(", ")), ImageDecoder::knownFormats().join(QStringLiteral(", ")));
    if (maxSymbols < 1 || maxSymbols > 255)
        return QStringLiteral("maxSymbols must be between 1 and 255, not %1").arg(maxSymbols);
    return {};
}

RawScan DecodedBarcode::toRawScan(ScanSource source, const QString &device) const
{
    RawScan scan;
    scan.data = data;
    scan.aim = aim;
    scan.source = source;
    scan.device = device;
    scan.time = QDateTime::currentDateTimeUtc();
    return scan;
}

struct ImageDecoder::Private
{
    ZXing::DecodeHints matrixHints; // formats None: no matrix pass
    ZXing::DecodeHints linearHints; // formats None: no linear pass
    int maxSymbols = 255;

    static ZXing::Results readSafely(const ZXing::ImageView &view, const ZXing::DecodeHints &hints)
    {
        try {
            return ZXing::ReadBarcodes(view, hints);
        } catch (const std::exception &e) {
            // ZXing reports misuse (e.g. an image over 65535 px) by exception; never let it cross our API.
            qCWarning(lcImage) << "ZXing failed:" << e.what();
            return {};
        }
    }

    // ZXing 1.4 (Debian's build keeps assertions on) aborts the process in Result::operator==
    // ("lineCount() == 1") when ReadBarcodes finds the same linear code twice, e.g. in two layers
    // of its image pyramid — any 1-D code big enough in a 1280x720 frame (zxing-cpp issues #516,
    // #740). Matrix codes compare without that assertion. So matrix codes are read in one pass, and
    // linear codes one at a time (maxNumberOfSymbols 1 never compares results): after each hit the
    // code is painted out of a private copy and the linear readers run again. Stopping at the first
    // linear hit also makes this faster than a single ReadBarcodes over all formats.
    QList<DecodedBarcode> read(const ZXing::ImageView &view) const
    {
        QList<DecodedBarcode> out;
        if (!matrixHints.formats().empty())
            out = toDecoded(readSafely(view, matrixHints));
        if (linearHints.formats().empty())
            return out;
        QImage copy;
        std::optional<ZXing::ImageView> current = view;
        for (int pass = 0; pass < kMaxLinearPasses && out.size() < maxSymbols; ++pass) {
            const QList<DecodedBarcode> found = toDecoded(readSafely(*current, linearHints));
            if (found.isEmpty())
                break;
            const DecodedBarcode &b = found.first();
            const bool again = std::any_of(out.cbegin(), out.cend(),
                [&b](const DecodedBarcode &o) { return o.format == b.format && o.data == b.data; });
            if (!again)
                out.append(b); // the same content found again is leftover rows of the same code
            if (out.size() >= maxSymbols || pass + 1 >= kMaxLinearPasses)
                break;
            if (copy.isNull())
                copy = lumCopy(view);
            blank(copy, b.position);
            current.emplace(copy.constBits(), copy.width(), copy.height(), ZXing::ImageFormat::Lum,
                int(copy.bytesPerLine()));
        }
        return out;
    }
};

ImageDecoder::ImageDecoder(ImageDecoderConfig config)
    : m_config(std::move(config)), d(std::make_unique<Private>())
{
    ZXing::BarcodeFormats formats;
    for (const QString &name : m_config.formats) {
        const ZXing::BarcodeFormat f = formatFromName(name);
        if (f == ZXing::BarcodeFormat::None)
            qCWarning(lcImage).noquote() << "ignoring unknown barcode format" << name;
        else
            formats |= f;
    }
    if (formats.empty())
        formats = ZXing::BarcodeFormat::Any;
    d->maxSymbols = qBound(1, m_config.maxSymbols, 255);
    for (ZXing::DecodeHints *hints : {&d->matrixHints, &d->linearHints}) {
        hints->setTryHarder(m_config.tryHarder);
        hints->setTryRotate(m_config.tryRotate);
        hints->setIsPure(m_config.pure);
    }
    const ZXing::BarcodeFormats matrix = formats & ZXing::BarcodeFormats(ZXing::BarcodeFormat::MatrixCodes);
    const ZXing::BarcodeFormats linear = formats & ZXing::BarcodeFormats(ZXing::BarcodeFormat::LinearCodes);
    d->matrixHints.setFormats(matrix);
    d->matrixHints.setMaxNumberOfSymbols(uint8_t(d->maxSymbols));
    d->linearHints.setFormats(linear);
    d->linearHints.setMaxNumberOfSymbols(1);
}

ImageDecoder::~ImageDecoder() = default;

ImageDecoder::ImageDecoder(const ImageDecoder &other)
    : m_config(other.m_config), d(std::make_unique<Private>(*other.d))
{ }

ImageDecoder &ImageDecoder::operator=(const ImageDecoder &other)
{
    if (this != &other) {
        m_config = other.m_config;
        d = std::make_unique<Private>(*other.d);
    }
    return *this;
}

QStringList ImageDecoder::knownFormats()
{
    QStringList names;
    for (const ZXing::BarcodeFormat f : kAllFormats)
        names.append(QString::fromLatin1(ZXing::ToString(f)));
    return names;
}

QList<DecodedBarcode> ImageDecoder::decodeLuminance(
    const uchar *data, int width, int height, int bytesPerLine, int pixelStride) const
{
    if (!data || width <= 0 || height <= 0 || pixelStride < 1 || bytesPerLine < width * pixelStride)
        return {};
    return d->read(ZXing::ImageView(data, width, height, ZXing::ImageFormat::Lum, bytesPerLine, pixelStride));
}

QList<DecodedBarcode> ImageDecoder::decode(const QImage &image) const
{
    if (image.isNull())
        return {};
    // ZXing reads these 8-bit layouts itself, so there is no conversion copy on the camera path.
    // The row stride is passed every time: QImage pads each row to a multiple of 4 bytes.
    constexpr bool little = Q_BYTE_ORDER == Q_LITTLE_ENDIAN;
    ZXing::ImageFormat format = ZXing::ImageFormat::None;
    switch (image.format()) {
    case QImage::Format_Grayscale8:
        format = ZXing::ImageFormat::Lum;
        break;
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        format = little ? ZXing::ImageFormat::BGRX : ZXing::ImageFormat::XRGB;
        break;
    case QImage::Format_RGBX8888:
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBA8888_Premultiplied:
        format = ZXing::ImageFormat::RGBX;
        break;
    case QImage::Format_RGB888:
        format = ZXing::ImageFormat::RGB;
        break;
    case QImage::Format_BGR888:
        format = ZXing::ImageFormat::BGR;
        break;
    default:
        break;
    }
    if (format == ZXing::ImageFormat::None) {
        const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
        return d->read(ZXing::ImageView(gray.constBits(), gray.width(), gray.height(),
            ZXing::ImageFormat::Lum, int(gray.bytesPerLine())));
    }
    return d->read(ZXing::ImageView(
        image.constBits(), image.width(), image.height(), format, int(image.bytesPerLine())));
}

} // namespace dockhand
