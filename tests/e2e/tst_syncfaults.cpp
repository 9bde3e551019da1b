// The network and the server fail; the device's sync engine (in this process, on its own thread,
// as in the app) talks to a real dockhand-server. Whatever broke, once it stops breaking every
// event is on the server exactly once, numbered without gaps.

#include "devicecache.h"
#include "e2eharness.h"
#include "faults.h"
#include "localstore.h"
#include "scanevents.h"
#include "scanqueue.h"
#include "syncengine.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace dockhand;
using namespace dockhand::e2e;

namespace {

protocol::ScanEvent draft(int i)
{
    return testing::draftScan(QStringLiteral("A-%1-%2")
                                  .arg(i / 100 % 100, 2, 10, QLatin1Char('0'))
                                  .arg(i % 100, 2, 10, QLatin1Char('0')),
        QStringLiteral("location"));
}

// Commits `n` scans in one transaction (setup speed; each is still a normal queue row).
bool fill(LocalStore *store, const QString &device, int n)
{
    ScanQueue queue(store, device);
    if (!store->begin())
        return false;
    for (int i = 0; i < n; ++i) {
        if (!queue.append(draft(i)))
            return false;
    }
    return store->commit().ok();
}

SyncConfig config(const QUrl &server, const QString &device, const QString &db)
{
    SyncConfig c;
    c.serverUrl = server;
    c.deviceId = device;
    c.deviceName = device;
    c.databasePath = db;
    c.enrolCode = QStringLiteral("DEMO");
    c.minBackoffMs = 50;
    c.maxBackoffMs = 500;
    c.idleIntervalMs = 300;
    c.requestTimeoutMs = 5000;
    return c;
}

// The server holds `n` events of `device`, seq 1..n, each id once.
QString checkExactlyOnce(ServerProcess &server, const QString &device, int n)
{
    const auto events = storedEvents(server, device);
    QSet<QString> ids;
    for (int i = 0; i < events.size(); ++i) {
        if (events.at(i).seq != i + 1)
            return QStringLiteral("event %1 has seq %2").arg(i).arg(events.at(i).seq);
        ids.insert(events.at(i).id);
    }
    if (ids.size() != events.size())
        return QStringLiteral("an id is stored twice");
    if (events.size() != n)
        return QStringLiteral("%1 events on the server, expected %2").arg(events.size()).arg(n);
    return {};
}

bool drained(const SyncController &sync)
{
    const auto &s = sync.status();
    return s.started && s.online && s.backlog == 0 && s.inFlight == 0;
}

} // namespace

class TestSyncFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    QString db(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".sqlite")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server")));
        QString error;
        QVERIFY2(m_server->start(0, enrollingServerArgs(), &error), qPrintable(error));
    }

    void cleanup() { faults::arm(faults::kHttpRequest, 0); }

    void networkFaultsThenEveryEventOnce()
    {
        FaultProxy proxy(quint16(m_server->port()));
        QString error;
        QVERIFY2(proxy.listen(&error), qPrintable(error));
        const QString device = QStringLiteral("net-faults");
        auto store = LocalStore::open(db(device), QStringLiteral("ui-net"));
        QVERIFY(store.ok());
        QVERIFY(fill(store.value().get(), device, 120));
        auto c = config(proxy.url(), device, db(device));
        c.batchEvents = 10;
        SyncController sync(c);
        sync.start();
        // More scans arrive while the network misbehaves.
        ScanQueue queue(store.value().get(), device);
        for (int i = 0; i < 30; ++i) {
            QVERIFY(queue.append(draft(1000 + i)).ok());
            sync.nudge();
            QTest::qWait(100);
        }
        QTRY_VERIFY_WITH_TIMEOUT(proxy.count(FaultProxy::CutBody) >= 2
                && proxy.count(FaultProxy::ResetMidResponse) >= 2 && proxy.count(FaultProxy::Http503) >= 2
                && proxy.count(FaultProxy::Http500) >= 2 && proxy.count(FaultProxy::Refuse) >= 2
                && proxy.count(FaultProxy::Delay) >= 2,
            30000);
        qInfo().noquote() << "faults:" << proxy.summary() << "backlog" << sync.status().backlog;
        proxy.setFaultsEnabled(false);
        QTRY_VERIFY2_WITH_TIMEOUT(drained(sync), qPrintable(sync.status().lastError), 60000);
        const QString wrong = checkExactlyOnce(*m_server, device, 150);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

    // The n-th request's answer is lost after the server got it, for every n of a small run:
    // enrolment, uploads (the server stored the batch, the device does not know), downloads.
    void everyRequestFailurePoint()
    {
        const auto run = [this](const QString &device, int failAt) -> QString {
            {
                auto store = LocalStore::open(db(device), QStringLiteral("fill-") + device);
                if (!store || !fill(store.value().get(), device, 5))
                    return QStringLiteral("cannot fill the queue");
            }
            faults::arm(faults::kHttpRequest, failAt);
            auto c = config(m_server->url(), device, db(device));
            c.batchEvents = 2;
            SyncController sync(c);
            sync.start();
            QDeadlineTimer deadline(30000);
            while (!(drained(sync) && sync.status().lastDownload.isValid()) && !deadline.hasExpired())
                QTest::qWait(20);
            if (deadline.hasExpired())
                return QStringLiteral("not drained: %1").arg(sync.status().lastError);
            return checkExactlyOnce(*m_server, device, 5);
        };
        QString wrong = run(QStringLiteral("walk-0"), 0);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        const int requests = faults::passes(faults::kHttpRequest);
        QVERIFY(requests >= 5); // enrol, 3 uploads, a download
        for (int i = 1; i <= requests; ++i) {
            wrong = run(QStringLiteral("walk-%1").arg(i), i);
            QVERIFY2(wrong.isEmpty(), qPrintable(QStringLiteral("request %1: %2").arg(i).arg(wrong)));
        }
    }

    void serverKilledMidBatch()
    {
        const QString device = QStringLiteral("restart");
        auto store = LocalStore::open(db(device), QStringLiteral("ui-restart"));
        QVERIFY(store.ok());
        QVERIFY(fill(store.value().get(), device, 3000));
        auto c = config(m_server->url(), device, db(device));
        c.batchEvents = 100;
        SyncController sync(c);
        sync.start();
        QTRY_VERIFY_WITH_TIMEOUT(sync.status().drained >= 300, 60000);
        QCOMPARE(sync.status().total, sync.status().drained + sync.status().backlog);
        m_server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(!sync.status().online, 30000);
        const int port = m_server->port();
        QString error;
        QVERIFY2(m_server->start(port, enrollingServerArgs(), &error), qPrintable(error));
        QTRY_VERIFY2_WITH_TIMEOUT(drained(sync), qPrintable(sync.status().lastError), 90000);
        QCOMPARE(sync.status().drained, qint64(0)); // progress resets once through
        const QString wrong = checkExactlyOnce(*m_server, device, 3000);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

    // A token the server no longer knows: the device forgets it, enrols again, goes on.
    void reenrolsAfter401()
    {
        const QString device = QStringLiteral("stale-token");
        auto store = LocalStore::open(db(device), QStringLiteral("ui-stale"));
        QVERIFY(store.ok());
        QVERIFY(store.value()->setMeta(QStringLiteral("device_token"), QStringLiteral("not-a-token")).ok());
        QVERIFY(fill(store.value().get(), device, 3));
        SyncController sync(config(m_server->url(), device, db(device)));
        sync.start();
        QTRY_VERIFY2_WITH_TIMEOUT(drained(sync), qPrintable(sync.status().lastError), 30000);
        QVERIFY(sync.status().enrolled);
        const QString token = store.value()->meta(QStringLiteral("device_token"));
        QVERIFY(!token.isEmpty());
        QVERIFY(token != QStringLiteral("not-a-token"));
        const QString wrong = checkExactlyOnce(*m_server, device, 3);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

    // A handheld is wiped (or its damaged queue moved aside) and comes back under the same device
    // id with a new queue that numbers from 1 again, scanning offline before it reaches the
    // server. Its scans must not collide with the numbers the server holds from before: they are
    // renumbered after the server's last at enrolment, and all of them are stored.
    void newQueueNumbersOnAfterTheServer()
    {
        const QString device = QStringLiteral("wiped-07");
        const QString file = db(device);
        {
            auto store = LocalStore::open(file, QStringLiteral("ui-before-wipe"));
            QVERIFY(store.ok());
            QVERIFY(fill(store.value().get(), device, 5));
            SyncController sync(config(m_server->url(), device, file));
            sync.start();
            QTRY_VERIFY2_WITH_TIMEOUT(drained(sync), qPrintable(sync.status().lastError), 30000);
        }
        QString wrong = checkExactlyOnce(*m_server, device, 5);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(file + QLatin1String(suffix));

        auto store = LocalStore::open(file, QStringLiteral("ui-after-wipe"));
        QVERIFY(store.ok());
        QVERIFY(fill(store.value().get(), device, 3)); // offline: numbered 1, 2, 3 on the device
        SyncController sync(config(m_server->url(), device, file));
        sync.start();
        QTRY_VERIFY2_WITH_TIMEOUT(drained(sync), qPrintable(sync.status().lastError), 30000);
        ScanQueue queue(store.value().get(), device);
        QVERIFY(queue.append(draft(99)).ok()); // numbering goes on after the renumbered scans
        sync.nudge();
        QTRY_VERIFY2_WITH_TIMEOUT(
            (wrong = checkExactlyOnce(*m_server, device, 9)).isEmpty(), qPrintable(wrong), 30000);
        const auto refused = queue.exceptions(100);
        QVERIFY(refused.ok());
        QVERIFY2(refused.value().isEmpty(),
            refused.value().isEmpty() ? "" : qPrintable(refused.value().first().serverReason));
        const auto latest = queue.latest(10);
        QVERIFY(latest.ok());
        QCOMPARE(latest.value().first().event.sequence, qint64(9));
        QCOMPARE(latest.value().last().event.sequence, qint64(6));
    }

    // The demo warehouse reaches the device cache; the UI reads it on its own connection.
    void downloadsTheDeviceCache()
    {
        const QString device = QStringLiteral("cache-reader");
        auto store = LocalStore::open(db(device), QStringLiteral("ui-cache"));
        QVERIFY(store.ok());
        auto c = config(m_server->url(), device, db(device));
        c.downloadLimit = 20; // several pages
        SyncController sync(c);
        int changed = 0;
        connect(&sync, &SyncController::cacheChanged, this, [&changed] { ++changed; });
        sync.start();
        QTRY_VERIFY2_WITH_TIMEOUT(
            sync.status().lastDownload.isValid(), qPrintable(sync.status().lastError), 30000);
        QVERIFY(changed >= 2);
        DeviceCache cache(store.value().get());
        QVERIFY(!cache.cursor().isEmpty());
        QVERIFY(!cache.operators().isEmpty());
        QVERIFY(!cache.cartonTypes().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
