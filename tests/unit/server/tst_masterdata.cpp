// Master-data import as a site's admin makes it: files as spreadsheets and shop systems write
// them (CSV with any of three separators, quotes, a byte order mark; JSON), every broken row
// named with its row and reason and nothing changed, upserts by key with what was created,
// changed or already so, a dry run that changes nothing, and every change in the log the devices
// download. Real SQLite files.

#include "masterdata/masterdata.h"
#include "masterdata/masterdatastore.h"
#include "serverstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand::server;

namespace {

MasterDataFile csv(MasterDataKind kind, const QByteArray &text)
{
    return parseMasterData(kind, text, TableFormat::Csv);
}

QString errorsOf(const MasterDataFile &file)
{
    QStringList lines;
    if (!file.error.isEmpty())
        lines.append(file.error);
    for (const RowError &e : file.errors)
        lines.append(QStringLiteral("row %1: %2").arg(e.row).arg(e.message));
    return lines.join(u'\n');
}

} // namespace

class TestMasterData : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    std::unique_ptr<ServerStore> freshStore()
    {
        DatabaseLocation location;
        location.sqlitePath = m_dir.filePath(QStringLiteral("site-%1.db").arg(++m_counter));
        auto store = ServerStore::open(location, QStringLiteral("tst-masterdata"));
        if (!store)
            qWarning() << store.error();
        return store ? std::move(store.value()) : nullptr;
    }

    static ImportReport import(
        ServerStore &store, MasterDataKind kind, const QByteArray &text, bool dryRun = false)
    {
        const MasterDataFile file = csv(kind, text);
        if (!file.error.isEmpty())
            qWarning() << file.error;
        auto report = store.masterDataStore().import(file, dryRun, QStringLiteral("tester"));
        if (!report) {
            qWarning() << report.error();
            return {};
        }
        return report.value();
    }

    static qint64 count(ServerStore &store, const QString &sql)
    {
        auto n = store.database().scalar(sql);
        return n ? n.value() : -1;
    }

    static QList<ChangeLog::Change> changesOf(ServerStore &store, const QString &type)
    {
        QList<ChangeLog::Change> found;
        auto all = store.changeLog().changes(0, 100000);
        if (!all)
            qWarning() << all.error();
        for (const auto &c : all ? all.value() : QList<ChangeLog::Change>())
            if (c.type == type)
                found.append(c);
        return found;
    }

    static const QByteArray &locationsCsv()
    {
        static const QByteArray text = "code,zone,walkSequence,checkDigits\nA-01-01,A,10,42\nA-01-02,A,20,\n";
        return text;
    }

    static const QByteArray &productsCsv()
    {
        static const QByteArray text = "gtin,sku,name,lotTracked,unitWeightKg\n"
                                       "4012345001006,SKU-1,Bottle,no,0.25\n"
                                       "9501101020917,SKU-2,Soap,yes,1.5\n";
        return text;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- reading files ------------------------------------------------------------------------

    void spreadsheetsCsvIsRead_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("commas") << QByteArray("gtin,sku,name\n4012345001006,S1,\"Bottle, 1 l\"\n");
        QTest::newRow("semicolons, CRLF")
            << QByteArray("gtin;sku;name\r\n4012345001006;S1;\"Bottle, 1 l\"\r\n");
        QTest::newRow("tabs") << QByteArray("gtin\tsku\tname\n4012345001006\tS1\tBottle, 1 l\n");
        QTest::newRow("byte order mark")
            << QByteArray("\xef\xbb\xbfgtin,sku,name\n4012345001006,S1,\"Bottle, 1 l\"\n");
        QTest::newRow("header words") << QByteArray("GTIN,Sku,Name\n4012345001006,S1,\"Bottle, 1 l\"\n");
        QTest::newRow("EAN-13, blank lines")
            << QByteArray("gtin,sku,name\n\n4012345001006,S1,\"Bottle, 1 l\"\n\n");
    }
    void spreadsheetsCsvIsRead()
    {
        QFETCH(QByteArray, text);
        const MasterDataFile file = csv(MasterDataKind::Products, text);
        QVERIFY2(file.error.isEmpty() && file.errors.isEmpty(), qPrintable(errorsOf(file)));
        QCOMPARE(file.products.size(), 1);
        QCOMPARE(file.products.first().gtin, QStringLiteral("04012345001006"));
        QCOMPARE(file.products.first().name, QStringLiteral("Bottle, 1 l"));
    }

    void quotedLineBreaksKeepTheRowNumbers()
    {
        const MasterDataFile file = csv(MasterDataKind::Products,
            "gtin,sku,name\n4012345001006,S1,\"two\nlines, \"\"quoted\"\"\"\n9501101020918,S2,Bad\n");
        QCOMPARE(file.products.first().name, QStringLiteral("two\nlines, \"quoted\""));
        QCOMPARE(file.errors.size(), 1);
        QCOMPARE(file.errors.first().row, 4); // the record after the two-line cell starts on line 4
    }

    void decimalCommaAndFlagWords()
    {
        const MasterDataFile file = csv(MasterDataKind::Products,
            "gtin;sku;name;unitWeightKg;lotTracked;serialTracked\n4012345001006;S1;B;0,25;ja;x\n");
        QCOMPARE(file.errors.size(), 1);
        QVERIFY2(file.errors.first().message.contains(QLatin1String("'lotTracked' must be true or false")),
            qPrintable(errorsOf(file)));
        const MasterDataFile good = csv(MasterDataKind::Products,
            "gtin;sku;name;unitWeightKg;lotTracked;serialTracked\n4012345001006;S1;B;0,25;yes;x\n");
        QVERIFY2(good.errors.isEmpty(), qPrintable(errorsOf(good)));
        QCOMPARE(good.products.first().unitWeightKg, 0.25);
        QVERIFY(good.products.first().lotTracked);
        QVERIFY(good.products.first().serialTracked);
    }

    void jsonIsRead()
    {
        const QByteArray list = R"([{"gtin": "4012345001006", "sku": "S1", "name": "B", "unitWeightKg": 0.5,
            "lotTracked": true, "lengthMm": 120}])";
        for (const QByteArray &body : {list, QByteArray("{\"products\": ") + list + "}"}) {
            const MasterDataFile file = parseMasterData(MasterDataKind::Products, body, TableFormat::Json);
            QVERIFY2(file.error.isEmpty() && file.errors.isEmpty(), qPrintable(errorsOf(file)));
            QCOMPARE(file.products.first().unitWeightKg, 0.5);
            QCOMPARE(file.products.first().lengthMm, 120);
            QVERIFY(file.products.first().lotTracked);
        }
        const MasterDataFile totes
            = parseMasterData(MasterDataKind::Totes, R"(["TOTE-1", {"code": "TOTE-2"}])", TableFormat::Json);
        QCOMPARE(totes.totes, (QStringList {QStringLiteral("TOTE-1"), QStringLiteral("TOTE-2")}));
    }

    void brokenFilesSayWhy_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("says");
        const int products = int(MasterDataKind::Products);
        QTest::newRow("Latin-1") << products << QByteArray("gtin,sku,name\n4012345001006,S1,Caf\xe9\n")
                                 << QStringLiteral("not UTF-8 text: the byte at offset 34 (line 2)");
        QTest::newRow("UTF-16") << products << QByteArray("\xff\xfeg\0t\0", 6) << QStringLiteral("UTF-16");
        QTest::newRow("unknown column")
            << products << QByteArray("gtin,sku,name,colour\n") << QStringLiteral("unknown column 'colour'");
        QTest::newRow("missing column") << products << QByteArray("gtin,name\n4012345001006,B\n")
                                        << QStringLiteral("the column 'sku' is missing");
        QTest::newRow("empty") << products << QByteArray("") << QStringLiteral("the file is empty");
        QTest::newRow("header only") << products << QByteArray("gtin,sku,name\n")
                                     << QStringLiteral("holds no products");
        QTest::newRow("column twice")
            << products << QByteArray("gtin,sku,SKU\n") << QStringLiteral("the column 'SKU' appears twice");
        QTest::newRow("malformed JSON")
            << products << QByteArray("[{\"gtin\": }") << QStringLiteral("malformed JSON");
    }
    void brokenFilesSayWhy()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, text);
        QFETCH(QString, says);
        const bool json = text.startsWith('[');
        const MasterDataFile file
            = parseMasterData(MasterDataKind(kind), text, json ? TableFormat::Json : TableFormat::Csv);
        QVERIFY2(file.error.contains(says), qPrintable(errorsOf(file)));
        QVERIFY(file.products.isEmpty());
    }

    void brokenRowsAreEachNamed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("says");
        const int p = int(MasterDataKind::Products);
        const QByteArray gtinSkuName = "gtin,sku,name\n";
        QTest::newRow("GTIN check digit")
            << p << gtinSkuName + "4012345001007,S1,B\n"
            << QStringLiteral("GTIN '4012345001007' is not a GTIN-8, -12, -13 or -14 "
                              "with a valid check digit");
        QTest::newRow("GTIN length") << p << gtinSkuName + "40123450010,S1,B\n"
                                     << QStringLiteral("GTIN '40123450010'");
        QTest::newRow("formula =") << p << gtinSkuName + "4012345001006,S1,=cmd|' /C calc'!A0\n"
                                   << QStringLiteral(
                                          "'name' starts with '=', which a spreadsheet runs as a formula");
        QTest::newRow("formula +") << p << gtinSkuName + "4012345001006,+S1,B\n"
                                   << QStringLiteral("'sku' starts with '+'");
        QTest::newRow("formula @") << p << gtinSkuName + "4012345001006,S1,@SUM(A1)\n"
                                   << QStringLiteral("'name' starts with '@'");
        QTest::newRow("empty name") << p << gtinSkuName + "4012345001006,S1,\n"
                                    << QStringLiteral("'name' is empty");
        QTest::newRow("cells missing") << p << gtinSkuName + "4012345001006,S1\n"
                                       << QStringLiteral("expected 3 cells (as the header row names), got 2");
        QTest::newRow("negative weight")
            << p << QByteArray("gtin,sku,name,unitWeightKg\n4012345001006,S1,B,-1\n")
            << QStringLiteral("'unitWeightKg' must be a number from 0");
        const int l = int(MasterDataKind::Locations);
        QTest::newRow("walk sequence") << l << QByteArray("code,walkSequence\nA-1,ten\n")
                                       << QStringLiteral("'walkSequence' must be a whole number from 0");
        QTest::newRow("location space")
            << l << QByteArray("code,walkSequence\nA 1,10\n") << QStringLiteral("'code' holds a space");
        QTest::newRow("check digits") << l << QByteArray("code,walkSequence,checkDigits\nA-1,10,4x\n")
                                      << QStringLiteral("'checkDigits' must be 1 to 4 digits");
        const int s = int(MasterDataKind::Stock);
        QTest::newRow("quantity") << s << QByteArray("location,gtin,quantity\nA-1,4012345001006,1.5\n")
                                  << QStringLiteral("'quantity' must be a whole number from 0 to 1000000000");
        QTest::newRow("expiry")
            << s << QByteArray("location,gtin,quantity,lot,expiry\nA-1,4012345001006,1,L1,31.12.2027\n")
            << QStringLiteral("'expiry' must be a date written YYYY-MM-DD");
        QTest::newRow("expiry without lot")
            << s << QByteArray("location,gtin,quantity,expiry\nA-1,4012345001006,1,2027-12-31\n")
            << QStringLiteral("without a 'lot'");
        const int o = int(MasterDataKind::Operators);
        QTest::newRow("role") << o << QByteArray("badge,name,role\nOP-1,Pia,boss\n")
                              << QStringLiteral("'role' must be one of picker, packer, supervisor, admin");
        QTest::newRow("pin") << o << QByteArray("badge,name,role,pin\nOP-1,Pia,picker,12\n")
                             << QStringLiteral("'pin' must be 4 to 12 digits");
        const int c = int(MasterDataKind::CartonTypes);
        QTest::newRow("carton size")
            << c << QByteArray("code,name,lengthMm,widthMm,heightMm,tareKg\nBOX,Box,0,10,10,0.1\n")
            << QStringLiteral("'lengthMm' must be a whole number from 1");
    }
    void brokenRowsAreEachNamed()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, row);
        QFETCH(QString, says);
        const MasterDataFile file = csv(MasterDataKind(kind), row);
        QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
        QCOMPARE(file.errors.size(), 1);
        QCOMPARE(file.errors.first().row, 2);
        QVERIFY2(file.errors.first().message.contains(says), qPrintable(errorsOf(file)));
    }

    void aKeyTwiceNamesBothRows()
    {
        const MasterDataFile file = csv(MasterDataKind::Products,
            "gtin,sku,name\n4012345001006,S1,A\n9501101020917,S2,B\n04012345001006,S3,C\n");
        QCOMPARE(file.errors.size(), 1);
        QCOMPARE(file.errors.first().row, 4);
        QVERIFY2(file.errors.first().message.contains(
                     QLatin1String("GTIN 04012345001006 appears twice in the file "
                                   "(first on row 2)")),
            qPrintable(errorsOf(file)));
        const MasterDataFile skus
            = csv(MasterDataKind::Products, "gtin,sku,name\n4012345001006,S1,A\n9501101020917,S1,B\n");
        QVERIFY2(errorsOf(skus).contains(QLatin1String("row 3: SKU S1 appears twice")),
            qPrintable(errorsOf(skus)));
    }

    // --- importing ----------------------------------------------------------------------------

    void upsertsByKeyAndCountsWhatChanged()
    {
        auto store = freshStore();
        QVERIFY(store);
        ImportReport r = import(*store, MasterDataKind::Products, productsCsv());
        QVERIFY(r.ok());
        QCOMPARE(r.created, 2);
        r = import(*store, MasterDataKind::Products, productsCsv());
        QCOMPARE(r.created + r.updated, 0);
        QCOMPARE(r.unchanged, 2);
        r = import(*store, MasterDataKind::Products,
            "gtin,sku,name,lotTracked,unitWeightKg\n4012345001006,SKU-1,Bottle 1 "
            "l,no,0.25\n96385074,SKU-3,Tape,no,\n");
        QCOMPARE(r.created, 1);
        QCOMPARE(r.updated, 1);
        QCOMPARE(r.unchanged, 0);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM products")), 3);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM master_data_imports")), 3);
        // Every change reaches the devices, with the new fields; an unchanged row adds nothing.
        const auto products = changesOf(*store, QStringLiteral("product"));
        QCOMPARE(products.size(), 4);
        QCOMPARE(products.last().key, QStringLiteral("00000096385074"));
        QCOMPARE(products.at(2).data.value(QLatin1String("name")).toString(), QStringLiteral("Bottle 1 l"));
        QCOMPARE(products.first().data.value(QLatin1String("unitWeightKg")).toDouble(), 0.25);
    }

    void aDryRunChangesNothing()
    {
        auto store = freshStore();
        QVERIFY(store);
        const ImportReport r = import(*store, MasterDataKind::Products, productsCsv(), true);
        QVERIFY(r.ok());
        QVERIFY(r.dryRun);
        QCOMPARE(r.created, 2);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM products")), 0);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM changes")), 0);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM master_data_imports")), 0);
    }

    void oneBadRowChangesNothingAndEveryBadRowIsNamed()
    {
        auto store = freshStore();
        QVERIFY(store);
        QVERIFY(import(*store, MasterDataKind::Locations, locationsCsv()).ok());
        QVERIFY(import(*store, MasterDataKind::Products, productsCsv()).ok());
        const qint64 changesBefore = count(*store, QStringLiteral("SELECT COUNT(*) FROM changes"));
        const ImportReport r = import(*store, MasterDataKind::Stock,
            "location,gtin,quantity,lot\n"
            "A-01-01,4012345001006,10,\n" // good
            "Z-99,4012345001006,1,\n" // unknown location
            "A-01-01,4012345001007,1,\n" // bad check digit (the parser's)
            "A-01-01,4012345001006,1,L1\n" // lot for a product without lots
            "A-01-02,9501101020917,1,\n" // no lot for a lot-tracked product
            "A-01-02,00000096385074,1,\n"); // unknown product
        QStringList rows;
        for (const RowError &e : r.errors)
            rows.append(QStringLiteral("%1 %2").arg(e.row).arg(e.message));
        QCOMPARE(r.errors.size(), 5);
        QVERIFY2(
            rows.at(0).startsWith(QLatin1String("3 unknown location Z-99")), qPrintable(rows.join(u'\n')));
        QVERIFY2(
            rows.at(1).startsWith(QLatin1String("4 GTIN '4012345001007'")), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.at(2).contains(QLatin1String("is not lot-tracked")), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.at(3).contains(QLatin1String("is lot-tracked: give the 'lot'")),
            qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.at(4).startsWith(QLatin1String("7 unknown product GTIN 00000096385074")),
            qPrintable(rows.join(u'\n')));
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM stock")), 0);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM changes")), changesBefore);
    }

    void stockIsACountAndLotsAddUp()
    {
        auto store = freshStore();
        QVERIFY(store);
        QVERIFY(import(*store, MasterDataKind::Locations, locationsCsv()).ok());
        QVERIFY(import(*store, MasterDataKind::Products, productsCsv()).ok());
        ImportReport r = import(*store, MasterDataKind::Stock,
            "location,gtin,quantity,lot,expiry\nA-01-01,4012345001006,10,,\nA-01-02,9501101020917,5,L1,"
            "2027-01-31\n"
            "A-01-02,9501101020917,3,L2,\n");
        QVERIFY(r.ok());
        QCOMPARE(r.created, 3);
        const QString total = QStringLiteral(
            "SELECT quantity FROM stock s JOIN products p ON p.id = s.product_id WHERE p.gtin = '%1'");
        QCOMPARE(count(*store, total.arg(QLatin1String("04012345001006"))), 10);
        QCOMPARE(count(*store, total.arg(QLatin1String("09501101020917"))), 8);
        // A recount sets the quantity (it does not add); a lot's recount moves the total by the
        // difference, so what was picked since stays picked.
        QVERIFY(
            store->database().command(QStringLiteral("UPDATE stock SET quantity = 6 WHERE quantity = 8")));
        r = import(*store, MasterDataKind::Stock,
            "location,gtin,quantity,lot\nA-01-01,4012345001006,7,\nA-01-02,9501101020917,1,L2\n");
        QVERIFY(r.ok());
        QCOMPARE(r.updated, 2);
        QCOMPARE(count(*store, total.arg(QLatin1String("04012345001006"))), 7);
        QCOMPARE(count(*store, total.arg(QLatin1String("09501101020917"))), 4);
        QCOMPARE(count(*store, QStringLiteral("SELECT SUM(quantity) FROM stock_lots")), 6);
    }

    void aSkuStaysWithOneProduct()
    {
        auto store = freshStore();
        QVERIFY(store);
        QVERIFY(import(*store, MasterDataKind::Products, productsCsv()).ok());
        ImportReport r = import(*store, MasterDataKind::Products, "gtin,sku,name\n96385074,SKU-1,Tape\n");
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(
            r.errors.first().message.contains(QLatin1String("SKU SKU-1 belongs to product 04012345001006")),
            qPrintable(r.errors.first().message));
        // Two products swapping their SKUs in one file is fine.
        r = import(*store, MasterDataKind::Products,
            "gtin,sku,name,lotTracked,unitWeightKg\n4012345001006,SKU-2,Bottle,no,0.25\n9501101020917,"
            "SKU-1,Soap,yes,1.5\n");
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errors.first().message));
        QCOMPARE(r.updated, 2);
        QCOMPARE(count(*store,
                     QStringLiteral(
                         "SELECT COUNT(*) FROM products WHERE gtin = '09501101020917' AND sku = 'SKU-1'")),
            1);
    }

    void operatorsKeepTheirPinAndTheSiteItsAdministrator()
    {
        auto store = freshStore();
        QVERIFY(store);
        ImportReport r = import(*store, MasterDataKind::Operators,
            "badge,name,role,pin\nADM-1,Ada,admin,123456\nOP-1,Pia,picker,\n");
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().row, 3);
        QVERIFY(r.errors.first().message.contains(QLatin1String("operator OP-1 is new and needs a 'pin'")));
        QVERIFY(import(*store, MasterDataKind::Operators,
            "badge,name,role,pin\nADM-1,Ada,admin,123456\nOP-1,Pia,picker,4321\n")
                    .ok());
        const QString hash = store->operatorPinHash(QStringLiteral("OP-1")).value();
        // Renamed without a PIN: the PIN stays.
        r = import(*store, MasterDataKind::Operators, "badge,name,role\nOP-1,Pia Ng,packer\n");
        QVERIFY(r.ok());
        QCOMPARE(r.updated, 1);
        QCOMPARE(store->operatorPinHash(QStringLiteral("OP-1")).value(), hash);
        QCOMPARE(store->login(QStringLiteral("OP-1"), QStringLiteral("4321")).value().outcome,
            AccessStore::LoginResult::Outcome::Ok);
        // The last administrator cannot be imported away.
        r = import(
            *store, MasterDataKind::Operators, "badge,name,role\nOP-1,Pia Ng,admin\nADM-1,Ada,picker\n");
        QVERIFY(r.ok()); // another admin remains
        r = import(*store, MasterDataKind::Operators, "badge,name,role\nOP-1,Pia Ng,packer\n");
        QCOMPARE(r.errors.size(), 1);
        QVERIFY(r.errors.first().message.contains(QLatin1String("without an administrator")));
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM operators WHERE role = 'admin'")), 1);
    }

    void cartonTypesReachThePackersList()
    {
        auto store = freshStore();
        QVERIFY(store);
        const QByteArray cartons = "code,name,lengthMm,widthMm,heightMm,tareKg\nBOX-S,Small,200,150,100,0.1\n"
                                   "BOX-M,Medium,300,200,150,0.2\n";
        QVERIFY(import(*store, MasterDataKind::CartonTypes, cartons).ok());
        const auto configs = changesOf(*store, QStringLiteral("config"));
        QCOMPARE(configs.size(), 1);
        QCOMPARE(configs.last().data.value(QLatin1String("cartons")).toArray(),
            (QJsonArray {QStringLiteral("BOX-M"), QStringLiteral("BOX-S")}));
        QCOMPARE(changesOf(*store, QStringLiteral("carton")).size(), 2);
        ImportReport r = import(*store, MasterDataKind::Totes, "code\nTOTE-1\nTOTE-2\n");
        QCOMPARE(r.created, 2);
        r = import(*store, MasterDataKind::Totes, "code\nTOTE-2\nTOTE-3\n");
        QCOMPARE(r.created, 1);
        QCOMPARE(r.unchanged, 1);
    }

    void theDemoIsLoadedThroughTheImport()
    {
        auto store = freshStore();
        QVERIFY(store);
        auto demo = WarehouseData::demo();
        QVERIFY2(demo, demo ? "" : qPrintable(demo.error()));
        QVERIFY(store->seedIfEmpty(demo.value()).value());
        const QString kinds
            = QStringLiteral("SELECT COUNT(DISTINCT kind) FROM master_data_imports WHERE actor = 'demo'");
        QCOMPARE(count(*store, kinds), 6);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM products")), demo->products.size());
        QCOMPARE(changesOf(*store, QStringLiteral("product")).size(), demo->products.size());
        QCOMPARE(changesOf(*store, QStringLiteral("config")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMasterData)
#include "tst_masterdata.moc"
