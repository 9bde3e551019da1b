#pragma once

#include "rawscan.h"

#include <QImage>
#include <QList>
#include <QPolygon>
#include <QStringList>

#include <memory>

namespace dockhand {

// Which barcodes to look for, and how hard. Restricting the formats to those used on the floor
// makes the camera faster and stops it from "finding" codes in noise.
struct ImageDecoderConfig
{
    // ZXing format names, case-insensitive, e.g. "EAN-13", "EAN-8", "UPC-A", "Code128", "Code39",
    // "ITF", "DataBar", "DataMatrix", "QRCode", "PDF417"; empty: every format ZXing knows.
    QStringList formats;
    bool tryHarder = true; // slower, finds more (small, blurred, low-contrast codes)
    bool tryRotate = true; // also look for 1-D codes at 90 degrees
    bool pure = false; // the image holds nothing but one synthetic code (generated labels)
    int maxSymbols = 255; // stop after this many codes in one image (1..255)

    // Unknown format names or out-of-range values, in words an admin can act on; empty when fine.
    QString check() const;
};

// One barcode found in an image.
struct DecodedBarcode
{
    QString format; // ZXing's name: "EAN-13", "Code128", "DataMatrix", "QRCode", ...
    QByteArray data; // the content as UTF-8; GS1 separators are byte 0x1D, no leading FNC1
    QString aim; // AIM symbology identifier from ZXing: "]C1", "]d2", "]E0", "]Q1", ...
    bool gs1 = false; // GS1 content (FNC1 in first position)
    QPolygon position; // the four corners in image coordinates

    // The same barcode as every scan source reports it.
    RawScan toRawScan(ScanSource source, const QString &device) const;
};

// The one decode path for camera frames, still images and dockhand-cli: ZXing-cpp on a view of the
// pixels (with the real row stride — a QImage pads rows to 4 bytes). Common 8-bit layouts go to
// ZXing without a copy; anything else is converted to Grayscale8 first. Const and reentrant: one
// decoder may be used from several threads at once.
class ImageDecoder
{
public:
    explicit ImageDecoder(ImageDecoderConfig config = {});
    ~ImageDecoder();
    ImageDecoder(const ImageDecoder &other);
    ImageDecoder &operator=(const ImageDecoder &other);

    QList<DecodedBarcode> decode(const QImage &image) const;

    // An 8-bit luminance plane, such as the Y plane of a camera frame, decoded in place.
    // pixelStride 2 reads packed YUYV/UYVY (point `data` at the first Y byte).
    QList<DecodedBarcode> decodeLuminance(
        const uchar *data, int width, int height, int bytesPerLine, int pixelStride = 1) const;

    const ImageDecoderConfig &config() const { return m_config; }

    // Every format name the config accepts.
    static QStringList knownFormats();

private:
    struct Private;
    ImageDecoderConfig m_config;
    std::unique_ptr<Private> d;
};

} // namespace dockhand

Q_DECLARE_METATYPE(dockhand::DecodedBarcode)
