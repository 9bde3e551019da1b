#include "gs1aidictionary.h"

#include <QTest>

using dockhand::Gs1AiDictionary;
using dockhand::Gs1Check;

// The compiled-in AI table (generated from the GS1 Barcode Syntax Dictionary): complete,
// consistent with the predefined-length table of the GS1 General Specifications, and strict about
// its own format.
class TestGs1AiDictionary : public QObject
{
    Q_OBJECT
private slots:
    void loads()
    {
        const auto &d = Gs1AiDictionary::instance();
        QVERIFY2(d.loadError().isEmpty(), qPrintable(d.loadError()));
        QVERIFY(d.size() > 450);
    }

    void containsAllAiFamilies_data()
    {
        QTest::addColumn<QString>("ai");
        QTest::addColumn<QString>("title");
        const auto row = [](const char *ai, const char *title) {
            QTest::newRow(ai) << QString::fromLatin1(ai) << QString::fromUtf8(title);
        };
        row("00", "SSCC");
        row("01", "GTIN");
        row("02", "CONTENT");
        row("03", "MTO GTIN");
        row("10", "BATCH/LOT");
        row("17", "USE BY or EXPIRY");
        row("21", "SERIAL");
        row("235", "TPX");
        row("253", "GDTI");
        row("3103", "NET WEIGHT (kg)");
        row("3695", "VOLUME (yd³), log");
        row("37", "COUNT");
        row("3909", "AMOUNT");
        row("3955", "PRICE/UoM");
        row("400", "ORDER NUMBER");
        row("417", "PARTY");
        row("4300", "SHIP TO COMP");
        row("4326", "REL DATE");
        row("4330", "MAX TEMP F.");
        row("4331", "MAX TEMP C.");
        row("4332", "MIN TEMP F.");
        row("4333", "MIN TEMP C.");
        row("7001", "NSN");
        row("7011", "TEST BY DATE");
        row("7039", "PROCESSOR # 9");
        row("7040", "UIC+EXT");
        row("7041", "UFRGT UNIT TYPE");
        row("716", "NHRN AIC");
        row("7230", "CERT # 1");
        row("7239", "CERT # 10");
        row("7240", "PROTOCOL");
        row("7241", "AIDC MEDIA TYPE");
        row("7242", "VCN");
        row("7250", "DOB");
        row("7252", "BIO SEX");
        row("7258", "BIRTH SEQUENCE");
        row("7259", "BABY");
        row("8001", "DIMENSIONS");
        row("8014", "MUDI");
        row("8030", "DIGSIG");
        row("8110", "COUPON");
        row("8111", "POINTS");
        row("8112", "COUPON (POS OFFER)");
        row("8200", "PRODUCT URL");
        row("90", "INTERNAL");
        row("91", "INTERNAL");
        row("95", "INTERNAL");
        row("99", "INTERNAL");
    }
    void containsAllAiFamilies()
    {
        QFETCH(QString, ai);
        QFETCH(QString, title);
        const auto *spec = Gs1AiDictionary::instance().find(ai);
        QVERIFY2(spec, qPrintable(ai));
        QCOMPARE(spec->ai, ai);
        QCOMPARE(spec->title, title);
        QCOMPARE(Gs1AiDictionary::instance().match(ai.toLatin1() + "123456789012345678"), spec);
    }

    void unknownAis()
    {
        const auto &d = Gs1AiDictionary::instance();
        for (const char *ai : {"04", "05", "14", "18", "19", "23", "26", "3106", "3376", "38", "3944", "3956",
                 "428", "4334", "7012", "7042", "7243", "7260", "8015", "8027", "8113", "8201"})
            QVERIFY2(!d.find(QString::fromLatin1(ai)), ai);
        QCOMPARE(d.aiLength('2', '3'), 3); // 235 exists, so AIs starting 23 have three digits
        QCOMPARE(d.aiLength('0', '4'), 0);
        QCOMPARE(d.aiLength('x', '1'), 0);
    }

    // GS1 General Specifications 7.8.5: only these first-two-digit prefixes have a
    // predefined length, and every AI with the "*" flag must be fixed length and in the table.
    void predefinedLengthTable()
    {
        const QHash<QString, int> table = {
            {QStringLiteral("00"), 18},
            {QStringLiteral("01"), 14},
            {QStringLiteral("02"), 14},
            {QStringLiteral("03"), 14},
            {QStringLiteral("04"), 16},
            {QStringLiteral("11"), 6},
            {QStringLiteral("12"), 6},
            {QStringLiteral("13"), 6},
            {QStringLiteral("14"), 6},
            {QStringLiteral("15"), 6},
            {QStringLiteral("16"), 6},
            {QStringLiteral("17"), 6},
            {QStringLiteral("18"), 6},
            {QStringLiteral("19"), 6},
            {QStringLiteral("20"), 2},
            {QStringLiteral("31"), 6},
            {QStringLiteral("32"), 6},
            {QStringLiteral("33"), 6},
            {QStringLiteral("34"), 6},
            {QStringLiteral("35"), 6},
            {QStringLiteral("36"), 6},
            {QStringLiteral("41"), 13},
        };
        for (const auto &spec : Gs1AiDictionary::instance().specs()) {
            const QString prefix = spec.ai.left(2);
            if (table.contains(prefix)) {
                QVERIFY2(spec.predefinedLength, qPrintable(spec.ai));
                QCOMPARE(spec.maxLength, table.value(prefix));
                QCOMPARE(spec.minLength, table.value(prefix));
            } else {
                QVERIFY2(!spec.predefinedLength, qPrintable(spec.ai));
            }
        }
    }

    void flags()
    {
        const auto &d = Gs1AiDictionary::instance();
        QVERIFY(d.find(u"01")->checkDigit);
        QVERIFY(d.find(u"00")->checkDigit);
        QVERIFY(d.find(u"414")->checkDigit);
        QVERIFY(d.find(u"402")->checkDigit);
        QVERIFY(d.find(u"8003")->checkDigit);
        QVERIFY(!d.find(u"10")->checkDigit);
        QVERIFY(d.find(u"17")->date);
        QVERIFY(d.find(u"7006")->date);
        QVERIFY(!d.find(u"3103")->date);
        QVERIFY(d.find(u"3103")->decimal);
        QCOMPARE(d.find(u"3103")->unit, QStringLiteral("kg"));
        QVERIFY(d.find(u"3932")->currency);
        QVERIFY(d.find(u"00")->dlPrimaryKey);
        QCOMPARE(d.find(u"01")->dlQualifiers.size(), 2);
        QVERIFY(d.find(u"17")->dlAttribute);
        QVERIFY(!d.find(u"21")->dlAttribute);
        QCOMPARE(d.find(u"10")->maxLength, 20);
        QCOMPARE(d.find(u"253")->minLength, 13);
        QCOMPARE(d.find(u"253")->maxLength, 30);
        QCOMPARE(d.find(u"02")->required.size(), 1);
        QVERIFY(d.find(u"02")->excludes.contains(QStringLiteral("01")));
    }

    // The Syntax Dictionary's linters arrive as checks on the right component.
    void checksOfTheSyntaxDictionary()
    {
        const auto &d = Gs1AiDictionary::instance();
        const auto checks = [&](const char16_t *ai, std::size_t component) {
            return d.find(QStringView(ai))->components.at(component).checks;
        };
        QCOMPARE(checks(u"01", 0), (std::vector {Gs1Check::Csum, Gs1Check::KeyOff1}));
        QCOMPARE(checks(u"00", 0), (std::vector {Gs1Check::Csum, Gs1Check::KeyOff1}));
        QCOMPARE(checks(u"8006", 0), (std::vector {Gs1Check::Csum, Gs1Check::KeyOff1}));
        QCOMPARE(checks(u"8006", 1), (std::vector {Gs1Check::PieceOfTotal}));
        QCOMPARE(checks(u"414", 0), (std::vector {Gs1Check::Csum, Gs1Check::Key}));
        QCOMPARE(checks(u"8003", 1), (std::vector {Gs1Check::Csum, Gs1Check::Key}));
        QCOMPARE(checks(u"8004", 0), (std::vector {Gs1Check::Key}));
        QCOMPARE(checks(u"8010", 0), (std::vector {Gs1Check::Key}));
        QCOMPARE(
            checks(u"8014", 0), (std::vector {Gs1Check::CsumAlpha, Gs1Check::Key, Gs1Check::HasNonDigit}));
        QCOMPARE(checks(u"7041", 0), (std::vector {Gs1Check::PackageType}));
        QCOMPARE(checks(u"10", 0), std::vector<Gs1Check> {});
        // "[X1],hyphen" in the dictionary: the check belongs to the optional component.
        QVERIFY(d.find(u"4330")->components.at(1).optional);
        QCOMPARE(checks(u"4330", 1), (std::vector {Gs1Check::Hyphen}));
        QCOMPARE(d.find(u"423")->components.size(), std::size_t(5));
        QCOMPARE(d.find(u"423")->maxLength, 15);
        QCOMPARE(checks(u"423", 4), (std::vector {Gs1Check::Iso3166}));
        QVERIFY(d.find(u"7011")->date);
        QCOMPARE(d.find(u"7011")->minLength, 6);
        QCOMPARE(d.find(u"7011")->maxLength, 10);
    }

    void rejectsBrokenTables_data()
    {
        QTest::addColumn<QByteArray>("tsv");
        QTest::addColumn<QString>("error");
        QTest::newRow("columns") << QByteArray("01\t*\tN14\n") << QStringLiteral("line 1: expected 5");
        QTest::newRow("ai") << QByteArray("0A\t-\tN14\t-\tX\n") << QStringLiteral("line 1: bad AI");
        QTest::newRow("range") << QByteArray("3105-3100\t-\tN6\t-\tX\n") << QStringLiteral("line 1: bad AI");
        QTest::newRow("flag") << QByteArray("01\t!\tN14\t-\tX\n") << QStringLiteral("line 1: unknown flag");
        QTest::newRow("type") << QByteArray("01\t-\tQ14\t-\tX\n") << QStringLiteral("line 1: bad component");
        QTest::newRow("check") << QByteArray("01\t-\tN14,luhn\t-\tX\n")
                               << QStringLiteral("line 1: unknown check");
        QTest::newRow("attr") << QByteArray("01\t-\tN14\tfoo\tX\n")
                              << QStringLiteral("line 1: unknown attribute");
        QTest::newRow("variable predefined")
            << QByteArray("10\t*\tX..20\t-\tX\n") << QStringLiteral("line 1: a predefined-length");
        QTest::newRow("duplicate") << QByteArray("# c\n10\t-\tX..20\t-\tX\n10\t-\tX..20\t-\tX\n")
                                   << QStringLiteral("line 3: AI 10 listed twice");
        QTest::newRow("length clash") << QByteArray("10\t-\tX..20\t-\tX\n101\t-\tX..20\t-\tX\n")
                                      << QStringLiteral("line 2: AI 101 has a different length");
        QTest::newRow("empty") << QByteArray("# nothing\n") << QStringLiteral("no AIs");
    }
    void rejectsBrokenTables()
    {
        QFETCH(QByteArray, tsv);
        QFETCH(QString, error);
        QString got;
        const auto d = Gs1AiDictionary::fromTsv(tsv, &got);
        QVERIFY(d.isEmpty());
        QVERIFY2(got.contains(error), qPrintable(got));
    }
};

QTEST_GUILESS_MAIN(TestGs1AiDictionary)
#include "tst_gs1aidictionary.moc"
