// The scan queue keeps the one rule: a committed scan is on disk, numbered, and stays until the
// server has it. These tests use real SQLite files in a temporary folder.

#include "localstore.h"
#include "scanevents.h"
#include "scanqueue.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

class TestScanQueue : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    static protocol::ScanEvent draft(const QString &raw)
    {
        return testing::draftScan(raw, QStringLiteral("product"));
    }

    static std::unique_ptr<LocalStore> open(
        const QString &file, const QString &connection, LocalStore::OpenReport *report = nullptr)
    {
        auto store = LocalStore::open(file, connection, report);
        if (!store)
            qFatal("cannot open %s: %s", qPrintable(file), qPrintable(store.error()));
        return std::move(store.value());
    }

private slots:
    void commitAssignsIdAndSequence()
    {
        auto store = open(path("commit.sqlite"), QStringLiteral("c1"));
        ScanQueue queue(store.get(), QStringLiteral("dev-1"));
        QSet<QUuid> ids;
        for (int i = 1; i <= 3; ++i) {
            auto event = queue.append(draft(QStringLiteral("0401234500100%1").arg(i)));
            QVERIFY2(event.ok(), qPrintable(event.error()));
            QCOMPARE(event->sequence, qint64(i));
            QCOMPARE(event->deviceId, QStringLiteral("dev-1"));
            QVERIFY(!event->id.isNull());
            QVERIFY(event->deviceTime.isValid());
            ids.insert(event->id);
        }
        QCOMPARE(ids.size(), 3);
        QCOMPARE(queue.count().value(), qint64(3));
        QCOMPARE(queue.backlog().value(), qint64(3));
        const auto latest = queue.latest(10);
        QVERIFY(latest.ok());
        QCOMPARE(latest->size(), 3);
        QCOMPARE(latest->first().event.raw, QStringLiteral("04012345001003"));
        QCOMPARE(latest->first().state, EventState::Pending);
    }

    void keepsGroupSeparatorAndFields()
    {
        auto store = open(path("fields.sqlite"), QStringLiteral("f1"));
        ScanQueue queue(store.get(), QStringLiteral("dev-1"));
        auto e = draft(QStringLiteral("0104012345001006") + QChar(0x1d) + QStringLiteral("10LOT1"));
        e.fields = QJsonObject {{QStringLiteral("gtin"), QStringLiteral("04012345001006")}};
        QVERIFY(queue.append(e).ok());
        const auto batch = queue.pendingBatch(10, 1 << 20);
        QVERIFY(batch.ok());
        QCOMPARE(batch->size(), 1);
        QCOMPARE(batch->first().raw, e.raw);
        QCOMPARE(
            batch->first().fields.value(QStringLiteral("gtin")).toString(), QStringLiteral("04012345001006"));
    }

    void batchesOldestFirstByCountAndBytes()
    {
        auto store = open(path("batch.sqlite"), QStringLiteral("b1"));
        ScanQueue queue(store.get(), QStringLiteral("dev-1"));
        for (int i = 0; i < 10; ++i)
            QVERIFY(queue.append(draft(QString(1000, QLatin1Char('A' + i)))).ok());
        auto byCount = queue.pendingBatch(4, 1 << 20);
        QCOMPARE(byCount->size(), 4);
        QCOMPARE(byCount->at(0).sequence, 1);
        QCOMPARE(byCount->at(3).sequence, 4);
        auto byBytes = queue.pendingBatch(100, 3000);
        QVERIFY(byBytes->size() >= 1);
        QVERIFY(byBytes->size() < 10);
        auto tiny = queue.pendingBatch(100, 1);
        QCOMPARE(tiny->size(), 1); // never stuck: one event always goes
    }

    void acksMarkSyncedAndRejectedStaysVisible()
    {
        auto store = open(path("ack.sqlite"), QStringLiteral("a1"));
        ScanQueue queue(store.get(), QStringLiteral("dev-1"));
        const auto a = queue.append(draft(QStringLiteral("A")));
        const auto b = queue.append(draft(QStringLiteral("B")));
        const auto c = queue.append(draft(QStringLiteral("C")));
        QVERIFY(queue
                    .applyAcks({{a->id, protocol::AckStatus::Accepted, {}},
                        {b->id, protocol::AckStatus::Duplicate, {}},
                        {c->id, protocol::AckStatus::Rejected, QStringLiteral("order cancelled")}})
                    .ok());
        QCOMPARE(queue.backlog().value(), qint64(0));
        QCOMPARE(queue.pendingBatch(10, 1 << 20)->size(), 0);
        const auto rows = queue.latest(10).value();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).state, EventState::Rejected);
        QCOMPARE(rows.at(0).serverReason, QStringLiteral("order cancelled"));
        QCOMPARE(rows.at(1).state, EventState::Acknowledged);
        QCOMPARE(rows.at(2).state, EventState::Acknowledged);
    }

    // A new queue learns at enrolment that the server holds this device's scans up to 10.
    void newQueueContinuesAfterTheServer()
    {
        auto store = open(path("continue.sqlite"), QStringLiteral("n1"));
        ScanQueue queue(store.get(), QStringLiteral("dev-1"));
        QList<QUuid> ids;
        for (const char *raw : {"A", "B", "C"})
            ids.append(queue.append(draft(QString::fromLatin1(raw)))->id);
        const auto moved = queue.continueAfter(10);
        QVERIFY2(moved.ok(), qPrintable(moved.error()));
        QCOMPARE(moved.value(), qint64(3));
        const auto batch = queue.pendingBatch(10, 1 << 20);
        QVERIFY(batch.ok());
        QCOMPARE(batch->size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(batch->at(i).id, ids.at(i)); // same scans, same order
            QCOMPARE(batch->at(i).sequence, qint64(11 + i));
        }
        QCOMPARE(queue.append(draft(QStringLiteral("D")))->sequence, qint64(14));
        // Once only: a later enrolment (a revoked token) leaves the numbers alone.
        QCOMPARE(queue.continueAfter(50).value(), qint64(0));
        QCOMPARE(queue.append(draft(QStringLiteral("E")))->sequence, qint64(15));
    }

    void emptyNewQueueStartsAfterTheServer()
    {
        auto store = open(path("continue-empty.sqlite"), QStringLiteral("n2"));
        ScanQueue queue(store.get(), QStringLiteral("dev-1"));
        QCOMPARE(queue.continueAfter(7).value(), qint64(0));
        QCOMPARE(queue.append(draft(QStringLiteral("A")))->sequence, qint64(8));
    }

    // A queue the server has answered is numbered as the server knows it: nothing moves.
    void answeredQueueKeepsItsNumbers()
    {
        auto store = open(path("continue-answered.sqlite"), QStringLiteral("n3"));
        ScanQueue queue(store.get(), QStringLiteral("dev-1"));
        const auto a = queue.append(draft(QStringLiteral("A")));
        QVERIFY(queue.append(draft(QStringLiteral("B"))).ok());
        QVERIFY(queue.applyAcks({{a->id, protocol::AckStatus::Accepted, {}}}).ok());
        QCOMPARE(queue.continueAfter(100).value(), qint64(0));
        QCOMPARE(queue.pendingBatch(10, 1 << 20)->first().sequence, qint64(2));
        QCOMPARE(queue.append(draft(QStringLiteral("C")))->sequence, qint64(3));
    }

    void reopenKeepsEventsAndContinuesSequence()
    {
        const QString file = path("reopen.sqlite");
        QUuid first;
        {
            auto store = open(file, QStringLiteral("r1"));
            ScanQueue queue(store.get(), QStringLiteral("dev-1"));
            first = queue.append(draft(QStringLiteral("A")))->id;
            QVERIFY(queue.append(draft(QStringLiteral("B"))).ok());
        }
        auto store = open(file, QStringLiteral("r2"));
        QCOMPARE(store->schemaVersion(), LocalStore::kSchemaVersion);
        ScanQueue queue(store.get(), QStringLiteral("dev-1"));
        QCOMPARE(queue.backlog().value(), qint64(2));
        QCOMPARE(queue.pendingBatch(1, 1 << 20)->first().id, first);
        QCOMPARE(queue.append(draft(QStringLiteral("C")))->sequence, qint64(3));
    }

    void secondConnectionSeesCommits()
    {
        // The UI thread appends while the sync thread reads and acknowledges on its own connection.
        const QString file = path("two.sqlite");
        auto ui = open(file, QStringLiteral("ui"));
        auto sync = open(file, QStringLiteral("sync"));
        ScanQueue uiQueue(ui.get(), QStringLiteral("dev-1"));
        ScanQueue syncQueue(sync.get(), QStringLiteral("dev-1"));
        const auto e = uiQueue.append(draft(QStringLiteral("X")));
        QCOMPARE(syncQueue.pendingBatch(10, 1 << 20)->size(), 1);
        QVERIFY(syncQueue.applyAcks({{e->id, protocol::AckStatus::Accepted, {}}}).ok());
        QCOMPARE(uiQueue.backlog().value(), qint64(0));
    }

    void queuePragmasAreDurable()
    {
        auto store = open(path("pragma.sqlite"), QStringLiteral("p1"));
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
    }

    void damagedQueueIsMovedAsideNeverDeleted()
    {
        const QString file = path("damaged.sqlite");
        {
            auto store = open(file, QStringLiteral("d1"));
            ScanQueue queue(store.get(), QStringLiteral("dev-1"));
            for (int i = 0; i < 200; ++i)
                QVERIFY(queue.append(draft(QString(200, QLatin1Char('x')))).ok());
            QSqlQuery(store->database()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        QByteArray original;
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            original = f.readAll();
            QVERIFY(original.size() > 8192);
            // Scribble over the b-tree page headers (not the file header): the damage a torn
            // write or a failing flash cell leaves behind.
            for (qint64 page = 1; page * 4096 < original.size(); page += 2) {
                f.seek(page * 4096);
                f.write(QByteArray(24, '\x5a'));
            }
        }
        LocalStore::OpenReport report;
        auto reopened = LocalStore::open(file, QStringLiteral("d2"), &report);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        QVERIFY(!report.movedAsideTo.isEmpty());
        QVERIFY(report.message.contains(QStringLiteral("damaged")));
        QVERIFY(QFile::exists(report.movedAsideTo));
        QFile kept(report.movedAsideTo);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.size(), qint64(original.size()));
        ScanQueue fresh(reopened->get(), QStringLiteral("dev-1"));
        QCOMPARE(fresh.count().value(), qint64(0));
        QVERIFY(fresh.append(draft(QStringLiteral("after"))).ok());
    }

    void readOnlyDatabaseRefusesWithClearMessage()
    {
        const QString file = path("ro.sqlite");
        {
            auto store = open(file, QStringLiteral("ro1"));
            ScanQueue queue(store.get(), QStringLiteral("dev-1"));
            QVERIFY(queue.append(draft(QStringLiteral("kept"))).ok());
        }
        auto store = open(file, QStringLiteral("ro2"));
        // query_only makes every write fail exactly as a read-only medium would.
        QSqlQuery(store->database()).exec(QStringLiteral("PRAGMA query_only=1"));
        ScanQueue queue(store.get(), QStringLiteral("dev-1"));
        const auto refused = queue.append(draft(QStringLiteral("lost?")));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().startsWith(QStringLiteral("Scan not saved")), qPrintable(refused.error()));
        QSqlQuery(store->database()).exec(QStringLiteral("PRAGMA query_only=0"));
        QCOMPARE(queue.count().value(), qint64(1));
        QCOMPARE(queue.latest(1)->first().event.raw, QStringLiteral("kept"));
    }
};

QTEST_GUILESS_MAIN(TestScanQueue)
#include "tst_scanqueue.moc"
