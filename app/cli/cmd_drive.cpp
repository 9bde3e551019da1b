// dockhand-cli drive: the app's scan path without a screen, for crash and soak tests. Built from
// the same classes AppCore wires (SerialScanner -> ScanService -> ScanQueue -> SyncController), so
// what it proves holds for the app. It prints one line per scan at the moment the operator would
// see the result, i.e. after the commit, and flushes it at once, so a test that kills the process
// knows exactly which scans were acknowledged.

#include "commands.h"

#include "localstore.h"
#include "scanqueue.h"
#include "scanservice.h"
#include "serialscanner.h"
#include "syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

#include <cstdio>

Q_LOGGING_CATEGORY(lcDrive, "dockhand.cli.drive")

namespace dockhand::cli {

namespace {

void say(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int runDrive(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Headless scanning driver (tests)."));
    const QCommandLineOption serial(
        QStringLiteral("serial"), QStringLiteral("Scanner port."), QStringLiteral("port"));
    const QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("Order server URL."), QStringLiteral("url"));
    const QCommandLineOption serverCa(QStringLiteral("server-ca"),
        QStringLiteral("PEM CA certificate to trust for an https:// server."), QStringLiteral("file"));
    const QCommandLineOption device(
        QStringLiteral("device-id"), QStringLiteral("Device id."), QStringLiteral("id"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"), QStringLiteral("Folder of the scan queue."), QStringLiteral("dir"));
    const QCommandLineOption enrol(QStringLiteral("enrol-code"),
        QStringLiteral("Enrolment code (default DEMO)."), QStringLiteral("code"));
    const QCommandLineOption batch(
        QStringLiteral("batch"), QStringLiteral("Events per upload (default 200)."), QStringLiteral("n"));
    parser.addOptions({serial, server, serverCa, device, dataDir, enrol, batch});
    if (!parser.parse(QStringList {QStringLiteral("dockhand-cli drive")} + args)) {
        std::fprintf(stderr, "dockhand-cli drive: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (!parser.isSet(dataDir) || !parser.isSet(server)) {
        std::fprintf(stderr, "dockhand-cli drive: --data-dir and --server are required\n");
        return 2;
    }
    const QString deviceId = parser.isSet(device) ? parser.value(device) : QStringLiteral("drive-01");
    const QString queuePath = QDir(parser.value(dataDir)).filePath(QStringLiteral("queue.sqlite"));

    LocalStore::OpenReport report;
    auto store = LocalStore::open(queuePath, QStringLiteral("dockhand-drive"), &report);
    if (!store) {
        say(QStringLiteral("storage-error %1").arg(store.error()));
        return 1;
    }
    if (!report.message.isEmpty())
        say(QStringLiteral("storage-warning %1").arg(report.message));
    ScanQueue queue(store.value().get(), deviceId);
    ScanService scans {ScanDecoder()};
    scans.setQueue(&queue);
    scans.setOperator(QStringLiteral("drive"));

    SyncConfig sync;
    sync.serverUrl = QUrl(parser.value(server));
    sync.serverCa = parser.value(serverCa);
    sync.deviceId = deviceId;
    sync.deviceName = deviceId;
    sync.databasePath = queuePath;
    sync.enrolCode = parser.isSet(enrol) ? parser.value(enrol) : QStringLiteral("DEMO");
    sync.minBackoffMs = 200;
    sync.maxBackoffMs = 2000;
    sync.idleIntervalMs = 1000;
    if (parser.isSet(batch))
        sync.batchEvents = std::max(1, parser.value(batch).toInt());
    SyncController controller(sync);
    qint64 lastBacklog = -1;
    bool lastOnline = false;
    QObject::connect(&controller, &SyncController::statusChanged, [&](const SyncStatus &status) {
        if (status.backlog != lastBacklog || status.online != lastOnline) {
            lastBacklog = status.backlog;
            lastOnline = status.online;
            say(QStringLiteral("sync online=%1 backlog=%2")
                    .arg(status.online ? QStringLiteral("yes") : QStringLiteral("no"))
                    .arg(status.backlog));
        }
    });
    QObject::connect(&scans, &ScanService::recorded, [&](const QueuedEvent &e) {
        // The commit is done: this is the moment the operator sees green (or red, recorded).
        say(QStringLiteral("%1 %2 %3 %4")
                .arg(e.event.result)
                .arg(e.event.sequence)
                .arg(e.event.id.toString(QUuid::WithoutBraces), e.event.raw));
        controller.nudge();
    });
    QObject::connect(&scans, &ScanService::feedbackChanged, [&] {
        if (scans.lastResult() == QLatin1String("not-saved"))
            say(QStringLiteral("not-saved %1").arg(scans.lastMessage()));
    });

    std::unique_ptr<SerialScanner> scanner;
    if (parser.isSet(serial)) {
        SerialScannerConfig config;
        config.portName = parser.value(serial);
        scanner = std::make_unique<SerialScanner>(config);
        QObject::connect(scanner.get(), &SerialScanner::scanned, &scans, &ScanService::handle);
        QObject::connect(scanner.get(), &SerialScanner::stateChanged,
            [](SerialScanner::State state, const QString &message) {
                say(state == SerialScanner::State::Connected ? QStringLiteral("scanner connected")
                                                             : QStringLiteral("scanner %1").arg(message));
            });
        scanner->start();
    }
    controller.start();
    say(QStringLiteral("ready %1").arg(deviceId));
    qCInfo(lcDrive) << "driving" << deviceId << "against" << sync.serverUrl.toString();
    return QCoreApplication::exec();
}

} // namespace dockhand::cli
