#include "commands.h"

#include "imagedecoder.h"
#include "scan.h"

#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace dockhand::cli {

namespace {
constexpr auto kDecodeUsage = R"(usage: dockhand-cli decode [--formats LIST] [--pure] FILE...

Decodes the barcodes in image files (PNG, JPEG, BMP, ...) through the same path as the camera and
prints one JSON object per barcode found:
  {"file":..., "format":..., "text":..., "aim":..., "gs1":true|false, "elements":[{"ai","value","title"}]}
A file without a barcode prints {"file":..., "error":"no barcode found"}; a file that cannot be read
prints {"file":..., "error":...} and makes the exit status 1.
  --formats LIST  only look for these formats, comma-separated (e.g. EAN-13,Code128,DataMatrix)
  --pure          the images hold nothing but one generated code (faster, stricter)
)";

void print(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    out.flush();
}
} // namespace

int runDecode(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    ImageDecoderConfig config;
    QStringList files;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--formats") && i + 1 < args.size()) {
            config.formats = args.at(++i).split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (arg == QLatin1String("--pure")) {
            config.pure = true;
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            out << kDecodeUsage;
            return 0;
        } else if (arg.startsWith(QLatin1String("--"))) {
            err << "dockhand-cli decode: unknown option '" << arg << "'\n" << kDecodeUsage;
            return 2;
        } else {
            files.append(arg);
        }
    }
    if (files.isEmpty()) {
        err << kDecodeUsage;
        return 2;
    }
    if (const QString problem = config.check(); !problem.isEmpty()) {
        err << "dockhand-cli decode: " << problem << '\n';
        return 2;
    }

    const ImageDecoder decoder(config);
    const ScanDecoder scanDecoder;
    int status = 0;
    for (const QString &file : files) {
        QImageReader reader(file);
        reader.setAutoTransform(true); // honour EXIF orientation of phone photos
        const QImage image = reader.read();
        if (image.isNull()) {
            const QString why = QFile::exists(file) ? reader.errorString() : QStringLiteral("file not found");
            print(out,
                {{QStringLiteral("file"), file},
                    {QStringLiteral("error"), QStringLiteral("cannot read image: ") + why}});
            status = 1;
            continue;
        }
        const QList<DecodedBarcode> barcodes = decoder.decode(image);
        if (barcodes.isEmpty()) {
            print(out,
                {{QStringLiteral("file"), file},
                    {QStringLiteral("error"), QStringLiteral("no barcode found")}});
            continue;
        }
        for (const DecodedBarcode &b : barcodes) {
            QJsonObject object {
                {QStringLiteral("file"), file},
                {QStringLiteral("format"), b.format},
                {QStringLiteral("text"), QString::fromUtf8(b.data)},
                {QStringLiteral("aim"), b.aim},
                {QStringLiteral("gs1"), b.gs1},
            };
            if (b.gs1) {
                // The GS1 meaning comes from the same decoder every other scan goes through.
                RawScan raw = b.toRawScan(ScanSource::Camera, file);
                const Scan scan = scanDecoder.decode(raw);
                QJsonArray elements;
                for (const Gs1Element &e : scan.elements) {
                    elements.append(QJsonObject {{QStringLiteral("ai"), e.ai},
                        {QStringLiteral("value"), e.value}, {QStringLiteral("title"), e.title}});
                }
                object.insert(QStringLiteral("elements"), elements);
                if (!scan.valid && !scan.error.isEmpty())
                    object.insert(QStringLiteral("gs1Error"), scan.error);
            }
            print(out, object);
        }
    }
    return status;
}

} // namespace dockhand::cli
