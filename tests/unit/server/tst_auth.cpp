// Who may do what: enrolment, tokens, roles, PIN lockout, the per-caller and per-address
// (enrol, login) rate limits, the bounded table of login failures, orders
// import (JSON and CSV, all or nothing) and the Prometheus /metrics text.

#include "http/api.h"
#include "scanevents.h"
#include "serverstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace dockhand;
using namespace dockhand::server;

class TestAuth : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<Api> m_api;
    QString m_deviceA;
    QString m_deviceB;
    QString m_picker;
    QString m_supervisor;
    QString m_admin;

    static ApiResponse call(Api *api, const QByteArray &method, const QString &pathAndQuery,
        const QByteArray &body = {}, const QString &token = {}, const QByteArray &contentType = {})
    {
        const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
        ApiRequest request {method, q < 0 ? pathAndQuery : pathAndQuery.left(q),
            QUrlQuery(q < 0 ? QString() : pathAndQuery.mid(q + 1)), body,
            token.isEmpty() ? QByteArray() : "Bearer " + token.toLatin1(), contentType};
        return api->handle(request);
    }
    ApiResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QString &token = {}, const QByteArray &contentType = {})
    {
        return call(m_api.get(), method, path, body, token, contentType);
    }
    static QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
    static QString error(const ApiResponse &r) { return r.body.value(QLatin1String("error")).toString(); }
    QByteArray uploadOf(const QString &device, qint64 seq)
    {
        return json(testing::makeUpload(device, seq, 1).toJson());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DatabaseLocation location;
        location.sqlitePath = m_dir.filePath(QStringLiteral("auth.db"));
        auto store = ServerStore::open(location, QStringLiteral("tst-auth"));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = std::move(store.value());
        m_store->setLoginDelayMs(1);
        auto demo = WarehouseData::demo();
        QVERIFY(demo.ok());
        demo->operators.removeIf(
            [](const WarehouseData::Operator &o) { return o.badge == QLatin1String("OP-2001"); });
        QVERIFY(m_store->seedIfEmpty(demo.value()).value());
        QVERIFY(m_store->addEnrolmentCode(QStringLiteral("CODE-1")).ok());
        m_api = std::make_unique<Api>(m_store.get(), ApiLimits {1e6, 1000000, 1e6, 1000000});

        ApiResponse r = call("POST", QStringLiteral("/v1/enrol"),
            json({{QStringLiteral("code"), QStringLiteral("CODE-1")},
                {QStringLiteral("device"), QStringLiteral("dev-a")},
                {QStringLiteral("name"), QStringLiteral("Handheld A")}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("device")).toString(), QStringLiteral("dev-a"));
        m_deviceA = r.body.value(QLatin1String("token")).toString();
        QCOMPARE(m_deviceA.size(), 43);
        m_deviceB = m_store->enrol(QStringLiteral("CODE-1"), QStringLiteral("dev-b"), QString()).value();
        auto login = [this](const char *badge, const char *pin, const char *role) {
            const ApiResponse r = call("POST", QStringLiteral("/v1/login"),
                json({{QStringLiteral("badge"), QLatin1String(badge)},
                    {QStringLiteral("pin"), QLatin1String(pin)}}));
            if (r.status != 200 || r.body.value(QLatin1String("role")).toString() != QLatin1String(role))
                return QString();
            return r.body.value(QLatin1String("token")).toString();
        };
        m_picker = login("OP-1001", "1001", "picker");
        m_supervisor = login("OP-3001", "3001", "supervisor");
        m_admin = login("OP-9001", "9001", "admin");
        QVERIFY(!m_picker.isEmpty() && !m_supervisor.isEmpty() && !m_admin.isEmpty());
    }

    // Every endpoint that needs a token refuses none and a wrong one with 401 and a JSON reason.
    void matrix_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("supervisorOnly");
        QTest::newRow("POST events") << QByteArray("POST") << QStringLiteral("/v1/events") << false;
        QTest::newRow("GET events") << QByteArray("GET") << QStringLiteral("/v1/events") << false;
        QTest::newRow("sync") << QByteArray("GET") << QStringLiteral("/v1/sync") << false;
        QTest::newRow("orders") << QByteArray("GET") << QStringLiteral("/v1/orders") << false;
        QTest::newRow("order") << QByteArray("GET") << QStringLiteral("/v1/orders/SO-100001") << false;
        QTest::newRow("history") << QByteArray("GET") << QStringLiteral("/v1/orders/SO-100001/history")
                                 << false;
        QTest::newRow("products") << QByteArray("GET") << QStringLiteral("/v1/products") << false;
        QTest::newRow("locations") << QByteArray("GET") << QStringLiteral("/v1/locations") << false;
        QTest::newRow("import") << QByteArray("POST") << QStringLiteral("/v1/orders/import") << true;
        QTest::newRow("exceptions") << QByteArray("GET") << QStringLiteral("/v1/exceptions") << true;
        QTest::newRow("devices") << QByteArray("GET") << QStringLiteral("/v1/devices") << true;
        QTest::newRow("tasks") << QByteArray("GET") << QStringLiteral("/v1/tasks") << true;
        QTest::newRow("assign task") << QByteArray("PUT") << QStringLiteral("/v1/tasks/WAVE-0001/assignee")
                                     << true;
    }
    void matrix()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(bool, supervisorOnly);
        ApiResponse r = call(method, path);
        QCOMPARE(r.status, 401);
        QVERIFY(error(r).contains(QLatin1String("Authorization: Bearer")));
        r = call(method, path, {}, QStringLiteral("not-a-token"));
        QCOMPARE(r.status, 401);
        QVERIFY(error(r).contains(QLatin1String("not valid")));
        ApiRequest basic {method, path, {}, {}, QByteArrayLiteral("Basic dXNlcjpwYXNz"), {}};
        QCOMPARE(m_api->handle(basic).status, 401);
        if (supervisorOnly) {
            for (const QString &token : {m_deviceA, m_picker}) {
                r = call(method, path, {}, token);
                QCOMPARE(r.status, 403);
                QVERIFY(error(r).contains(QLatin1String("supervisors and admins")));
            }
            if (method == "GET") {
                QCOMPARE(call(method, path, {}, m_supervisor).status, 200);
                QCOMPARE(call(method, path, {}, m_admin).status, 200);
            }
        } else if (method == "GET") {
            const QString token = path == QLatin1String("/v1/events") ? m_supervisor : m_picker;
            QCOMPARE(call(method, path, {}, token).status, 200);
            QCOMPARE(call(method, path, {}, m_deviceA).status, 200);
        }
    }

    void publicEndpointsNeedNoToken()
    {
        QCOMPARE(call("GET", QStringLiteral("/v1/health")).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/metrics")).status, 200);
    }

    void otherDevicesData()
    {
        // Upload as dev-a with dev-a's token: fine. dev-b's events with dev-a's token: 403.
        QCOMPARE(call("POST", QStringLiteral("/v1/events"), uploadOf(QStringLiteral("dev-a"), 1), m_deviceA)
                     .status,
            200);
        ApiResponse r
            = call("POST", QStringLiteral("/v1/events"), uploadOf(QStringLiteral("dev-b"), 1), m_deviceA);
        QCOMPARE(r.status, 403);
        QVERIFY(error(r).contains(QLatin1String("dev-b")));
        // A batch labelled dev-a carrying one event of dev-b: the wire format already refuses it.
        protocol::UploadRequest mixed = testing::makeUpload(QStringLiteral("dev-a"), 2, 2);
        mixed.events[1].deviceId = QStringLiteral("dev-b");
        r = call("POST", QStringLiteral("/v1/events"), json(mixed.toJson()), m_deviceA);
        QCOMPARE(r.status, 400);
        QVERIFY2(error(r).contains(QLatin1String("events[1]")), qPrintable(error(r)));
        // Operators do not upload events.
        QCOMPARE(
            call("POST", QStringLiteral("/v1/events"), uploadOf(QStringLiteral("dev-a"), 2), m_admin).status,
            403);

        // Reading: own events only; supervisors read everyone's; pickers none.
        r = call("GET", QStringLiteral("/v1/events"), {}, m_deviceA);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("total")).toInt(), 1);
        QCOMPARE(call("GET", QStringLiteral("/v1/events?device=dev-b"), {}, m_deviceA).status, 403);
        QCOMPARE(call("GET", QStringLiteral("/v1/events?device=dev-b"), {}, m_deviceB).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/events?device=dev-a"), {}, m_supervisor).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/events"), {}, m_picker).status, 403);
    }

    void enrolment()
    {
        auto enrol = [this](const QJsonObject &body) {
            return call("POST", QStringLiteral("/v1/enrol"), json(body));
        };
        ApiResponse r = enrol({{QStringLiteral("code"), QStringLiteral("WRONG")},
            {QStringLiteral("device"), QStringLiteral("dev-c")},
            {QStringLiteral("name"), QStringLiteral("C")}});
        QCOMPARE(r.status, 403);
        QVERIFY(error(r).contains(QLatin1String("enrolment code is not valid")));
        QCOMPARE(enrol({{QStringLiteral("code"), QStringLiteral("CODE-1")}}).status, 400);
        QCOMPARE(
            enrol({{QStringLiteral("code"), QStringLiteral("CODE-1")}, {QStringLiteral("device"), 5}}).status,
            400);
        QCOMPARE(enrol({{QStringLiteral("code"), QStringLiteral("CODE-1")},
                           {QStringLiteral("device"), QStringLiteral("x")},
                           {QStringLiteral("token"), QStringLiteral("y")}})
                     .status,
            400);
        QCOMPARE(call("POST", QStringLiteral("/v1/enrol"), "{nope").status, 400);
        // A device id turns up in logs and lists: no line breaks or other control characters, no
        // spaces around it.
        for (const QString &bad :
            {QStringLiteral("hh 2\n"), QStringLiteral("hh\u00002"), QStringLiteral(" hh-2")}) {
            r = enrol({{QStringLiteral("code"), QStringLiteral("CODE-1")}, {QStringLiteral("device"), bad}});
            QCOMPARE(r.status, 400);
            QVERIFY2(error(r).contains(QLatin1String("device id")), qPrintable(error(r)));
        }

        // Enrolling again gives a new token and revokes the old one.
        r = enrol({{QStringLiteral("code"), QStringLiteral("CODE-1")},
            {QStringLiteral("device"), QStringLiteral("dev-c")},
            {QStringLiteral("name"), QStringLiteral("C")}});
        QCOMPARE(r.status, 200);
        const QString first = r.body.value(QLatin1String("token")).toString();
        QCOMPARE(call("GET", QStringLiteral("/v1/sync?limit=1"), {}, first).status, 200);
        r = enrol({{QStringLiteral("code"), QStringLiteral("CODE-1")},
            {QStringLiteral("device"), QStringLiteral("dev-c")},
            {QStringLiteral("name"), QStringLiteral("C")}});
        const QString second = r.body.value(QLatin1String("token")).toString();
        QVERIFY(second != first);
        QCOMPARE(call("GET", QStringLiteral("/v1/sync?limit=1"), {}, first).status, 401);
        QCOMPARE(call("GET", QStringLiteral("/v1/sync?limit=1"), {}, second).status, 200);
        // The scheme name is case-insensitive (RFC 9110).
        ApiRequest lower {"GET", QStringLiteral("/v1/sync"), QUrlQuery(QStringLiteral("limit=1")), {},
            "bearer " + second.toLatin1(), {}};
        QCOMPARE(m_api->handle(lower).status, 200);

        // The answer says how far the server holds this device's numbering: a device that lost its
        // queue numbers its new scans after it.
        QCOMPARE(r.body.value(QLatin1String("lastSeq")).toInteger(), 0);
        QCOMPARE(call("POST", QStringLiteral("/v1/events"),
                     json(testing::makeUpload(QStringLiteral("dev-c"), 1, 4).toJson()), second)
                     .status,
            200);
        r = enrol({{QStringLiteral("code"), QStringLiteral("CODE-1")},
            {QStringLiteral("device"), QStringLiteral("dev-c")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("lastSeq")).toInteger(), 4);

        r = call("GET", QStringLiteral("/v1/devices"), {}, m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.value(QLatin1String("total")).toInt() >= 3);
    }

    void pinLockout()
    {
        auto login = [this](const char *pin) {
            return call("POST", QStringLiteral("/v1/login"),
                json({{QStringLiteral("badge"), QStringLiteral("OP-1002")},
                    {QStringLiteral("pin"), QLatin1String(pin)}}));
        };
        for (int i = 1; i < ServerStore::kMaxPinFailures; ++i) {
            QThread::msleep(20); // past the (test-short) growing delay
            const ApiResponse r = login("0000");
            QCOMPARE(r.status, 401);
            QCOMPARE(r.body.value(QLatin1String("triesLeft")).toInt(), ServerStore::kMaxPinFailures - i);
            QVERIFY(error(r).contains(QLatin1String("wrong badge or PIN")));
        }
        QThread::msleep(30);
        ApiResponse r = login("0000");
        QCOMPARE(r.status, 429);
        QVERIFY2(error(r).contains(QLatin1String("locked after 5 wrong PINs; try again in 15 minutes")),
            qPrintable(error(r)));
        // Now even the right PIN is refused until the lockout ends.
        r = login("1002");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.first().first, QByteArray("Retry-After"));
        QVERIFY(r.headers.first().second.toInt() > 890);

        // Delays grow per failure: right after a wrong PIN the next try must wait.
        m_store->setLoginDelayMs(5000);
        QCOMPARE(call("POST", QStringLiteral("/v1/login"),
                     json({{QStringLiteral("badge"), QStringLiteral("OP-3001")},
                         {QStringLiteral("pin"), QStringLiteral("1")}}))
                     .status,
            401);
        r = call("POST", QStringLiteral("/v1/login"),
            json({{QStringLiteral("badge"), QStringLiteral("OP-3001")},
                {QStringLiteral("pin"), QStringLiteral("3001")}}));
        QCOMPARE(r.status, 429);
        QVERIFY(error(r).contains(QLatin1String("wait")));
        m_store->setLoginDelayMs(1);
        QCOMPARE(call("POST", QStringLiteral("/v1/login"),
                     json({{QStringLiteral("badge"), QStringLiteral("OP-1001")}}))
                     .status,
            400);
    }

    void rateLimit()
    {
        Api limited(m_store.get(), ApiLimits {1, 3});
        for (int i = 0; i < 3; ++i)
            QCOMPARE(call(&limited, "GET", QStringLiteral("/v1/products"), {}, m_deviceA).status, 200);
        ApiResponse r = call(&limited, "GET", QStringLiteral("/v1/products"), {}, m_deviceA);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.first().first, QByteArray("Retry-After"));
        QCOMPARE(r.headers.first().second, QByteArray("1"));
        QVERIFY(error(r).contains(QLatin1String("too many requests from dev-a")));
        // Per caller: another device is not held back.
        QCOMPARE(call(&limited, "GET", QStringLiteral("/v1/products"), {}, m_deviceB).status, 200);
        QThread::msleep(1100);
        QCOMPARE(call(&limited, "GET", QStringLiteral("/v1/products"), {}, m_deviceA).status, 200);
    }

    void importJson()
    {
        const QJsonArray orders {QJsonObject {{QStringLiteral("number"), QStringLiteral("SO-200001")},
                                     {QStringLiteral("customer"), QStringLiteral("Ada, Bonn")},
                                     {QStringLiteral("lines"),
                                         QJsonArray {QJsonObject {{QStringLiteral("line"), 1},
                                             {QStringLiteral("gtin"), QStringLiteral("04012345001006")},
                                             {QStringLiteral("quantity"), 2}}}}},
            QJsonObject {{QStringLiteral("number"), QStringLiteral("SO-200002")},
                {QStringLiteral("customer"), QStringLiteral("Bo")},
                {QStringLiteral("lines"),
                    QJsonArray {QJsonObject {{QStringLiteral("line"), 1},
                        {QStringLiteral("gtin"), QStringLiteral("04012345001075")},
                        {QStringLiteral("quantity"), 1}}}}}};
        ApiResponse r
            = call("POST", QStringLiteral("/v1/orders/import"), QJsonDocument(orders).toJson(), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("imported")).toInt(), 2);
        r = call("GET", QStringLiteral("/v1/orders/SO-200001/history"), {}, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("history"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("source"))
                     .toString(),
            QStringLiteral("import"));
        QCOMPARE(call("GET", QStringLiteral("/v1/orders/SO-299999/history"), {}, m_admin).status, 404);

        // Bad rows: every one reported by number, nothing imported.
        QJsonArray bad = orders;
        QJsonObject taken = bad.at(0).toObject(); // already imported
        QJsonObject badGtin = bad.at(1).toObject();
        badGtin.insert(QStringLiteral("number"), QStringLiteral("SO-200003"));
        badGtin.insert(QStringLiteral("lines"),
            QJsonArray {QJsonObject {{QStringLiteral("line"), 1},
                {QStringLiteral("gtin"), QStringLiteral("04012345001007")},
                {QStringLiteral("quantity"), 1}}});
        QJsonObject good {{QStringLiteral("number"), QStringLiteral("SO-200004")},
            {QStringLiteral("customer"), QStringLiteral("C")},
            {QStringLiteral("lines"),
                QJsonArray {QJsonObject {{QStringLiteral("line"), 1},
                    {QStringLiteral("gtin"), QStringLiteral("04012345001006")},
                    {QStringLiteral("quantity"), 1}}}}};
        r = call("POST", QStringLiteral("/v1/orders/import"),
            QJsonDocument(QJsonArray {good, badGtin, taken}).toJson(), m_supervisor);
        QCOMPARE(r.status, 400);
        QJsonArray errors = r.body.value(QLatin1String("errors")).toArray();
        QCOMPARE(errors.size(), 1); // the check digit is caught first, before the database
        QCOMPARE(errors.at(0).toObject().value(QLatin1String("row")).toInt(), 2);
        QVERIFY(errors.at(0)
                    .toObject()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("check digit")));
        r = call("POST", QStringLiteral("/v1/orders/import"),
            QJsonDocument(QJsonArray {good, taken}).toJson(), m_admin);
        QCOMPARE(r.status, 400);
        errors = r.body.value(QLatin1String("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(QLatin1String("row")).toInt(), 2);
        QVERIFY(errors.at(0)
                    .toObject()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("already exists")));
        QCOMPARE(
            call("GET", QStringLiteral("/v1/orders/SO-200004"), {}, m_admin).status, 404); // all or nothing
        QCOMPARE(call("POST", QStringLiteral("/v1/orders/import"), "[", m_admin).status, 400);
        QCOMPARE(call("POST", QStringLiteral("/v1/orders/import"), "[]", m_admin).status, 400);
        QCOMPARE(call("POST", QStringLiteral("/v1/orders/import"), "{\"x\": 1}", m_admin).status, 400);
    }

    void importCsv()
    {
        const QByteArray good = "number,customer,line,gtin,quantity\n"
                                "SO-300001,\"Kim, Köln\",1,04012345001006,2\n"
                                "SO-300001,\"Kim, Köln\",2,04012345001075,1\n"
                                "SO-300002,Lee,1,04012345001006,1\n";
        ApiResponse r
            = call("POST", QStringLiteral("/v1/orders/import"), good, m_admin, "text/csv; charset=utf-8");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("imported")).toInt(), 2);
        r = call("GET", QStringLiteral("/v1/orders/SO-300001"), {}, m_admin);
        QCOMPARE(r.body.value(QLatin1String("customer")).toString(), QStringLiteral("Kim, Köln"));
        QCOMPARE(r.body.value(QLatin1String("lines")).toArray().size(), 2);

        const QByteArray bad = "number,customer,line,gtin,quantity\n"
                               "SO-300003,Max,1,04012345001006,1\n"
                               "SO-300003,Max,2,4012345001007,1\n"
                               "SO-300004,Max,1,04012345001006,many\n"
                               "SO-300005,Max,1\n";
        r = call("POST", QStringLiteral("/v1/orders/import"), bad, m_admin, "text/csv");
        QCOMPARE(r.status, 400);
        const QJsonArray errors = r.body.value(QLatin1String("errors")).toArray();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors.at(0).toObject().value(QLatin1String("row")).toInt(), 3);
        QCOMPARE(errors.at(1).toObject().value(QLatin1String("row")).toInt(), 4);
        QCOMPARE(errors.at(2).toObject().value(QLatin1String("row")).toInt(), 5);
        QVERIFY(errors.at(2)
                    .toObject()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("5 fields")));
        QCOMPARE(call("GET", QStringLiteral("/v1/orders/SO-300003"), {}, m_admin).status, 404);
        r = call(
            "POST", QStringLiteral("/v1/orders/import"), "SO-1,A,1,04012345001006,1\n", m_admin, "text/csv");
        QCOMPARE(r.status, 400);
        QVERIFY(error(r).contains(QLatin1String("header")));
        // A header and blank lines is not an import.
        r = call("POST", QStringLiteral("/v1/orders/import"), "number,customer,line,gtin,quantity\n\n \n",
            m_admin, "text/csv");
        QCOMPARE(r.status, 400);
        QVERIFY2(error(r).contains(QLatin1String("no order rows")), qPrintable(error(r)));
    }

    // What a spreadsheet in a German office saves: a byte order mark, semicolons, CRLF, a quoted
    // semicolon, and EAN-13 codes as printed on the goods. The lines are stored by GTIN-14, the
    // key every device looks products up by.
    void importCsvFromASpreadsheet()
    {
        const QByteArray sheet = "\xef\xbb\xbfNumber;Customer;Line;GTIN;Quantity\r\n"
                                 "SO-310001;\"M\xc3\xbcller; Haus 2\";1;4012345001006;3\r\n"
                                 "SO-310001;\"M\xc3\xbcller; Haus 2\";2;04012345001075;1\r\n"
                                 "\r\n";
        ApiResponse r = call("POST", QStringLiteral("/v1/orders/import"), sheet, m_admin, "text/csv");
        QCOMPARE(r.status, 200);
        r = call("GET", QStringLiteral("/v1/orders/SO-310001"), {}, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("customer")).toString(), QStringLiteral("M\u00fcller; Haus 2"));
        const QJsonArray lines = r.body.value(QLatin1String("lines")).toArray();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(
            lines.at(0).toObject().value(QLatin1String("gtin")).toString(), QStringLiteral("04012345001006"));
        QCOMPARE(lines.at(0).toObject().value(QLatin1String("ordered")).toInt(), 3);

        // Tabs work too; a header in some other shape is named in the answer.
        r = call("POST", QStringLiteral("/v1/orders/import"),
            "number\tcustomer\tline\tgtin\tquantity\nSO-310002\tLee\t1\t04012345001006\t1\n", m_admin,
            "text/csv");
        QCOMPARE(r.status, 200);
        r = call("POST", QStringLiteral("/v1/orders/import"),
            "order,customer,line,gtin,quantity\nSO-310003,Lee,1,04012345001006,1\n", m_admin, "text/csv");
        QCOMPARE(r.status, 400);
        QVERIFY2(error(r).contains(QLatin1String("not 'order,customer,line,gtin,quantity'")),
            qPrintable(error(r)));
    }

    void metricsText()
    {
        const QByteArray upload = uploadOf(QStringLiteral("dev-b"), 1);
        call("POST", QStringLiteral("/v1/events"), upload, m_deviceB);
        call("POST", QStringLiteral("/v1/events"), upload, m_deviceB);
        const ApiResponse r = call("GET", QStringLiteral("/metrics"));
        QCOMPARE(r.status, 200);
        const QString text = QString::fromUtf8(r.text);
        QVERIFY(text.contains(QLatin1String("# TYPE dockhand_events_accepted_total counter\n")));
        QVERIFY(text.contains(QLatin1String("dockhand_events_duplicate_total 1\n")));
        QVERIFY(text.contains(QLatin1String("dockhand_http_requests_total{code=\"401\"} ")));
        QVERIFY(text.contains(QLatin1String("dockhand_http_request_duration_seconds_bucket{le=\"+Inf\"} ")));
        QVERIFY(text.contains(QLatin1String("dockhand_http_request_duration_seconds_count ")));
        // The floor as the database has it (the same on every server sharing it).
        QVERIFY(text.contains(QLatin1String("dockhand_database_up 1\n")));
        auto sampleOf = [&text](const QString &name) -> qint64 {
            const auto m
                = QRegularExpression(QStringLiteral("\n%1 (\\d+)\n").arg(QRegularExpression::escape(name)))
                      .match(text);
            return m.hasMatch() ? m.captured(1).toLongLong() : -1;
        };
        for (const char *status : {"received", "processing", "picked", "packed"}) {
            const auto orders = m_store->orders(QString::fromLatin1(status));
            QVERIFY(orders.ok());
            const qint64 expected = orders.value().size();
            QCOMPARE(sampleOf(QStringLiteral("dockhand_orders{status=\"%1\"}").arg(QLatin1String(status))),
                expected > 0 ? expected : -1); // a status without orders has no line
        }
        const auto devices = m_store->devices();
        QVERIFY(devices.ok());
        const qint64 enrolled = std::count_if(devices.value().cbegin(), devices.value().cend(),
            [](const ServerStore::DeviceRow &d) { return d.enrolled; });
        QVERIFY(enrolled >= 2);
        QCOMPARE(sampleOf(QStringLiteral("dockhand_devices_enrolled")), enrolled);
        QVERIFY(sampleOf(QStringLiteral("dockhand_devices_active")) >= 1); // dev-b uploaded just now
        QVERIFY(text.contains(QLatin1String("# TYPE dockhand_exceptions_total counter\n")));

        // Every line is a comment or "name{labels} number" (Prometheus text format 0.0.4).
        static const QRegularExpression sample(
            QStringLiteral("^[a-z_]+(\\{[a-z]+=\"[^\"]*\"(,[a-z]+=\"[^\"]*\")*\\})? [0-9.e+-]+$"));
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(QLatin1Char('#')) || sample.match(line).hasMatch(), qPrintable(line));
        // No personal or device data in an unauthenticated answer.
        for (const char *secret : {"dev-a", "dev-b", "OP-", "SO-"})
            QVERIFY2(!text.contains(QLatin1String(secret)), secret);
    }

    // Enrol and login have no token to key a limit by: they share one bucket per client address.
    void enrolAndLoginLimitedPerAddress()
    {
        Api limited(m_store.get(), ApiLimits {1e6, 1000000, 1, 3});
        int guess = 0;
        auto from = [&](const char *address, const QString &path) {
            const QByteArray body = path.endsWith(QLatin1String("login"))
                ? json({{QStringLiteral("badge"),
                            QStringLiteral("OP-77%1").arg(++guess, 2, 10, QLatin1Char('0'))},
                    {QStringLiteral("pin"), QStringLiteral("0000")}})
                : json({{QStringLiteral("code"), QStringLiteral("CODE-1")},
                    {QStringLiteral("device"), QStringLiteral("dev-limited")}});
            ApiRequest request {"POST", path, {}, body, {}, {}};
            request.peer = QHostAddress(QString::fromLatin1(address));
            return limited.handle(request);
        };
        QCOMPARE(from("10.0.0.1", QStringLiteral("/v1/login")).status, 401);
        QCOMPARE(from("10.0.0.1", QStringLiteral("/v1/enrol")).status, 200);
        QCOMPARE(from("10.0.0.1", QStringLiteral("/v1/login")).status, 401);
        ApiResponse r = from("10.0.0.1", QStringLiteral("/v1/login"));
        QCOMPARE(r.status, 429);
        QVERIFY2(
            error(r).contains(QLatin1String("too many enrolment and login requests from 10.0.0.1 (limit 1 "
                                            "per second, burst 3); retry in 1 s")),
            qPrintable(error(r)));
        QCOMPARE(r.headers.first(), qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        QCOMPARE(from("10.0.0.1", QStringLiteral("/v1/enrol")).status, 429);
        // The same client over an IPv6 socket (IPv4-mapped) is the same address.
        QCOMPARE(from("::ffff:10.0.0.1", QStringLiteral("/v1/login")).status, 429);
        // Other addresses, and requests with a token, are not held back.
        QCOMPARE(from("10.0.0.2", QStringLiteral("/v1/login")).status, 401);
        QCOMPARE(from("2001:db8::5", QStringLiteral("/v1/enrol")).status, 200);
        QCOMPARE(call(&limited, "GET", QStringLiteral("/v1/products"), {}, m_deviceA).status, 200);
        QThread::msleep(1100);
        QCOMPARE(from("10.0.0.1", QStringLiteral("/v1/login")).status, 401);
    }

    // Guessing many badges must not grow the database: failures older than the lockout window
    // go, and unknown badges are counted only up to a cap (answered the same either way).
    void loginFailuresStayBounded()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("tst-auth"));
        auto rows = [&db](const QString &where = QStringLiteral("1 = 1")) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE ") + where) || !q.next())
                return -1;
            return q.value(0).toInt();
        };
        auto login = [this](const QString &badge, const QString &pin = QStringLiteral("0000")) {
            return call("POST", QStringLiteral("/v1/login"),
                json({{QStringLiteral("badge"), badge}, {QStringLiteral("pin"), pin}}));
        };
        const QString recent = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs);
        const QString old = QDateTime::currentDateTimeUtc()
                                .addSecs(-ServerStore::kLockoutSeconds - 60)
                                .toString(Qt::ISODateWithMs);
        QSqlQuery insert(db);
        QVERIFY(insert.prepare(QStringLiteral(
            "INSERT INTO login_failures (badge, failures, locked_until, next_attempt) VALUES (?, ?, ?, ?)")));
        for (const auto &row :
            {QStringList {QStringLiteral("OLD-1"), QStringLiteral("3"), QStringLiteral(""), old},
                QStringList {QStringLiteral("OLD-LOCK"), QStringLiteral("0"), old, old},
                QStringList {QStringLiteral("RECENT-1"), QStringLiteral("2"), QStringLiteral(""), recent}}) {
            for (int i = 0; i < 4; ++i)
                insert.bindValue(i, row.at(i));
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        QCOMPARE(rows(QStringLiteral("badge IN ('OLD-1', 'OLD-LOCK', 'RECENT-1')")), 3);

        ApiResponse r = login(QStringLiteral("GUESS-0000"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body.value(QLatin1String("triesLeft")).toInt(), ServerStore::kMaxPinFailures - 1);
        QCOMPARE(rows(QStringLiteral("badge IN ('OLD-1', 'OLD-LOCK')")), 0);
        QCOMPARE(rows(QStringLiteral("badge IN ('RECENT-1', 'GUESS-0000')")), 2);

        const int cap = rows() + 5;
        m_store->setMaxLoginFailureRows(cap);
        for (int i = 1; i <= 30; ++i) {
            r = login(QStringLiteral("GUESS-%1").arg(i, 4, 10, QLatin1Char('0')));
            QCOMPARE(r.status, 401);
            QCOMPARE(r.body.value(QLatin1String("triesLeft")).toInt(), ServerStore::kMaxPinFailures - 1);
        }
        QCOMPARE(rows(), cap);
        // A real badge's failures still count at the cap: its lockout does not depend on the table.
        r = login(QStringLiteral("OP-9001"));
        QCOMPARE(r.status, 401);
        QCOMPARE(rows(QStringLiteral("badge = 'OP-9001' AND failures = 1")), 1);
        m_store->setMaxLoginFailureRows(ServerStore::kMaxLoginFailureRows);
    }

    // A supervisor gives a pick wave to an operator or a device; the devices download the change.
    void tasksAssignedByASupervisor()
    {
        ApiResponse r = call("GET", QStringLiteral("/v1/tasks"), {}, m_supervisor);
        QCOMPARE(r.status, 200);
        const QJsonArray all = r.body.value(QLatin1String("tasks")).toArray();
        QVERIFY(all.size() >= 2);
        QCOMPARE(r.body.value(QLatin1String("total")).toInt(), all.size());
        QJsonObject first = all.first().toObject();
        QCOMPARE(first.value(QLatin1String("id")).toString(), QStringLiteral("WAVE-0001"));
        QCOMPARE(first.value(QLatin1String("kind")).toString(), QStringLiteral("pick"));
        QCOMPARE(first.value(QLatin1String("status")).toString(), QStringLiteral("open"));
        QCOMPARE(first.value(QLatin1String("assignee")).toString(), QString());
        QVERIFY(first.value(QLatin1String("lines")).toInt() > 0);
        QVERIFY(first.value(QLatin1String("orders")).toArray().contains(QStringLiteral("SO-100001")));

        // Where the device's download stands now.
        QString cursor;
        for (bool more = true; more;) {
            r = call("GET", QStringLiteral("/v1/sync?limit=1000&cursor=") + cursor, {}, m_deviceA);
            QCOMPARE(r.status, 200);
            cursor = r.body.value(QLatin1String("cursor")).toString();
            more = r.body.value(QLatin1String("more")).toBool();
        }

        auto assign = [this](const QString &task, const QByteArray &body) {
            return call("PUT", QStringLiteral("/v1/tasks/%1/assignee").arg(task), body, m_supervisor);
        };
        r = assign(QStringLiteral("WAVE-0001"), "{\"assignee\": \"OP-1001\"}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("assignee")).toString(), QStringLiteral("OP-1001"));
        QCOMPARE(r.body.value(QLatin1String("assigneeKind")).toString(), QStringLiteral("operator"));
        QCOMPARE(
            r.body.value(QLatin1String("orders")).toArray(), first.value(QLatin1String("orders")).toArray());

        r = call("GET", QStringLiteral("/v1/sync?cursor=") + cursor, {}, m_deviceA);
        QCOMPARE(r.status, 200);
        const QJsonArray changes = r.body.value(QLatin1String("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        const QJsonObject change = changes.first().toObject();
        QCOMPARE(change.value(QLatin1String("type")).toString(), QStringLiteral("task"));
        QCOMPARE(change.value(QLatin1String("key")).toString(), QStringLiteral("WAVE-0001"));
        QCOMPARE(change.value(QLatin1String("data")).toObject().value(QLatin1String("assignee")).toString(),
            QStringLiteral("OP-1001"));
        QVERIFY(!change.value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("lines"))
                     .toArray()
                     .isEmpty());
        cursor = r.body.value(QLatin1String("cursor")).toString();

        // The same assignment again changes nothing and adds nothing to download.
        QCOMPARE(assign(QStringLiteral("WAVE-0001"), "{\"assignee\": \"OP-1001\"}").status, 200);
        r = call("GET", QStringLiteral("/v1/sync?cursor=") + cursor, {}, m_deviceA);
        QCOMPARE(r.body.value(QLatin1String("changes")).toArray().size(), 0);

        // To a device, then back to anyone.
        r = assign(QStringLiteral("WAVE-0002"), "{\"assignee\": \"dev-b\"}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("assigneeKind")).toString(), QStringLiteral("device"));
        r = call("GET", QStringLiteral("/v1/tasks?status=open"), {}, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.body.value(QLatin1String("tasks")).toArray().at(1).toObject().value(QLatin1String("assignee")),
            QJsonValue(QStringLiteral("dev-b")));
        r = assign(QStringLiteral("WAVE-0002"), "{\"assignee\": \"\"}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("assignee")).toString(), QString());
        r = call("GET", QStringLiteral("/v1/sync?cursor=") + cursor, {}, m_deviceA);
        QCOMPARE(r.body.value(QLatin1String("changes")).toArray().size(), 2);

        // Refusals name what is wrong.
        r = assign(QStringLiteral("WAVE-0001"), "{\"assignee\": \"OP-4242\"}");
        QCOMPARE(r.status, 400);
        QVERIFY2(error(r).contains(
                     QLatin1String("'OP-4242' is neither an operator's badge nor an enrolled device")),
            qPrintable(error(r)));
        r = assign(QStringLiteral("WAVE-9999"), "{\"assignee\": \"OP-1001\"}");
        QCOMPARE(r.status, 404);
        QVERIFY(error(r).contains(QLatin1String("task 'WAVE-9999' not found")));
        r = assign(QStringLiteral("WAVE-0001"), "{}");
        QCOMPARE(r.status, 400);
        QVERIFY(error(r).contains(QLatin1String("field 'assignee' is required")));
        QCOMPARE(assign(QStringLiteral("WAVE-0001"), "{\"assignee\": 5}").status, 400);
        QCOMPARE(
            assign(QStringLiteral("WAVE-0001"), "{\"assignee\": \"OP-1001\", \"x\": \"y\"}").status, 400);
        QCOMPARE(assign(QStringLiteral("WAVE-0001"), "{nope").status, 400);
        QCOMPARE(call("GET", QStringLiteral("/v1/tasks?status=late"), {}, m_supervisor).status, 400);
        r = call("GET", QStringLiteral("/v1/tasks/WAVE-0001/assignee"), {}, m_supervisor);
        QCOMPARE(r.status, 405);

        // A finished task keeps who did it.
        QSqlQuery done(QSqlDatabase::database(QStringLiteral("tst-auth")));
        QVERIFY(done.exec(QStringLiteral("UPDATE tasks SET status = 'done' WHERE id = 'WAVE-0002'")));
        r = assign(QStringLiteral("WAVE-0002"), "{\"assignee\": \"OP-1001\"}");
        QCOMPARE(r.status, 409);
        QVERIFY(error(r).contains(QLatin1String("task WAVE-0002 is done")));
        r = call("GET", QStringLiteral("/v1/tasks?status=done"), {}, m_supervisor);
        QCOMPARE(r.body.value(QLatin1String("total")).toInt(), 1);
        QVERIFY(done.exec(QStringLiteral("UPDATE tasks SET status = 'open' WHERE id = 'WAVE-0002'")));
    }

    // --- API keys: a shop's machine credentials -----------------------------------------------

    void apiKeysAreMadeByAdminsAndShownOnce()
    {
        const QByteArray body = json({{QStringLiteral("name"), QStringLiteral("Shop (production)")},
            {QStringLiteral("scopes"),
                QJsonArray {QStringLiteral("orders:write"), QStringLiteral("orders:read")}}});
        ApiResponse r = call("POST", QStringLiteral("/v1/api-keys"), body, m_supervisor);
        QCOMPARE(r.status, 403);
        QVERIFY(error(r).contains(QLatin1String("for admins")));
        r = call("POST", QStringLiteral("/v1/api-keys"), body, m_admin);
        QCOMPARE(r.status, 201);
        const QString key = r.body.value(QLatin1String("key")).toString();
        const QString id = r.body.value(QLatin1String("id")).toString();
        QVERIFY2(
            QRegularExpression(QStringLiteral("^dhk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$")).match(key).hasMatch(),
            qPrintable(key));
        QVERIFY(key.startsWith(id + u'_'));
        QCOMPARE(r.body.value(QLatin1String("scopes")).toArray(),
            (QJsonArray {QStringLiteral("orders:read"), QStringLiteral("orders:write")}));
        QCOMPARE(r.body.value(QLatin1String("createdBy")).toString(), QStringLiteral("OP-9001"));
        QVERIFY(r.body.value(QLatin1String("lastUsedAt")).isNull());

        // The key works where its scopes allow, and its use is noted.
        r = call("GET", QStringLiteral("/v1/orders"), {}, key);
        QCOMPARE(r.status, 200);
        r = call("GET", QStringLiteral("/v1/api-keys"), {}, m_admin);
        QCOMPARE(r.status, 200);
        QJsonObject listed;
        for (const QJsonValue &k : r.body.value(QLatin1String("apiKeys")).toArray())
            if (k.toObject().value(QLatin1String("id")).toString() == id)
                listed = k.toObject();
        QVERIFY(!listed.isEmpty());
        QVERIFY(!listed.contains(QLatin1String("key"))); // shown once, never listed
        QVERIFY(listed.value(QLatin1String("lastUsedAt")).isString());
        // Only the key's hash is in the database.
        QSqlQuery q(m_store->database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT key_hash FROM api_keys WHERE id = '%1'").arg(id)) && q.next());
        QVERIFY(q.value(0).toString() != key && !q.value(0).toString().contains(key.mid(id.size() + 1)));
    }

    void anApiKeyOpensOnlyItsScopes()
    {
        ApiResponse r = call("POST", QStringLiteral("/v1/api-keys"),
            json({{QStringLiteral("name"), QStringLiteral("Order feed")},
                {QStringLiteral("scopes"), QJsonArray {QStringLiteral("orders:read")}}}),
            m_admin);
        QCOMPARE(r.status, 201);
        const QString key = r.body.value(QLatin1String("key")).toString();
        QCOMPARE(call("GET", QStringLiteral("/v1/orders/SO-100001"), {}, key).status, 200);
        // Wrong scope: named, with what the key has.
        r = call("POST", QStringLiteral("/v1/orders/import"), "[]", key);
        QCOMPARE(r.status, 403);
        QVERIFY2(error(r).contains(QLatin1String("lacks the scope orders:write (it has orders:read)")),
            qPrintable(error(r)));
        r = call("GET", QStringLiteral("/v1/products"), {}, key);
        QCOMPARE(r.status, 403);
        // Endpoints for devices and people are never open to a key, whatever it holds.
        for (const auto &[method, path] :
            QList<QPair<QByteArray, QString>> {{"POST", QStringLiteral("/v1/events")},
                {"GET", QStringLiteral("/v1/sync")}, {"GET", QStringLiteral("/v1/tasks")},
                {"GET", QStringLiteral("/v1/api-keys")}, {"GET", QStringLiteral("/v1/exceptions")}}) {
            r = call(method, path, {}, key);
            QCOMPARE(r.status, 403);
            QVERIFY2(error(r).contains(QLatin1String("API keys may not use")), qPrintable(error(r)));
        }
    }

    void aRevokedKeyIsRefusedAndTheServerGoesOn()
    {
        ApiResponse r = call("POST", QStringLiteral("/v1/api-keys"),
            json({{QStringLiteral("name"), QStringLiteral("Old shop")},
                {QStringLiteral("scopes"),
                    QJsonArray {QStringLiteral("orders:read"), QStringLiteral("orders:write")}}}),
            m_admin);
        QCOMPARE(r.status, 201);
        const QString key = r.body.value(QLatin1String("key")).toString();
        const QString id = r.body.value(QLatin1String("id")).toString();
        QCOMPARE(call("GET", QStringLiteral("/v1/orders"), {}, key).status, 200);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/api-keys/") + id, {}, m_supervisor).status, 403);
        r = call("DELETE", QStringLiteral("/v1/api-keys/") + id, {}, m_admin);
        QCOMPARE(r.status, 200);
        const QString revokedAt = r.body.value(QLatin1String("revokedAt")).toString();
        QVERIFY(!revokedAt.isEmpty());
        r = call("GET", QStringLiteral("/v1/orders"), {}, key);
        QCOMPARE(r.status, 401);
        QVERIFY2(error(r).contains(QStringLiteral("the API key %1 ('Old shop') was revoked at").arg(id)),
            qPrintable(error(r)));
        // Revoking twice keeps the first time; an unknown key is 404; a key never issued is 401.
        QTest::qWait(1100);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/api-keys/") + id, {}, m_admin)
                     .body.value(QLatin1String("revokedAt"))
                     .toString(),
            revokedAt);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/api-keys/dhk_000000000000"), {}, m_admin).status, 404);
        r = call("GET", QStringLiteral("/v1/orders"), {}, id + QStringLiteral("_") + QString(43, u'A'));
        QCOMPARE(r.status, 401);
        // Everyone else is still served.
        QCOMPARE(call("GET", QStringLiteral("/v1/orders"), {}, m_picker).status, 200);
    }

    void badKeyRequestsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("no scopes") << QByteArray(R"({"name": "Shop", "scopes": []})")
                                   << QStringLiteral("'scopes' must list at least one of orders:read");
        QTest::newRow("unknown scope") << QByteArray(R"({"name": "Shop", "scopes": ["orders:delete"]})")
                                       << QStringLiteral("unknown scope 'orders:delete'");
        QTest::newRow("no name") << QByteArray(R"({"scopes": ["orders:read"]})")
                                 << QStringLiteral("'name' must be");
        QTest::newRow("empty name") << QByteArray(R"({"name": " ", "scopes": ["orders:read"]})")
                                    << QStringLiteral("in 1 to 100 characters");
        QTest::newRow("scopes not a list") << QByteArray(R"({"name": "Shop", "scopes": "orders:read"})")
                                           << QStringLiteral("'scopes' must be an array of strings");
        QTest::newRow("unknown field")
            << QByteArray(R"({"name": "Shop", "scopes": ["orders:read"], "role": "admin"})")
            << QStringLiteral("unknown field 'role'");
    }
    void badKeyRequestsSayWhy()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        const ApiResponse r = call("POST", QStringLiteral("/v1/api-keys"), body, m_admin);
        QCOMPARE(r.status, 400);
        QVERIFY2(error(r).contains(says), qPrintable(error(r)));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
