// Two real dockhand-server processes on one private PostgreSQL cluster (label e2e): the same
// batches uploaded through both at once, picks racing for the last units of stock, and a shop's
// orders (each sent twice under its Idempotency-Key) racing to reserve them. The
// guarantees must come from the database, since neither process knows what the other does.

#include "pgcluster.h"
#include "protocol.h"
#include "scanevents.h"
#include "toolrunner.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace dockhand;

namespace {

const QString kGtin = QStringLiteral("04012345001075"); // 36 in stock at A-02-02 in the demo
constexpr int kOrders = 12;
constexpr int kPerOrder = 5; // 12 × 5 = 60 wanted, twice over, from 36

} // namespace

class TestServerPostgres : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    testing::PgCluster m_cluster;
    QProcess m_servers[2];
    QUrl m_base[2];
    QNetworkAccessManager m_network;

    bool startServer(int i)
    {
        const QString url = m_cluster.url();
        m_servers[i].start(testing::binary(QStringLiteral("dockhand-server")),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"), url,
                QStringLiteral("--demo"), QStringLiteral("--enrolment-code"), QStringLiteral("PG-TEST"),
                QStringLiteral("--rate"), QStringLiteral("1000"), QStringLiteral("--burst"),
                QStringLiteral("1000"), QStringLiteral("--quiet")});
        return m_servers[i].waitForStarted(10000);
    }
    bool waitListening(int i)
    {
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 90000 && m_servers[i].state() == QProcess::Running) {
            m_servers[i].waitForReadyRead(200);
            out += m_servers[i].readAllStandardOutput();
        }
        static const QRegularExpression line(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        const auto match = line.match(QString::fromUtf8(out));
        if (!match.hasMatch()) {
            qWarning() << "server" << i << "did not start:" << out << m_servers[i].readAllStandardError();
            return false;
        }
        m_base[i] = QUrl(match.captured(1));
        return true;
    }

    QNetworkReply *send(int server, const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &token, const QByteArray &idempotencyKey = {},
        const QString &contentType = QStringLiteral("application/json"))
    {
        QNetworkRequest req(m_base[server].resolved(QUrl(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        if (!idempotencyKey.isEmpty())
            req.setRawHeader("Idempotency-Key", idempotencyKey);
        return m_network.sendCustomRequest(req, method, body);
    }
    static void waitAll(const QList<QNetworkReply *> &replies)
    {
        QEventLoop loop;
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        int left = int(replies.size());
        for (QNetworkReply *r : replies)
            connect(r, &QNetworkReply::finished, &loop, [&] {
                if (--left == 0)
                    loop.quit();
            });
        if (left > 0)
            loop.exec();
    }
    QJsonObject call(int server, const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &token, int *status = nullptr)
    {
        QNetworkReply *reply = send(server, method, path, body, token);
        waitAll({reply});
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }

    // Enrols `device` through `server` with the test's code; its token, or empty (with a warning).
    QByteArray enrol(int server, const QString &device)
    {
        int status = 0;
        const QJsonObject answer = call(server, "POST", QStringLiteral("/v1/enrol"),
            QJsonDocument(QJsonObject {{QStringLiteral("code"), QStringLiteral("PG-TEST")},
                              {QStringLiteral("device"), device}})
                .toJson(),
            {}, &status);
        if (status != 200)
            qWarning() << "enrolling" << device << "answered" << status << answer;
        return status == 200 ? answer.value(QLatin1String("token")).toString().toLatin1() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        // The test command installs PostgreSQL (scripts/install-deps.sh test): without it this
        // test fails, naming the package, rather than passing without having run.
        QVERIFY2(
            !testing::PgCluster::binDir().isEmpty(), qPrintable(testing::PgCluster::notInstalledMessage()));
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_cluster.start(m_dir.path(), &error), qPrintable(error));
        // Both start at once on an empty database: one migrates and seeds, the other waits.
        QVERIFY(startServer(0));
        QVERIFY(startServer(1));
        QVERIFY(waitListening(0));
        QVERIFY(waitListening(1));
    }

    void cleanupTestCase()
    {
        for (QProcess &server : m_servers) {
            if (server.state() != QProcess::NotRunning) {
                server.terminate();
                if (!server.waitForFinished(10000))
                    server.kill();
            }
        }
        m_cluster.stop();
    }

    void seededOnce()
    {
        int status = 0;
        const QJsonObject health = call(0, "GET", QStringLiteral("/v1/health"), {}, {}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(health.value(QLatin1String("database")).toString(), QStringLiteral("postgresql"));
        const QByteArray token = call(
            1, "POST", QStringLiteral("/v1/enrol"), R"({"code":"PG-TEST","device":"probe"})", {}, &status)
                                     .value(QLatin1String("token"))
                                     .toString()
                                     .toLatin1();
        QCOMPARE(status, 200);
        // A token issued through one server works on the other: the database holds it.
        QCOMPARE(call(0, "GET", QStringLiteral("/v1/orders"), {}, token, &status)
                     .value(QLatin1String("total"))
                     .toInt(),
            20);
        QCOMPARE(status, 200);
    }

    void exactlyOnceAcrossTwoServers()
    {
        int status = 0;
        // Orders that together want far more of one product than there is.
        const QByteArray admin
            = call(0, "POST", QStringLiteral("/v1/login"), R"({"badge":"OP-9001","pin":"9001"})", {}, &status)
                  .value(QLatin1String("token"))
                  .toString()
                  .toLatin1();
        QCOMPARE(status, 200);
        QJsonArray orders;
        for (int i = 0; i < kOrders; ++i)
            orders.append(QJsonObject {{QStringLiteral("number"), QStringLiteral("PG-%1").arg(i)},
                {QStringLiteral("customer"), QStringLiteral("Race %1").arg(i)},
                {QStringLiteral("lines"),
                    QJsonArray {QJsonObject {{QStringLiteral("line"), 1}, {QStringLiteral("gtin"), kGtin},
                        {QStringLiteral("quantity"), kPerOrder}}}}});
        call(1, "POST", QStringLiteral("/v1/orders/import"), QJsonDocument(orders).toJson(), admin, &status);
        QCOMPARE(status, 200);

        // Two devices each pick every order fully: 24 picks for 12 lines and 36 units.
        QByteArray tokens[2];
        protocol::UploadRequest batches[2];
        for (int d = 0; d < 2; ++d) {
            const QString device = QStringLiteral("pg-dev-%1").arg(d);
            tokens[d] = enrol(d, device);
            QVERIFY(!tokens[d].isEmpty());
            batches[d].deviceId = device;
            for (int i = 0; i < kOrders; ++i) {
                protocol::ScanEvent e = testing::makeEvent(device, i + 1);
                e.fields = QJsonObject {{QStringLiteral("action"), QStringLiteral("pick")},
                    {QStringLiteral("order"), QStringLiteral("PG-%1").arg(d == 0 ? i : kOrders - 1 - i)},
                    {QStringLiteral("line"), 1}, {QStringLiteral("gtin"), kGtin},
                    {QStringLiteral("location"), QStringLiteral("A-02-02")},
                    {QStringLiteral("quantity"), kPerOrder}};
                batches[d].events.append(e);
            }
        }

        // Each device's batch through BOTH servers at the same time (a retry that went to the
        // other instance behind the load balancer), all four requests in flight together.
        QHash<QString, QStringList> answers; // event id -> answers from every upload
        for (int round = 0; round < 2; ++round) {
            QList<QNetworkReply *> replies;
            for (int d = 0; d < 2; ++d)
                for (int s = 0; s < 2; ++s)
                    replies.append(send(s, "POST", QStringLiteral("/v1/events"),
                        QJsonDocument(batches[d].toJson()).toJson(QJsonDocument::Compact), tokens[d]));
            waitAll(replies);
            for (QNetworkReply *r : std::as_const(replies)) {
                const QByteArray body = r->readAll();
                QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
                for (const QJsonValue &v :
                    QJsonDocument::fromJson(body).object().value(QLatin1String("results")).toArray())
                    answers[v.toObject().value(QLatin1String("id")).toString()].append(
                        v.toObject().value(QLatin1String("status")).toString());
                r->deleteLater();
            }
        }

        // Every event answered four times; accepted at most once; a rejection is the same everywhere.
        QCOMPARE(answers.size(), 2 * kOrders);
        int acceptedEvents = 0;
        for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
            QCOMPARE(it.value().size(), 4);
            const int accepted = int(it.value().count(QStringLiteral("accepted")));
            QVERIFY2(
                accepted <= 1, qPrintable(it.key() + QLatin1Char(' ') + it.value().join(QLatin1Char(','))));
            if (accepted == 1) {
                ++acceptedEvents;
                QCOMPARE(it.value().count(QStringLiteral("duplicate")), 3);
            } else {
                QCOMPARE(it.value().count(QStringLiteral("rejected")), 4);
            }
        }

        // Stored exactly once: 24 events, none twice.
        const QJsonObject events
            = call(0, "GET", QStringLiteral("/v1/events?limit=1000"), {}, admin, &status);
        QCOMPARE(status, 200);
        QCOMPARE(events.value(QLatin1String("total")).toInt(), 2 * kOrders);

        // Stock never negative, no line over-picked, and the books balance.
        qint64 picked = 0;
        int pickedLines = 0;
        for (int i = 0; i < kOrders; ++i) {
            const QJsonObject order
                = call(i % 2, "GET", QStringLiteral("/v1/orders/PG-%1").arg(i), {}, admin, &status);
            QCOMPARE(status, 200);
            const int p = order.value(QLatin1String("lines"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("picked"))
                              .toInt();
            QVERIFY(p == 0 || p == kPerOrder);
            picked += p;
            if (p == kPerOrder) {
                ++pickedLines;
                QCOMPARE(order.value(QLatin1String("status")).toString(), QStringLiteral("picked"));
            }
        }
        qint64 stock = -1;
        for (const QJsonValue &l : call(1, "GET", QStringLiteral("/v1/locations"), {}, admin)
                                       .value(QLatin1String("locations"))
                                       .toArray())
            if (l.toObject().value(QLatin1String("code")).toString() == QLatin1String("A-02-02"))
                for (const QJsonValue &s : l.toObject().value(QLatin1String("stock")).toArray())
                    if (s.toObject().value(QLatin1String("gtin")).toString() == kGtin)
                        stock = s.toObject().value(QLatin1String("quantity")).toInteger();
        QVERIFY(stock >= 0);
        QCOMPARE(pickedLines, acceptedEvents);
        QCOMPARE(stock, 36 - picked);
        QCOMPARE(pickedLines, 36 / kPerOrder); // the stock ran out, not the orders
        // Every rejected pick is an exception for the supervisor.
        const QJsonArray exceptions = call(0, "GET", QStringLiteral("/v1/exceptions?limit=1000"), {}, admin)
                                          .value(QLatin1String("exceptions"))
                                          .toArray();
        QCOMPARE(exceptions.size(), 2 * kOrders - acceptedEvents);

        // /metrics: the floor figures come from the database, so both servers report the same.
        QStringList floorLines[2];
        for (int server = 0; server < 2; ++server) {
            QNetworkReply *reply = send(server, "GET", QStringLiteral("/metrics"), {}, {});
            waitAll({reply});
            for (const QString &line : QString::fromUtf8(reply->readAll()).split(QLatin1Char('\n')))
                if (line.startsWith(QLatin1String("dockhand_orders{"))
                    || line.startsWith(QLatin1String("dockhand_exceptions_total{"))
                    || line.startsWith(QLatin1String("dockhand_devices_enrolled ")))
                    floorLines[server].append(line);
            reply->deleteLater();
        }
        QVERIFY(floorLines[0].contains(QStringLiteral("dockhand_exceptions_total{kind=\"rejected\"} %1")
                                           .arg(2 * kOrders - acceptedEvents)));
        QCOMPARE(floorLines[1], floorLines[0]);

        // Every number of every device arrived: none missing, through either server.
        const QJsonArray devices = call(1, "GET", QStringLiteral("/v1/devices"), {}, admin)
                                       .value(QLatin1String("devices"))
                                       .toArray();
        QVERIFY(!devices.isEmpty());
        for (const QJsonValue &d : devices) {
            const QJsonObject device = d.toObject();
            QCOMPARE(device.value(QLatin1String("missing")).toInteger(), 0);
            if (device.value(QLatin1String("id")).toString().startsWith(QLatin1String("pg-")))
                QVERIFY(device.value(QLatin1String("lastSeq")).toInteger() > 0);
        }
    }
    void intakesRaceForTheLastUnits()
    {
        // A shop sends its orders through both servers at once, every request twice under its
        // Idempotency-Key (a retry that crosses the first attempt), for a product with fewer
        // units than ordered. No unit may be promised twice, each order is stored once, and both
        // answers to a key are the same.
        int status = 0;
        const QByteArray admin
            = call(0, "POST", QStringLiteral("/v1/login"), R"({"badge":"OP-9001","pin":"9001"})", {}, &status)
                  .value(QLatin1String("token"))
                  .toString()
                  .toLatin1();
        QCOMPARE(status, 200);
        const QString gtin = QStringLiteral("04006381333931");
        const auto import = [&](const QString &kind, const QString &csv) {
            QNetworkReply *r = send(0, "POST", QStringLiteral("/v1/import/") + kind, csv.toUtf8(), admin, {},
                QStringLiteral("text/csv"));
            waitAll({r});
            const int code = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (code != 200)
                qWarning() << kind << r->readAll();
            r->deleteLater();
            return code;
        };
        QCOMPARE(
            import(QStringLiteral("products"), QStringLiteral("gtin,sku,name\n%1,RACE-1,Race\n").arg(gtin)),
            200);
        QCOMPARE(
            import(QStringLiteral("locations"), QStringLiteral("code,walkSequence\nRACE-01,9999\n")), 200);
        constexpr int kOnHand = 20;
        QCOMPARE(import(QStringLiteral("stock"),
                     QStringLiteral("location,gtin,quantity\nRACE-01,%1,%2\n").arg(gtin).arg(kOnHand)),
            200);

        constexpr int kIntakes = 24; // 1 to 3 units each: 48 ordered from 20
        QList<QNetworkReply *> replies;
        for (int n = 0; n < kIntakes; ++n) {
            const QByteArray body = QJsonDocument(
                QJsonObject {{QStringLiteral("number"), QStringLiteral("RACE-%1").arg(n)},
                    {QStringLiteral("customer"), QStringLiteral("Race")},
                    {QStringLiteral("lines"),
                        QJsonArray {QJsonObject {{QStringLiteral("line"), 1}, {QStringLiteral("gtin"), gtin},
                            {QStringLiteral("quantity"), 1 + n % 3}}}}})
                                        .toJson(QJsonDocument::Compact);
            const QByteArray key = "race-" + QByteArray::number(n);
            replies.append(send(n % 2, "POST", QStringLiteral("/v1/orders"), body, admin, key));
            replies.append(send(1 - n % 2, "POST", QStringLiteral("/v1/orders"), body, admin, key));
        }
        waitAll(replies);
        int reserved = 0, backordered = 0, replayed = 0;
        for (int n = 0; n < kIntakes; ++n) {
            QNetworkReply *first = replies.at(2 * n), *second = replies.at(2 * n + 1);
            QByteArray answers[2] = {first->readAll(), second->readAll()};
            for (QNetworkReply *r : {first, second}) {
                QVERIFY2(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201,
                    (r == first ? answers[0] : answers[1]).constData());
                replayed += r->rawHeader("Idempotent-Replayed") == "true" ? 1 : 0;
            }
            const QJsonObject a = QJsonDocument::fromJson(answers[0]).object();
            QCOMPARE(a, QJsonDocument::fromJson(answers[1]).object());
            const QJsonObject order = a.value(QLatin1String("orders")).toArray().at(0).toObject();
            const QJsonObject line = order.value(QLatin1String("lines")).toArray().at(0).toObject();
            const int r = line.value(QLatin1String("reserved")).toInt();
            QCOMPARE(r + line.value(QLatin1String("missing")).toInt(), 1 + n % 3);
            QCOMPARE(order.value(QLatin1String("backordered")).toBool(), r < 1 + n % 3);
            reserved += r;
            backordered += order.value(QLatin1String("backordered")).toBool() ? 1 : 0;
            first->deleteLater();
            second->deleteLater();
        }
        QCOMPARE(replayed, kIntakes); // one answer per key was the kept one
        QCOMPARE(reserved, kOnHand); // every unit promised, none twice
        QVERIFY(backordered > 0);

        // The stored orders say the same: one per key, their reservations the product's.
        const QJsonArray orders = call(1, "GET", QStringLiteral("/v1/orders"), {}, admin, &status)
                                      .value(QLatin1String("orders"))
                                      .toArray();
        QCOMPARE(status, 200);
        int stored = 0, storedBackordered = 0;
        for (const QJsonValue &v : orders)
            if (v.toObject().value(QLatin1String("number")).toString().startsWith(QLatin1String("RACE-"))) {
                ++stored;
                storedBackordered += v.toObject().value(QLatin1String("backordered")).toBool() ? 1 : 0;
            }
        QCOMPARE(stored, kIntakes);
        QCOMPARE(storedBackordered, backordered);
        int storedReserved = 0;
        for (int n = 0; n < kIntakes; ++n)
            storedReserved
                += call(n % 2, "GET", QStringLiteral("/v1/orders/RACE-%1").arg(n), {}, admin, &status)
                       .value(QLatin1String("lines"))
                       .toArray()
                       .at(0)
                       .toObject()
                       .value(QLatin1String("reserved"))
                       .toInt();
        QCOMPARE(storedReserved, kOnHand);
    }

    void writersAndReadersDoNotWaitForEachOther()
    {
        // One server answers with several connections: while one device's upload waits on a
        // row lock (the test holds its device row, as a slow transaction of another server
        // would), another device's upload and reads on the same server are answered.
        int status = 0;
        QByteArray tokens[2];
        for (int d = 0; d < 2; ++d) {
            tokens[d] = enrol(0, QStringLiteral("pg-lane-%1").arg(d));
            QVERIFY(!tokens[d].isEmpty());
        }

        const QUrl url(m_cluster.url());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("row-lock"));
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery lock(db);
        QVERIFY(lock.exec(QStringLiteral("BEGIN")));
        QVERIFY2(lock.exec(QStringLiteral("SELECT id FROM devices WHERE id = 'pg-lane-0' FOR UPDATE"))
                && lock.next(),
            qPrintable(lock.lastError().text()));

        auto batch = [](int d) {
            return QJsonDocument(testing::makeUpload(QStringLiteral("pg-lane-%1").arg(d), 1, 10).toJson())
                .toJson(QJsonDocument::Compact);
        };
        QNetworkReply *held = send(0, "POST", QStringLiteral("/v1/events"), batch(0), tokens[0]);
        QNetworkReply *free = send(0, "POST", QStringLiteral("/v1/events"), batch(1), tokens[1]);
        waitAll({free});
        QCOMPARE(free->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(!held->isFinished()); // still waiting for the row
        const QString order = call(0, "GET", QStringLiteral("/v1/orders"), {}, tokens[1], &status)
                                  .value(QLatin1String("orders"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QLatin1String("number"))
                                  .toString();
        QCOMPARE(status, 200);
        call(0, "GET", QStringLiteral("/v1/orders/") + order, {}, tokens[1], &status);
        QCOMPARE(status, 200);
        call(0, "GET", QStringLiteral("/v1/health"), {}, {}, &status);
        QCOMPARE(status, 200);
        QVERIFY(!held->isFinished());

        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        waitAll({held});
        QCOMPARE(held->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        for (QNetworkReply *reply : {held, free}) {
            QString why;
            const auto answer = protocol::UploadResponse::fromJson(
                QJsonDocument::fromJson(reply->readAll()).object(), &why);
            QVERIFY2(answer, qPrintable(why));
            QCOMPARE(answer->results.size(), 10);
            for (const auto &ack : answer->results)
                QCOMPARE(ack.status, protocol::AckStatus::Accepted);
            reply->deleteLater();
        }
        lock = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("row-lock"));
    }
};

QTEST_GUILESS_MAIN(TestServerPostgres)
#include "tst_serverpostgres.moc"
