#include "demostore.h"
#include "faults.h"
#include "http/api.h"
#include "scanevents.h"
#include "serverstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace dockhand;
using namespace dockhand::server;
using dockhand::testing::makeUpload;

// The API without sockets: routing, limits, validation and JSON shapes.
class TestApi : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<Api> m_api;

    QString m_admin; // an admin operator's token
    QHash<QString, QString> m_deviceTokens;

    QString deviceToken(const QString &device)
    {
        if (!m_deviceTokens.contains(device)) {
            auto token = m_store->enrol(QStringLiteral("TEST"), device, device);
            if (token.ok())
                m_deviceTokens.insert(device, token.value());
        }
        return m_deviceTokens.value(device);
    }
    ApiResponse call(const char *method, const QString &pathAndQuery, const QByteArray &body = {},
        const QString &token = {})
    {
        const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
        const QString bearer = token.isNull() ? m_admin : token;
        ApiRequest request {QByteArray(method), q < 0 ? pathAndQuery : pathAndQuery.left(q),
            QUrlQuery(q < 0 ? QString() : pathAndQuery.mid(q + 1)), body,
            bearer.isEmpty() ? QByteArray() : "Bearer " + bearer.toLatin1(), QByteArray()};
        return m_api->handle(request);
    }
    // Uploads as the device named in the batch, with that device's token.
    ApiResponse post(const QJsonObject &json)
    {
        return call("POST", QStringLiteral("/v1/events"), QJsonDocument(json).toJson(QJsonDocument::Compact),
            deviceToken(json.value(QLatin1String("device")).toString()));
    }
    static QString error(const ApiResponse &r) { return r.body.value(QLatin1String("error")).toString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto demo
            = testing::openDemoStore(m_dir.filePath(QStringLiteral("api.db")), QStringLiteral("tst-api"));
        QVERIFY2(demo.store, qPrintable(demo.error));
        m_store = std::move(demo.store);
        auto login = m_store->login(demo.admin.badge, demo.admin.pin);
        QVERIFY(login.ok());
        m_admin = login->token;
        // A rate no test reaches: tst_auth tests the limit itself.
        m_api = std::make_unique<Api>(m_store.get(), ApiLimits {1e6, 1000000});
    }

    void health()
    {
        const ApiResponse r = call("GET", QStringLiteral("/v1/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.body.value(QLatin1String("database")).toString(), QStringLiteral("sqlite"));
        QVERIFY(r.body.value(QLatin1String("events")).isDouble());
        QVERIFY(!r.body.value(QLatin1String("version")).toString().isEmpty());
    }

    void unknownPathIs404AndWrongMethodIs405()
    {
        ApiResponse r = call("GET", QStringLiteral("/v1/nothing"));
        QCOMPARE(r.status, 404);
        QVERIFY(error(r).contains(QLatin1String("/v1/nothing")));
        QCOMPARE(call("GET", QStringLiteral("/")).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/v1/orders/SO-100001/extra")).status, 404);

        r = call("DELETE", QStringLiteral("/v1/events"));
        QCOMPARE(r.status, 405);
        QVERIFY(error(r).contains(QLatin1String("DELETE")));
        QCOMPARE(r.headers.size(), 1);
        QCOMPARE(r.headers.first().first, QByteArray("Allow"));
        QCOMPARE(r.headers.first().second, QByteArray("POST, GET"));
        QCOMPARE(call("POST", QStringLiteral("/v1/health")).status, 405);
        QCOMPARE(call("PUT", QStringLiteral("/v1/orders/SO-100001")).status, 405);
    }

    void uploadAnswersPerEventInOrder()
    {
        const auto upload = makeUpload(QStringLiteral("api-dev"), 1, 3);
        ApiResponse r = post(upload.toJson());
        QCOMPARE(r.status, 200);
        QString why;
        auto response = protocol::UploadResponse::fromJson(r.body, &why);
        QVERIFY2(response, qPrintable(why));
        QCOMPARE(response->results.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(response->results.at(i).id, upload.events.at(i).id);
            QCOMPARE(response->results.at(i).status, protocol::AckStatus::Accepted);
        }
        QCOMPARE(r.body.value(QLatin1String("gaps")).toArray().size(), 0);

        r = post(upload.toJson());
        QCOMPARE(r.status, 200);
        response = protocol::UploadResponse::fromJson(r.body, &why);
        QVERIFY(response);
        for (const auto &ack : response->results)
            QCOMPARE(ack.status, protocol::AckStatus::Duplicate);

        const auto later = makeUpload(QStringLiteral("api-dev"), 6, 1);
        r = post(later.toJson());
        QCOMPARE(r.status, 200);
        const QJsonArray gaps = r.body.value(QLatin1String("gaps")).toArray();
        QCOMPARE(gaps.size(), 1);
        QCOMPARE(
            gaps.at(0).toObject(), (QJsonObject {{QStringLiteral("from"), 4}, {QStringLiteral("to"), 5}}));
    }

    void badUploads_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const QJsonObject good = makeUpload(QStringLiteral("api-bad"), 1, 1).toJson();
        auto json = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };

        QTest::newRow("empty") << QByteArray() << 400 << QStringLiteral("empty");
        QTest::newRow("malformed") << QByteArray("{\"device\": ") << 400 << QStringLiteral("malformed JSON");
        QTest::newRow("array") << QByteArray("[]") << 400 << QStringLiteral("must be a JSON object");
        QJsonObject extra = good;
        extra.insert(QStringLiteral("token"), QStringLiteral("x"));
        QTest::newRow("unknown field") << json(extra) << 400 << QStringLiteral("unknown field 'token'");
        QJsonObject noEvents = good;
        noEvents.remove(QStringLiteral("events"));
        QTest::newRow("no events") << json(noEvents) << 400 << QStringLiteral("'events' must be an array");
        QJsonObject wrongType = good;
        wrongType.insert(QStringLiteral("device"), 12);
        QTest::newRow("device not a string")
            << json(wrongType) << 400 << QStringLiteral("'device' must be a string");
        QJsonObject emptyDevice = makeUpload(QString(), 1, 1).toJson();
        QTest::newRow("empty device") << json(emptyDevice) << 400 << QStringLiteral("must not be empty");
        QJsonObject badEvent = good;
        QJsonArray events = badEvent.value(QLatin1String("events")).toArray();
        QJsonObject e = events.at(0).toObject();
        e.insert(QStringLiteral("seq"), QStringLiteral("7"));
        events[0] = e;
        badEvent.insert(QStringLiteral("events"), events);
        QTest::newRow("seq as string") << json(badEvent) << 400 << QStringLiteral("events[0]: field 'seq'");
        QTest::newRow("too many events") << json(makeUpload(QStringLiteral("api-bad"), 1, 501).toJson())
                                         << 413 << QStringLiteral("at most 500 events, got 501");
        QTest::newRow("body over 4 MiB")
            << QByteArray(Api::kMaxBodyBytes + 1, ' ') << 413 << QStringLiteral("limit is 4194304 bytes");
        QTest::newRow("deep nesting") << QByteArray(100000, '[') << 400 << QStringLiteral("malformed JSON");
    }
    void badUploads()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, message);
        const qint64 before = m_store->eventCount().value();
        const ApiResponse r
            = call("POST", QStringLiteral("/v1/events"), body, deviceToken(QStringLiteral("api-bad")));
        QCOMPARE(r.status, status);
        QVERIFY2(error(r).contains(message), qPrintable(error(r)));
        QCOMPARE(m_store->eventCount().value(), before);
    }

    void databaseFailureIs503WithRetryAfter()
    {
        deviceToken(QStringLiteral("api-fail"));
        faults::arm(faults::kServerStatement, 2); // the first statement checks the token
        const ApiResponse r = post(makeUpload(QStringLiteral("api-fail"), 1, 2).toJson());
        faults::arm(faults::kServerStatement, 0);
        QCOMPARE(r.status, 503);
        QVERIFY(error(r).startsWith(QLatin1String("cannot store the events")));
        QCOMPARE(r.headers.first().first, QByteArray("Retry-After"));
    }

    // A supervisor sees per device how far its numbering reached and how many numbers below that
    // never arrived: scans lost with a wiped or damaged queue.
    void devicesShowMissingScans()
    {
        const QString device = QStringLiteral("api-gappy");
        protocol::UploadRequest upload = makeUpload(device, 1, 2); // 1, 2
        upload.events.append(
            testing::makeEvent(device, 5, QUuid::createUuid(), QStringLiteral("home"), QString()));
        protocol::ScanEvent tooLong
            = testing::makeEvent(device, 6, QUuid::createUuid(), QStringLiteral("home"), QString());
        tooLong.raw = QString(9000, QLatin1Char('7')); // refused, yet received
        upload.events.append(tooLong);
        QCOMPARE(post(upload.toJson()).status, 200);
        const ApiResponse r = call("GET", QStringLiteral("/v1/devices"));
        QCOMPARE(r.status, 200);
        QJsonObject row;
        for (const QJsonValue &d : r.body.value(QLatin1String("devices")).toArray())
            if (d.toObject().value(QLatin1String("id")).toString() == device)
                row = d.toObject();
        QCOMPARE(row.value(QLatin1String("lastSeq")).toInteger(), 6);
        QCOMPARE(row.value(QLatin1String("missing")).toInteger(), 2); // 3 and 4
    }

    void compressedBodiesAreNamed()
    {
        ApiRequest request {"POST", QStringLiteral("/v1/events"), {}, QByteArray("\x1f\x8b\x08", 3),
            "Bearer " + m_admin.toLatin1(), "application/json"};
        request.contentEncoding = "gzip";
        const ApiResponse r = m_api->handle(request);
        QCOMPARE(r.status, 415);
        QCOMPARE(r.body.value(QLatin1String("error")).toString(),
            QStringLiteral("Content-Encoding gzip is not supported; send the body uncompressed"));
        request.contentEncoding = "identity";
        QCOMPARE(m_api->handle(request).status, 400); // the body is looked at, and is not JSON
    }

    void readEvents()
    {
        post(makeUpload(QStringLiteral("api-read"), 1, 5).toJson());
        ApiResponse r = call("GET", QStringLiteral("/v1/events?device=api-read&after=1&limit=3"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("total")).toInt(), 5);
        const QJsonArray events = r.body.value(QLatin1String("events")).toArray();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).toObject().value(QLatin1String("seq")).toInt(), 2);
        QVERIFY(!events.at(0).toObject().value(QLatin1String("receivedAt")).toString().isEmpty());
        // A stored event is the event as uploaded plus receivedAt.
        QJsonObject uploaded = events.at(0).toObject();
        uploaded.remove(QLatin1String("receivedAt"));
        QString why;
        QVERIFY2(protocol::ScanEvent::fromJson(uploaded, &why), qPrintable(why));

        QCOMPARE(call("GET", QStringLiteral("/v1/events?limit=0")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/v1/events?limit=1001")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/v1/events?after=-1")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/v1/events?after=x")).status, 400);
        r = call("GET", QStringLiteral("/v1/events?devise=api-read"));
        QCOMPARE(r.status, 400);
        QVERIFY(error(r).contains(QLatin1String("devise")));
    }

    void orders()
    {
        ApiResponse r = call("GET", QStringLiteral("/v1/orders"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("total")).toInt(), 20);
        const QJsonObject first = r.body.value(QLatin1String("orders")).toArray().at(0).toObject();
        for (const char *key : {"number", "customer", "status", "lines", "units", "createdAt", "updatedAt"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value(QLatin1String("number")).toString(), QStringLiteral("SO-100001"));

        QCOMPARE(call("GET", QStringLiteral("/v1/orders?status=received"))
                     .body.value(QLatin1String("total"))
                     .toInt(),
            20);
        QCOMPARE(call("GET", QStringLiteral("/v1/orders?status=in%20transit"))
                     .body.value(QLatin1String("total"))
                     .toInt(),
            0);
        QCOMPARE(call("GET", QStringLiteral("/v1/orders?status=lost")).status, 400);

        r = call("GET", QStringLiteral("/v1/orders/SO-100001"));
        QCOMPARE(r.status, 200);
        const QJsonArray lines = r.body.value(QLatin1String("lines")).toArray();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(
            lines.at(0).toObject().value(QLatin1String("gtin")).toString(), QStringLiteral("04012345001914"));
        QCOMPARE(lines.at(0).toObject().value(QLatin1String("ordered")).toInt(), 3);
        QCOMPARE(lines.at(0).toObject().value(QLatin1String("picked")).toInt(), 0);
        const QJsonArray history = r.body.value(QLatin1String("history")).toArray();
        QCOMPARE(history.size(), 1);
        QCOMPARE(
            history.at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("received"));

        r = call("GET", QStringLiteral("/v1/orders/SO-999999"));
        QCOMPARE(r.status, 404);
        QVERIFY(error(r).contains(QLatin1String("SO-999999")));
    }

    void productsAndLocations()
    {
        ApiResponse r = call("GET", QStringLiteral("/v1/products"));
        QCOMPARE(r.status, 200);
        const QJsonArray products = r.body.value(QLatin1String("products")).toArray();
        QCOMPARE(products.size(), r.body.value(QLatin1String("total")).toInt());
        QVERIFY(!products.isEmpty());
        QCOMPARE(products.at(0).toObject().value(QLatin1String("gtin")).toString().size(), 14);

        r = call("GET", QStringLiteral("/v1/locations"));
        QCOMPARE(r.status, 200);
        const QJsonArray locations = r.body.value(QLatin1String("locations")).toArray();
        QVERIFY(!locations.isEmpty());
        int previous = -1;
        for (const auto &l : locations) {
            const int walk = l.toObject().value(QLatin1String("walkSequence")).toInt();
            QVERIFY(walk >= previous); // walk order
            previous = walk;
        }
        const QJsonObject a0101 = locations.at(0).toObject();
        QCOMPARE(a0101.value(QLatin1String("code")).toString(), QStringLiteral("A-01-01"));
        QVERIFY(!a0101.value(QLatin1String("stock")).toArray().isEmpty());
        QCOMPARE(call("GET", QStringLiteral("/v1/products?x=1")).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
