// The local store keeps what was committed whatever happens later: upgrades from every older
// schema, a full disk, and a failure at every single database write.

#include "devicecache.h"
#include "faults.h"
#include "localstore.h"
#include "scanevents.h"
#include "scanqueue.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

namespace {

protocol::ScanEvent draft(const QString &raw)
{
    return testing::draftScan(raw, QStringLiteral("product"));
}

// Rows a database of `version` holds, written with the SQL of that version (not today's code),
// as a device running that release would have left them.
void fillVersion(const QString &path, int version)
{
    const QString name = QStringLiteral("fill-%1").arg(version);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        if (version >= 1) {
            QVERIFY2(q.exec(QStringLiteral(
                         "INSERT INTO scan_events (id, device, step, raw, result, device_time, state) VALUES "
                         "('6f1e3c1a-0000-4000-8000-000000000001', 'dev-old', 'home', '4012345001006', "
                         "'accepted', '2026-01-01T08:00:00.000Z', 1),"
                         "('6f1e3c1a-0000-4000-8000-000000000002', 'dev-old', 'home', 'A-01-02', "
                         "'accepted', '2026-01-01T08:00:01.000Z', 0)")),
                qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO device_meta VALUES ('device_token', 'tok-old')")));
        }
        if (version >= 2) {
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO cache_entities (type, key, data) VALUES ('location', "
                               "'A-01-02', '{\"code\":\"A-01-02\",\"zone\":\"A\",\"walkSequence\":20}')")));
        }
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void cleanup() { faults::arm(faults::kDeviceWrite, 0); }

    void upgradesFromEveryOlderVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < LocalStore::kSchemaVersion; ++v)
            QTest::addRow("from-%d", v) << v;
    }

    void upgradesFromEveryOlderVersion()
    {
        QFETCH(int, from);
        const QString file = path(QStringLiteral("upgrade-%1.sqlite").arg(from));
        QVERIFY(LocalStore::createAtVersion(file, from).ok());
        fillVersion(file, from);
        auto store = LocalStore::open(file, QStringLiteral("upgrade"));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store.value()->schemaVersion(), LocalStore::kSchemaVersion);
        ScanQueue queue(store.value().get(), QStringLiteral("dev-old"));
        // What the old version committed is all still there, with its state.
        QCOMPARE(queue.count().value(), from >= 1 ? qint64(2) : qint64(0));
        QCOMPARE(queue.backlog().value(), from >= 1 ? qint64(1) : qint64(0));
        QCOMPARE(store.value()->meta(QStringLiteral("device_token")),
            from >= 1 ? QStringLiteral("tok-old") : QString());
        // ... and the queue goes on numbering after it.
        auto next = queue.append(draft(QStringLiteral("TOTE-0001")));
        QVERIFY2(next.ok(), qPrintable(next.error()));
        QCOMPARE(next->sequence, from >= 1 ? qint64(3) : qint64(1));
        // The tables of the newer versions work.
        DeviceCache cache(store.value().get());
        QVERIFY(cache.applyChanges({}, QStringLiteral("7")).ok());
        QCOMPARE(cache.cursor(), QStringLiteral("7"));
    }

    void refusesANewerSchema()
    {
        const QString file = path(QStringLiteral("newer.sqlite"));
        QVERIFY(LocalStore::createAtVersion(file, 0).ok());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=%1").arg(LocalStore::kSchemaVersion + 1)));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        auto store = LocalStore::open(file, QStringLiteral("newer-open"));
        QVERIFY(!store.ok());
        QVERIFY2(store.error().contains(QStringLiteral("newer Dockhand")), qPrintable(store.error()));
    }

    void diskFullRefusesTheScanAndKeepsTheRest()
    {
        const QString file = path(QStringLiteral("full.sqlite"));
        auto store = LocalStore::open(file, QStringLiteral("full"));
        QVERIFY(store.ok());
        ScanQueue queue(store.value().get(), QStringLiteral("dev-1"));
        for (int i = 0; i < 20; ++i)
            QVERIFY(queue.append(draft(QStringLiteral("4012345001006"))).ok());
        // The file may not grow any more: the next page the queue needs is not there.
        QSqlQuery q(store.value()->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        const int pages = q.value(0).toInt();
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages)));
        q.finish();
        QString error;
        int saved = 20;
        for (int i = 0; i < 2000 && error.isEmpty(); ++i) {
            auto e = queue.append(draft(QString(400, QLatin1Char('x'))));
            if (e.ok())
                ++saved;
            else
                error = e.error();
        }
        QVERIFY2(error.contains(QStringLiteral("the device storage is full")), qPrintable(error));
        QVERIFY2(error.startsWith(QStringLiteral("Scan not saved")), qPrintable(error));
        QCOMPARE(queue.count().value(), qint64(saved));
        store.value().reset();
        // Reopened without the limit: everything committed is there, and scanning goes on.
        auto again = LocalStore::open(file, QStringLiteral("full-again"));
        QVERIFY2(again.ok(), qPrintable(again.error()));
        ScanQueue queue2(again.value().get(), QStringLiteral("dev-1"));
        QCOMPARE(queue2.count().value(), qint64(saved));
        auto next = queue2.append(draft(QStringLiteral("A-01-02")));
        QVERIFY(next.ok());
        QCOMPARE(next->sequence, qint64(saved + 1));
    }

    // Walks every write of a small queue scenario (open with migrations, appends, acks, cache
    // page) and fails each one in turn. Whatever failed, what was committed before stays, the
    // error is in words, and the store keeps working after it.
    void everyWriteFailurePoint()
    {
        const auto scenario = [this](int run, QStringList *errors, int *committed) {
            const QString file = path(QStringLiteral("fault-%1.sqlite").arg(run));
            auto store = LocalStore::open(file, QStringLiteral("fault-%1").arg(run));
            if (!store) {
                errors->append(store.error());
                return;
            }
            ScanQueue queue(store.value().get(), QStringLiteral("dev-1"));
            QList<protocol::EventAck> acks;
            for (int i = 0; i < 4; ++i) {
                auto e = queue.append(draft(QStringLiteral("A-01-0%1").arg(i)));
                if (e)
                    acks.append({e->id, protocol::AckStatus::Accepted, {}});
                else
                    errors->append(e.error());
            }
            *committed = int(acks.size());
            if (auto applied = queue.applyAcks(acks); !applied)
                errors->append(applied.error());
            DeviceCache cache(store.value().get());
            const QJsonArray changes {QJsonObject {{QStringLiteral("type"), QStringLiteral("location")},
                {QStringLiteral("key"), QStringLiteral("A-01-02")},
                {QStringLiteral("op"), QStringLiteral("upsert")},
                {QStringLiteral("data"), QJsonObject {{QStringLiteral("code"), QStringLiteral("A-01-02")}}}}};
            if (auto applied = cache.applyChanges(changes, QStringLiteral("1")); !applied)
                errors->append(applied.error());
        };
        faults::arm(faults::kDeviceWrite, 0);
        QStringList errors;
        int committed = 0;
        scenario(0, &errors, &committed);
        QVERIFY(errors.isEmpty());
        const int points = faults::passes(faults::kDeviceWrite);
        QVERIFY2(points >= 10, qPrintable(QString::number(points)));
        for (int i = 1; i <= points; ++i) {
            faults::arm(faults::kDeviceWrite, i);
            errors.clear();
            committed = 0;
            scenario(i, &errors, &committed);
            faults::arm(faults::kDeviceWrite, 0);
            QVERIFY2(
                errors.size() == 1, qPrintable(QStringLiteral("point %1: %2").arg(i).arg(errors.join(u'|'))));
            QVERIFY2(errors.first().contains(QStringLiteral("injected fault")), qPrintable(errors.first()));
            // Reopen: every scan that returned a value is there, numbered without gaps, and the
            // store takes new scans.
            const QString file = path(QStringLiteral("fault-%1.sqlite").arg(i));
            auto store = LocalStore::open(file, QStringLiteral("fault-check"));
            QVERIFY2(store.ok(), qPrintable(store.error()));
            ScanQueue queue(store.value().get(), QStringLiteral("dev-1"));
            QCOMPARE(queue.count().value(), qint64(committed));
            auto latest = queue.latest(10);
            QVERIFY(latest.ok());
            for (int k = 0; k < latest->size(); ++k)
                QCOMPARE(latest->at(k).event.sequence, qint64(committed - k));
            auto next = queue.append(draft(QStringLiteral("TOTE-0001")));
            QVERIFY2(next.ok(), qPrintable(next.error()));
            QCOMPARE(next->sequence, qint64(committed + 1));
        }
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
