// Applying events (docs/protocol.md): stock, picked/packed counts, status transitions, exceptions,
// every rejection path, exactly-once application, and the change log devices download.

#include "faults.h"
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

const QString kDevice = QStringLiteral("apply-dev");

QJsonObject pickFields(const QString &order, int line, const QString &gtin, const QString &location,
    int quantity, const QString &action = QStringLiteral("pick"))
{
    return {{QStringLiteral("action"), action}, {QStringLiteral("task"), QStringLiteral("WAVE-0001")},
        {QStringLiteral("order"), order}, {QStringLiteral("line"), line}, {QStringLiteral("gtin"), gtin},
        {QStringLiteral("location"), location}, {QStringLiteral("quantity"), quantity}};
}

} // namespace

class TestEventApply : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<Api> m_api;
    QString m_deviceToken;
    QString m_supervisor;
    QString m_picker;
    qint64 m_seq = 0;

    ApiResponse call(
        const char *method, const QString &pathAndQuery, const QByteArray &body, const QString &token)
    {
        const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
        ApiRequest request {QByteArray(method), q < 0 ? pathAndQuery : pathAndQuery.left(q),
            QUrlQuery(q < 0 ? QString() : pathAndQuery.mid(q + 1)), body, "Bearer " + token.toLatin1(),
            QByteArray()};
        return m_api->handle(request);
    }
    ApiResponse get(const QString &path) { return call("GET", path, {}, m_supervisor); }

    protocol::ScanEvent event(const QJsonObject &fields, const QString &step = QStringLiteral("pick"))
    {
        protocol::ScanEvent e = testing::makeEvent(kDevice, ++m_seq);
        e.step = step;
        e.fields = fields;
        return e;
    }
    // Uploads the events in one batch; returns "accepted" / "duplicate" / "rejected: reason" per event.
    QStringList upload(const QList<protocol::ScanEvent> &events)
    {
        protocol::UploadRequest request;
        request.deviceId = kDevice;
        request.events = events;
        const ApiResponse r = call(
            "POST", QStringLiteral("/v1/events"), QJsonDocument(request.toJson()).toJson(), m_deviceToken);
        QStringList out;
        if (r.status != 200)
            return {QStringLiteral("HTTP %1").arg(r.status)};
        for (const QJsonValue &v : r.body.value(QLatin1String("results")).toArray()) {
            const QJsonObject o = v.toObject();
            const QString status = o.value(QLatin1String("status")).toString();
            out.append(status == QLatin1String("rejected")
                    ? status + QStringLiteral(": ") + o.value(QLatin1String("reason")).toString()
                    : status);
        }
        return out;
    }
    qint64 sql(const QString &query)
    {
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("tst-apply-check")));
        if (!q.exec(query) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    qint64 stock(const QString &location, const QString &gtin)
    {
        return sql(
            QStringLiteral("SELECT COALESCE(SUM(s.quantity), 0) FROM stock s JOIN locations l ON l.id = "
                           "s.location_id JOIN products p ON p.id = s.product_id WHERE l.code = '%1' AND "
                           "p.gtin = '%2'")
                .arg(location, gtin));
    }
    QJsonObject order(const QString &number) { return get(QStringLiteral("/v1/orders/") + number).body; }
    QStringList history(const QString &number)
    {
        QStringList list;
        const ApiResponse r = get(QStringLiteral("/v1/orders/%1/history").arg(number));
        for (const QJsonValue &h : r.body.value(QLatin1String("history")).toArray())
            list.append(h.toObject().value(QLatin1String("status")).toString());
        return list;
    }
    int picked(const QString &number, int line)
    {
        return order(number)
            .value(QLatin1String("lines"))
            .toArray()
            .at(line - 1)
            .toObject()
            .value(QLatin1String("picked"))
            .toInt();
    }
    qint64 exceptionCount() { return sql(QStringLiteral("SELECT COUNT(*) FROM exceptions")); }
    // Every change from the start, paging with `limit`.
    QList<QJsonObject> allChanges(int limit, int *pages = nullptr)
    {
        QList<QJsonObject> changes;
        QString cursor;
        int count = 0;
        for (bool more = true; more && count < 1000; ++count) {
            const ApiResponse r = get(QStringLiteral("/v1/sync?cursor=%1&limit=%2").arg(cursor).arg(limit));
            if (r.status != 200)
                return {};
            for (const QJsonValue &c : r.body.value(QLatin1String("changes")).toArray())
                changes.append(c.toObject());
            cursor = r.body.value(QLatin1String("cursor")).toString();
            more = r.body.value(QLatin1String("more")).toBool();
        }
        if (pages)
            *pages = count;
        return changes;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DatabaseLocation location;
        location.sqlitePath = m_dir.filePath(QStringLiteral("apply.db"));
        auto store = ServerStore::open(location, QStringLiteral("tst-apply"));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = std::move(store.value());
        auto demo = WarehouseData::demo();
        QVERIFY(demo.ok());
        demo->operators.removeIf([](const WarehouseData::Operator &o) {
            return o.badge != QLatin1String("OP-1001") && o.badge != QLatin1String("OP-3001");
        });
        QVERIFY(m_store->seedIfEmpty(demo.value()).value());
        QVERIFY(m_store->addEnrolmentCode(QStringLiteral("TEST")).ok());
        m_deviceToken = m_store->enrol(QStringLiteral("TEST"), kDevice, QString()).value();
        m_supervisor = m_store->login(QStringLiteral("OP-3001"), QStringLiteral("3001")).value().token;
        m_picker = m_store->login(QStringLiteral("OP-1001"), QStringLiteral("1001")).value().token;
        QVERIFY(!m_supervisor.isEmpty() && !m_picker.isEmpty());
        m_api = std::make_unique<Api>(m_store.get(), ApiLimits {1e6, 1000000});
        QSqlDatabase check
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-apply-check"));
        check.setDatabaseName(location.sqlitePath);
        QVERIFY(check.open());
    }

    void cleanupTestCase() { QSqlDatabase::removeDatabase(QStringLiteral("tst-apply-check")); }

    void wavesAreSeeded()
    {
        const QList<QJsonObject> changes = allChanges(1000);
        QList<QJsonObject> tasks;
        for (const QJsonObject &c : changes)
            if (c.value(QLatin1String("type")).toString() == QLatin1String("task"))
                tasks.append(c.value(QLatin1String("data")).toObject());
        QCOMPARE(tasks.size(), 5); // 20 orders in waves of 4
        for (const QJsonObject &t : tasks) {
            QCOMPARE(t.value(QLatin1String("orders")).toArray().size(), 4);
            QCOMPARE(t.value(QLatin1String("assignee")).toString(), QString());
            QCOMPARE(t.value(QLatin1String("status")).toString(), QStringLiteral("open"));
            int walk = -1;
            for (const QJsonValue &l : t.value(QLatin1String("lines")).toArray()) {
                const QJsonObject line = l.toObject();
                QVERIFY(line.value(QLatin1String("walkSequence")).toInt() >= walk);
                walk = line.value(QLatin1String("walkSequence")).toInt();
                // Allocated where the stock is.
                QVERIFY(stock(line.value(QLatin1String("location")).toString(),
                            line.value(QLatin1String("gtin")).toString())
                    >= line.value(QLatin1String("quantity")).toInt());
            }
        }
        QCOMPARE(tasks.first().value(QLatin1String("id")).toString(), QStringLiteral("WAVE-0001"));
    }

    void pickAppliesOnceAndMovesStatus()
    {
        // SO-100003: one line, 2 × 04012345001631, stocked at A-02-02.
        const qint64 before = stock(QStringLiteral("A-02-02"), QStringLiteral("04012345001631"));
        const auto e = event(pickFields(
            QStringLiteral("SO-100003"), 1, QStringLiteral("04012345001631"), QStringLiteral("A-02-02"), 2));
        QCOMPARE(upload({e}), QStringList {QStringLiteral("accepted")});
        QCOMPARE(stock(QStringLiteral("A-02-02"), QStringLiteral("04012345001631")), before - 2);
        QCOMPARE(picked(QStringLiteral("SO-100003"), 1), 2);
        QCOMPARE(order(QStringLiteral("SO-100003")).value(QLatin1String("status")).toString(),
            QStringLiteral("picked"));
        QCOMPARE(history(QStringLiteral("SO-100003")),
            (QStringList {
                QStringLiteral("received"), QStringLiteral("processing"), QStringLiteral("picked")}));

        // The device resends (lost answer): duplicate, and nothing is applied again.
        QCOMPARE(upload({e}), QStringList {QStringLiteral("duplicate")});
        QCOMPARE(stock(QStringLiteral("A-02-02"), QStringLiteral("04012345001631")), before - 2);
        QCOMPARE(picked(QStringLiteral("SO-100003"), 1), 2);
        QCOMPARE(history(QStringLiteral("SO-100003")).size(), 3);
        // The history names the event that moved the status.
        const QJsonArray h = get(QStringLiteral("/v1/orders/SO-100003/history"))
                                 .body.value(QLatin1String("history"))
                                 .toArray();
        QCOMPARE(h.at(2).toObject().value(QLatin1String("source")).toString(),
            e.id.toString(QUuid::WithoutBraces));
    }

    void rejections_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("reason");
        const QString gtin = QStringLiteral("04012345001075"); // SO-100002 line 1, 1 ordered, at A-02-02
        const QString order = QStringLiteral("SO-100002");
        const QString at = QStringLiteral("A-02-02");
        QTest::newRow("unknown order") << pickFields(QStringLiteral("SO-999999"), 1, gtin, at, 1)
                                       << QStringLiteral("order SO-999999 does not exist");
        QTest::newRow("unknown line") << pickFields(order, 9, gtin, at, 1) << QStringLiteral("has no line 9");
        QTest::newRow("wrong gtin") << pickFields(order, 1, QStringLiteral("04012345001006"), at, 1)
                                    << QStringLiteral("wrong item: scanned 04012345001006");
        QTest::newRow("unknown location") << pickFields(order, 1, gtin, QStringLiteral("Z-99-99"), 1)
                                          << QStringLiteral("location 'Z-99-99' does not exist");
        QTest::newRow("over-pick") << pickFields(order, 1, gtin, at, 2) << QStringLiteral("over-pick");
        QTest::newRow("no stock") << pickFields(order, 1, gtin, QStringLiteral("A-01-01"), 1)
                                  << QStringLiteral("no stock: location A-01-01 holds 0");
        QTest::newRow("no quantity") << pickFields(order, 1, gtin, at, 0)
                                     << QStringLiteral("no valid quantity");
        QTest::newRow("no order") << QJsonObject {{QStringLiteral("action"), QStringLiteral("pick")}}
                                  << QStringLiteral("names no order");
        QTest::newRow("cancelled") << pickFields(QStringLiteral("SO-100020"), 1, gtin, at, 1)
                                   << QStringLiteral("order SO-100020 is cancelled");
        QTest::newRow("backwards") << pickFields(QStringLiteral("SO-100019"), 1, gtin, at, 1)
                                   << QStringLiteral("order SO-100019 is already packed");
        QJsonObject carton {{QStringLiteral("action"), QStringLiteral("close-carton")},
            {QStringLiteral("order"), order}, {QStringLiteral("carton"), QStringLiteral("SO-100002-9")},
            {QStringLiteral("cartonType"), QStringLiteral("BOX-M")},
            {QStringLiteral("items"),
                QJsonArray {QJsonObject {{QStringLiteral("line"), 1}, {QStringLiteral("gtin"), gtin},
                    {QStringLiteral("quantity"), 1}}}}};
        QTest::newRow("over-pack") << carton << QStringLiteral("would pass the 0 picked");
        carton.insert(QStringLiteral("cartonType"), QStringLiteral("BOX-XXL"));
        QTest::newRow("unknown carton type") << carton << QStringLiteral("unknown carton type 'BOX-XXL'");
    }
    void rejections()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, reason);
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("tst-apply-check")));
        QVERIFY(q.exec(QStringLiteral("UPDATE orders SET status = 'cancelled' WHERE number = 'SO-100020'")));
        QVERIFY(q.exec(QStringLiteral("UPDATE orders SET status = 'packed' WHERE number = 'SO-100019'")));
        const qint64 stockBefore = sql(QStringLiteral("SELECT SUM(quantity) FROM stock"));
        const qint64 pickedBefore = sql(QStringLiteral("SELECT SUM(picked) + SUM(packed) FROM order_lines"));
        const qint64 exceptionsBefore = exceptionCount();
        const qint64 changesBefore = sql(QStringLiteral("SELECT COUNT(*) FROM changes"));

        // A good event in the same batch still applies.
        const auto bad = event(fields);
        const auto good = event(pickFields(QStringLiteral("SO-100004"), 1,
            order(QStringLiteral("SO-100004"))
                .value(QLatin1String("lines"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("gtin"))
                .toString(),
            QString(), 1, QStringLiteral("short")));
        const QStringList answers = upload({bad, good});
        QCOMPARE(answers.size(), 2);
        QVERIFY2(answers.at(0).startsWith(QLatin1String("rejected: ")) && answers.at(0).contains(reason),
            qPrintable(answers.at(0)));
        QCOMPARE(answers.at(1), QStringLiteral("accepted"));

        QCOMPARE(sql(QStringLiteral("SELECT SUM(quantity) FROM stock")), stockBefore);
        QCOMPARE(sql(QStringLiteral("SELECT SUM(picked) + SUM(packed) FROM order_lines")), pickedBefore);
        QCOMPARE(exceptionCount(), exceptionsBefore + 2); // the rejection and the short
        QVERIFY(
            sql(QStringLiteral("SELECT COUNT(*) FROM changes")) > changesBefore); // the short's order change
        // The rejected event is kept for review, and its exception names it.
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM events WHERE id = '%1'")
                         .arg(bad.id.toString(QUuid::WithoutBraces))),
            1);
        QCOMPARE(
            sql(QStringLiteral("SELECT COUNT(*) FROM exceptions WHERE kind = 'rejected' AND event_id = '%1'")
                    .arg(bad.id.toString(QUuid::WithoutBraces))),
            1);
        // Sent again: the same rejection, no second exception.
        QCOMPARE(upload({bad}).value(0), answers.at(0));
        QCOMPARE(exceptionCount(), exceptionsBefore + 2);
    }

    void shortCountsAsDone()
    {
        // SO-100001: line 1 (3 × …1914 at B-04-02), line 2 (1 × …1006 at A-01-01), line 3 short.
        QCOMPARE(upload({event(pickFields(QStringLiteral("SO-100001"), 1, QStringLiteral("04012345001914"),
                             QStringLiteral("B-04-02"), 2)),
                     event(pickFields(QStringLiteral("SO-100001"), 1, QStringLiteral("04012345001914"),
                         QStringLiteral("B-04-02"), 1)),
                     event(pickFields(QStringLiteral("SO-100001"), 2, QStringLiteral("04012345001006"),
                         QStringLiteral("A-01-01"), 1))}),
            QStringList(3, QStringLiteral("accepted")));
        QCOMPARE(order(QStringLiteral("SO-100001")).value(QLatin1String("status")).toString(),
            QStringLiteral("processing"));
        QJsonObject shortFields = pickFields(QStringLiteral("SO-100001"), 3, QStringLiteral("04012345002058"),
            QStringLiteral("C-03-02"), 1, QStringLiteral("short"));
        shortFields.insert(QStringLiteral("reason"), QStringLiteral("not-found"));
        QCOMPARE(upload({event(shortFields)}), QStringList {QStringLiteral("accepted")});
        QCOMPARE(order(QStringLiteral("SO-100001")).value(QLatin1String("status")).toString(),
            QStringLiteral("picked"));

        const ApiResponse r = get(QStringLiteral("/v1/exceptions?limit=1000"));
        QCOMPARE(r.status, 200);
        const QJsonArray list = r.body.value(QLatin1String("exceptions")).toArray();
        QJsonObject last = list.last().toObject();
        QCOMPARE(last.value(QLatin1String("kind")).toString(), QStringLiteral("short"));
        QCOMPARE(last.value(QLatin1String("reason")).toString(), QStringLiteral("not-found"));
        QCOMPARE(last.value(QLatin1String("order")).toString(), QStringLiteral("SO-100001"));
        QCOMPARE(last.value(QLatin1String("location")).toString(), QStringLiteral("C-03-02"));
        QCOMPARE(last.value(QLatin1String("device")).toString(), kDevice);
        QCOMPARE(last.value(QLatin1String("operator")).toString(), QStringLiteral("OP-1001"));
        QVERIFY(!last.value(QLatin1String("at")).toString().isEmpty());
        QCOMPARE(call("GET", QStringLiteral("/v1/exceptions"), {}, m_picker).status, 403);
    }

    void toteCartonAndPacked()
    {
        // SO-100003 was picked above (2 × …1631).
        QJsonObject bind {{QStringLiteral("action"), QStringLiteral("bind-tote")},
            {QStringLiteral("order"), QStringLiteral("SO-100005")},
            {QStringLiteral("tote"), QStringLiteral("TOTE-0005")}};
        QCOMPARE(upload({event(bind)}), QStringList {QStringLiteral("accepted")});
        QCOMPARE(order(QStringLiteral("SO-100005")).value(QLatin1String("status")).toString(),
            QStringLiteral("processing"));
        QCOMPARE(sql(QStringLiteral(
                     "SELECT COUNT(*) FROM orders WHERE number = 'SO-100005' AND tote = 'TOTE-0005'")),
            1);

        auto carton = [](const QString &code, int quantity) {
            return QJsonObject {{QStringLiteral("action"), QStringLiteral("close-carton")},
                {QStringLiteral("order"), QStringLiteral("SO-100003")}, {QStringLiteral("carton"), code},
                {QStringLiteral("cartonType"), QStringLiteral("BOX-S")}, {QStringLiteral("weightKg"), 0.9},
                {QStringLiteral("items"),
                    QJsonArray {QJsonObject {{QStringLiteral("line"), 1},
                        {QStringLiteral("gtin"), QStringLiteral("04012345001631")},
                        {QStringLiteral("quantity"), quantity}}}}};
        };
        QCOMPARE(upload({event(carton(QStringLiteral("SO-100003-1"), 1), QStringLiteral("pack"))}),
            QStringList {QStringLiteral("accepted")});
        QCOMPARE(order(QStringLiteral("SO-100003")).value(QLatin1String("status")).toString(),
            QStringLiteral("picked"));
        QVERIFY(upload({event(carton(QStringLiteral("SO-100003-1"), 1), QStringLiteral("pack"))})
                    .value(0)
                    .contains(QLatin1String("carton SO-100003-1 is already closed")));
        QVERIFY(upload({event(carton(QStringLiteral("SO-100003-2"), 2), QStringLiteral("pack"))})
                    .value(0)
                    .contains(QLatin1String("would pass the 2 picked (1 packed)")));
        QCOMPARE(upload({event(carton(QStringLiteral("SO-100003-2"), 1), QStringLiteral("pack"))}),
            QStringList {QStringLiteral("accepted")});
        QCOMPARE(order(QStringLiteral("SO-100003")).value(QLatin1String("status")).toString(),
            QStringLiteral("packed"));
        QCOMPARE(history(QStringLiteral("SO-100003")).last(), QStringLiteral("packed"));
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM cartons")), 2);
        // Packed is past picking: a late pick is refused.
        QVERIFY(upload({event(pickFields(QStringLiteral("SO-100003"), 1, QStringLiteral("04012345001631"),
                           QStringLiteral("A-02-02"), 1))})
                    .value(0)
                    .contains(QLatin1String("already packed")));
    }

    void damageAndRefusedEvents()
    {
        const qint64 before = exceptionCount();
        QJsonObject damage {{QStringLiteral("action"), QStringLiteral("damage")},
            {QStringLiteral("order"), QStringLiteral("SO-100006")}, {QStringLiteral("line"), 1},
            {QStringLiteral("gtin"), QStringLiteral("04012345001006")},
            {QStringLiteral("reason"), QStringLiteral("crushed")}};
        QCOMPARE(upload({event(damage, QStringLiteral("pack"))}), QStringList {QStringLiteral("accepted")});
        QCOMPARE(exceptionCount(), before + 1);
        QCOMPARE(sql(QStringLiteral(
                     "SELECT COUNT(*) FROM exceptions WHERE kind = 'damage' AND reason = 'crushed'")),
            1);

        // A scan the device refused is stored for review and changes nothing.
        const qint64 stockBefore = sql(QStringLiteral("SELECT SUM(quantity) FROM stock"));
        auto refused = event(pickFields(
            QStringLiteral("SO-100007"), 1, QStringLiteral("04012345001006"), QStringLiteral("A-01-01"), 1));
        refused.result = QStringLiteral("refused");
        refused.reason = QStringLiteral("Wrong item");
        QCOMPARE(upload({refused}), QStringList {QStringLiteral("accepted")});
        QCOMPARE(sql(QStringLiteral("SELECT SUM(quantity) FROM stock")), stockBefore);
        QCOMPARE(exceptionCount(), before + 1);
    }

    void syncPagesAndConverges()
    {
        int pages = 0;
        const QList<QJsonObject> big = allChanges(1000);
        const QList<QJsonObject> paged = allChanges(7, &pages);
        QCOMPARE(paged, big);
        QCOMPARE(pages, int((big.size() + 6) / 7));
        QSet<QString> types;
        for (const QJsonObject &c : big) {
            types.insert(c.value(QLatin1String("type")).toString());
            QCOMPARE(c.value(QLatin1String("op")).toString(), QStringLiteral("upsert"));
        }
        QCOMPARE(types,
            (QSet<QString> {QStringLiteral("product"), QStringLiteral("location"), QStringLiteral("operator"),
                QStringLiteral("order"), QStringLiteral("task"), QStringLiteral("carton"),
                QStringLiteral("config")}));
        for (const QJsonObject &c : big)
            if (c.value(QLatin1String("type")).toString() == QLatin1String("operator"))
                QVERIFY(c.value(QLatin1String("data"))
                            .toObject()
                            .value(QLatin1String("pinHash"))
                            .toString()
                            .startsWith(QLatin1String("pbkdf2-sha256$100000$")));

        // Replaying the log gives each order's current state (what a device ends up with).
        QHash<QString, QJsonObject> orders;
        for (const QJsonObject &c : big)
            if (c.value(QLatin1String("type")).toString() == QLatin1String("order"))
                orders.insert(
                    c.value(QLatin1String("key")).toString(), c.value(QLatin1String("data")).toObject());
        const QJsonObject so1 = orders.value(QStringLiteral("SO-100001"));
        QCOMPARE(so1.value(QLatin1String("status")).toString(), QStringLiteral("picked"));
        QCOMPARE(so1.value(QLatin1String("lines"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("picked"))
                     .toInt(),
            3);
        QCOMPARE(orders.value(QStringLiteral("SO-100003")).value(QLatin1String("status")).toString(),
            QStringLiteral("packed"));
        QCOMPARE(orders.value(QStringLiteral("SO-100005")).value(QLatin1String("tote")).toString(),
            QStringLiteral("TOTE-0005"));

        // From the last cursor: nothing, then exactly the new change.
        ApiResponse r = get(QStringLiteral("/v1/sync?limit=1000"));
        const QString end = r.body.value(QLatin1String("cursor")).toString();
        r = get(QStringLiteral("/v1/sync?cursor=") + end);
        QCOMPARE(r.body.value(QLatin1String("changes")).toArray().size(), 0);
        QCOMPARE(r.body.value(QLatin1String("more")).toBool(), false);
        QCOMPARE(r.body.value(QLatin1String("cursor")).toString(), end);
        QCOMPARE(upload({event(pickFields(QStringLiteral("SO-100008"), 1,
                     order(QStringLiteral("SO-100008"))
                         .value(QLatin1String("lines"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("gtin"))
                         .toString(),
                     QString(), 1, QStringLiteral("short")))}),
            QStringList {QStringLiteral("accepted")});
        r = get(QStringLiteral("/v1/sync?cursor=") + end);
        QCOMPARE(r.body.value(QLatin1String("changes")).toArray().size(), 1);
        QCOMPARE(r.body.value(QLatin1String("changes"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("key"))
                     .toString(),
            QStringLiteral("SO-100008"));

        QCOMPARE(get(QStringLiteral("/v1/sync?cursor=abc")).status, 400);
        QCOMPARE(get(QStringLiteral("/v1/sync?limit=0")).status, 400);
        QCOMPARE(get(QStringLiteral("/v1/sync?since=1")).status, 400);
        // Devices read the log with their own token.
        QCOMPARE(call("GET", QStringLiteral("/v1/sync?limit=1"), {}, m_deviceToken).status, 200);
    }

    void databaseFailureAppliesNothing()
    {
        // Fail every statement of a pick batch in turn: either all of it happened or none.
        const qint64 stockBefore = sql(QStringLiteral("SELECT SUM(quantity) FROM stock"));
        protocol::ScanEvent e = event(pickFields(QStringLiteral("SO-100009"), 1,
            order(QStringLiteral("SO-100009"))
                .value(QLatin1String("lines"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("gtin"))
                .toString(),
            QString(), 1, QStringLiteral("short")));
        int failures = 0;
        for (int i = 1; i < 100; ++i) {
            faults::arm(faults::kServerStatement, i);
            auto result = m_store->ingest(kDevice, {e});
            faults::arm(faults::kServerStatement, 0);
            if (result.ok())
                break;
            ++failures;
            QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM events WHERE id = '%1'")
                             .arg(e.id.toString(QUuid::WithoutBraces))),
                0);
            QCOMPARE(sql(QStringLiteral(
                         "SELECT SUM(shorted) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE "
                         "o.number = 'SO-100009'")),
                0);
        }
        QVERIFY(failures > 5);
        QCOMPARE(sql(QStringLiteral("SELECT SUM(quantity) FROM stock")), stockBefore);
        QCOMPARE(sql(QStringLiteral(
                     "SELECT SUM(shorted) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE "
                     "o.number = 'SO-100009'")),
            1);
    }
};

QTEST_GUILESS_MAIN(TestEventApply)
#include "tst_eventapply.moc"
