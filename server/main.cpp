// dockhand-server: parses the command line, starts DockhandServer, waits for SIGINT/SIGTERM.
// All logic lives in dockhand_serverlib so tests can use it without this executable.

#include "dockhandserver.h"
#include "serveroptions.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace dockhand::server;

namespace {

void printLine(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dockhand-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DOCKHAND_VERSION));
    qSetMessagePattern(
        QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
                       "%{if-warning}warning%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif}"
                       " %{category}: %{message}"));

    auto options = parseServerOptions(QCoreApplication::arguments());
    if (!options) {
        printLine(stderr, QStringLiteral("dockhand-server: %1 (see --help)").arg(options.error()));
        return 2;
    }
    if (options->action == ServerOptions::Action::ShowHelp) {
        printLine(stdout, options->helpText);
        return 0;
    }
    if (options->action == ServerOptions::Action::ShowVersion) {
        printLine(stdout, QStringLiteral("dockhand-server %1").arg(QCoreApplication::applicationVersion()));
        return 0;
    }

    if (options->action == ServerOptions::Action::InitSite) {
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
        auto admin = DockhandServer::setUpSite(options.value());
        if (!admin) {
            printLine(stderr, QStringLiteral("dockhand-server init: %1").arg(admin.error()));
            return 1;
        }
        const QString where = options->database.describe();
        printLine(stdout,
            QStringLiteral("dockhand-server: site %1set up in %2; administrator %3 (badge %4)")
                .arg(admin->siteName.isEmpty() ? QString() : QStringLiteral("'%1' ").arg(admin->siteName),
                    where, admin->name, admin->badge));
        if (options->pinGenerated)
            printLine(stdout,
                QStringLiteral("PIN: %1  (shown only now: give it to %2; it is stored hashed)")
                    .arg(admin->pin, admin->name));
        return 0;
    }

    if (options->action == ServerOptions::Action::Import) {
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
        auto report = DockhandServer::importFile(options.value());
        if (!report) {
            printLine(stderr, QStringLiteral("dockhand-server import: %1").arg(report.error()));
            return 1;
        }
        if (!report->ok()) {
            for (const auto &e : std::as_const(report->errors))
                printLine(stderr,
                    QStringLiteral("%1: row %2: %3").arg(options->importFile).arg(e.row).arg(e.message));
            printLine(stderr,
                QStringLiteral("dockhand-server import: %1 row(s) are wrong; nothing was imported")
                    .arg(report->errors.size()));
            return 1;
        }
        printLine(stdout,
            QStringLiteral("dockhand-server import: %1 %2: %3 created, %4 updated, %5 unchanged")
                .arg(options->importKind,
                    report->dryRun ? QStringLiteral("(dry run, nothing changed)")
                                   : QStringLiteral("imported"))
                .arg(report->created)
                .arg(report->updated)
                .arg(report->unchanged));
        if (!report->backordersReleased.isEmpty())
            printLine(stdout,
                QStringLiteral("dockhand-server import: the new stock releases %1 backordered order(s): %2")
                    .arg(report->backordersReleased.size())
                    .arg(report->backordersReleased.join(QStringLiteral(", "))));
        return 0;
    }

    // Per-request lines are debug (enable with QT_LOGGING_RULES="dockhand.server.http.debug=true");
    // --quiet keeps only warnings and errors. The environment still overrides both.
    QLoggingCategory::setFilterRules(
        options->quiet ? QStringLiteral("*.debug=false\n*.info=false") : QStringLiteral("*.debug=false"));

    SignalWatcher signalWatcher;
    DockhandServer server;
    auto port = server.start(options.value());
    if (!port) {
        printLine(stderr, QStringLiteral("dockhand-server: %1").arg(port.error()));
        return 1;
    }
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [&](int signalNumber) {
        qCInfo(lcServer) << "signal" << signalNumber << "received, shutting down";
        QCoreApplication::quit();
    });

    const bool ipv6 = options->listenAddress.protocol() == QAbstractSocket::IPv6Protocol;
    const QString host = ipv6 ? QStringLiteral("[%1]").arg(options->listenAddress.toString())
                              : options->listenAddress.toString();
    const QString scheme
        = options->tlsCertificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https");
    printLine(stdout,
        QStringLiteral("dockhand-server listening on %1://%2:%3").arg(scheme, host).arg(port.value()));

    const int code = app.exec();
    server.stop();
    return code;
}
