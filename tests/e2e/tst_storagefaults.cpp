// The device's storage fails: every single database write of a scan-and-sync run fails in turn
// (UI thread or sync thread, whichever reaches it), with a real dockhand-server. Scans that were
// committed reach the server exactly once; a scan whose write failed is refused in words; sync
// recovers by itself. And a damaged queue file is moved aside and shown loudly on screen.

#include "e2eharness.h"
#include "faults.h"
#include "localstore.h"
#include "scanevents.h"
#include "scanqueue.h"
#include "syncengine.h"

#include <QDirIterator>
#include <QSet>
#include <QTest>

using namespace dockhand;
using namespace dockhand::e2e;

namespace {

protocol::ScanEvent draft(int i)
{
    return testing::draftScan(
        QStringLiteral("TOTE-%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("tote"));
}

} // namespace

class TestStorageFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Outcome
    {
        QStringList errors; // what the operator or the sync status was told
        QSet<QString> committed; // ids of scans whose append returned a value
        QString failure; // non-empty when the run broke a promise
        int writes = 0; // database writes the run made
    };

    Outcome scanAndSync(ServerProcess &server, const QString &device, int failAt)
    {
        Outcome out;
        const QString file = m_dir.filePath(device + QStringLiteral(".sqlite"));
        faults::arm(faults::kDeviceWrite, failAt);
        auto store = LocalStore::open(file, QStringLiteral("ui-") + device);
        if (!store) {
            out.errors.append(store.error());
            store = LocalStore::open(file, QStringLiteral("ui-") + device); // as the app retries
            if (!store) {
                out.failure = QStringLiteral("storage did not recover: %1").arg(store.error());
                return out;
            }
        }
        SyncConfig config;
        config.serverUrl = server.url();
        config.deviceId = device;
        config.databasePath = file;
        config.enrolCode = QStringLiteral("DEMO");
        config.minBackoffMs = 50;
        config.maxBackoffMs = 300;
        config.idleIntervalMs = 300;
        SyncController sync(config);
        connect(&sync, &SyncController::statusChanged, this, [&out](const SyncStatus &s) {
            if (!s.lastError.isEmpty() && !out.errors.contains(s.lastError))
                out.errors.append(s.lastError);
        });
        QSet<QString> acked;
        connect(&sync, &SyncController::acknowledged, this, [&acked](const QList<protocol::EventAck> &acks) {
            for (const auto &ack : acks)
                acked.insert(ack.id.toString(QUuid::WithoutBraces));
        });
        sync.start();
        ScanQueue queue(store.value().get(), device);
        for (int i = 0; i < 6; ++i) {
            auto e = queue.append(draft(i));
            if (e) {
                out.committed.insert(e->id.toString(QUuid::WithoutBraces));
                sync.nudge();
            } else {
                out.errors.append(e.error());
            }
            QTest::qWait(15);
        }
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            const auto &s = sync.status();
            // The status is a snapshot from the sync thread; the acks say what it really confirmed.
            if (s.online && s.lastDownload.isValid() && acked.contains(out.committed))
                break;
            QTest::qWait(20);
        }
        out.writes = faults::passes(faults::kDeviceWrite);
        faults::arm(faults::kDeviceWrite, 0);
        if (deadline.hasExpired()) {
            out.failure = QStringLiteral("sync did not recover: %1").arg(sync.status().lastError);
            return out;
        }
        const auto stored = storedEvents(server, device);
        QSet<QString> ids;
        for (int i = 0; i < stored.size(); ++i) {
            if (stored.at(i).seq != i + 1)
                out.failure = QStringLiteral("sequence gap at %1").arg(i + 1);
            ids.insert(stored.at(i).id);
        }
        if (ids.size() != stored.size())
            out.failure = QStringLiteral("an event is stored twice");
        if (ids != out.committed)
            out.failure = QStringLiteral("server holds %1 events, the device committed %2")
                              .arg(ids.size())
                              .arg(out.committed.size());
        return out;
    }

private slots:
    void cleanup() { faults::arm(faults::kDeviceWrite, 0); }

    void everyWriteFailsOnceWhileScanningAndSyncing()
    {
        QVERIFY(m_dir.isValid());
        ServerProcess server(m_dir.filePath(QStringLiteral("server")));
        QString error;
        QVERIFY2(server.start(0, enrollingServerArgs(), &error), qPrintable(error));

        Outcome clean = scanAndSync(server, QStringLiteral("dbw-0"), 0);
        QVERIFY2(clean.failure.isEmpty(), qPrintable(clean.failure));
        QCOMPARE(clean.committed.size(), 6);
        const int points = clean.writes;
        QVERIFY(points >= 15);
        int fired = 0;
        for (int i = 1; i <= points; ++i) {
            const Outcome run = scanAndSync(server, QStringLiteral("dbw-%1").arg(i), i);
            QVERIFY2(
                run.failure.isEmpty(), qPrintable(QStringLiteral("write %1: %2").arg(i).arg(run.failure)));
            for (const QString &e : run.errors) {
                if (e.contains(QStringLiteral("injected fault")))
                    ++fired;
                // Words an operator or admin can act on, never a bare driver code.
                QVERIFY2(e.contains(QStringLiteral("Scan not saved")) || e.startsWith(QStringLiteral("Sync "))
                        || e.startsWith(QStringLiteral("Cannot ")) || e.startsWith(QStringLiteral("Server ")),
                    qPrintable(e));
            }
        }
        qInfo("%d write points, the injected fault was reported in %d runs", points, fired);
        QVERIFY(fired >= points / 2);
    }

    void damagedQueueIsMovedAsideAndShownLoudly()
    {
        const QString data = m_dir.filePath(QStringLiteral("app"));
        QVERIFY(QDir().mkpath(data));
        const QByteArray garbage = QByteArray("SQLite format 3") + QByteArray(4096, '\x5a');
        {
            QFile file(data + QStringLiteral("/queue.sqlite"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }
        AppProcess app(data, m_dir.filePath(QStringLiteral("probe.json")));
        QString error;
        QVERIFY2(app.start({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9")}, &error),
            qPrintable(error));
        QTRY_VERIFY2_WITH_TIMEOUT(
            app.probe().value(QStringLiteral("storageError")).toString().contains(QStringLiteral("damaged")),
            qPrintable(app.output()), 30000);
        const QString message = app.probe().value(QStringLiteral("storageError")).toString();
        QVERIFY2(message.contains(QStringLiteral("supervisor")), qPrintable(message));
        app.stop();
        // The damaged file is kept byte for byte: it may hold scans that never reached the server.
        QDirIterator it(data, {QStringLiteral("queue.sqlite.damaged-*")}, QDir::Files);
        QVERIFY(it.hasNext());
        QFile aside(it.next());
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), garbage);
    }
};

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "tst_storagefaults.moc"
