// dockhand-cli drive: the app's scan path without a screen, for crash and soak tests. It builds
// the app's own composition root (AppCore: serial scanner -> debouncer -> router, which decodes
// -> workflow -> recorder -> durable queue -> sync), so what it proves holds for the app. It
// prints one line per scan at the moment the operator would see the result, i.e. after the
// commit, and flushes it at once, so a test that kills the process knows exactly which scans
// were acknowledged.

#include "commands.h"

#include "appcore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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

    AppConfig config;
    config.deviceId = parser.isSet(device) ? parser.value(device) : QStringLiteral("drive-01");
    config.deviceName = config.deviceId;
    config.operatorName = QStringLiteral("drive");
    config.dataDir = parser.value(dataDir);
    config.serverUrl = QUrl(parser.value(server));
    config.serverCa = parser.value(serverCa);
    config.enrolCode = parser.isSet(enrol) ? parser.value(enrol) : QStringLiteral("DEMO");
    config.serialScanner.portName = parser.value(serial);
    config.syncMinBackoffMs = 200;
    config.syncMaxBackoffMs = 2000;
    config.syncIdleIntervalMs = 1000;
    if (parser.isSet(batch))
        config.syncBatchEvents = std::max(1, parser.value(batch).toInt());

    AppCore core(config);
    // "scanner connected", or "scanner MESSAGE" when it is not; once per change: the scanner
    // layer's other news while connected (a refused frame) is not a new connection.
    QString lastScanner;
    QObject::connect(
        core.device(), &DeviceStatus::scannerChanged, &core, [&lastScanner, device = core.device()] {
            if (device->scannerState() == QLatin1String("none"))
                return;
            const QString line = device->scannerState() == QLatin1String("connected")
                ? QStringLiteral("scanner connected")
                : QStringLiteral("scanner %1").arg(device->scannerMessage());
            if (line != lastScanner)
                say(lastScanner = line);
        });
    core.start();
    if (!core.queue()) {
        say(QStringLiteral("storage-error %1").arg(core.device()->storageError()));
        return 1;
    }
    if (!core.device()->storageError().isEmpty())
        say(QStringLiteral("storage-warning %1").arg(core.device()->storageError()));

    qint64 lastBacklog = -1;
    bool lastOnline = false;
    const SyncMonitor *sync = core.sync();
    QObject::connect(sync, &SyncMonitor::changed, &core, [&] {
        if (sync->backlog() != lastBacklog || sync->online() != lastOnline) {
            lastBacklog = sync->backlog();
            lastOnline = sync->online();
            say(QStringLiteral("sync online=%1 backlog=%2")
                    .arg(lastOnline ? QStringLiteral("yes") : QStringLiteral("no"))
                    .arg(lastBacklog));
        }
    });
    QObject::connect(core.recorder(), &ScanRecorder::recorded, &core, [](const QueuedEvent &e) {
        // The commit is done: this is the moment the operator sees green (or red, recorded).
        say(QStringLiteral("%1 %2 %3 %4")
                .arg(e.event.result)
                .arg(e.event.sequence)
                .arg(e.event.id.toString(QUuid::WithoutBraces), e.event.raw));
    });
    QObject::connect(core.feedback(), &Feedback::changed, &core, [feedback = core.feedback()] {
        if (feedback->result() == Feedback::kNotSaved)
            say(QStringLiteral("not-saved %1").arg(feedback->message()));
    });
    say(QStringLiteral("ready %1").arg(config.deviceId));
    qCInfo(lcDrive) << "driving" << config.deviceId << "against" << config.serverUrl.toString();
    return QCoreApplication::exec();
}

} // namespace dockhand::cli
