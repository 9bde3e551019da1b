// SyncEngine / SyncController (sync/syncengine.h) against a real dockhand-server on loopback
// (label e2e: it needs the server process). The engine runs on its own thread as in the app;
// the test reads the device's database through its own connection and the server through its API.

#include "devicecache.h"
#include "e2eharness.h"
#include "faults.h"
#include "localstore.h"
#include "scanevents.h"
#include "scanqueue.h"
#include "syncengine.h"

#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace dockhand;
using namespace dockhand::e2e;

namespace {

const QString kTokenKey = QStringLiteral("device_token"); // where the engine keeps the token

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

// Commits `n` home-screen scans to the device's queue, as the app does when the operator scans.
bool fill(LocalStore *store, const QString &device, int n)
{
    ScanQueue queue(store, device);
    for (int i = 0; i < n; ++i) {
        if (!queue.append(testing::makeEvent(device, 0, QUuid(), QStringLiteral("home"), QString())))
            return false;
    }
    return true;
}

bool drained(const SyncController &sync)
{
    const auto &s = sync.status();
    return s.started && s.online && s.backlog == 0 && s.inFlight == 0;
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort(); // closed again when probe goes
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    QString db(const QString &device) const { return m_dir.filePath(device + QStringLiteral(".sqlite")); }

    // The device's events on the server: `n` of them, numbered 1..n, each id once.
    QString checkExactlyOnce(const QString &device, int n)
    {
        const auto events = storedEvents(*m_server, device);
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

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server")));
        QString error;
        QVERIFY2(m_server->start(0, enrollingServerArgs(), &error), qPrintable(error));
    }

    void cleanup() { faults::arm(faults::kHttpRequest, 0); }

    // Enrolment with the code gives a token, kept in the device's database; the next start uses
    // it without the code.
    void enrolmentKeepsTheTokenInTheDeviceDatabase()
    {
        const QString device = QStringLiteral("enrol-1");
        auto store = LocalStore::open(db(device), QStringLiteral("ui-enrol"));
        QVERIFY(store.ok());
        QVERIFY(store.value()->meta(kTokenKey).isEmpty());
        {
            SyncController sync(config(m_server->url(), device, db(device)));
            QVERIFY(!sync.status().enrolled);
            sync.start();
            QTRY_VERIFY2_WITH_TIMEOUT(
                drained(sync) && sync.status().enrolled, qPrintable(sync.status().lastError), 30000);
        }
        const QString token = store.value()->meta(kTokenKey);
        QCOMPARE(token.size(), 43); // 32 random bytes, base64url without padding
        // The server knows it as this device's token.
        int status = 0;
        apiCall(*m_server, "GET", QStringLiteral("/v1/events?device=") + device, {}, token, &status);
        QCOMPARE(status, 200);
        apiCall(*m_server, "GET", QStringLiteral("/v1/events?device=other"), {}, token, &status);
        QCOMPARE(status, 403);

        // Started again without the code: the kept token is used, and it still syncs.
        QVERIFY(fill(store.value().get(), device, 2));
        auto c = config(m_server->url(), device, db(device));
        c.enrolCode.clear();
        SyncController again(c);
        again.start();
        QTRY_VERIFY2_WITH_TIMEOUT(drained(again), qPrintable(again.status().lastError), 30000);
        QVERIFY(again.status().enrolled);
        QCOMPARE(store.value()->meta(kTokenKey), token);
        const QString wrong = checkExactlyOnce(device, 2);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

    // Uploaded events are acknowledged, marked so on the device and leave the backlog.
    void uploadsAreAcknowledgedAndLeaveTheBacklog()
    {
        const QString device = QStringLiteral("upload-1");
        auto store = LocalStore::open(db(device), QStringLiteral("ui-upload"));
        QVERIFY(store.ok());
        QVERIFY(fill(store.value().get(), device, 7));
        ScanQueue queue(store.value().get(), device);
        QCOMPARE(queue.backlog().value(), qint64(7));

        auto c = config(m_server->url(), device, db(device));
        c.batchEvents = 3; // three batches: 3, 3, 1
        SyncController sync(c);
        QSignalSpy acks(&sync, &SyncController::acknowledged);
        sync.start();
        QTRY_VERIFY2_WITH_TIMEOUT(drained(sync), qPrintable(sync.status().lastError), 30000);

        QList<protocol::EventAck> all;
        for (const QList<QVariant> &args : std::as_const(acks))
            all += args.at(0).value<QList<protocol::EventAck>>();
        QCOMPARE(all.size(), 7);
        QSet<QUuid> ids;
        for (const protocol::EventAck &ack : std::as_const(all)) {
            QCOMPARE(ack.status, protocol::AckStatus::Accepted);
            ids.insert(ack.id);
        }
        QCOMPARE(ids.size(), 7);
        QCOMPARE(queue.backlog().value(), qint64(0));
        const auto latest = queue.latest(10);
        QVERIFY(latest.ok());
        QCOMPARE(latest.value().size(), 7);
        for (const QueuedEvent &e : latest.value()) {
            QCOMPARE(e.state, EventState::Acknowledged);
            QVERIFY(ids.contains(e.event.id));
        }
        QCOMPARE(sync.status().backlog, qint64(0));
        QVERIFY(sync.status().lastSuccess.isValid());
        const QString wrong = checkExactlyOnce(device, 7);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

    // The download fills the device cache page by page and its cursor advances; a change on the
    // server later reaches the cache on an idle round.
    void downloadAdvancesTheCursorAndFillsTheCache()
    {
        const QString device = QStringLiteral("download-1");
        auto store = LocalStore::open(db(device), QStringLiteral("ui-download"));
        QVERIFY(store.ok());
        DeviceCache cache(store.value().get());
        QVERIFY(cache.cursor().isEmpty());
        QVERIFY(!cache.product(QStringLiteral("04012345001006")));

        auto c = config(m_server->url(), device, db(device));
        c.downloadLimit = 10; // many pages
        SyncController sync(c);
        QSignalSpy changed(&sync, &SyncController::cacheChanged);
        sync.start();
        QTRY_VERIFY2_WITH_TIMEOUT(drained(sync) && sync.status().lastDownload.isValid(),
            qPrintable(sync.status().lastError), 30000);
        QVERIFY(changed.count() > 1); // more than one page applied
        const QString first = cache.cursor();
        QVERIFY(!first.isEmpty());
        QVERIFY(cache.product(QStringLiteral("04012345001006")).has_value());
        QVERIFY(cache.location(QStringLiteral("A-01-02")).has_value());
        QVERIFY(cache.order(QStringLiteral("SO-100001")).has_value());
        QVERIFY(cache.operatorByBadge(QStringLiteral("OP-1001")).has_value());
        QVERIFY(!cache.operators().isEmpty());

        // A new order on the server: the next rounds bring it, and the cursor moves on.
        QString error;
        const QString token = m_server->supervisorToken(&error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        int status = 0;
        apiCall(*m_server, "POST", QStringLiteral("/v1/orders/import"),
            R"([{"number":"SE-1","customer":"Sync test","lines":[{"line":1,"gtin":"04012345001006","quantity":1}]}])",
            token, &status);
        QCOMPARE(status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(cache.order(QStringLiteral("SE-1")).has_value(), 20000);
        QVERIFY(cache.cursor() != first);
        QCOMPARE(cache.order(QStringLiteral("SE-1"))->customer, QStringLiteral("Sync test"));
    }

    // No server at the address: the events wait on the device, the status says offline and why.
    void unreachableServerLeavesEventsPending()
    {
        const QString device = QStringLiteral("offline-1");
        auto store = LocalStore::open(db(device), QStringLiteral("ui-offline"));
        QVERIFY(store.ok());
        QVERIFY(fill(store.value().get(), device, 3));
        const QUrl nowhere(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
        SyncController sync(config(nowhere, device, db(device)));
        sync.start();
        QTRY_VERIFY_WITH_TIMEOUT(sync.status().started && !sync.status().lastError.isEmpty(), 15000);
        QTest::qWait(500); // several rounds of retries
        const SyncStatus s = sync.status();
        QVERIFY(!s.online);
        QVERIFY(!s.enrolled);
        QCOMPARE(s.backlog, qint64(3));
        QVERIFY2(s.lastError.startsWith(QLatin1String("Server not reachable: ")), qPrintable(s.lastError));
        QVERIFY2(
            s.lastError.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(s.lastError));
        ScanQueue queue(store.value().get(), device);
        QCOMPARE(queue.backlog().value(), qint64(3));
        const auto latest = queue.latest(10);
        QVERIFY(latest.ok());
        for (const QueuedEvent &e : latest.value())
            QCOMPARE(e.state, EventState::Pending);
    }

    // The server's answer to one request is lost on the way back (fault point http-request): the
    // device sends again, and the server still holds every event once.
    void lostAnswerDoesNotDuplicateEvents_data()
    {
        QTest::addColumn<int>("lost");
        QTest::newRow("enrolment") << 1;
        QTest::newRow("first upload") << 2;
        QTest::newRow("second upload") << 3;
        QTest::newRow("last upload") << 4;
    }
    void lostAnswerDoesNotDuplicateEvents()
    {
        QFETCH(int, lost);
        const QString device = QStringLiteral("lost-%1").arg(lost);
        auto store = LocalStore::open(db(device), QStringLiteral("ui-") + device);
        QVERIFY(store.ok());
        QVERIFY(fill(store.value().get(), device, 6));
        auto c = config(m_server->url(), device, db(device));
        c.batchEvents = 2; // enrol, then three uploads
        faults::arm(faults::kHttpRequest, lost);
        SyncController sync(c);
        sync.start();
        QTRY_VERIFY2_WITH_TIMEOUT(drained(sync), qPrintable(sync.status().lastError), 30000);
        QVERIFY(faults::passes(faults::kHttpRequest) > lost); // the lost one was sent again
        const QString wrong = checkExactlyOnce(device, 6);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        ScanQueue queue(store.value().get(), device);
        QCOMPARE(queue.backlog().value(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
