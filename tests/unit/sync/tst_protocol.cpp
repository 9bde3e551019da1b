// The wire types both sides share: a round trip keeps every field, and each malformed input is
// refused with a message that names the field.

#include "protocol.h"

#include <QJsonDocument>
#include <QTest>

using namespace dockhand::protocol;

class TestProtocol : public QObject
{
    Q_OBJECT

    static ScanEvent sample()
    {
        ScanEvent e;
        e.id = QUuid::createUuid();
        e.deviceId = QStringLiteral("handheld-01");
        e.sequence = 42;
        e.operatorId = QStringLiteral("OP-1001");
        e.task = QStringLiteral("WAVE-7");
        e.step = QStringLiteral("pick");
        e.raw = QStringLiteral("0104012345001006") + QChar(0x1d) + QStringLiteral("10LOT-7");
        e.aim = QStringLiteral("]C1");
        e.source = QStringLiteral("serial");
        e.kind = QStringLiteral("product");
        e.fields = QJsonObject {{QStringLiteral("gtin"), QStringLiteral("04012345001006")}};
        e.result = QStringLiteral("accepted");
        e.deviceTime = QDateTime(QDate(2026, 11, 22), QTime(8, 30, 1, 250), Qt::UTC);
        return e;
    }

private slots:
    void eventRoundTrip()
    {
        const ScanEvent e = sample();
        const QByteArray wire = QJsonDocument(e.toJson()).toJson();
        QString error;
        const auto back = ScanEvent::fromJson(QJsonDocument::fromJson(wire).object(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->id, e.id);
        QCOMPARE(back->sequence, e.sequence);
        QCOMPARE(back->raw, e.raw);
        QCOMPARE(back->aim, e.aim);
        QCOMPARE(back->fields, e.fields);
        QCOMPARE(back->deviceTime, e.deviceTime);
        QCOMPARE(back->operatorId, e.operatorId);
    }

    void refusesMalformedEvents_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("id not uuid") << "id" << QJsonValue(QStringLiteral("nope")) << "'id' is not a UUID";
        QTest::newRow("id missing") << "id" << QJsonValue(QJsonValue::Undefined) << "'id' is missing";
        QTest::newRow("seq string") << "seq" << QJsonValue(QStringLiteral("1"))
                                    << "'seq' must be a positive integer";
        QTest::newRow("seq zero") << "seq" << QJsonValue(0) << "'seq' must be a positive integer";
        QTest::newRow("seq fraction") << "seq" << QJsonValue(1.5) << "'seq' must be a positive integer";
        // Past 2^53 a JSON number is no longer exact: 2^53 + 1 would be stored as 2^53.
        QTest::newRow("seq past 2^53") << "seq" << QJsonValue(qint64(9007199254740993))
                                       << "'seq' must be a positive integer (at most 9007199254740991)";
        QTest::newRow("raw number") << "raw" << QJsonValue(5) << "'raw' must be a string";
        QTest::newRow("fields array")
            << "fields" << QJsonValue(QJsonArray {}) << "'fields' must be an object";
        QTest::newRow("bad time") << "deviceTime" << QJsonValue(QStringLiteral("yesterday"))
                                  << "not an ISO 8601 time";
        QTest::newRow("time without offset")
            << "deviceTime" << QJsonValue(QStringLiteral("2026-11-22T08:30:01.250")) << "has no UTC offset";
        QTest::newRow("bad result") << "result" << QJsonValue(QStringLiteral("maybe")) << "'result' must be";
        QTest::newRow("unknown field")
            << "quantity" << QJsonValue(3) << "unknown field 'quantity' (allowed: id,";
    }

    void refusesMalformedEvents()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject json = sample().toJson();
        if (value.isUndefined())
            json.remove(field);
        else
            json.insert(field, value);
        QString error;
        QVERIFY(!ScanEvent::fromJson(json, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void acceptsAnEventWithRequiredFieldsOnly()
    {
        const QJsonObject json {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("device"), QStringLiteral("handheld-01")}, {QStringLiteral("seq"), 1},
            {QStringLiteral("step"), QStringLiteral("home")},
            {QStringLiteral("raw"), QStringLiteral("A-01-01")},
            {QStringLiteral("result"), QStringLiteral("accepted")},
            {QStringLiteral("deviceTime"), QStringLiteral("2026-11-22T08:30:01.250Z")}};
        QString error;
        const auto e = ScanEvent::fromJson(json, &error);
        QVERIFY2(e, qPrintable(error));
        QVERIFY(e->operatorId.isEmpty());
        QVERIFY(e->fields.isEmpty());
    }

    void acceptsLargestSequenceAndAnyOffset()
    {
        QJsonObject json = sample().toJson();
        json.insert(QStringLiteral("seq"), qint64(9007199254740991));
        json.insert(QStringLiteral("deviceTime"), QStringLiteral("2026-11-22T09:30:01.250+01:00"));
        QString error;
        const auto e = ScanEvent::fromJson(json, &error);
        QVERIFY2(e, qPrintable(error));
        QCOMPARE(e->sequence, qint64(9007199254740991));
        QCOMPARE(e->deviceTime, QDateTime(QDate(2026, 11, 22), QTime(8, 30, 1, 250), Qt::UTC));
        QCOMPARE(e->deviceTime.timeSpec(), Qt::UTC);
    }

    void uploadRequestChecksDeviceAndSize()
    {
        UploadRequest request {QStringLiteral("handheld-01"), {sample()}};
        QString error;
        QVERIFY(UploadRequest::fromJson(request.toJson(), &error));

        auto other = sample();
        other.deviceId = QStringLiteral("handheld-02");
        UploadRequest mixed {QStringLiteral("handheld-01"), {sample(), other}};
        QVERIFY(!UploadRequest::fromJson(mixed.toJson(), &error));
        QVERIFY2(error.contains(QStringLiteral("events[1] belongs to device")), qPrintable(error));

        UploadRequest big {QStringLiteral("handheld-01"), {}};
        for (int i = 0; i <= kMaxEventsPerBatch; ++i)
            big.events.append(sample());
        QVERIFY(!UploadRequest::fromJson(big.toJson(), &error));
        QVERIFY2(error.contains(QStringLiteral("at most")), qPrintable(error));

        QVERIFY(!UploadRequest::fromJson(QJsonObject {{QStringLiteral("device"), QStringLiteral("x")},
                                             {QStringLiteral("events"), QStringLiteral("[]")}},
            &error));
        QVERIFY2(error.contains(QStringLiteral("'events' must be an array")), qPrintable(error));
    }

    void responseRoundTrip()
    {
        UploadResponse response;
        response.results = {{QUuid::createUuid(), AckStatus::Accepted, {}},
            {QUuid::createUuid(), AckStatus::Duplicate, {}},
            {QUuid::createUuid(), AckStatus::Rejected, QStringLiteral("order SO-100001 is cancelled")}};
        QString error;
        const auto back = UploadResponse::fromJson(response.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->results.size(), 3);
        QCOMPARE(back->results.at(1).status, AckStatus::Duplicate);
        QCOMPARE(back->results.at(2).reason, QStringLiteral("order SO-100001 is cancelled"));
        QJsonObject bad {{QStringLiteral("results"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), QUuid::createUuid().toString()},
                {QStringLiteral("status"), QStringLiteral("lost")}}}}};
        QVERIFY(!UploadResponse::fromJson(bad, &error));
        QVERIFY2(error.contains(QStringLiteral("unknown status")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
