#include "warehousedata.h"

#include <QJsonArray>
#include <QTest>

using namespace dockhand::server;

class TestWarehouseData : public QObject
{
    Q_OBJECT
private slots:
    void demoIsCompiledInAndValid()
    {
        auto demo = WarehouseData::demo();
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QCOMPARE(demo->warehouseCode, QStringLiteral("DH1"));
        QCOMPARE(demo->orders.size(), 20);
        QVERIFY(demo->locations.size() > 0);
        QVERIFY(demo->products.size() > 0);
        QVERIFY(demo->operators.size() > 0);
        for (const auto &p : demo->products)
            QVERIFY2(isValidGtin14(p.gtin), qPrintable(p.gtin));
    }

    void gtinCheckDigit_data()
    {
        QTest::addColumn<QString>("gtin");
        QTest::addColumn<bool>("valid");
        QTest::newRow("GS1 example GTIN-14") << QStringLiteral("09501101020917") << true;
        QTest::newRow("demo product") << QStringLiteral("04012345001006") << true;
        QTest::newRow("wrong check digit") << QStringLiteral("09501101020918") << false;
        QTest::newRow("13 digits") << QStringLiteral("9501101020917") << false;
        QTest::newRow("letters") << QStringLiteral("0950110102091A") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void gtinCheckDigit()
    {
        QFETCH(QString, gtin);
        QFETCH(bool, valid);
        QCOMPARE(isValidGtin14(gtin), valid);
    }

    void gtinNormalisedTo14Digits_data()
    {
        QTest::addColumn<QString>("gtin");
        QTest::addColumn<QString>("normal"); // empty: refused
        QTest::newRow("GTIN-14") << QStringLiteral("09501101020917") << QStringLiteral("09501101020917");
        QTest::newRow("EAN-13") << QStringLiteral("9501101020917") << QStringLiteral("09501101020917");
        QTest::newRow("UPC-A") << QStringLiteral("036000291452") << QStringLiteral("00036000291452");
        QTest::newRow("EAN-8") << QStringLiteral("96385074") << QStringLiteral("00000096385074");
        QTest::newRow("EAN-13 wrong check digit") << QStringLiteral("9501101020918") << QString();
        QTest::newRow("11 digits") << QStringLiteral("95011010209") << QString();
        QTest::newRow("15 digits") << QStringLiteral("095011010209170") << QString();
        QTest::newRow("spaces") << QStringLiteral("9501101 020917") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void gtinNormalisedTo14Digits()
    {
        QFETCH(QString, gtin);
        QFETCH(QString, normal);
        QCOMPARE(gtin14(gtin).value_or(QString()), normal);
        if (normal.isEmpty())
            QVERIFY(gtinError(gtin).contains(QLatin1String("valid check digit")));
    }

    void errorsNameTheRecord_data()
    {
        const QJsonObject product {{QStringLiteral("gtin"), QStringLiteral("04012345001006")},
            {QStringLiteral("sku"), QStringLiteral("S1")},
            {QStringLiteral("name"), QStringLiteral("Bottle")}};
        const QJsonObject location {
            {QStringLiteral("code"), QStringLiteral("A-01-01")}, {QStringLiteral("walkSequence"), 10}};
        auto order = [](const QJsonValue &quantity, const QString &gtin) {
            return QJsonObject {{QStringLiteral("number"), QStringLiteral("SO-1")},
                {QStringLiteral("customer"), QStringLiteral("C")},
                {QStringLiteral("lines"),
                    QJsonArray {QJsonObject {{QStringLiteral("line"), 1}, {QStringLiteral("gtin"), gtin},
                        {QStringLiteral("quantity"), quantity}}}}};
        };
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("message");
        QJsonObject badGtin = product;
        badGtin[QStringLiteral("gtin")] = QStringLiteral("04012345001007");
        QTest::newRow("bad gtin") << QJsonObject {{QStringLiteral("products"), QJsonArray {badGtin}}}
                                  << QStringLiteral("products[0]: GTIN '04012345001007'");
        QTest::newRow("duplicate gtin")
            << QJsonObject {{QStringLiteral("products"), QJsonArray {product, product}}}
            << QStringLiteral("products[1]: GTIN 04012345001006 appears twice");
        QTest::newRow("zero quantity") << QJsonObject {{QStringLiteral("products"), QJsonArray {product}},
            {QStringLiteral("orders"), QJsonArray {order(0, QStringLiteral("04012345001006"))}}}
                                       << QStringLiteral("orders[0].lines[0]: field 'quantity'");
        QTest::newRow("unknown product in order")
            << QJsonObject {{QStringLiteral("products"), QJsonArray {product}},
                   {QStringLiteral("orders"), QJsonArray {order(1, QStringLiteral("09501101020917"))}}}
            << QStringLiteral("orders[0].lines[0]: unknown product GTIN 09501101020917");
        QTest::newRow("stock at unknown location")
            << QJsonObject {{QStringLiteral("products"), QJsonArray {product}},
                   {QStringLiteral("locations"), QJsonArray {location}},
                   {QStringLiteral("stock"),
                       QJsonArray {QJsonObject {{QStringLiteral("location"), QStringLiteral("Z-9")},
                           {QStringLiteral("gtin"), QStringLiteral("04012345001006")},
                           {QStringLiteral("quantity"), 3}}}}}
            << QStringLiteral("stock[0]: unknown location Z-9");
        QTest::newRow("bad role")
            << QJsonObject {{QStringLiteral("operators"),
                   QJsonArray {QJsonObject {{QStringLiteral("badge"), QStringLiteral("B")},
                       {QStringLiteral("name"), QStringLiteral("N")},
                       {QStringLiteral("role"), QStringLiteral("boss")},
                       {QStringLiteral("pin"), QStringLiteral("1")}}}}}
            << QStringLiteral(
                   "operators[0]: 'role' must be one of picker, packer, supervisor, admin, not 'boss'");
        QTest::newRow("section not an array")
            << QJsonObject {{QStringLiteral("orders"), 5}} << QStringLiteral("'orders' must be an array");
    }
    void errorsNameTheRecord()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, message);
        auto data = WarehouseData::fromJson(json);
        QVERIFY(!data.ok());
        QVERIFY2(data.error().startsWith(message), qPrintable(data.error()));
    }
};

QTEST_GUILESS_MAIN(TestWarehouseData)
#include "tst_warehousedata.moc"
