// Device-side sync benchmarks against a real dockhand-server on loopback:
//  1. scan -> durable commit -> feedback latency (the router: decode once, home workflow, recorder; p50/p99)
//  while the sync
//     engine uploads a backlog on its own thread, next to a bare SQLite INSERT + COMMIT with the
//     same pragmas (WAL, synchronous=FULL) in the same run. Goal: <= 1.5x the bare insert.
//  2. drain of a queued backlog to the server, events/s.
// DOCKHAND_BENCH_SCANS (default 1000) and DOCKHAND_BENCH_DRAIN (default 20000) set the sizes.

#include "benchstats.h"
#include "e2eharness.h"
#include "floordata.h"
#include "localstore.h"
#include "scanevents.h"
#include "scanqueue.h"
#include "scanrecorder.h"
#include "syncengine.h"
#include "workflowrouter.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>

#include <algorithm>
#include <cstdio>

using namespace dockhand;

namespace {

int envInt(const char *name, int fallback)
{
    const int v = qEnvironmentVariableIntValue(name);
    return v > 0 ? v : fallback;
}

// The baseline: the same row into a bare table with the same pragmas, one autocommit each.
QList<double> bareInserts(const QString &file, int n)
{
    QList<double> us;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
        db.setDatabaseName(file);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(file));
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
        q.exec(
            QStringLiteral("CREATE TABLE t (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT, device TEXT, "
                           "operator TEXT, task TEXT, step TEXT, raw TEXT, aim TEXT, source TEXT, kind TEXT, "
                           "fields TEXT, result TEXT, reason TEXT, device_time TEXT)"));
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO t (id, device, operator, task, step, raw, aim, source, kind, "
                           "fields, result, reason, device_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        QElapsedTimer timer;
        for (int i = 0; i < n; ++i) {
            timer.start();
            const QVariant values[]
                = {QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("bench"),
                    QStringLiteral("op"), QString(), QStringLiteral("home"), QStringLiteral("4012345001006"),
                    QStringLiteral("]E0"), QStringLiteral("serial"), QStringLiteral("product"),
                    QStringLiteral("{\"gtin\":\"04012345001006\"}"), QStringLiteral("accepted"), QString(),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)};
            for (int k = 0; k < 13; ++k)
                insert.bindValue(k, values[k]);
            if (!insert.exec())
                qFatal("bare insert failed: %s", qPrintable(insert.lastError().text()));
            us.append(timer.nsecsElapsed() / 1000.0);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bare"));
    return us;
}

bool waitFor(const std::function<bool()> &done, int ms)
{
    // Sleeps in the event loop between checks: spinning here would take a core from the sync
    // thread and the server, which share the machine's two.
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("dockhand.*.info=false"));
    const int scans = envInt("DOCKHAND_BENCH_SCANS", 1000);
    const int drain = envInt("DOCKHAND_BENCH_DRAIN", 20000);
    QTemporaryDir dir;
    e2e::ServerProcess server(dir.filePath(QStringLiteral("server")));
    QString error;
    if (!server.start(0, e2e::enrollingServerArgs() + QStringList {QStringLiteral("--quiet")}, &error))
        qFatal("%s", qPrintable(error));

    // 1. Scan latency while sync runs: a backlog keeps the sync thread uploading throughout.
    const QString file = dir.filePath(QStringLiteral("device.sqlite"));
    auto store = LocalStore::open(file, QStringLiteral("bench-ui"));
    if (!store)
        qFatal("%s", qPrintable(store.error()));
    ScanQueue queue(store.value().get(), QStringLiteral("bench-scan"));
    {
        (void)store.value()->begin();
        for (int i = 0; i < 5000; ++i) {
            (void)queue.append(testing::draftScan(QStringLiteral("A-01-02"), QString()));
        }
        (void)store.value()->commit();
    }
    SyncConfig config;
    config.serverUrl = server.url();
    config.deviceId = QStringLiteral("bench-scan");
    config.databasePath = file;
    config.enrolCode = QStringLiteral("DEMO");
    config.batchEvents = 100;
    SyncController sync(config);
    sync.start();
    waitFor([&] { return sync.status().inFlight > 0 || sync.status().drained > 0; }, 30000);
    Feedback feedback;
    ScanRecorder recorder {&feedback};
    recorder.setQueue(&queue);
    MemoryFloorData floor;
    WorkflowRouter router {ScanDecoder(), &recorder, &floor};
    QObject::connect(&recorder, &ScanRecorder::recorded, &sync, [&sync] { sync.nudge(); });
    QList<double> scanUs;
    QElapsedTimer timer;
    int syncingDuring = 0;
    for (int i = 0; i < scans; ++i) {
        RawScan raw;
        raw.data = QByteArray("4012345001006");
        raw.source = ScanSource::Serial;
        timer.start();
        const int before = feedback.serial();
        router.route(raw); // decode, commit, feedback
        scanUs.append(timer.nsecsElapsed() / 1000.0);
        if (feedback.serial() == before || feedback.result() != Feedback::kAccepted)
            qFatal("scan not saved: %s", qPrintable(feedback.message()));
        if (sync.status().backlog > 0)
            ++syncingDuring;
        QCoreApplication::processEvents(); // the UI thread's event loop turns between scans
    }
    const QList<double> bareUs = bareInserts(dir.filePath(QStringLiteral("bare.sqlite")), scans);
    const auto s = bench::percentiles(scanUs);
    const auto b = bench::percentiles(bareUs);
    std::printf(
        "scan->commit->feedback while syncing (%d scans, sync busy for %d): p50 %.0f us, p99 %.0f us\n",
        scans, syncingDuring, s.p50, s.p99);
    std::printf("bare SQLite insert+commit (WAL, synchronous=FULL):          p50 %.0f us, p99 %.0f us\n",
        b.p50, b.p99);
    std::printf("ratio: p50 %.2fx, p99 %.2fx (goal <= 1.5x)\n", s.p50 / b.p50, s.p99 / b.p99);
    if (!waitFor([&] { return sync.status().online && sync.status().backlog == 0; }, 300000))
        qFatal("the scan backlog did not drain: %s", qPrintable(sync.status().lastError));

    // 2. Drain a large backlog.
    const QString drainFile = dir.filePath(QStringLiteral("drain.sqlite"));
    {
        auto drainStore = LocalStore::open(drainFile, QStringLiteral("bench-fill"));
        if (!drainStore)
            qFatal("%s", qPrintable(drainStore.error()));
        ScanQueue drainQueue(drainStore.value().get(), QStringLiteral("bench-drain"));
        (void)drainStore.value()->begin();
        for (int i = 0; i < drain; ++i) {
            protocol::ScanEvent e = testing::draftScan(
                QStringLiteral("0104012345001006") + QChar(0x1d) + QStringLiteral("10LOT%1").arg(i),
                QStringLiteral("product"));
            e.fields = QJsonObject {{QStringLiteral("gtin"), QStringLiteral("04012345001006")}};
            (void)drainQueue.append(e);
        }
        (void)drainStore.value()->commit();
    }
    SyncConfig drainConfig = config;
    drainConfig.deviceId = QStringLiteral("bench-drain");
    drainConfig.databasePath = drainFile;
    drainConfig.batchEvents = 500;
    drainConfig.batchBytes = 1024 * 1024;
    SyncController drainer(drainConfig);
    QElapsedTimer drainTimer;
    drainTimer.start();
    drainer.start();
    if (!waitFor([&] { return drainer.status().drained > 0 || drainer.status().backlog == 0; }, 60000))
        qFatal("drain did not start");
    if (!waitFor([&] { return drainer.status().online && drainer.status().backlog == 0; }, 600000))
        qFatal("drain did not finish: %s", qPrintable(drainer.status().lastError));
    const double seconds = drainTimer.nsecsElapsed() / 1e9;
    const auto stored = e2e::storedEvents(server, QStringLiteral("bench-drain"));
    std::printf(
        "drain: %d events to the server in %.2f s = %.0f events/s (batches of 500; server holds %d)\n", drain,
        seconds, drain / seconds, int(stored.size()));
    return stored.size() == drain ? 0 : 1;
}
