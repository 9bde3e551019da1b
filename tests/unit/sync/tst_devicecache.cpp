// The device cache: pages of GET /v1/sync changes stored with their cursor in one transaction,
// read back as the typed records the workflows use, through a second connection as the UI does.

#include "devicecache.h"
#include "faults.h"
#include "localstore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

namespace {

QJsonObject change(const char *type, const QString &key, const QJsonObject &data)
{
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("key"), key},
        {QStringLiteral("op"), QStringLiteral("upsert")}, {QStringLiteral("data"), data}};
}

QJsonObject removal(const char *type, const QString &key)
{
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("key"), key},
        {QStringLiteral("op"), QStringLiteral("delete")}};
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

std::unique_ptr<LocalStore> open(const QString &file, const QString &connection)
{
    auto store = LocalStore::open(file, connection);
    if (!store)
        qFatal("cannot open %s: %s", qPrintable(file), qPrintable(store.error()));
    return std::move(store.value());
}

} // namespace

class TestDeviceCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void cleanup() { faults::arm(faults::kDeviceWrite, 0); }

    void storesEveryKindAndReadsItBack()
    {
        const QString file = m_dir.filePath(QStringLiteral("cache.sqlite"));
        auto writer = open(file, QStringLiteral("sync"));
        auto reader = open(file, QStringLiteral("ui"));
        DeviceCache cache(writer.get());
        DeviceCache ui(reader.get());
        QCOMPARE(ui.cursor(), QString());

        const QJsonArray page {
            change("product", QStringLiteral("4012345001006"),
                json(R"({"gtin":"04012345001006","sku":"SKU-1","name":"Cable","lotTracked":true})")),
            change("location", QStringLiteral("A-01-02"),
                json(R"({"code":"A-01-02","zone":"A","walkSequence":20})")),
            change("location", QStringLiteral("A-01-01"),
                json(R"({"code":"A-01-01","zone":"A","walkSequence":10})")),
            change("operator", QStringLiteral("OP-1001"),
                json(
                    R"({"badge":"OP-1001","name":"Alex Weber","role":"picker","pinHash":"pbkdf2-sha256$1$a$b"})")),
            change("order", QStringLiteral("SO-100001"),
                json(R"({"number":"SO-100001","customer":"ACME","status":"processing","tote":"TOTE-0007",
                   "lines":[{"line":1,"gtin":"04012345001006","name":"Cable","ordered":2,"picked":1,"packed":0}]})")),
            change("task", QStringLiteral("WAVE-0001"),
                json(R"({"id":"WAVE-0001","kind":"pick","status":"open","assignee":"","orders":["SO-100001"],
                   "lines":[{"order":"SO-100001","line":2,"gtin":"4012345001075","location":"B-01-01","walkSequence":50,"quantity":1},
                            {"order":"SO-100001","line":1,"gtin":"04012345001006","location":"A-01-02","walkSequence":20,"quantity":2}]})")),
            change("carton", QStringLiteral("BOX-M"),
                json(
                    R"({"code":"BOX-M","name":"Medium box","lengthMm":350,"widthMm":250,"heightMm":150,"tareKg":0.28})")),
            change("config", QStringLiteral("device"),
                json(R"({"classifier":{"location":"^[A-Z]-\\d{2}-\\d{2}$"}})")),
            change("future-kind", QStringLiteral("x"), json("{}")),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("order")}}, // no key: skipped
        };
        const auto applied = cache.applyChanges(page, QStringLiteral("42"));
        QVERIFY2(applied.ok(), qPrintable(applied.error()));

        QCOMPARE(ui.cursor(), QStringLiteral("42"));
        const auto product = ui.product(QStringLiteral("4012345001006"));
        QVERIFY(product);
        QCOMPARE(product->gtin, QStringLiteral("04012345001006"));
        QCOMPARE(product->name, QStringLiteral("Cable"));
        QVERIFY(product->lotTracked);
        QVERIFY(ui.product(QStringLiteral("04012345001006")));
        QVERIFY(!ui.product(QStringLiteral("4006381333931")));
        QCOMPARE(ui.location(QStringLiteral("A-01-02"))->walkSequence, 20);
        QCOMPARE(ui.operatorByBadge(QStringLiteral("OP-1001"))->role, QStringLiteral("picker"));
        QCOMPARE(ui.operators().size(), 1);
        const auto order = ui.order(QStringLiteral("SO-100001"));
        QVERIFY(order);
        QCOMPARE(order->lines.size(), 1);
        QCOMPARE(order->lines.first().picked, 1);
        QCOMPARE(ui.orderByTote(QStringLiteral("TOTE-0007"))->number, QStringLiteral("SO-100001"));
        QVERIFY(!ui.orderByTote(QStringLiteral("TOTE-0008")));
        QCOMPARE(ui.ordersEndingWith(QStringLiteral("100001")).size(), 1);
        QCOMPARE(ui.ordersEndingWith(QStringLiteral("100001")).first().number, QStringLiteral("SO-100001"));
        QVERIFY(ui.ordersEndingWith(QStringLiteral("100002")).isEmpty());
        QVERIFY(ui.ordersEndingWith(QStringLiteral("%1")).isEmpty()); // not a pattern
        const auto task = ui.pickTask(QStringLiteral("WAVE-0001"));
        QVERIFY(task);
        QCOMPARE(task->lines.size(), 2);
        QCOMPARE(task->lines.first().location, QStringLiteral("A-01-02")); // walk order
        QCOMPARE(task->lines.last().gtin, QStringLiteral("04012345001075"));
        QCOMPARE(ui.pickTasks().size(), 1);
        QCOMPARE(ui.cartonTypes().size(), 1);
        QCOMPARE(ui.cartonTypes().first().tareKg, 0.28);
        QVERIFY(ui.config().contains(QStringLiteral("classifier")));

        // Next page: an update and a delete replace what was there.
        QVERIFY(
            cache
                .applyChanges(
                    {change("order", QStringLiteral("SO-100001"),
                         json(R"({"number":"SO-100001","status":"picked","tote":"TOTE-0009","lines":[]})")),
                        removal("location", QStringLiteral("A-01-01"))},
                    QStringLiteral("43"))
                .ok());
        QCOMPARE(ui.order(QStringLiteral("SO-100001"))->status, QStringLiteral("picked"));
        QVERIFY(!ui.orderByTote(QStringLiteral("TOTE-0007")));
        QVERIFY(ui.orderByTote(QStringLiteral("TOTE-0009")));
        QVERIFY(!ui.location(QStringLiteral("A-01-01")));
        QCOMPARE(ui.cursor(), QStringLiteral("43"));
    }

    // A failed write anywhere in a page leaves neither the changes nor the cursor: the page is
    // asked for again and applied whole.
    void aPageIsAllOrNothing()
    {
        const QString file = m_dir.filePath(QStringLiteral("atomic.sqlite"));
        auto store = open(file, QStringLiteral("atomic"));
        DeviceCache cache(store.get());
        QVERIFY(
            cache
                .applyChanges({change("location", QStringLiteral("A-01-01"), json(R"({"code":"A-01-01"})"))},
                    QStringLiteral("1"))
                .ok());
        const QJsonArray page {change("location", QStringLiteral("B-01-01"), json(R"({"code":"B-01-01"})")),
            change("location", QStringLiteral("B-01-02"), json(R"({"code":"B-01-02"})")),
            removal("location", QStringLiteral("A-01-01"))};
        for (int i = 1; i <= 5; ++i) { // three changes, the cursor, the commit
            faults::arm(faults::kDeviceWrite, i);
            const auto applied = cache.applyChanges(page, QStringLiteral("2"));
            faults::arm(faults::kDeviceWrite, 0);
            QVERIFY(!applied.ok());
            QVERIFY2(applied.error().contains(QStringLiteral("Cannot update the device cache")),
                qPrintable(applied.error()));
            QCOMPARE(cache.cursor(), QStringLiteral("1"));
            QVERIFY(cache.location(QStringLiteral("A-01-01")));
            QVERIFY(!cache.location(QStringLiteral("B-01-01")));
        }
        QVERIFY(cache.applyChanges(page, QStringLiteral("2")).ok());
        QCOMPARE(cache.cursor(), QStringLiteral("2"));
        QVERIFY(!cache.location(QStringLiteral("A-01-01")));
        QVERIFY(cache.location(QStringLiteral("B-01-02")));
    }
};

QTEST_GUILESS_MAIN(TestDeviceCache)
#include "tst_devicecache.moc"
