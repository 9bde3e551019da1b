// Orders from a shop with stock reserved, as the shop and the warehouse see them: POST /v1/orders
// reserves each line against available stock (on hand − reserved) in the same transaction, holds
// an order whose stock is short as backordered and lets it go, oldest first, when stock arrives;
// a pick or a short gives back the line's reservation; an Idempotency-Key makes a retried request
// safe. Real SQLite files through the API.

#include "http/api.h"
#include "scanevents.h"
#include "serverstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;
using namespace dockhand::server;

namespace {

const QString kDevice = QStringLiteral("reserve-dev");

// GTIN-13 with its check digit from 12 digits.
QString gtin13(const QString &first12)
{
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += first12.at(i).digitValue() * (i % 2 == 0 ? 1 : 3);
    return first12 + QString::number((10 - sum % 10) % 10);
}

const QString kWidget = gtin13(QStringLiteral("400638133393")); // 5 on hand at R-01-01
const QString kGadget = gtin13(QStringLiteral("400638133394")); // 2 on hand at R-01-02

QByteArray orderJson(const QString &number, const QList<QPair<QString, int>> &lines)
{
    QJsonArray l;
    int n = 0;
    for (const auto &[gtin, quantity] : lines)
        l.append(QJsonObject {{QStringLiteral("line"), ++n}, {QStringLiteral("gtin"), gtin},
            {QStringLiteral("quantity"), quantity}});
    return QJsonDocument(
        QJsonObject {{QStringLiteral("number"), number},
            {QStringLiteral("customer"), QStringLiteral("Kundin ") + number}, {QStringLiteral("lines"), l}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject lineOf(const QJsonObject &answerOrder, int line)
{
    return answerOrder.value(QLatin1String("lines")).toArray().at(line - 1).toObject();
}

} // namespace

class TestReservations : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<Api> m_api;
    QString m_admin;
    QString m_supervisor;
    QString m_shop; // an API key with orders:write
    QString m_deviceToken;
    qint64 m_seq = 0;

    ApiResponse call(const char *method, const QString &path, const QByteArray &body, const QString &token,
        const QByteArray &key = {}, const QByteArray &contentType = "application/json")
    {
        const qsizetype q = path.indexOf(u'?');
        ApiRequest request {QByteArray(method), q < 0 ? path : path.left(q),
            QUrlQuery(q < 0 ? QString() : path.mid(q + 1)), body, "Bearer " + token.toLatin1(), contentType};
        request.idempotencyKey = key;
        return m_api->handle(request);
    }
    ApiResponse post(const QByteArray &body, const QByteArray &key = {})
    {
        return call("POST", QStringLiteral("/v1/orders"), body, m_shop, key);
    }
    qint64 sql(const QString &query)
    {
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("tst-reserve-check")));
        if (!q.exec(query) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    qint64 reservedOf(const QString &gtin)
    {
        return sql(QStringLiteral("SELECT reserved FROM products WHERE gtin = '0%1'").arg(gtin));
    }
    qint64 onHand(const QString &gtin)
    {
        return sql(
            QStringLiteral("SELECT COALESCE(SUM(s.quantity), 0) FROM stock s JOIN products p ON p.id = "
                           "s.product_id WHERE p.gtin = '0%1'")
                .arg(gtin));
    }
    // The product's reservation is the sum of its lines' (the two never drift apart).
    qint64 linesReserved(const QString &gtin)
    {
        return sql(QStringLiteral("SELECT COALESCE(SUM(l.reserved), 0) FROM order_lines l JOIN products p ON "
                                  "p.id = l.product_id WHERE p.gtin = '0%1'")
                       .arg(gtin));
    }
    QJsonObject order(const QString &number)
    {
        return call("GET", QStringLiteral("/v1/orders/") + number, {}, m_supervisor).body;
    }
    ApiResponse importStock(const QByteArray &csv)
    {
        return call("POST", QStringLiteral("/v1/import/stock"), csv, m_admin, {}, "text/csv");
    }
    QString upload(const QJsonObject &fields)
    {
        protocol::ScanEvent e = testing::makeEvent(kDevice, ++m_seq);
        e.fields = fields;
        protocol::UploadRequest request;
        request.deviceId = kDevice;
        request.events = {e};
        const ApiResponse r = call(
            "POST", QStringLiteral("/v1/events"), QJsonDocument(request.toJson()).toJson(), m_deviceToken);
        if (r.status != 200)
            return QStringLiteral("HTTP %1").arg(r.status);
        const QJsonObject result = r.body.value(QLatin1String("results")).toArray().at(0).toObject();
        return result.value(QLatin1String("status")).toString() + u' '
            + result.value(QLatin1String("reason")).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DatabaseLocation location;
        location.sqlitePath = m_dir.filePath(QStringLiteral("reserve.db"));
        auto store = ServerStore::open(location, QStringLiteral("tst-reserve"));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = std::move(store.value());
        auto demo = WarehouseData::demo();
        QVERIFY(demo.ok());
        demo->operators.removeIf([](const WarehouseData::Operator &o) {
            return o.badge != QLatin1String("OP-3001") && o.badge != QLatin1String("OP-9001");
        });
        QVERIFY(m_store->seedIfEmpty(demo.value()).value());
        QVERIFY(m_store->addEnrolmentCode(QStringLiteral("TEST")).ok());
        m_deviceToken = m_store->enrol(QStringLiteral("TEST"), kDevice, QString()).value();
        m_supervisor = m_store->login(QStringLiteral("OP-3001"), QStringLiteral("3001")).value().token;
        m_admin = m_store->login(QStringLiteral("OP-9001"), QStringLiteral("9001")).value().token;
        m_api = std::make_unique<Api>(m_store.get(), ApiLimits {1e6, 1000000});
        QSqlDatabase check
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-reserve-check"));
        check.setDatabaseName(location.sqlitePath);
        QVERIFY(check.open());

        // The site's own products and stock, by the import an admin makes.
        ApiResponse r = call("POST", QStringLiteral("/v1/import/products"),
            QStringLiteral("gtin,sku,name\n%1,W-1,Widget\n%2,G-1,Gadget\n").arg(kWidget, kGadget).toUtf8(),
            m_admin, {}, "text/csv");
        QVERIFY2(r.status == 200, QJsonDocument(r.body).toJson().constData());
        r = call("POST", QStringLiteral("/v1/import/locations"),
            QByteArrayLiteral("code,zone,walkSequence\nR-01-01,R,9001\nR-01-02,R,9002\n"), m_admin, {},
            "text/csv");
        QVERIFY2(r.status == 200, QJsonDocument(r.body).toJson().constData());
        r = importStock(QStringLiteral("location,gtin,quantity\nR-01-01,%1,5\nR-01-02,%2,2\n")
                            .arg(kWidget, kGadget)
                            .toUtf8());
        QVERIFY2(r.status == 200, QJsonDocument(r.body).toJson().constData());

        r = call("POST", QStringLiteral("/v1/api-keys"),
            QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("Shop")},
                              {QStringLiteral("scopes"), QJsonArray {QStringLiteral("orders:write")}}})
                .toJson(),
            m_admin);
        QCOMPARE(r.status, 201);
        m_shop = r.body.value(QLatin1String("key")).toString();
        QCOMPARE(reservedOf(kWidget), 0);
    }

    void cleanupTestCase() { QSqlDatabase::removeDatabase(QStringLiteral("tst-reserve-check")); }

    void demoOrdersAreReservedWhenSeeded()
    {
        // Every open demo order holds its stock; none is promised beyond what is on hand.
        QVERIFY(sql(QStringLiteral("SELECT SUM(reserved) FROM order_lines")) > 0);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM products p WHERE p.reserved > (SELECT "
                                    "COALESCE(SUM(quantity), 0) FROM stock s WHERE s.product_id = p.id)")),
            0);
        QCOMPARE(
            sql(QStringLiteral("SELECT COUNT(*) FROM products p WHERE p.reserved <> (SELECT "
                               "COALESCE(SUM(reserved), 0) FROM order_lines l WHERE l.product_id = p.id)")),
            0);
    }

    void anOrderInStockIsReserved()
    {
        const ApiResponse r = post(orderJson(QStringLiteral("WEB-1"), {{kWidget, 3}}));
        QVERIFY2(r.status == 201, QJsonDocument(r.body).toJson().constData());
        QCOMPARE(r.body.value(QLatin1String("received")).toInt(), 1);
        QCOMPARE(r.body.value(QLatin1String("backordered")).toInt(), 0);
        const QJsonObject o = r.body.value(QLatin1String("orders")).toArray().at(0).toObject();
        QCOMPARE(o.value(QLatin1String("number")).toString(), QStringLiteral("WEB-1"));
        QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("received"));
        QCOMPARE(o.value(QLatin1String("backordered")).toBool(), false);
        QCOMPARE(lineOf(o, 1).value(QLatin1String("gtin")).toString(), QStringLiteral("0") + kWidget);
        QCOMPARE(lineOf(o, 1).value(QLatin1String("reserved")).toInt(), 3);
        QCOMPARE(lineOf(o, 1).value(QLatin1String("missing")).toInt(), 0);
        QCOMPARE(reservedOf(kWidget), 3);
        // The supervisor sees the same on the order.
        const QJsonObject seen = order(QStringLiteral("WEB-1"));
        QCOMPARE(seen.value(QLatin1String("lines"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("reserved"))
                     .toInt(),
            3);
        QCOMPARE(seen.value(QLatin1String("status")).toString(), QStringLiteral("received"));
    }

    void anOrderShortOfStockIsBackordered()
    {
        // Widget: 5 on hand, 3 promised to WEB-1: 2 left for WEB-2's 3.
        ApiResponse r = post(orderJson(QStringLiteral("WEB-2"), {{kWidget, 3}, {kGadget, 1}}));
        QVERIFY2(r.status == 201, QJsonDocument(r.body).toJson().constData());
        QCOMPARE(r.body.value(QLatin1String("backordered")).toInt(), 1);
        QJsonObject o = r.body.value(QLatin1String("orders")).toArray().at(0).toObject();
        QCOMPARE(o.value(QLatin1String("backordered")).toBool(), true);
        QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("received"));
        QCOMPARE(lineOf(o, 1).value(QLatin1String("reserved")).toInt(), 2);
        QCOMPARE(lineOf(o, 1).value(QLatin1String("missing")).toInt(), 1);
        QCOMPARE(lineOf(o, 2).value(QLatin1String("reserved")).toInt(), 1);
        QCOMPARE(lineOf(o, 2).value(QLatin1String("missing")).toInt(), 0);

        // Nothing left: WEB-3 reserves nothing and waits behind WEB-2.
        r = post(orderJson(QStringLiteral("WEB-3"), {{kWidget, 1}}));
        QCOMPARE(r.status, 201);
        o = r.body.value(QLatin1String("orders")).toArray().at(0).toObject();
        QCOMPARE(lineOf(o, 1).value(QLatin1String("reserved")).toInt(), 0);
        QCOMPARE(lineOf(o, 1).value(QLatin1String("missing")).toInt(), 1);
        QCOMPARE(reservedOf(kWidget), onHand(kWidget));
        QCOMPARE(linesReserved(kWidget), reservedOf(kWidget));

        // The order list says which orders wait for stock.
        r = call("GET", QStringLiteral("/v1/orders"), {}, m_supervisor);
        QCOMPARE(r.status, 200);
        QStringList backordered;
        for (const QJsonValue &v : r.body.value(QLatin1String("orders")).toArray())
            if (v.toObject().value(QLatin1String("backordered")).toBool())
                backordered.append(v.toObject().value(QLatin1String("number")).toString());
        QCOMPARE(backordered, (QStringList {QStringLiteral("WEB-2"), QStringLiteral("WEB-3")}));
    }

    void arrivingStockReleasesTheOldestBackorderFirst()
    {
        // One more widget: enough for WEB-2 (first in), not yet for WEB-3.
        ApiResponse r
            = importStock(QStringLiteral("location,gtin,quantity\nR-01-01,%1,6\n").arg(kWidget).toUtf8());
        QVERIFY2(r.status == 200, QJsonDocument(r.body).toJson().constData());
        QCOMPARE(r.body.value(QLatin1String("backordersReleased")).toArray(),
            QJsonArray {QStringLiteral("WEB-2")});
        QCOMPARE(order(QStringLiteral("WEB-2")).value(QLatin1String("backordered")).toBool(), false);
        QCOMPARE(order(QStringLiteral("WEB-3")).value(QLatin1String("backordered")).toBool(), true);

        // A dry run says which orders the stock would release, and promises nothing.
        r = call("POST", QStringLiteral("/v1/import/stock?dryRun=true"),
            QStringLiteral("location,gtin,quantity\nR-01-01,%1,9\n").arg(kWidget).toUtf8(), m_admin, {},
            "text/csv");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("backordersReleased")).toArray(),
            QJsonArray {QStringLiteral("WEB-3")});
        QCOMPARE(order(QStringLiteral("WEB-3")).value(QLatin1String("backordered")).toBool(), true);

        // A second location for the widget.
        r = importStock(QStringLiteral("location,gtin,quantity\nR-01-02,%1,4\n").arg(kWidget).toUtf8());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("backordersReleased")).toArray(),
            QJsonArray {QStringLiteral("WEB-3")});
        QCOMPARE(order(QStringLiteral("WEB-3")).value(QLatin1String("backordered")).toBool(), false);
        QCOMPARE(onHand(kWidget), 10);
        QCOMPARE(reservedOf(kWidget), 7); // 3 + 3 + 1; 3 available to promise
        QCOMPARE(linesReserved(kWidget), 7);
    }

    void refusedOrdersReserveNothing()
    {
        const qint64 before = reservedOf(kWidget);
        const QByteArray good = orderJson(QStringLiteral("WEB-4"), {{kWidget, 1}});
        const QByteArray unknown
            = orderJson(QStringLiteral("WEB-5"), {{gtin13(QStringLiteral("400638199999")), 1}});
        ApiResponse r = post("[" + good + "," + unknown + "]");
        QCOMPARE(r.status, 400);
        QVERIFY2(QJsonDocument(r.body).toJson().contains("unknown GTIN"),
            QJsonDocument(r.body).toJson().constData());
        QCOMPARE(reservedOf(kWidget), before);
        QCOMPARE(call("GET", QStringLiteral("/v1/orders/WEB-4"), {}, m_supervisor).status, 404);

        // An order number already taken.
        r = post(orderJson(QStringLiteral("WEB-1"), {{kWidget, 1}}));
        QCOMPARE(r.status, 400);
        QVERIFY(QJsonDocument(r.body).toJson().contains("order WEB-1 already exists"));
        QCOMPARE(reservedOf(kWidget), before);

        // CSV goes to the import, and the answer says so.
        r = call("POST", QStringLiteral("/v1/orders"), "number,customer,line,gtin,quantity\n", m_shop, {},
            "text/csv");
        QCOMPARE(r.status, 415);
        QVERIFY(r.body.value(QLatin1String("error")).toString().contains(QLatin1String("/v1/orders/import")));
        // A key without orders:write may not place orders.
        r = call("POST", QStringLiteral("/v1/api-keys"),
            QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("Reader")},
                              {QStringLiteral("scopes"), QJsonArray {QStringLiteral("orders:read")}}})
                .toJson(),
            m_admin);
        QCOMPARE(r.status, 201);
        r = call("POST", QStringLiteral("/v1/orders"), good, r.body.value(QLatin1String("key")).toString());
        QCOMPARE(r.status, 403);
    }

    void aRetriedRequestWithItsKeyIsTakenOnce()
    {
        const QByteArray body = orderJson(QStringLiteral("WEB-6"), {{kWidget, 2}});
        ApiResponse first = post(body, "shop-order-WEB-6");
        QCOMPARE(first.status, 201);
        QVERIFY(first.headers.isEmpty());
        const qint64 reserved = reservedOf(kWidget);

        // The shop never saw the answer and sends the same request again.
        ApiResponse again = post(body, "shop-order-WEB-6");
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);
        QVERIFY(
            again.headers.contains({QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")}));
        QCOMPARE(reservedOf(kWidget), reserved);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM orders WHERE number = 'WEB-6'")), 1);

        // The same key with another body is a mistake on the shop's side.
        const ApiResponse other
            = post(orderJson(QStringLiteral("WEB-7"), {{kWidget, 1}}), "shop-order-WEB-6");
        QCOMPARE(other.status, 422);
        QVERIFY(other.body.value(QLatin1String("error")).toString().contains(QLatin1String("another body")));
        QCOMPARE(call("GET", QStringLiteral("/v1/orders/WEB-7"), {}, m_supervisor).status, 404);

        // A key is kept for 30 days; after that it is a new request (WEB-7 is stored).
        QSqlQuery age(QSqlDatabase::database(QStringLiteral("tst-reserve-check")));
        QVERIFY(age.exec(
            QStringLiteral("UPDATE idempotency_keys SET created_at = '%1' WHERE key = 'shop-order-WEB-6'")
                .arg(QDateTime::currentDateTimeUtc().addDays(-31).toString(Qt::ISODateWithMs))));
        QCOMPARE(post(orderJson(QStringLiteral("WEB-7"), {{kWidget, 1}}), "shop-order-WEB-6").status, 201);
        QCOMPARE(call("GET", QStringLiteral("/v1/orders/WEB-7"), {}, m_supervisor).status, 200);
        const qint64 withWeb7 = reservedOf(kWidget);

        // Keys are per caller: the supervisor's "shop-order-WEB-6" is a request of its own.
        ApiResponse supervisor
            = call("POST", QStringLiteral("/v1/orders"), body, m_supervisor, "shop-order-WEB-6");
        QCOMPARE(supervisor.status, 400); // WEB-6 is taken
        QCOMPARE(reservedOf(kWidget), withWeb7);

        // A request that was refused keeps no answer: corrected, it goes through under its key.
        const QByteArray broken
            = orderJson(QStringLiteral("WEB-8"), {{gtin13(QStringLiteral("400638199999")), 1}});
        QCOMPARE(post(broken, "shop-order-WEB-8").status, 400);
        QCOMPARE(post(orderJson(QStringLiteral("WEB-8"), {{kWidget, 1}}), "shop-order-WEB-8").status, 201);

        // Keys that cannot be one.
        for (const QByteArray &bad :
            {QByteArray(256, 'k'), QByteArray("Bestellung-\xc3\xa4"), QByteArray("")}) {
            const ApiResponse r = post(orderJson(QStringLiteral("WEB-9"), {{kWidget, 1}}), bad);
            QCOMPARE(r.status, 400);
            QVERIFY(
                r.body.value(QLatin1String("error")).toString().contains(QLatin1String("Idempotency-Key")));
        }
        QCOMPARE(call("GET", QStringLiteral("/v1/orders/WEB-9"), {}, m_supervisor).status, 404);
    }

    void pickAndShortGiveBackTheReservation()
    {
        // WEB-1 holds 3 widgets. A pick of 2 takes them off the shelf and out of the reservation:
        // available to promise stays as it was.
        const qint64 available = onHand(kWidget) - reservedOf(kWidget);
        QJsonObject fields {{QStringLiteral("action"), QStringLiteral("pick")},
            {QStringLiteral("order"), QStringLiteral("WEB-1")}, {QStringLiteral("line"), 1},
            {QStringLiteral("gtin"), QStringLiteral("0") + kWidget},
            {QStringLiteral("location"), QStringLiteral("R-01-01")}, {QStringLiteral("quantity"), 2}};
        QCOMPARE(upload(fields), QStringLiteral("accepted "));
        QCOMPARE(onHand(kWidget) - reservedOf(kWidget), available);
        QCOMPARE(order(QStringLiteral("WEB-1"))
                     .value(QLatin1String("lines"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("reserved"))
                     .toInt(),
            1);

        // The last unit is not there: the short gives its unit back to the stock others may have.
        fields.insert(QStringLiteral("action"), QStringLiteral("short"));
        fields.insert(QStringLiteral("quantity"), 1);
        fields.insert(QStringLiteral("reason"), QStringLiteral("not-found"));
        QCOMPARE(upload(fields), QStringLiteral("accepted "));
        const QJsonObject line
            = order(QStringLiteral("WEB-1")).value(QLatin1String("lines")).toArray().at(0).toObject();
        QCOMPARE(line.value(QLatin1String("reserved")).toInt(), 0);
        QCOMPARE(line.value(QLatin1String("shorted")).toInt(), 1);
        QCOMPARE(onHand(kWidget) - reservedOf(kWidget), available + 1);
        QCOMPARE(linesReserved(kWidget), reservedOf(kWidget));
    }
};

QTEST_GUILESS_MAIN(TestReservations)
#include "tst_reservations.moc"
