// Fleet benchmark: two dockhand-server processes on different loopback ports share one private
// PostgreSQL cluster with the demo warehouse; simulated devices, each enrolled with its own token
// and half of them on each server, download their data (GET /v1/sync, paged) and upload their
// queued scan events in batches, all at the same time (one request in flight per device, as a
// device's sync engine does). Prints the download's and the upload's p50/p99 request
// latency next to a baseline from the same run (the same number of events from one device to one
// server), then checks exactly-once: every device resends a batch to the other server and gets
// "duplicate" back, the database holds exactly the events sent, each once, with no sequence
// gap, and no answer reported a gap.
//
// Reads during the burst: while the devices drain, separate readers (each its own connection and
// device token, one request in flight each) read round-robin across both servers:
// GET /v1/health, GET /v1/orders/<the first demo order>, GET /v1/sync?cursor=&limit=20. Prints
// their p50/p99/max during the burst next to the same reads on the idle servers, measured just
// before the burst. For the burst it also prints the Little's-law estimate of upload latency
// (requests in flight / requests per second), the servers' CPU time (/proc/<pid>/stat), events
// per server CPU-second and how busy the whole machine was.
//
// Usage: bench_fleet [devices=200] [events per device=300] [batch=100]
// (or DOCKHAND_BENCH_DEVICES, DOCKHAND_BENCH_EVENTS, DOCKHAND_BENCH_BATCH).
// Also: DOCKHAND_BENCH_READERS (4), DOCKHAND_BENCH_IDLE_MS (idle reads, 3000),
// DOCKHAND_BENCH_READ_INTERVAL_MS (each reader at most one read per 50 ms),
// DOCKHAND_BENCH_WORKERS (--workers of the fleet's servers when the server has the option;
// default: the server's own default).
// Skips (exit 0, with a message) when a PostgreSQL cluster cannot be started.

#include "benchclient.h"
#include "benchstats.h"
#include "e2eharness.h"
#include "pgcluster.h"
#include "protocol.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <memory>
#include <vector>

using namespace dockhand;

namespace {

QTextStream out(stdout);

using bench::Device;
using bench::Tally;
using testing::PgCluster; // a private throwaway cluster (tests/common/pgcluster.h)

// What the devices downloaded: every device pages through GET /v1/sync until the server says
// there is no more, all devices at once, as each does when it starts.
struct Downloaded
{
    QList<double> latencyMs;
    QSet<qint64> changesPerDevice; // one value when every device got the same data
    QString error;
};

Downloaded downloadAll(
    std::vector<Device> &fleet, const QList<e2e::ServerProcess *> &servers, double *seconds)
{
    Downloaded result;
    QEventLoop loop;
    int busy = int(fleet.size());
    std::function<void(Device &, const QString &, qint64)> fetch = [&](Device &device, const QString &cursor,
                                                                       qint64 changes) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        QNetworkReply *reply = bench::get(device, *servers.at(device.server),
            QStringLiteral("/v1/sync?limit=200&cursor=")
                + QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, timer, changes, d = &device] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            if (status != 200) {
                result.error = QStringLiteral("%1: download answered HTTP %2").arg(d->id).arg(status);
                if (--busy == 0)
                    loop.quit();
                return;
            }
            result.latencyMs.append(timer->nsecsElapsed() / 1e6);
            const qint64 total = changes + page.value(QLatin1String("changes")).toArray().size();
            if (page.value(QLatin1String("more")).toBool()) {
                fetch(*d, page.value(QLatin1String("cursor")).toVariant().toString(), total);
                return;
            }
            result.changesPerDevice.insert(total);
            if (--busy == 0)
                loop.quit();
        });
    };
    QElapsedTimer clock;
    clock.start();
    for (Device &device : fleet)
        fetch(device, QString(), 0);
    QTimer::singleShot(600000, &loop, [&] {
        result.error = QStringLiteral("no answer within 10 minutes");
        loop.quit();
    });
    if (busy > 0)
        loop.exec();
    *seconds = clock.nsecsElapsed() / 1e9;
    return result;
}

void report(const QString &label, qint64 events, double seconds, const Tally &t)
{
    out << label << QString::number(events) << " events in " << QString::number(seconds, 'f', 2)
        << " s = " << qRound(events / seconds) << " events/s; request latency p50 "
        << QString::number(bench::percentiles(t.latencyMs).p50, 'f', 1) << " ms, p99 "
        << QString::number(bench::percentiles(t.latencyMs).p99, 'f', 1) << " ms (" << t.latencyMs.size()
        << " requests, " << t.retried << " sent again after 503/429)\n";
    out.flush();
}

// The database holds exactly the events sent, each once, every device's sequence 1..n complete.
bool exactlyOnce(const PgCluster &pg, const std::vector<Device> &fleet, int events, QString *detail)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("fleet-check"));
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(pg.port());
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("fleet"));
        if (!db.open()) {
            *detail = db.lastError().text();
        } else {
            QSet<QString> sent;
            QHash<QString, qint64> expected;
            for (const Device &d : fleet) {
                for (const QUuid &id : d.ids)
                    sent.insert(id.toString(QUuid::WithoutBraces));
                expected.insert(d.id, events);
            }
            QSqlQuery q(db);
            q.setForwardOnly(true);
            QSet<QString> stored;
            qint64 rows = 0;
            q.exec(QStringLiteral("SELECT id FROM events"));
            while (q.next()) {
                stored.insert(q.value(0).toString());
                ++rows;
            }
            QStringList problems;
            if (rows != sent.size() || stored != sent)
                problems << QStringLiteral(
                    "%1 rows (%2 distinct ids) for %3 events sent; %4 sent but missing")
                                .arg(rows)
                                .arg(stored.size())
                                .arg(sent.size())
                                .arg((sent - stored).size());
            q.exec(
                QStringLiteral("SELECT device, COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM events "
                               "GROUP BY device"));
            int devicesSeen = 0;
            while (q.next()) {
                ++devicesSeen;
                const QString device = q.value(0).toString();
                const qint64 n = expected.value(device, -1);
                if (q.value(1).toLongLong() != n || q.value(2).toLongLong() != n
                    || q.value(3).toLongLong() != 1 || q.value(4).toLongLong() != n)
                    problems << QStringLiteral(
                        "device %1: %2 rows, %3 sequence numbers %4..%5 (expected 1..%6)")
                                    .arg(device, q.value(1).toString(), q.value(2).toString(),
                                        q.value(3).toString(), q.value(4).toString())
                                    .arg(n);
            }
            if (devicesSeen != int(fleet.size()))
                problems << QStringLiteral("events of %1 devices stored, %2 sent")
                                .arg(devicesSeen)
                                .arg(fleet.size());
            ok = problems.isEmpty();
            *detail = ok ? QStringLiteral("%1 events of %2 devices, each once, sequences 1..%3 complete")
                               .arg(rows)
                               .arg(devicesSeen)
                               .arg(events)
                         : problems.mid(0, 5).join(QLatin1String("; "));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fleet-check"));
    return ok;
}

bool createDatabases(const PgCluster &pg, QString *why)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("fleet-admin"));
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(pg.port());
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("postgres"));
        QSqlQuery q(db);
        ok = db.open() && q.exec(QStringLiteral("CREATE DATABASE fleet"))
            && q.exec(QStringLiteral("CREATE DATABASE baseline"));
        if (!ok)
            *why = db.isOpen() ? q.lastError().text() : db.lastError().text();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fleet-admin"));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int devices = bench::setting(argc, argv, 1, "DOCKHAND_BENCH_DEVICES", 200, 2, 2000);
    const int events = bench::setting(argc, argv, 2, "DOCKHAND_BENCH_EVENTS", 300, 1, 100000);
    const int batch
        = bench::setting(argc, argv, 3, "DOCKHAND_BENCH_BATCH", 100, 1, protocol::kMaxEventsPerBatch);
    const int readerCount = bench::setting("DOCKHAND_BENCH_READERS", 4, 1, 64);
    const int idleMs = bench::setting("DOCKHAND_BENCH_IDLE_MS", 3000, 100, 600000);
    const int workers = bench::setting("DOCKHAND_BENCH_WORKERS", 0, 0, 1000);
    const qint64 total = qint64(devices) * events;
    out << "bench_fleet: " << devices << " devices x " << events << " events (batches of " << batch
        << ") on 2 dockhand-server processes sharing one PostgreSQL\n";
    out << bench::workersNote(workers) << "\n";
    out.flush();

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    PgCluster pg;
    QString why;
    if (!pg.start(dir.path(), &why, {QStringLiteral("max_connections=50")}) || !createDatabases(pg, &why)) {
        out << "bench_fleet: skipped: PostgreSQL cannot be started (" << why << ")\n";
        return 0;
    }

    // The fleet: two servers on one database, devices split between them.
    e2e::ServerProcess first(dir.filePath(QStringLiteral("server-1")));
    e2e::ServerProcess second(dir.filePath(QStringLiteral("server-2")));
    const QStringList fleetArgs
        = bench::serverArgs(pg.url(QStringLiteral("fleet"))) + bench::workersArgs(workers);
    if (!first.start(0, fleetArgs, &why) || !second.start(0, fleetArgs, &why)) {
        out << "bench_fleet: " << why << "\n";
        return 1;
    }
    const QList<e2e::ServerProcess *> servers {&first, &second};
    std::vector<Device> fleet = bench::makeDevices(QStringLiteral("fleet"), devices, events, batch, 2);
    if (!bench::enrolAll(fleet, servers, &why)) {
        out << "bench_fleet: " << why << "\n";
        return 1;
    }
    double downloadSeconds = 0;
    const Downloaded downloaded = downloadAll(fleet, servers, &downloadSeconds);
    if (!downloaded.error.isEmpty() || downloaded.changesPerDevice.size() != 1
        || *downloaded.changesPerDevice.cbegin() == 0) {
        out << "bench_fleet: download failed: " << downloaded.error
            << " (changes per device: " << downloaded.changesPerDevice.size() << " different counts)\n";
        return 1;
    }
    out << "download (" << devices << " devices, 2 servers): each device its "
        << *downloaded.changesPerDevice.cbegin() << " changes in " << QString::number(downloadSeconds, 'f', 2)
        << " s; request latency p50 " << QString::number(bench::percentiles(downloaded.latencyMs).p50, 'f', 1)
        << " ms, p99 " << QString::number(bench::percentiles(downloaded.latencyMs).p99, 'f', 1) << " ms ("
        << downloaded.latencyMs.size() << " requests)\n";
    out.flush();

    // The readers: devices of their own that only read, enrolled like the others.
    std::vector<Device> readers = bench::makeDevices(QStringLiteral("reader"), readerCount, 0, 1, 2);
    if (!bench::enrolAll(readers, servers, &why)) {
        out << "bench_fleet: " << why << "\n";
        return 1;
    }
    const QString order = bench::firstOrderNumber(first, readers.front().token, &why);
    if (order.isEmpty()) {
        out << "bench_fleet: " << why << "\n";
        return 1;
    }
    constexpr int syncLimit = 20;
    bench::ReadLoad readLoad(
        readers, servers, order, syncLimit, bench::setting("DOCKHAND_BENCH_READ_INTERVAL_MS", 50, 0, 60000));
    bench::Reads idleReads;
    readLoad.runFor(&idleReads, idleMs);
    if (idleReads.errors > 0 || idleReads.latencyMs.isEmpty()) {
        out << "bench_fleet: reads on the idle servers failed: " << idleReads.firstError << "\n";
        return 1;
    }

    // The burst: every device drains its backlog at once while the readers keep reading.
    const int batches = int(fleet.front().batches.size());
    double fleetSeconds = 0;
    bench::Reads burstReads;
    const double cpuBefore = bench::processCpuSeconds(first.pid()) + bench::processCpuSeconds(second.pid());
    const bench::MachineCpu machineBefore = bench::machineCpu();
    readLoad.start(&burstReads);
    const Tally run = bench::drain(fleet, servers, 0, batches, 0, &fleetSeconds);
    const double cpuAfter = bench::processCpuSeconds(first.pid()) + bench::processCpuSeconds(second.pid());
    const bench::MachineCpu machineAfter = bench::machineCpu();
    readLoad.stop();
    if (!run.error.isEmpty()) {
        out << "bench_fleet: upload failed: " << run.error << "\n";
        return 1;
    }
    report(QStringLiteral("fleet (%1 devices, 2 servers):     ").arg(devices), total, fleetSeconds, run);
    const double requestsPerSecond = run.latencyMs.size() / fleetSeconds;
    double latencySum = 0;
    for (double l : run.latencyMs)
        latencySum += l;
    out << "  Little's law: " << devices << " requests in flight / "
        << QString::number(requestsPerSecond, 'f', 1)
        << " requests/s = " << bench::ms(1000.0 * devices / requestsPerSecond)
        << " ms per upload (measured mean "
        << bench::ms(latencySum / qMax<qsizetype>(1, run.latencyMs.size())) << " ms)\n";
    const double serverCpu = cpuAfter - cpuBefore;
    out << "  server CPU over the burst: " << QString::number(serverCpu, 'f', 2)
        << " s of 2 processes = " << QString::number(serverCpu / fleetSeconds, 'f', 2) << " cores; "
        << qRound(serverCpu > 0 ? total / serverCpu : 0)
        << " events per server CPU-second; machine: " << bench::machineBusy(machineBefore, machineAfter)
        << "\n";
    const bench::Percentiles idle = bench::percentiles(idleReads.latencyMs);
    const bench::Percentiles busy = bench::percentiles(burstReads.latencyMs);
    out << "reads (" << readerCount << " readers, one request in flight each, round-robin over both servers: "
        << "GET /v1/health, /v1/orders/" << order << ", /v1/sync?limit=" << syncLimit << "):\n"
        << "  idle servers:   " << bench::describe(idle) << "; " << bench::ReadLoad::kindSummary(idleReads)
        << "\n"
        << "  during burst:   " << bench::describe(busy) << "; " << bench::ReadLoad::kindSummary(burstReads)
        << (burstReads.errors > 0 ? QStringLiteral("; %1 failed, first: %2")
                                        .arg(burstReads.errors)
                                        .arg(burstReads.firstError)
                                  : QString())
        << "\n"
        << "  burst / idle:   p50 " << QString::number(idle.p50 > 0 ? busy.p50 / idle.p50 : 0, 'f', 1)
        << "x, p99 " << QString::number(idle.p99 > 0 ? busy.p99 / idle.p99 : 0, 'f', 1) << "x\n";
    out.flush();

    // Baseline: the same number of events from one device to one server, in the same batches.
    double baselineSeconds = 0;
    Tally base;
    {
        e2e::ServerProcess single(dir.filePath(QStringLiteral("server-baseline")));
        if (!single.start(0,
                bench::serverArgs(pg.url(QStringLiteral("baseline"))) + bench::workersArgs(workers), &why)) {
            out << "bench_fleet: the baseline server: " << why << "\n";
            return 1;
        }
        std::vector<Device> one
            = bench::makeDevices(QStringLiteral("baseline-device"), 1, int(total), batch, 1);
        if (!bench::enrolAll(one, {&single}, &why)) {
            out << "bench_fleet: " << why << "\n";
            return 1;
        }
        base = bench::drain(one, {&single}, 0, int(one.front().batches.size()), 0, &baselineSeconds);
        if (!base.error.isEmpty() || base.accepted != total) {
            out << "bench_fleet: baseline upload failed: " << base.error << " (" << base.accepted
                << " accepted)\n";
            return 1;
        }
    }
    report(QStringLiteral("baseline (1 device, 1 server):     "), total, baselineSeconds, base);
    out << "fleet / baseline: " << QString::number((total / fleetSeconds) / (total / baselineSeconds), 'f', 2)
        << "x the events/s (one device sends one request at a time: its rate is bound by request latency)\n";

    // Exactly once: every device resends its first batch to the other server (an answer that was
    // lost), then the database is compared with what was sent.
    double resendSeconds = 0;
    const Tally resend = bench::drain(fleet, servers, 0, 1, 1, &resendSeconds);
    const qint64 firstBatch = qMin(batch, events);
    out << "resend: " << devices << " first batches again, each to the other server: " << resend.duplicates
        << " duplicate, " << resend.accepted << " accepted, " << resend.rejected << " rejected\n";
    QString detail;
    const bool once = exactlyOnce(pg, fleet, events, &detail);
    const bool ok = once && run.accepted == total && run.duplicates == 0 && run.rejected == 0 && run.gaps == 0
        && resend.error.isEmpty() && resend.duplicates == devices * firstBatch && resend.accepted == 0;
    out << "exactly-once: " << (ok ? "OK: " : "FAILED: ") << detail << "; answers: " << run.accepted
        << " accepted, " << run.duplicates << " duplicate, " << run.rejected
        << " rejected; gaps reported: " << run.gaps << "\n";
    out.flush();
    return ok ? 0 : 1;
}
