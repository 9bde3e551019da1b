#include "commands.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTranslator>

namespace {
constexpr auto kUsage = R"(usage: dockhand-cli <command> [options]

commands:
  scan [--port PATH] DATA...   write barcodes to a serial scanner port (the demo's simulated scanner)
  parse [--gs1]                read raw scans from stdin, one per line; print one JSON object per line
  decode FILE...               decode barcodes in images; print one JSON object per barcode
  events [--server URL] [--device ID] [--badge B --pin P] [--json]
                               list the scan events the order server holds
  drive --server URL --data-dir DIR [--serial PORT] [--device-id ID] [--enrol-code CODE]
                               headless scanning driver: scans from the port are committed and
                               synced as in the app; prints "<result> <seq> <uuid> <raw>" per scan
  floor [app options: --server URL --data-dir DIR --serial PORT --scale PORT --device-id ID ...]
                               the app's floor workflows without a screen: scans from the port,
                               taps as stdin lines (pick.start WAVE-0001, pack.close ...); prints
                               every state change and feedback (docs/cli.md)
)";
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dockhand-cli"));
    // The workflows' messages in English with their plural forms ("1 unit", "2 units").
    QTranslator english;
    if (english.load(QStringLiteral(":/i18n/dockhand_en.qm")))
        QCoreApplication::installTranslator(&english);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        QTextStream(args.isEmpty() ? stderr : stdout) << kUsage;
        return args.isEmpty() ? 2 : 0;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("scan"))
        return dockhand::cli::runScan(args);
    if (command == QLatin1String("parse"))
        return dockhand::cli::runParse(args);
    if (command == QLatin1String("decode"))
        return dockhand::cli::runDecode(args);
    if (command == QLatin1String("events"))
        return dockhand::cli::runEvents(args);
    if (command == QLatin1String("drive"))
        return dockhand::cli::runDrive(args);
    if (command == QLatin1String("floor"))
        return dockhand::cli::runFloor(args);
    QTextStream(stderr) << "dockhand-cli: unknown command '" << command << "'\n" << kUsage;
    return 2;
}
