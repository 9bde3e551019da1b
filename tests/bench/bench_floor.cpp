// Busy-floor benchmark, open loop: two dockhand-server processes share one private PostgreSQL
// cluster with the demo warehouse; simulated devices (each its own connection and token, half on
// each server) scan at a steady rate and upload one small batch per scan interval, and some of
// them also download (GET /v1/sync from their cursor) every second. The sends follow the clock,
// not the answers: each upload and download has a scheduled time; a device keeps one request in
// flight, as its sync engine does, so what comes due while a request is under way waits — and
// uploads waiting back to back go as one batch, as the sync engine sends what was scanned
// meanwhile. Every scheduled upload's latency counts from its own scheduled time to the answer
// that carried it (a slow answer is not hidden by sending less). The devices talk through the
// light HTTP/1.1 client of httpconnection.h, so that the load generator does not take the CPU the
// servers are measured on (it shares their two cores), and each has connected before the clock
// starts; what the set-up wrote is flushed to disk first (sync), not written back during the run.
//
// Baseline in the same run: ONE device alone on one server (its own database in the same
// cluster) at the same per-device rates. Prints upload and download p50/p99/max for the floor and
// for the baseline and the p99 ratios (the team's goal: within 3x), the rate offered and
// answered, and the servers' and the machine's CPU use. When the floor falls behind, requests
// still waiting at the end (after a grace period) count with their wait so far: the figures are
// then lower bounds and the report says so.
//
// Exactly-once: every upload answer said "accepted" (no duplicate, rejection or gap), and the
// events GET /v1/health counts grew by exactly the events sent. Exits non-zero when that check or
// the setup fails; timings are printed, never asserted.
//
// Usage: bench_floor (settings from the environment)
//   DOCKHAND_BENCH_DEVICES      devices on the floor (200)
//   DOCKHAND_BENCH_RATE         scans per second per device, one upload per scan interval (10)
//   DOCKHAND_BENCH_BATCH        events per upload (1)
//   DOCKHAND_BENCH_DOWNLOADERS  devices of the floor that also download (100)
//   DOCKHAND_BENCH_DOWNLOAD_MS  each downloader's download interval (1000)
//   DOCKHAND_BENCH_SECONDS      how long the floor and the baseline run (20)
//   DOCKHAND_BENCH_GRACE_MS     how long requests scheduled in the run may still be sent (10000)
//   DOCKHAND_BENCH_WORKERS      --workers of the servers, when the server has it (its default)
//   DOCKHAND_BENCH_PG_DIR       where the PostgreSQL cluster's files go (the temporary folder);
//                               a memory file system (/dev/shm) leaves the disk's commit
//                               latency out, to measure the servers alone (not durable)
//   DOCKHAND_BENCH_PG_SETTINGS  extra PostgreSQL settings, e.g. "wal_init_zero=off"
// Skips (exit 0, with a message) when a PostgreSQL cluster cannot be started.

#include "benchclient.h"
#include "benchstats.h"
#include "e2eharness.h"
#include "httpconnection.h"
#include "pgcluster.h"
#include "protocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <deque>
#include <functional>
#include <queue>

#include <memory>
#include <unistd.h>
#include <vector>

using namespace dockhand;

namespace {

QTextStream out(stdout);

struct Settings
{
    int devices = 200;
    int rate = 10;
    int batch = 1;
    int downloaders = 100;
    int downloadMs = 1000;
    int seconds = 20;
    int graceMs = 10000;
    int workers = 0;
};

// One device's schedule and the requests it has not sent yet.
struct Schedule
{
    struct Pending
    {
        bool download = false;
        qint64 dueNs = 0;
    };

    bench::Device *device = nullptr;
    std::unique_ptr<bench::HttpConnection> http; // the device's connection to its server
    bool downloads = false;
    qint64 nextUploadNs = 0;
    qint64 nextDownloadNs = 0;
    std::deque<Pending> queue;
    bool inFlight = false;
    QString cursor; // where its last download ended
};

struct Measured
{
    QList<double> uploadMs; // per scheduled upload, from its scheduled time to the answer
    qint64 uploadRequests = 0; // requests that carried them (fewer when batches were merged)
    QList<double> downloadMs;
    int unsentUploads = 0; // still waiting at the end: counted in uploadMs with their wait so far
    int unsentDownloads = 0;
    qint64 uploadsScheduled = 0;
    qint64 downloadsScheduled = 0;
    bench::Tally tally; // what the upload answers said
    int downloadErrors = 0;
    QString error; // fatal
    double seconds = 0; // wall time from the first scheduled request to the last answer
};

// The cursor at the end of the change log (what an up-to-date device holds), paging as `token`.
QString headCursor(const e2e::ServerProcess &server, const QByteArray &token, QString *why)
{
    QString cursor;
    for (int page = 0; page < 10000; ++page) {
        int status = 0;
        const QJsonObject answer = e2e::apiCall(server, "GET",
            QStringLiteral("/v1/sync?limit=1000&cursor=")
                + QString::fromLatin1(QUrl::toPercentEncoding(cursor)),
            {}, QString::fromLatin1(token), &status, why);
        if (status != 200) {
            *why = QStringLiteral("GET /v1/sync answered HTTP %1 %2")
                       .arg(status)
                       .arg(answer.value(QLatin1String("error")).toString());
            return {};
        }
        cursor = answer.value(QLatin1String("cursor")).toVariant().toString();
        if (!answer.value(QLatin1String("more")).toBool())
            return cursor;
    }
    *why = QStringLiteral("GET /v1/sync never said there is no more");
    return {};
}

// Runs the open-loop schedule: every device uploads its next batch every 1/rate s and the
// downloaders download every downloadMs, for `seconds`; then waits for what is still scheduled.
Measured runFloor(std::vector<bench::Device> &fleet, const QList<e2e::ServerProcess *> &servers,
    int downloaders, const QString &cursor, const Settings &s)
{
    Measured m;
    const qint64 uploadIntervalNs = 1000000000LL / s.rate;
    const qint64 downloadIntervalNs = qint64(s.downloadMs) * 1000000;
    const qint64 endNs = qint64(s.seconds) * 1000000000;
    const qint64 graceNs = endNs + qint64(s.graceMs) * 1000000;
    std::vector<Schedule> floor(fleet.size());
    for (size_t d = 0; d < fleet.size(); ++d) {
        Schedule &f = floor[d];
        f.device = &fleet[d];
        f.device->next = 0;
        f.http = std::make_unique<bench::HttpConnection>(servers.at(f.device->server)->url());
        f.downloads = int(d) < downloaders;
        f.cursor = cursor;
        // Spread evenly over an interval, so that the load is steady rather than in waves.
        f.nextUploadNs = uploadIntervalNs * qint64(d) / qint64(fleet.size());
        f.nextDownloadNs
            = f.downloads ? downloadIntervalNs * qint64(d) / qint64(qMax(1, downloaders)) : endNs;
    }

    // Every device connects (one GET /v1/health) before the clock starts: a device on the floor
    // has been connected since its shift began, and what is measured is the floor, not its start.
    {
        QEventLoop connecting;
        int left = int(floor.size());
        for (Schedule &f : floor)
            f.http->send(
                "GET", "/v1/health", f.device->token, {}, [&](const bench::HttpConnection::Answer &answer) {
                    if (answer.status != 200)
                        m.tally.error = QStringLiteral("%1: GET /v1/health answered %2 %3")
                                            .arg(f.device->id)
                                            .arg(answer.status)
                                            .arg(answer.error);
                    if (--left == 0)
                        connecting.quit();
                });
        connecting.exec();
        if (!m.tally.error.isEmpty())
            return m;
    }

    QEventLoop loop;
    QElapsedTimer clock;
    int inFlight = 0;
    bool stopped = false; // past the grace period: nothing more is sent
    std::function<void(Schedule &)> send = [&](Schedule &f) {
        if (f.inFlight || f.queue.empty() || stopped || !m.tally.error.isEmpty())
            return;
        const Schedule::Pending pending = f.queue.front();
        bench::Device &device = *f.device;
        // Uploads due back to back go as one batch, as a device's sync engine sends what was
        // scanned while its last request was under way (up to the protocol's batch limit).
        int merged = 1;
        if (!pending.download) {
            while (merged < int(f.queue.size()) && !f.queue.at(merged).download
                && (merged + 1) * s.batch <= protocol::kMaxEventsPerBatch)
                ++merged;
            if (device.next + merged > device.batches.size()) {
                m.tally.error = QStringLiteral("%1 has no batch left to send").arg(device.id);
                return;
            }
        }
        QByteArray body;
        if (!pending.download) {
            if (merged == 1) {
                body = device.batches.at(device.next);
            } else {
                QJsonObject upload = QJsonDocument::fromJson(device.batches.at(device.next)).object();
                QJsonArray events = upload.value(QLatin1String("events")).toArray();
                for (int b = 1; b < merged; ++b)
                    for (const QJsonValue &event : QJsonDocument::fromJson(device.batches.at(device.next + b))
                                                       .object()
                                                       .value(QLatin1String("events"))
                                                       .toArray())
                        events.append(event);
                upload.insert(QLatin1String("events"), events);
                body = QJsonDocument(upload).toJson(QJsonDocument::Compact);
            }
        }
        const QByteArray path = pending.download
            ? "/v1/sync?limit=500&cursor=" + QUrl::toPercentEncoding(f.cursor)
            : QByteArrayLiteral("/v1/events");
        f.inFlight = true;
        ++inFlight;
        f.http->send(pending.download ? "GET" : "POST", path, device.token, body,
            [&, pending, merged, fp = &f](const bench::HttpConnection::Answer &answer) {
                const qint64 answeredNs = clock.nsecsElapsed();
                const double latency = (answeredNs - pending.dueNs) / 1e6;
                fp->inFlight = false;
                --inFlight;
                if (answer.status == 503 || answer.status == 429) {
                    // Come back after Retry-After, as a device does; the request keeps its place
                    // (and its scheduled time).
                    ++m.tally.retried;
                    fp->inFlight = true;
                    ++inFlight;
                    QTimer::singleShot(qMax(1, answer.retryAfterSeconds) * 1000, &loop, [&, fp] {
                        fp->inFlight = false;
                        --inFlight;
                        send(*fp);
                    });
                    return;
                }
                if (pending.download) {
                    fp->queue.pop_front();
                    if (answer.status == 200) {
                        m.downloadMs.append(latency);
                        fp->cursor = QJsonDocument::fromJson(answer.body)
                                         .object()
                                         .value(QLatin1String("cursor"))
                                         .toVariant()
                                         .toString();
                    } else {
                        ++m.downloadErrors;
                    }
                } else if (answer.status != 200) {
                    m.tally.error = QStringLiteral("%1: upload answered HTTP %2 %3")
                                        .arg(fp->device->id)
                                        .arg(answer.status)
                                        .arg(answer.status == 0 ? answer.error
                                                                : QString::fromUtf8(answer.body.left(300)));
                } else {
                    // Every scan of the batch, from its own scheduled time.
                    for (int b = 0; b < merged; ++b) {
                        m.uploadMs.append((answeredNs - fp->queue.front().dueNs) / 1e6);
                        fp->queue.pop_front();
                    }
                    ++m.uploadRequests;
                    bench::countAnswer(m.tally, answer.body);
                    fp->device->next += merged;
                }
                send(*fp);
            });
    };

    // The clock: every millisecond, the requests of each device that are due join its queue (in
    // scheduled order) and it sends the first one if none is under way. The devices wait in order
    // of their next due time, so a tick costs what is due, not a look at every device.
    using Due = std::pair<qint64, size_t>; // next due time, device
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> schedule;
    for (size_t d = 0; d < floor.size(); ++d)
        schedule.push({qMin(floor[d].nextUploadNs, floor[d].nextDownloadNs), d});
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        while (!schedule.empty() && schedule.top().first <= now && schedule.top().first < endNs) {
            Schedule &f = floor[schedule.top().second];
            const size_t device = schedule.top().second;
            schedule.pop();
            for (;;) {
                const bool upload = f.nextUploadNs <= f.nextDownloadNs;
                const qint64 due = upload ? f.nextUploadNs : f.nextDownloadNs;
                if (due > now || due >= endNs)
                    break;
                f.queue.push_back({!upload, due});
                if (upload) {
                    f.nextUploadNs += uploadIntervalNs;
                    ++m.uploadsScheduled;
                } else {
                    f.nextDownloadNs += downloadIntervalNs;
                    ++m.downloadsScheduled;
                }
            }
            schedule.push({qMin(f.nextUploadNs, f.nextDownloadNs), device});
            send(f);
        }
        bool waiting = false;
        if (now >= endNs)
            for (const Schedule &f : floor)
                waiting = waiting || !f.queue.empty();
        if (now >= graceNs && !stopped) {
            stopped = true;
            // What is still waiting counts with its wait so far (a lower bound).
            for (Schedule &f : floor) {
                for (const Schedule::Pending &p : f.queue) {
                    const double soFar = (now - p.dueNs) / 1e6;
                    if (p.download) {
                        m.downloadMs.append(soFar);
                        ++m.unsentDownloads;
                    } else {
                        m.uploadMs.append(soFar);
                        ++m.unsentUploads;
                    }
                }
            }
        }
        const bool done = now >= endNs && (stopped || !waiting) && inFlight == 0;
        if (done || !m.tally.error.isEmpty())
            loop.quit();
    });
    clock.start();
    tick.start();
    QTimer::singleShot(int(graceNs / 1000000) + 180000, &loop, [&] {
        m.tally.error = QStringLiteral("requests still unanswered 3 minutes after the run");
        loop.quit();
    });
    loop.exec();
    tick.stop();
    m.seconds = clock.nsecsElapsed() / 1e9;
    // Answers still under way (after a fatal error) must not land in this function's locals.
    while (inFlight > 0) {
        QEventLoop wait;
        QTimer::singleShot(5, &wait, &QEventLoop::quit);
        wait.exec();
    }
    return m;
}

struct Run
{
    bool ok = false; // the run finished and exactly-once held
    Measured measured;
};

// `devices` devices (the first `downloaders` of them also download) enrol with `servers`, start
// from the head of the change log, run the schedule; prints the figures and checks exactly-once.

Run floorRun(const QString &label, const QList<e2e::ServerProcess *> &servers, int devices, int downloaders,
    const Settings &s)
{
    Run run;
    QString why;
    const int uploadsPerDevice = s.seconds * s.rate + 1;
    std::vector<bench::Device> fleet
        = bench::makeDevices(label, devices, uploadsPerDevice * s.batch, s.batch, int(servers.size()));
    if (!bench::enrolAll(fleet, servers, &why)) {
        out << "  " << why << "\n";
        return run;
    }
    const QString cursor = headCursor(*servers.first(), fleet.front().token, &why);
    const qint64 storedBefore = bench::storedEventCount(*servers.first(), &why);
    if (cursor.isEmpty() || storedBefore < 0) {
        out << "  " << why << "\n";
        return run;
    }
    // What the set-up wrote (the demo warehouse, the enrolments) goes to disk now: the kernel
    // would otherwise write it back during the run, and commits would wait behind it.
    ::sync();
    double cpuBefore = 0;
    for (const e2e::ServerProcess *server : servers)
        cpuBefore += bench::processCpuSeconds(server->pid());
    const double clientBefore = bench::processCpuSeconds(QCoreApplication::applicationPid());
    const bench::MachineCpu machineBefore = bench::machineCpu();
    run.measured = runFloor(fleet, servers, downloaders, cursor, s);
    const Measured &m = run.measured;
    double cpu = -cpuBefore;
    for (const e2e::ServerProcess *server : servers)
        cpu += bench::processCpuSeconds(server->pid());
    const double client = bench::processCpuSeconds(QCoreApplication::applicationPid()) - clientBefore;
    const bench::MachineCpu machineAfter = bench::machineCpu();
    if (!m.tally.error.isEmpty()) {
        out << "  failed: " << m.tally.error << "\n";
        return run;
    }

    const bool behind = m.unsentUploads + m.unsentDownloads > 0;
    const QString bound = behind ? QStringLiteral(" (lower bounds: the floor fell behind)") : QString();
    const double offered = (m.uploadsScheduled + m.downloadsScheduled) / double(s.seconds);
    const double answered = (m.uploadMs.size() - m.unsentUploads + m.downloadMs.size() - m.unsentDownloads)
        / qMax(m.seconds, double(s.seconds));
    out << "  uploads:   " << bench::describe(bench::percentiles(m.uploadMs)) << bound << "\n"
        << "  downloads: " << bench::describe(bench::percentiles(m.downloadMs)) << bound
        << (m.downloadErrors > 0 ? QStringLiteral("; %1 failed").arg(m.downloadErrors) : QString()) << "\n"
        << "  rate:      " << m.uploadsScheduled << " uploads + " << m.downloadsScheduled
        << " downloads scheduled = " << qRound(offered) << " per second, " << qRound(answered)
        << " per second answered over " << QString::number(m.seconds, 'f', 1) << " s (the uploads in "
        << m.uploadRequests << " requests); " << m.unsentUploads + m.unsentDownloads
        << " still waiting after the grace period; " << m.tally.retried << " sent again after 503/429\n"
        << "  CPU:       servers " << QString::number(cpu, 'f', 2) << " s ("
        << QString::number(cpu / m.seconds, 'f', 2) << " cores), this client "
        << QString::number(client, 'f', 2)
        << " s; machine: " << bench::machineBusy(machineBefore, machineAfter) << "\n";

    // Exactly once: each answered batch accepted, the server holds exactly those events more.
    const qint64 sent = qint64(m.uploadMs.size() - m.unsentUploads) * s.batch;
    const qint64 storedAfter = bench::storedEventCount(*servers.first(), &why);
    run.ok = m.tally.accepted == sent && m.tally.duplicates == 0 && m.tally.rejected == 0 && m.tally.gaps == 0
        && storedAfter - storedBefore == sent;
    out << "  exactly-once: " << (run.ok ? "OK" : "FAILED") << ": " << sent << " events sent, "
        << m.tally.accepted << " accepted, " << m.tally.duplicates << " duplicate, " << m.tally.rejected
        << " rejected, gaps reported: " << m.tally.gaps << "; /v1/health counts "
        << storedAfter - storedBefore << " new events\n";
    out.flush();
    return run;
}

bool createDatabases(const testing::PgCluster &pg, QString *why)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("floor-admin"));
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(pg.port());
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("postgres"));
        QSqlQuery q(db);
        ok = db.open() && q.exec(QStringLiteral("CREATE DATABASE floor"))
            && q.exec(QStringLiteral("CREATE DATABASE baseline"));
        if (!ok)
            *why = db.isOpen() ? q.lastError().text() : db.lastError().text();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("floor-admin"));
    return ok;
}

QString ratio(double a, double b)
{
    return b > 0 ? QString::number(a / b, 'f', 1) + QLatin1Char('x') : QStringLiteral("n/a");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Settings s;
    s.devices = bench::setting("DOCKHAND_BENCH_DEVICES", s.devices, 2, 2000);
    s.rate = bench::setting("DOCKHAND_BENCH_RATE", s.rate, 1, 1000);
    s.batch = bench::setting("DOCKHAND_BENCH_BATCH", s.batch, 1, protocol::kMaxEventsPerBatch);
    s.downloaders = bench::setting("DOCKHAND_BENCH_DOWNLOADERS", s.downloaders, 0, s.devices);
    s.downloadMs = bench::setting("DOCKHAND_BENCH_DOWNLOAD_MS", s.downloadMs, 10, 600000);
    s.seconds = bench::setting("DOCKHAND_BENCH_SECONDS", s.seconds, 1, 3600);
    s.graceMs = bench::setting("DOCKHAND_BENCH_GRACE_MS", s.graceMs, 0, 600000);
    s.workers = bench::setting("DOCKHAND_BENCH_WORKERS", s.workers, 0, 1000);
    out << "bench_floor: " << s.devices << " devices x " << s.rate << " uploads/s of " << s.batch
        << " event(s), " << s.downloaders << " of them also downloading every " << s.downloadMs
        << " ms, open loop for " << s.seconds << " s on 2 dockhand-server processes sharing one PostgreSQL\n"
        << bench::workersNote(s.workers) << "\n";
    out.flush();

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    // The cluster's files: on the machine's disk like the servers', unless DOCKHAND_BENCH_PG_DIR
    // says where (for example a memory file system, to measure the servers without the disk).
    QTemporaryDir pgDir(qEnvironmentVariable("DOCKHAND_BENCH_PG_DIR", QDir::tempPath())
        + QStringLiteral("/bench_floor-pg-XXXXXX"));
    if (!pgDir.isValid()) {
        out << "bench_floor: cannot create a folder for PostgreSQL in "
            << qEnvironmentVariable("DOCKHAND_BENCH_PG_DIR") << "\n";
        return 1;
    }
    testing::PgCluster pg;
    QString why;
    QStringList pgSettings {QStringLiteral("max_connections=50")};
    pgSettings
        += qEnvironmentVariable("DOCKHAND_BENCH_PG_SETTINGS").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!pg.start(pgDir.path(), &why, pgSettings) || !createDatabases(pg, &why)) {
        out << "bench_floor: skipped: PostgreSQL cannot be started (" << why << ")\n";
        return 0;
    }
    const QStringList workers = bench::workersArgs(s.workers);

    // Baseline: one device alone on one server, the same rates.
    Run baseline;
    {
        e2e::ServerProcess single(dir.filePath(QStringLiteral("server-baseline")));
        if (!single.start(0, bench::serverArgs(pg.url(QStringLiteral("baseline"))) + workers, &why)) {
            out << "bench_floor: the baseline server: " << why << "\n";
            return 1;
        }
        out << "baseline (1 device, 1 server):\n";
        baseline = floorRun(QStringLiteral("alone"), {&single}, 1, s.downloaders > 0 ? 1 : 0, s);
    }

    // The floor: two servers on one database, the devices split between them.
    e2e::ServerProcess first(dir.filePath(QStringLiteral("server-1")));
    e2e::ServerProcess second(dir.filePath(QStringLiteral("server-2")));
    const QStringList floorArgs = bench::serverArgs(pg.url(QStringLiteral("floor"))) + workers;
    if (!first.start(0, floorArgs, &why) || !second.start(0, floorArgs, &why)) {
        out << "bench_floor: " << why << "\n";
        return 1;
    }
    out << "floor (" << s.devices << " devices, 2 servers):\n";
    const Run floor = floorRun(QStringLiteral("floor"), {&first, &second}, s.devices, s.downloaders, s);

    if (baseline.ok && floor.ok) {
        const double upFloor = bench::percentiles(floor.measured.uploadMs).p99;
        const double upBase = bench::percentiles(baseline.measured.uploadMs).p99;
        const double downFloor = bench::percentiles(floor.measured.downloadMs).p99;
        const double downBase = bench::percentiles(baseline.measured.downloadMs).p99;
        out << "floor / baseline p99: uploads " << bench::ms(upFloor) << " vs " << bench::ms(upBase)
            << " ms = " << ratio(upFloor, upBase) << ", downloads " << bench::ms(downFloor) << " vs "
            << bench::ms(downBase) << " ms = " << ratio(downFloor, downBase) << " (goal: within 3x)\n";
    }
    out.flush();
    return baseline.ok && floor.ok ? 0 : 1;
}
