// The download contract: every snapshot the server writes (toJson) reads back on the device
// (fromJson) as the same value; the device is lenient (missing fields keep defaults, short GTINs
// become GTIN-14, task lines come in walk order) and skips changes it does not understand.

#include "download.h"

#include <QTest>

using namespace dockhand::protocol;

class TestDownload : public QObject
{
    Q_OBJECT

    template<typename T> static T roundTrip(const T &value) { return T::fromJson(value.toJson()); }

private slots:
    void everySnapshotRoundTrips()
    {
        const Product product {QStringLiteral("04006381333931"), QStringLiteral("SKU-1"),
            QStringLiteral("Blue mug"), true, true, false, 0.35, 120, 90, 95};
        QCOMPARE(roundTrip(product), product);
        const Location location {QStringLiteral("A-01-02"), QStringLiteral("A"), 20, QStringLiteral("42")};
        QCOMPARE(roundTrip(location), location);
        const Operator op {QStringLiteral("OP-1001"), QStringLiteral("Alex Weber"), QStringLiteral("picker"),
            QStringLiteral("pbkdf2-sha256$1000$AA==$AA==")};
        QCOMPARE(roundTrip(op), op);
        const Order order {QStringLiteral("SO-100001"), QStringLiteral("Ada"), QStringLiteral("processing"),
            QStringLiteral("TOTE-0001"),
            {{1, QStringLiteral("04006381333931"), QStringLiteral("Blue mug"), 3, 2, 1, 0},
                {2, QStringLiteral("04006381333948"), QStringLiteral("Red plate"), 1, 0, 0, 1}}};
        QCOMPARE(roundTrip(order), order);
        Task task;
        task.id = QStringLiteral("WAVE-0001");
        task.status = QStringLiteral("open");
        task.orders = {QStringLiteral("SO-100001")};
        task.lines = {{QStringLiteral("SO-100001"), 1, QStringLiteral("04006381333931"),
                          QStringLiteral("A-01-01"), 10, 3},
            {QStringLiteral("SO-100001"), 2, QStringLiteral("04006381333948"), QStringLiteral("B-02-01"), 30,
                1}};
        QCOMPARE(roundTrip(task), task);
        const Carton carton {QStringLiteral("BOX-M"), QStringLiteral("Medium box"), 350, 250, 150, 0.28};
        QCOMPARE(roundTrip(carton), carton);
        DeviceConfig config;
        config.classifier
            = QJsonObject {{QStringLiteral("location"), QStringLiteral("^[A-Z]-\\d{2}-\\d{2}$")}};
        config.cartons = {QStringLiteral("BOX-S"), QStringLiteral("BOX-M")};
        config.scalePattern = QStringLiteral("ST,GS,+ {weight}kg");
        QCOMPARE(roundTrip(config), config);
    }

    void theDeviceReadsLeniently()
    {
        // A GTIN-13 becomes GTIN-14; missing fields keep their defaults; unknown ones are ignored.
        const Product p
            = Product::fromJson(QJsonObject {{QStringLiteral("gtin"), QStringLiteral("4006381333931")},
                {QStringLiteral("colour"), QStringLiteral("blue")}});
        QCOMPARE(p.gtin, QStringLiteral("04006381333931"));
        QVERIFY(!p.lotTracked);
        // Task lines come back in walk order, ties in the server's order.
        Task task;
        task.lines = {{QStringLiteral("SO-1"), 1, QString(), QStringLiteral("C"), 30, 1},
            {QStringLiteral("SO-1"), 2, QString(), QStringLiteral("A"), 10, 1},
            {QStringLiteral("SO-2"), 1, QString(), QStringLiteral("A2"), 10, 1}};
        const Task read = Task::fromJson(task.toJson());
        QCOMPARE(read.lines.at(0).location, QStringLiteral("A"));
        QCOMPARE(read.lines.at(1).location, QStringLiteral("A2"));
        QCOMPARE(read.lines.at(2).location, QStringLiteral("C"));
        QCOMPARE(Task::fromJson(QJsonObject {}).kind, QStringLiteral("pick"));
    }

    void changesRoundTripAndUnknownOnesAreSkipped()
    {
        const Change upsert {QStringLiteral("location"), QStringLiteral("A-01-02"), Change::Op::Upsert,
            Location {QStringLiteral("A-01-02"), QStringLiteral("A"), 20, QString()}.toJson()};
        QCOMPARE(Change::fromJson(upsert.toJson()), std::optional<Change>(upsert));
        const Change gone {QStringLiteral("carton"), QStringLiteral("BOX-S"), Change::Op::Delete, {}};
        QCOMPARE(Change::fromJson(gone.toJson()), std::optional<Change>(gone));
        QVERIFY(!Change::fromJson(QJsonObject {{QStringLiteral("type"), QStringLiteral("product")},
                                      {QStringLiteral("key"), QStringLiteral("1")},
                                      {QStringLiteral("op"), QStringLiteral("merge")}})
                     .has_value());
        QVERIFY(
            !Change::fromJson(QJsonObject {{QStringLiteral("op"), QStringLiteral("upsert")}}).has_value());
    }

    void aPageNeedsACursorAndChanges()
    {
        SyncPage page;
        page.cursor = QStringLiteral("42");
        page.more = true;
        page.changes.append(Change {QStringLiteral("product"), QStringLiteral("04006381333931"),
            Change::Op::Upsert,
            {}}.toJson());
        QString error;
        const auto read = SyncPage::fromJson(page.toJson(), &error);
        QVERIFY2(read.has_value(), qPrintable(error));
        QCOMPARE(read->cursor, QStringLiteral("42"));
        QVERIFY(read->more);
        QCOMPARE(read->changes, page.changes);
        // A numeric cursor (an older server) is read as text.
        QCOMPARE(SyncPage::fromJson(
                     QJsonObject {{QStringLiteral("cursor"), 7}, {QStringLiteral("changes"), QJsonArray()}},
                     &error)
                     ->cursor,
            QStringLiteral("7"));
        QVERIFY(!SyncPage::fromJson(QJsonObject {{QStringLiteral("cursor"), QStringLiteral("1")}}, &error));
        QVERIFY(error.contains(QStringLiteral("changes")));
    }
};

QTEST_APPLESS_MAIN(TestDownload)
#include "tst_download.moc"
