#include "faults.h"
#include "ingest/storedsequences.h"
#include "pin.h"
#include "scanevents.h"
#include "serverstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;
using namespace dockhand::server;
using dockhand::protocol::AckStatus;
using dockhand::testing::makeEvent;

class TestServerStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    DatabaseLocation freshLocation()
    {
        DatabaseLocation location;
        location.sqlitePath = m_dir.filePath(QStringLiteral("server-%1.db").arg(++m_counter));
        return location;
    }

    static std::unique_ptr<ServerStore> openStore(const DatabaseLocation &location)
    {
        auto store = ServerStore::open(location, QStringLiteral("tst-store"));
        if (!store.ok())
            qWarning() << store.error();
        return store.ok() ? std::move(store.value()) : nullptr;
    }

    // Reads the file through a second connection, as an admin's sqlite3 shell would.
    static QStringList tablesIn(const QString &path)
    {
        QStringList tables;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-inspect"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
                while (q.next())
                    tables.append(q.value(0).toString());
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst-inspect"));
        return tables;
    }

    static QList<AckStatus> statuses(const ServerStore::IngestResult &result)
    {
        QList<AckStatus> list;
        for (const auto &ack : result.acks)
            list.append(ack.status);
        return list;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void migratesFromEmpty()
    {
        const auto location = freshLocation();
        {
            auto store = openStore(location);
            QVERIFY(store);
            QCOMPARE(store->schemaVersion(), ServerStore::kSchemaVersion);
            QCOMPARE(store->dialectName(), QStringLiteral("sqlite"));
        }
        const QStringList tables = tablesIn(location.sqlitePath);
        for (const char *table : {"devices", "operators", "products", "locations", "stock", "totes",
                 "carton_types", "orders", "order_lines", "order_status_history", "events", "event_answers"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        // Reopening an up-to-date database changes nothing.
        auto again = openStore(location);
        QVERIFY(again);
        QCOMPARE(again->schemaVersion(), ServerStore::kSchemaVersion);
    }

    void upgradeCountsTheEventsAlreadyStored()
    {
        // A database from before the per-device event count (schema 2) holding events: after
        // the upgrade, the counts are those of the events it holds, and go on from there.
        const auto location = freshLocation();
        {
            auto store = openStore(location);
            QVERIFY(store);
            QVERIFY(store
                        ->ingest(QStringLiteral("old-1"),
                            {makeEvent(QStringLiteral("old-1"), 1), makeEvent(QStringLiteral("old-1"), 2)})
                        .ok());
            QVERIFY(store->ingest(QStringLiteral("old-2"), {makeEvent(QStringLiteral("old-2"), 1)}).ok());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-v2"));
            db.setDatabaseName(location.sqlitePath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // Schema 4's master-data columns and tables go too, so the file is as schema 2 left it.
            for (const char *sql :
                {"ALTER TABLE devices DROP COLUMN event_count",
                    "ALTER TABLE products DROP COLUMN unit_weight_kg",
                    "ALTER TABLE products DROP COLUMN length_mm", "ALTER TABLE products DROP COLUMN width_mm",
                    "ALTER TABLE products DROP COLUMN height_mm",
                    "ALTER TABLE locations DROP COLUMN check_digits", "DROP TABLE stock_lots",
                    "DROP TABLE master_data_imports", "DROP TABLE api_keys", "DROP TABLE idempotency_keys",
                    "DROP INDEX orders_backordered", "ALTER TABLE products DROP COLUMN reserved",
                    "ALTER TABLE order_lines DROP COLUMN reserved",
                    "ALTER TABLE orders DROP COLUMN backordered", "PRAGMA user_version=2"})
                QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst-v2"));
        auto store = openStore(location);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), ServerStore::kSchemaVersion);
        QCOMPARE(store->eventCount().value(), 3);
        QCOMPARE(store->events(QStringLiteral("old-1"), 0, 10)->total, 2);
        QVERIFY(store->ingest(QStringLiteral("old-2"), {makeEvent(QStringLiteral("old-2"), 2)}).ok());
        QCOMPARE(store->eventCount().value(), 4);
        QCOMPARE(store->events(QStringLiteral("old-2"), 0, 10)->total, 2);
    }

    void refusesNewerSchema()
    {
        const auto location = freshLocation();
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-newer"));
            db.setDatabaseName(location.sqlitePath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst-newer"));
        auto store = ServerStore::open(location, QStringLiteral("tst-store"));
        QVERIFY(!store.ok());
        QVERIFY2(store.error().contains(QLatin1String("newer")), qPrintable(store.error()));
    }

    void refusesBadPaths()
    {
        DatabaseLocation directory;
        directory.sqlitePath = m_dir.path();
        auto store = ServerStore::open(directory, QStringLiteral("tst-store"));
        QVERIFY(!store.ok());
        QVERIFY2(store.error().contains(QLatin1String("not a file")), qPrintable(store.error()));

        DatabaseLocation notADatabase = freshLocation();
        {
            QFile f(notADatabase.sqlitePath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        store = ServerStore::open(notADatabase, QStringLiteral("tst-store"));
        QVERIFY(!store.ok());
        QVERIFY2(store.error().contains(notADatabase.sqlitePath), qPrintable(store.error()));

        DatabaseLocation postgres;
        postgres.kind = DatabaseLocation::Kind::PostgreSql;
        postgres.url = QStringLiteral("postgresql://u:secret@127.0.0.1:1/db"); // nothing listens on port 1
        store = ServerStore::open(postgres, QStringLiteral("tst-store"));
        QVERIFY(!store.ok());
        QVERIFY2(store.error().contains(QLatin1String("cannot connect to the database")),
            qPrintable(store.error()));
    }

    void storesEachEventOnce()
    {
        auto store = openStore(freshLocation());
        QVERIFY(store);
        const auto a = makeEvent(QStringLiteral("dev-1"), 1);
        const auto b = makeEvent(QStringLiteral("dev-1"), 2);
        auto first = store->ingest(QStringLiteral("dev-1"), {a, b});
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(statuses(first.value()), (QList<AckStatus> {AckStatus::Accepted, AckStatus::Accepted}));
        QCOMPARE(first->acks.at(0).id, a.id);
        QCOMPARE(first->acks.at(1).id, b.id);

        auto again = store->ingest(QStringLiteral("dev-1"), {a, b});
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(statuses(again.value()), (QList<AckStatus> {AckStatus::Duplicate, AckStatus::Duplicate}));
        QCOMPARE(again->duplicates, 2);
        QCOMPARE(store->eventCount().value(), 2);

        // What was stored is what was sent.
        auto page = store->events(QStringLiteral("dev-1"), 0, 10);
        QVERIFY(page.ok());
        QCOMPARE(page->events.size(), 2);
        const auto &stored = page->events.at(0).event;
        QCOMPARE(stored.id, a.id);
        QCOMPARE(stored.sequence, 1);
        QCOMPARE(stored.raw, a.raw);
        QCOMPARE(stored.fields, a.fields);
        QCOMPARE(stored.deviceTime, a.deviceTime);
        QCOMPARE(stored.operatorId, a.operatorId);
        QVERIFY(page->events.at(0).receivedAt.isValid());
    }

    // A full batch goes in as multi-row statements: every event is stored with its own fields,
    // and answered in request order.
    void fullBatchStoresEveryEventAsSent()
    {
        auto store = openStore(freshLocation());
        QVERIFY(store);
        const QString dev = QStringLiteral("dev-1");
        QList<protocol::ScanEvent> batch;
        for (int seq = 1; seq <= protocol::kMaxEventsPerBatch; ++seq) {
            auto e = makeEvent(dev, seq);
            e.raw = QStringLiteral("RAW-%1").arg(seq);
            e.fields = QJsonObject {{QStringLiteral("n"), seq}};
            e.operatorId = seq % 2 ? QString() : QStringLiteral("OP-%1").arg(seq);
            batch.append(e);
        }
        auto result = store->ingest(dev, batch);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->accepted, protocol::kMaxEventsPerBatch);
        QVERIFY(result->gaps.isEmpty());
        for (int i = 0; i < batch.size(); ++i)
            QCOMPARE(result->acks.at(i).id, batch.at(i).id);
        auto page = store->events(dev, 0, 1000);
        QVERIFY(page.ok());
        QCOMPARE(page->events.size(), batch.size());
        for (int i = 0; i < batch.size(); ++i) {
            const auto &stored = page->events.at(i).event;
            QCOMPARE(stored.id, batch.at(i).id);
            QCOMPARE(stored.sequence, batch.at(i).sequence);
            QCOMPARE(stored.raw, batch.at(i).raw);
            QCOMPARE(stored.fields, batch.at(i).fields);
            QCOMPARE(stored.operatorId, batch.at(i).operatorId);
            QCOMPARE(stored.deviceTime, batch.at(i).deviceTime);
        }
    }

    // A resend mixed with new events (a lost answer, then more scans): the repeats keep their
    // first answers, the new events are stored, each in request order.
    void resendMixedWithNewEvents()
    {
        auto store = openStore(freshLocation());
        QVERIFY(store);
        const QString dev = QStringLiteral("dev-1");
        QList<protocol::ScanEvent> first;
        for (int seq = 1; seq <= 100; ++seq)
            first.append(makeEvent(dev, seq));
        auto tooLong = makeEvent(dev, 101);
        tooLong.raw = QString(9000, QLatin1Char('7'));
        first.append(tooLong);
        auto stored = store->ingest(dev, first);
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(stored->accepted, 100);
        QCOMPARE(stored->rejected, 1);

        QList<protocol::ScanEvent> mixed;
        QList<AckStatus> expected;
        for (int i = 0; i < 100; ++i) {
            mixed.append(first.at(i));
            expected.append(AckStatus::Duplicate);
            mixed.append(makeEvent(dev, 200 + i));
            expected.append(AckStatus::Accepted);
        }
        mixed.append(tooLong);
        expected.append(AckStatus::Rejected);
        const auto clash = makeEvent(dev, 5); // a new id on a used sequence number
        mixed.append(clash);
        expected.append(AckStatus::Rejected);
        mixed.append(mixed.at(1)); // a new event twice in one batch
        expected.append(AckStatus::Duplicate);
        auto result = store->ingest(dev, mixed);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(statuses(result.value()), expected);
        for (int i = 0; i < mixed.size(); ++i)
            QCOMPARE(result->acks.at(i).id, mixed.at(i).id);
        QCOMPARE(result->acks.at(200).reason, stored->acks.at(100).reason);
        QVERIFY2(result->acks.at(201).reason.contains(first.at(4).id.toString(QUuid::WithoutBraces)),
            qPrintable(result->acks.at(201).reason));
        QCOMPARE(result->accepted, 100);
        QCOMPARE(result->duplicates, 101);
        QCOMPARE(result->rejected, 2);
        QCOMPARE(result->gaps.size(), 1); // 101 was refused, 102..199 never arrived
        QCOMPARE(result->gaps.at(0).from, 101);
        QCOMPARE(result->gaps.at(0).to, 199);
        QCOMPARE(store->eventCount().value(), 200);
    }

    void duplicateInsideOneBatch()
    {
        auto store = openStore(freshLocation());
        QVERIFY(store);
        const auto a = makeEvent(QStringLiteral("dev-1"), 1);
        auto result = store->ingest(QStringLiteral("dev-1"), {a, a, makeEvent(QStringLiteral("dev-1"), 2)});
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(statuses(result.value()),
            (QList<AckStatus> {AckStatus::Accepted, AckStatus::Duplicate, AckStatus::Accepted}));
        QCOMPARE(store->eventCount().value(), 2);
    }

    void usedSequenceNumberIsRejectedWithReason()
    {
        auto store = openStore(freshLocation());
        QVERIFY(store);
        const auto original = makeEvent(QStringLiteral("dev-1"), 1);
        const auto clash = makeEvent(QStringLiteral("dev-1"), 1); // other id, same (device, seq)
        QVERIFY(store->ingest(QStringLiteral("dev-1"), {original}).ok());

        auto result = store->ingest(QStringLiteral("dev-1"), {clash});
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->acks.at(0).status, AckStatus::Rejected);
        const QString reason = result->acks.at(0).reason;
        QVERIFY2(reason.contains(QLatin1String("sequence number 1")), qPrintable(reason));
        QVERIFY2(reason.contains(original.id.toString(QUuid::WithoutBraces)), qPrintable(reason));

        // The first answer stands: a repeat gets the same rejection, still nothing stored.
        auto repeat = store->ingest(QStringLiteral("dev-1"), {clash});
        QVERIFY(repeat.ok());
        QCOMPARE(repeat->acks.at(0).status, AckStatus::Rejected);
        QCOMPARE(repeat->acks.at(0).reason, reason);
        QCOMPARE(store->eventCount().value(), 1);

        // Other devices have their own sequence numbers.
        auto other = store->ingest(QStringLiteral("dev-2"), {makeEvent(QStringLiteral("dev-2"), 1)});
        QVERIFY(other.ok());
        QCOMPARE(other->acks.at(0).status, AckStatus::Accepted);
    }

    void overlongRawScanIsRejected()
    {
        auto store = openStore(freshLocation());
        QVERIFY(store);
        auto e = makeEvent(QStringLiteral("dev-1"), 1);
        e.raw = QString(10000, QLatin1Char('7'));
        auto result = store->ingest(QStringLiteral("dev-1"), {e});
        QVERIFY(result.ok());
        QCOMPARE(result->acks.at(0).status, AckStatus::Rejected);
        QVERIFY(result->acks.at(0).reason.contains(QLatin1String("8192")));
        QCOMPARE(store->eventCount().value(), 0);
    }

    void reportsSequenceGaps()
    {
        auto store = openStore(freshLocation());
        QVERIFY(store);
        const QString dev = QStringLiteral("dev-1");
        auto first = store->ingest(dev, {makeEvent(dev, 1), makeEvent(dev, 2)});
        QVERIFY(first.ok());
        QVERIFY(first->gaps.isEmpty());

        auto gap = store->ingest(dev, {makeEvent(dev, 5), makeEvent(dev, 6), makeEvent(dev, 9)});
        QVERIFY(gap.ok());
        QCOMPARE(gap->accepted, 3); // a gap is reported, never a reason to refuse
        QCOMPARE(gap->gaps.size(), 2);
        QCOMPARE(gap->gaps.at(0).from, 3);
        QCOMPARE(gap->gaps.at(0).to, 4);
        QCOMPARE(gap->gaps.at(1).from, 7);
        QCOMPARE(gap->gaps.at(1).to, 8);

        // The missing ones arrive late: nothing is missing below them any more.
        auto late = store->ingest(
            dev, {makeEvent(dev, 3), makeEvent(dev, 4), makeEvent(dev, 7), makeEvent(dev, 8)});
        QVERIFY(late.ok());
        QVERIFY(late->gaps.isEmpty());

        // The first event of a device that starts above 1.
        auto fresh = store->ingest(QStringLiteral("dev-2"), {makeEvent(QStringLiteral("dev-2"), 3)});
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->gaps.size(), 1);
        QCOMPARE(fresh->gaps.at(0).from, 1);
        QCOMPARE(fresh->gaps.at(0).to, 2);
    }

    // Uploads of one device may reach different connections (request workers) and different
    // server processes: what one store remembers having committed spares a lookup, and never
    // hides a gap another store's uploads left or filled.
    void gapsAreTheDatabasesWhicheverStoreStoredThem()
    {
        const DatabaseLocation location = freshLocation();
        auto a = ServerStore::open(location, QStringLiteral("tst-store-a"));
        auto b = ServerStore::open(location, QStringLiteral("tst-store-b"));
        QVERIFY(a.ok() && b.ok());
        const QString dev = QStringLiteral("dev-1");
        QVERIFY(a.value()->ingest(dev, {makeEvent(dev, 1), makeEvent(dev, 2)})->gaps.isEmpty());
        // b has not seen 2 stored: it asks, and 2 is there.
        QVERIFY(b.value()->ingest(dev, {makeEvent(dev, 3)})->gaps.isEmpty());
        // a last stored 2; 4 is not there, whatever a remembers.
        auto gap = a.value()->ingest(dev, {makeEvent(dev, 5)});
        QVERIFY(gap.ok());
        QCOMPARE(gap->gaps.size(), 1);
        QCOMPARE(gap->gaps.at(0).from, 4);
        QCOMPARE(gap->gaps.at(0).to, 4);

        // Two stores sharing what they committed, as one server's request workers do.
        auto known = std::make_shared<StoredSequences>();
        a.value()->eventStore().shareStoredSequences(known);
        b.value()->eventStore().shareStoredSequences(known);
        const QString other = QStringLiteral("dev-2");
        QVERIFY(a.value()->ingest(other, {makeEvent(other, 1), makeEvent(other, 2)})->gaps.isEmpty());
        QVERIFY(b.value()->ingest(other, {makeEvent(other, 3)})->gaps.isEmpty());
        auto shared = a.value()->ingest(other, {makeEvent(other, 6)});
        QVERIFY(shared.ok());
        QCOMPARE(shared->gaps.size(), 1);
        QCOMPARE(shared->gaps.at(0).from, 4);
        QCOMPARE(shared->gaps.at(0).to, 5);

        // A resend mixed with new events, a repeat inside a batch and a refused one: the count of
        // stored events is exact on every path (counted up front, or one by one).
        auto mixed = b.value()->ingest(
            other, {makeEvent(other, 7), makeEvent(other, 7, QUuid::createUuid()), makeEvent(other, 8)});
        QVERIFY(mixed.ok());
        QCOMPARE(mixed->accepted, 2);
        QCOMPARE(mixed->rejected, 1); // sequence number 7 twice
        QCOMPARE(a.value()->eventCount().value(), 4 + 6);
        const protocol::ScanEvent nine = makeEvent(other, 9);
        auto fresh = a.value()->ingest(other, {nine, makeEvent(other, 10)});
        QVERIFY(fresh.ok());
        QCOMPARE(a.value()->eventCount().value(), 4 + 8);
        // A resend with a new event (all distinct, so the batch tries the common path first,
        // meets the stored one and starts over one by one): only the new one counts.
        auto again = b.value()->ingest(other, {nine, makeEvent(other, 11)});
        QVERIFY(again.ok());
        QCOMPARE(again->duplicates, 1);
        QCOMPARE(again->accepted, 1);
        QCOMPARE(b.value()->eventCount().value(), 4 + 9);
        QCOMPARE(b.value()->events(other, 0, 100)->total, 9);
        auto page = b.value()->events(QString(), 0, 100);
        QVERIFY(page.ok());
        QCOMPARE(page->total, 13);
        QCOMPARE(page->events.size(), 13);
    }

    // Fail every statement of a batch in turn: the batch is all or nothing, and a retry after
    // the failure stores it exactly once.
    void failedBatchStoresNothing()
    {
        auto store = openStore(freshLocation());
        QVERIFY(store);
        const QString dev = QStringLiteral("dev-1");
        QVERIFY(store->ingest(dev, {makeEvent(dev, 1)}).ok());
        const QList<protocol::ScanEvent> batch {
            makeEvent(dev, 2), makeEvent(dev, 3), makeEvent(dev, 2), makeEvent(dev, 5)};
        int failurePoints = 0;
        for (int n = 1;; ++n) {
            faults::arm(faults::kServerStatement, n);
            auto result = store->ingest(dev, batch);
            faults::arm(faults::kServerStatement, 0);
            if (result.ok())
                break; // n is past the last statement of the batch
            ++failurePoints;
            QVERIFY2(result.error().contains(QLatin1String("injected")), qPrintable(result.error()));
            QCOMPARE(store->eventCount().value(), 1);
            QVERIFY(n < 100);
        }
        QVERIFY(failurePoints >= batch.size());
        QCOMPARE(store->eventCount().value(), 4);
        auto page = store->events(dev, 0, 10);
        QVERIFY(page.ok());
        QList<qint64> seqs;
        for (const auto &e : page->events)
            seqs.append(e.event.sequence);
        QCOMPARE(seqs, (QList<qint64> {1, 2, 3, 5}));
    }

    void readsEventsPageByPage()
    {
        auto store = openStore(freshLocation());
        QVERIFY(store);
        for (const char *dev : {"dev-b", "dev-a"}) {
            QList<protocol::ScanEvent> batch;
            for (int seq = 1; seq <= 5; ++seq)
                batch.append(makeEvent(QLatin1String(dev), seq));
            QVERIFY(store->ingest(QLatin1String(dev), batch).ok());
        }
        auto all = store->events(QString(), 0, 100);
        QVERIFY(all.ok());
        QCOMPARE(all->total, 10);
        QCOMPARE(all->events.size(), 10);
        QCOMPARE(all->events.first().event.deviceId, QStringLiteral("dev-a")); // ordered by device, seq
        QCOMPARE(all->events.at(5).event.deviceId, QStringLiteral("dev-b"));

        auto page = store->events(QStringLiteral("dev-b"), 2, 2);
        QVERIFY(page.ok());
        QCOMPARE(page->total, 5);
        QCOMPARE(page->events.size(), 2);
        QCOMPARE(page->events.at(0).event.sequence, 3);
        QCOMPARE(page->events.at(1).event.sequence, 4);

        auto none = store->events(QStringLiteral("nobody"), 0, 10);
        QVERIFY(none.ok());
        QCOMPARE(none->total, 0);
        QVERIFY(none->events.isEmpty());
    }

    void eventsSurviveReopen()
    {
        const auto location = freshLocation();
        const auto a = makeEvent(QStringLiteral("dev-1"), 1);
        {
            auto store = openStore(location);
            QVERIFY(store);
            QVERIFY(store->ingest(QStringLiteral("dev-1"), {a}).ok());
        }
        auto store = openStore(location);
        QVERIFY(store);
        QCOMPARE(store->eventCount().value(), 1);
        auto repeat = store->ingest(QStringLiteral("dev-1"), {a});
        QVERIFY(repeat.ok());
        QCOMPARE(repeat->acks.at(0).status, AckStatus::Duplicate);
    }

    void demoSeedingTwiceIsOnce()
    {
        auto demo = WarehouseData::demo();
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const auto location = freshLocation();
        {
            auto store = openStore(location);
            QVERIFY(store);
            auto seeded = store->seedIfEmpty(demo.value());
            QVERIFY2(seeded.ok(), qPrintable(seeded.error()));
            QVERIFY(seeded.value());
            auto again = store->seedIfEmpty(demo.value());
            QVERIFY(again.ok());
            QVERIFY(!again.value());
        }
        auto store = openStore(location); // a restart with --demo
        QVERIFY(store);
        auto third = store->seedIfEmpty(demo.value());
        QVERIFY(third.ok());
        QVERIFY(!third.value());

        auto orders = store->orders(QString());
        QVERIFY(orders.ok());
        QCOMPARE(orders->size(), demo->orders.size());
        QCOMPARE(store->products()->size(), demo->products.size());
        QCOMPARE(store->locations()->size(), demo->locations.size());
        auto received = store->orders(QStringLiteral("received"));
        QVERIFY(received.ok());
        QCOMPARE(received->size(), 20);
        QVERIFY(store->orders(QStringLiteral("shipped"))->isEmpty());

        const auto &firstOrder = demo->orders.first();
        auto detail = store->order(firstOrder.number);
        QVERIFY(detail.ok());
        QVERIFY(detail->has_value());
        QCOMPARE((*detail.value()).lines.size(), firstOrder.lines.size());
        QCOMPARE((*detail.value()).lines.first().ordered, firstOrder.lines.first().quantity);
        QCOMPARE((*detail.value()).history.size(), 1);
        QCOMPARE((*detail.value()).history.first().status, QStringLiteral("received"));
        QVERIFY(!store->order(QStringLiteral("SO-NOPE"))->has_value());

        // PINs are stored hashed, never as given.
        const auto &op = demo->operators.first();
        auto hash = store->operatorPinHash(op.badge);
        QVERIFY(hash.ok());
        QVERIFY(hash.value() != op.pin);
        QVERIFY(protocol::pin::verify(op.pin, hash.value()));
    }
};

QTEST_GUILESS_MAIN(TestServerStore)
#include "tst_serverstore.moc"
