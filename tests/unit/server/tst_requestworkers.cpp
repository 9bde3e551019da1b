// RequestWorkers: how connections are shared out, the read lane answering while the write lane is
// busy, every posted job finished on shutdown, and the whole Api answering from several threads
// at once over one SQLite database with every event stored exactly once.

#include "demostore.h"
#include "http/api.h"
#include "http/requestworkers.h"
#include "scanevents.h"
#include "serverstore.h"
#include "warehousedata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <future>
#include <thread>

using namespace dockhand;
using namespace dockhand::server;

namespace {

DatabaseLocation sqliteAt(const QString &path)
{
    DatabaseLocation location;
    location.sqlitePath = path;
    return location;
}

DatabaseLocation postgresAt(const QString &url)
{
    DatabaseLocation location;
    location.kind = DatabaseLocation::Kind::PostgreSql;
    location.url = url;
    return location;
}

} // namespace

class TestRequestWorkers : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerStore> m_store; // migrated and seeded before the workers open theirs
    DatabaseLocation m_location;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_location = sqliteAt(m_dir.filePath(QStringLiteral("workers.db")));
        auto demo = testing::openDemoStore(m_location.sqlitePath, QStringLiteral("tst-workers-main"));
        QVERIFY2(demo.store, qPrintable(demo.error));
        m_store = std::move(demo.store);
    }

    void plan_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("writers");
        QTest::addColumn<int>("readers");
        QTest::newRow("one connection answers everything") << false << 1 << 1 << 0;
        QTest::newRow("sqlite 2: one writer, one reader") << false << 2 << 1 << 1;
        QTest::newRow("sqlite 4: one writer, two readers") << false << 4 << 1 << 2;
        QTest::newRow("sqlite 9: still one writer") << false << 9 << 1 << 4;
        QTest::newRow("postgresql 1") << true << 1 << 1 << 0;
        QTest::newRow("postgresql 4: two and two") << true << 4 << 2 << 2;
        QTest::newRow("postgresql 7: four write, three read") << true << 7 << 4 << 3;
    }
    void plan()
    {
        QFETCH(bool, postgres);
        QFETCH(int, workers);
        QFETCH(int, writers);
        QFETCH(int, readers);
        const auto location
            = postgres ? postgresAt(QStringLiteral("postgresql://x@127.0.0.1/db")) : m_location;
        const RequestWorkers::Plan plan = RequestWorkers::planFor(location, workers);
        QCOMPARE(plan.writers, writers);
        QCOMPARE(plan.readers, readers);
    }

    void readsRunWhileAWriteIsBusy()
    {
        auto workers = RequestWorkers::start(m_location, {1, 2});
        QVERIFY2(workers.ok(), qPrintable(workers.error()));
        std::promise<void> letWriteFinish;
        std::shared_future<void> released = letWriteFinish.get_future().share();
        std::promise<std::thread::id> writeStarted;
        std::promise<std::thread::id> readRan;
        std::atomic<bool> readWorked {false};
        workers.value()->post(RequestWorkers::Lane::Write, [&, released](ServerStore &) {
            writeStarted.set_value(std::this_thread::get_id());
            released.wait(); // a long write
        });
        const auto writer = writeStarted.get_future().get();
        workers.value()->post(RequestWorkers::Lane::Read, [&](ServerStore &store) {
            readWorked = store.eventStore().eventCount().ok();
            readRan.set_value(std::this_thread::get_id());
        });
        auto read = readRan.get_future();
        QCOMPARE(read.wait_for(std::chrono::seconds(10)), std::future_status::ready);
        QVERIFY(read.get() != writer);
        QVERIFY(readWorked);
        QCOMPARE(workers.value()->waiting(RequestWorkers::Lane::Write), 0);
        letWriteFinish.set_value();
    }

    void oneConnectionMeansReadsWaitBehindWrites()
    {
        auto workers = RequestWorkers::start(m_location, RequestWorkers::planFor(m_location, 1));
        QVERIFY2(workers.ok(), qPrintable(workers.error()));
        std::promise<void> letWriteFinish;
        std::shared_future<void> released = letWriteFinish.get_future().share();
        std::atomic<bool> writeDone {false};
        std::atomic<bool> readSawWriteDone {false};
        std::promise<void> readRan;
        workers.value()->post(RequestWorkers::Lane::Write, [&, released](ServerStore &) {
            released.wait();
            writeDone = true;
        });
        workers.value()->post(RequestWorkers::Lane::Read, [&](ServerStore &) {
            readSawWriteDone = writeDone.load();
            readRan.set_value();
        });
        QTRY_COMPARE(workers.value()->waiting(RequestWorkers::Lane::Read), 1); // queued behind the write
        letWriteFinish.set_value();
        QCOMPARE(readRan.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
        QVERIFY(readSawWriteDone);
    }

    void shutdownFinishesEveryPostedJob()
    {
        std::atomic<int> done {0};
        {
            auto workers = RequestWorkers::start(m_location, {1, 2});
            QVERIFY2(workers.ok(), qPrintable(workers.error()));
            for (int i = 0; i < 60; ++i)
                workers.value()->post(i % 3 ? RequestWorkers::Lane::Read : RequestWorkers::Lane::Write,
                    [&done](ServerStore &store) {
                        if (store.eventStore().eventCount().ok())
                            ++done;
                    });
        } // destroyed with jobs still queued
        QCOMPARE(done.load(), 60);
    }

    void aConnectionThatCannotOpenIsOneClearError()
    {
        const auto workers
            = RequestWorkers::start(sqliteAt(QStringLiteral("/proc/no-such-folder/x.db")), {1, 2});
        QVERIFY(!workers.ok());
        QVERIFY2(workers.error().startsWith(
                     QLatin1String("cannot open a database connection for answering requests: ")),
            qPrintable(workers.error()));
    }

    void theApiAnswersFromSeveralThreadsAtOnce()
    {
        // Eight devices upload their batches twice each (a resend after a lost answer) while
        // readers read: every answer is right, every event is stored once, and /metrics counts
        // every request. Run under the sanitizers in CI.
        Api api(m_store.get(), ApiLimits {1e6, 1000000, 1e6, 1000000});
        auto workers = RequestWorkers::start(m_location, {1, 3});
        QVERIFY2(workers.ok(), qPrintable(workers.error()));
        constexpr int kDevices = 8;
        constexpr int kBatches = 5;
        constexpr int kPerBatch = 20;
        constexpr int kReads = 120;
        const qint64 before = m_store->eventCount().value();

        QList<QString> tokens;
        for (int d = 0; d < kDevices; ++d) {
            auto token = m_store->enrol(QStringLiteral("TEST"), QStringLiteral("worker-dev-%1").arg(d), {});
            QVERIFY(token.ok());
            tokens.append(token.value());
        }
        std::atomic<int> wrong {0};
        std::atomic<int> accepted {0};
        std::atomic<int> duplicates {0};
        std::atomic<int> answered {0};
        auto ask = [&](RequestWorkers::Lane lane, ApiRequest request,
                       std::function<void(const ApiResponse &)> check) {
            workers.value()->post(lane, [&, request, check](ServerStore &store) {
                check(api.handle(request, store));
                ++answered;
            });
        };
        // Each batch made once and sent twice: the same event ids, as a device's resend.
        QList<QByteArray> bodies;
        for (int b = 0; b < kBatches; ++b)
            for (int d = 0; d < kDevices; ++d)
                bodies.append(QJsonDocument(
                    testing::makeUpload(QStringLiteral("worker-dev-%1").arg(d), 1 + b * kPerBatch, kPerBatch)
                        .toJson())
                                  .toJson(QJsonDocument::Compact));
        int requests = 0;
        for (int b = 0; b < kBatches; ++b) {
            for (int copy = 0; copy < 2; ++copy) {
                for (int d = 0; d < kDevices; ++d) {
                    ApiRequest request {"POST", QStringLiteral("/v1/events"), {}, bodies.at(b * kDevices + d),
                        "Bearer " + tokens.at(d).toLatin1(), "application/json"};
                    ++requests;
                    ask(RequestWorkers::Lane::Write, request, [&](const ApiResponse &r) {
                        if (r.status != 200) {
                            ++wrong;
                            return;
                        }
                        for (const auto &result : r.body.value(QLatin1String("results")).toArray()) {
                            const QString status
                                = result.toObject().value(QLatin1String("status")).toString();
                            if (status == QLatin1String("accepted"))
                                ++accepted;
                            else if (status == QLatin1String("duplicate"))
                                ++duplicates;
                            else
                                ++wrong;
                        }
                    });
                }
            }
            for (int r = 0; r < kReads / kBatches; ++r) {
                const QString path = r % 2 ? QStringLiteral("/v1/health") : QStringLiteral("/v1/orders");
                ++requests;
                ask(RequestWorkers::Lane::Read,
                    ApiRequest {"GET", path, {}, {}, "Bearer " + tokens.at(r % kDevices).toLatin1(), {}},
                    [&](const ApiResponse &answer) {
                        if (answer.status != 200)
                            ++wrong;
                    });
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered.load(), requests, 60000);
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(accepted.load(), kDevices * kBatches * kPerBatch);
        QCOMPARE(duplicates.load(), kDevices * kBatches * kPerBatch);
        QCOMPARE(m_store->eventCount().value() - before, qint64(kDevices * kBatches * kPerBatch));
        for (int d = 0; d < kDevices; ++d)
            QCOMPARE(m_store->lastSequence(QStringLiteral("worker-dev-%1").arg(d)).value(),
                qint64(kBatches * kPerBatch));

        const ApiResponse scrape = api.handle(ApiRequest {"GET", QStringLiteral("/metrics"), {}, {}, {}, {}});
        QVERIFY2(scrape.text.contains(
                     "dockhand_http_requests_total{code=\"200\"} " + QByteArray::number(requests)),
            scrape.text.constData());
    }
};

QTEST_GUILESS_MAIN(TestRequestWorkers)
#include "tst_requestworkers.moc"
