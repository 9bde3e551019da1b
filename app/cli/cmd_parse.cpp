#include "commands.h"

#include "scan.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace dockhand::cli {

namespace {
constexpr auto kParseUsage = R"(usage: dockhand-cli parse [--gs1] [--today YYYY-MM-DD]

Reads raw scans from stdin, one per line (CR LF or LF; a line may hold GS bytes 0x1D and may
start with an AIM id such as ]C1), and prints one JSON object per line.
  --gs1      read every line as a GS1 element string (FNC1 in first position implied)
  --today    resolve two-digit GS1 years against this date instead of today
)";
} // namespace

int runParse(const QStringList &args)
{
    bool gs1 = false;
    QDate today;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--gs1")) {
            gs1 = true;
        } else if (arg == QLatin1String("--today") && i + 1 < args.size()) {
            today = QDate::fromString(args.at(++i), Qt::ISODate);
            if (!today.isValid()) {
                QTextStream(stderr) << "dockhand-cli parse: --today wants YYYY-MM-DD, got '" << args.at(i)
                                    << "'\n";
                return 2;
            }
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            QTextStream(stdout) << kParseUsage;
            return 0;
        } else {
            QTextStream(stderr) << "dockhand-cli parse: unknown option '" << arg << "'\n" << kParseUsage;
            return 2;
        }
    }

    ScanDecoder decoder;
    if (today.isValid())
        decoder.setToday(today);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        QTextStream(stderr) << "dockhand-cli parse: cannot read stdin\n";
        return 1;
    }
    // Bytes, not text: a line may hold GS (0x1D) and whatever noise a scanner sends, and the
    // decoder is the one place that judges it.
    while (true) {
        QByteArray line = in.readLine();
        if (line.isEmpty())
            break;
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        RawScan raw;
        raw.data = line;
        raw.source = ScanSource::Manual;
        raw.device = QStringLiteral("stdin");
        const Scan scan = gs1 ? decoder.decodeGs1(raw) : decoder.decode(raw);
        const QByteArray json = QJsonDocument(scan.toJson()).toJson(QJsonDocument::Compact);
        std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout); // one answer per scan as it arrives, also through a pipe
    }
    return 0;
}

} // namespace dockhand::cli
