// Burst benchmark: one dockhand-server on its default SQLite database (the demo warehouse in a
// fresh data dir) while simulated devices, each enrolled with its own token, drain their backlogs
// at once, as fast as they are answered (one request in flight per device, as a device's sync
// engine sends). Meanwhile separate readers (each its own connection and device token, one
// request in flight each, at most one read per 50 ms each) repeatedly read GET /v1/health, GET
// /v1/orders/<the first demo order> and GET /v1/sync?cursor=&limit=20, round-robin.
//
// Runs twice in the same run, each on a fresh data dir: the baseline with --workers 1 (one
// database connection answers everything, one request at a time), then the server's default
// --workers. When the server has no --workers option yet, both runs are the same serial server
// (the benchmark says so). Prints for each: upload events/s and request p50/p99, the reads'
// p50/p99/max on the idle server (just before the burst) and during the burst, the server's CPU
// time; then the ratios: reads p99 during the burst, default vs serial, and upload throughput,
// default / serial.
//
// Exactly-once after each run, through the API: every answer said "accepted", GET /v1/health
// counts exactly devices x events more events than before the burst, and GET /v1/events (as the
// demo supervisor) holds every device's event ids, each once, with sequence numbers 1..n.
// Exits non-zero when that check or the setup fails; timings are printed, never asserted.
//
// Usage: bench_burst [devices=50] [events per device=2000] [batch=100]
// (or DOCKHAND_BENCH_DEVICES, DOCKHAND_BENCH_EVENTS, DOCKHAND_BENCH_BATCH).
// Also: DOCKHAND_BENCH_READERS (4), DOCKHAND_BENCH_IDLE_MS (idle reads before each burst, 2000),
// DOCKHAND_BENCH_READ_INTERVAL_MS (each reader's pace, 50; 0 reads as fast as answered).

#include "benchclient.h"
#include "benchstats.h"
#include "e2eharness.h"
#include "protocol.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include <vector>

using namespace dockhand;

namespace {

QTextStream out(stdout);

struct Settings
{
    int devices = 50;
    int events = 2000;
    int batch = 100;
    int readers = 4;
    int idleMs = 2000;
};

struct Run
{
    bool ok = false; // the run finished and exactly-once held
    double eventsPerSecond = 0;
    bench::Percentiles upload;
    bench::Percentiles idleReads;
    bench::Percentiles burstReads;
};

constexpr int kSyncLimit = 20;

// One server (`workers`: its --workers, 0 for the default), one burst with readers, one check.
Run burst(const QString &label, int workers, const Settings &s)
{
    Run result;
    out << label << ":\n";
    QTemporaryDir dir;
    if (!dir.isValid()) {
        out << "  cannot make a temporary folder\n";
        return result;
    }
    e2e::ServerProcess server(dir.filePath(QStringLiteral("server")));
    QString why;
    if (!server.start(0, bench::serverArgs() + bench::workersArgs(workers), &why)) {
        out << "  " << why << "\n";
        return result;
    }
    const QList<e2e::ServerProcess *> servers {&server};
    std::vector<bench::Device> fleet
        = bench::makeDevices(QStringLiteral("burst"), s.devices, s.events, s.batch, 1);
    std::vector<bench::Device> readers = bench::makeDevices(QStringLiteral("reader"), s.readers, 0, 1, 1);
    if (!bench::enrolAll(fleet, servers, &why) || !bench::enrolAll(readers, servers, &why)) {
        out << "  " << why << "\n";
        return result;
    }
    const QString order = bench::firstOrderNumber(server, readers.front().token, &why);
    const qint64 storedBefore = bench::storedEventCount(server, &why);
    if (order.isEmpty() || storedBefore < 0) {
        out << "  " << why << "\n";
        return result;
    }

    bench::ReadLoad readLoad(
        readers, servers, order, kSyncLimit, bench::setting("DOCKHAND_BENCH_READ_INTERVAL_MS", 50, 0, 60000));
    bench::Reads idle;
    readLoad.runFor(&idle, s.idleMs);
    if (idle.errors > 0 || idle.latencyMs.isEmpty()) {
        out << "  reads on the idle server failed: " << idle.firstError << "\n";
        return result;
    }

    bench::Reads busy;
    double seconds = 0;
    const double cpuBefore = bench::processCpuSeconds(server.pid());
    const bench::MachineCpu machineBefore = bench::machineCpu();
    readLoad.start(&busy);
    const bench::Tally tally
        = bench::drain(fleet, servers, 0, int(fleet.front().batches.size()), 0, &seconds);
    const double cpu = bench::processCpuSeconds(server.pid()) - cpuBefore;
    const bench::MachineCpu machineAfter = bench::machineCpu();
    readLoad.stop();
    if (!tally.error.isEmpty()) {
        out << "  upload failed: " << tally.error << "\n";
        return result;
    }

    const qint64 total = qint64(s.devices) * s.events;
    result.eventsPerSecond = total / seconds;
    result.upload = bench::percentiles(tally.latencyMs);
    result.idleReads = bench::percentiles(idle.latencyMs);
    result.burstReads = bench::percentiles(busy.latencyMs);
    out << "  upload:        " << total << " events in " << QString::number(seconds, 'f', 2)
        << " s = " << qRound(result.eventsPerSecond) << " events/s; request "
        << bench::describe(result.upload, false) << "; " << tally.retried << " sent again after 503/429\n"
        << "  server CPU:    " << QString::number(cpu, 'f', 2)
        << " s = " << QString::number(cpu / seconds, 'f', 2) << " cores; "
        << qRound(cpu > 0 ? total / cpu : 0)
        << " events per server CPU-second; machine: " << bench::machineBusy(machineBefore, machineAfter)
        << "\n"
        << "  reads idle:    " << bench::describe(result.idleReads) << "; "
        << bench::ReadLoad::kindSummary(idle) << "\n"
        << "  reads busy:    " << bench::describe(result.burstReads) << "; "
        << bench::ReadLoad::kindSummary(busy)
        << (busy.errors > 0 ? QStringLiteral("; %1 failed, first: %2").arg(busy.errors).arg(busy.firstError)
                            : QString())
        << "\n";

    // Exactly once, through the API.
    const qint64 storedAfter = bench::storedEventCount(server, &why);
    QString detail;
    const bool stored = bench::checkStoredThroughApi(server, fleet, &detail);
    result.ok = stored && storedAfter == storedBefore + total && tally.accepted == total
        && tally.duplicates == 0 && tally.rejected == 0 && tally.gaps == 0;
    out << "  exactly-once:  " << (result.ok ? "OK: " : "FAILED: ") << detail << "; /v1/health counts "
        << storedAfter - storedBefore << " new events (" << total << " sent); answers: " << tally.accepted
        << " accepted, " << tally.duplicates << " duplicate, " << tally.rejected
        << " rejected; gaps reported: " << tally.gaps << "\n";
    out.flush();
    return result;
}

QString ratio(double a, double b)
{
    return b > 0 ? QString::number(a / b, 'f', 2) + QLatin1Char('x') : QStringLiteral("n/a");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Settings s;
    s.devices = bench::setting(argc, argv, 1, "DOCKHAND_BENCH_DEVICES", s.devices, 1, 2000);
    s.events = bench::setting(argc, argv, 2, "DOCKHAND_BENCH_EVENTS", s.events, 1, 100000);
    s.batch = bench::setting(argc, argv, 3, "DOCKHAND_BENCH_BATCH", s.batch, 1, protocol::kMaxEventsPerBatch);
    s.readers = bench::setting("DOCKHAND_BENCH_READERS", s.readers, 1, 64);
    s.idleMs = bench::setting("DOCKHAND_BENCH_IDLE_MS", s.idleMs, 100, 600000);
    out << "bench_burst: " << s.devices << " devices x " << s.events << " events (batches of " << s.batch
        << ") draining at once into one dockhand-server on SQLite, " << s.readers
        << " readers (GET /v1/health, /v1/orders/<n>, /v1/sync?limit=" << kSyncLimit << ")\n"
        << bench::workersNote() << "\n";
    out.flush();

    const Run serial = burst(QStringLiteral("serial (--workers 1)"), 1, s);
    const Run concurrent = burst(QStringLiteral("default workers"), 0, s);
    if (serial.ok && concurrent.ok) {
        out << "default vs serial: reads p99 during the burst " << bench::ms(concurrent.burstReads.p99)
            << " vs " << bench::ms(serial.burstReads.p99)
            << " ms = " << ratio(concurrent.burstReads.p99, serial.burstReads.p99) << "; upload throughput "
            << qRound(concurrent.eventsPerSecond) << " / " << qRound(serial.eventsPerSecond)
            << " events/s = " << ratio(concurrent.eventsPerSecond, serial.eventsPerSecond) << "; upload p99 "
            << ratio(concurrent.upload.p99, serial.upload.p99) << "\n";
    }
    out.flush();
    return serial.ok && concurrent.ok ? 0 : 1;
}
