#include "checkdigit.h"
#include "gs1parser.h"

#include <QTest>

using namespace dockhand;

namespace {

const QByteArray GS("\x1d");

// A valid value for one component of an AI, built from its type, length and checks.
QByteArray sampleComponent(const Gs1Component &c)
{
    const int len = c.maxLength;
    const auto has = [&](Gs1Check check) {
        return std::find(c.checks.begin(), c.checks.end(), check) != c.checks.end();
    };
    if (c.type == 'N') {
        if (has(Gs1Check::Csum)) {
            QByteArray body = QByteArray("0950600013435123456789").left(len - 1);
            body.prepend(QByteArray(len - 1 - body.size(), '0'));
            return body
                + char('0' + CheckDigit::mod10(std::string_view(body.constData(), std::size_t(body.size()))));
        }
        if (has(Gs1Check::Yymmd0))
            return "250100"; // day 00: end of month
        if (has(Gs1Check::Yymmdd))
            return "250115";
        if (has(Gs1Check::Yyyymmdd))
            return "20250115";
        if (has(Gs1Check::Yymmddhh))
            return "25011513";
        if (has(Gs1Check::Hhmi))
            return "2359";
        if (has(Gs1Check::Hh))
            return "13";
        if (has(Gs1Check::Mi) || has(Gs1Check::Ss))
            return "45";
        if (has(Gs1Check::Iso3166) || has(Gs1Check::Iso3166999))
            return "276";
        if (has(Gs1Check::Iso4217))
            return "978";
        if (has(Gs1Check::Iso5218) || has(Gs1Check::YesNo) || has(Gs1Check::Winding))
            return "1";
        if (has(Gs1Check::Zero))
            return "0";
        if (has(Gs1Check::PieceOfTotal))
            return "0102";
        if (has(Gs1Check::Latitude))
            return "1234567890";
        if (has(Gs1Check::Longitude))
            return "2345678901";
        if (has(Gs1Check::MediaType))
            return "01";
        if (has(Gs1Check::NoZeroPrefix))
            return QByteArray("123456789012").left(len);
        // NonZero and plain numbers: a non-zero digit string of the full length.
        return QByteArray("12345678901234567890").repeated(5).left(len);
    }
    if (c.type == 'Y') {
        // Identification keys start with a GS1 Company Prefix: digits first.
        const QByteArray prefix = has(Gs1Check::Key) ? "9506" : "";
        return (prefix + QByteArray("AB-12/#CD").repeated(10)).left(len);
    }
    if (c.type == 'Z')
        return QByteArray("aZ09-_").repeated(20).left(len);
    if (has(Gs1Check::Iso3166Alpha2))
        return "DE";
    if (has(Gs1Check::Hyphen))
        return "-";
    if (has(Gs1Check::ImporterIdx))
        return "A";
    if (has(Gs1Check::PosInSeqSlash))
        return "1/2";
    if (has(Gs1Check::Iban))
        return "GB82WEST12345698765432";
    if (has(Gs1Check::CsumAlpha)) {
        const QByteArray body = QByteArray("1987654Ad4X4bL5ttr2310c").left(len - 2);
        char pair[2];
        CheckDigit::alphaPair(std::string_view(body.constData(), std::size_t(body.size())), pair);
        return body + QByteArray(pair, 2);
    }
    if (has(Gs1Check::Pcenc))
        return QByteArray("A%20b-1").left(len);
    if (has(Gs1Check::PackageType))
        return "BX";
    if (has(Gs1Check::Key))
        return (QByteArray("9506000") + QByteArray("Ab1-/.x%_").repeated(12)).left(len);
    return QByteArray("Ab1-/.x%_").repeated(12).left(len);
}

QByteArray sampleValue(const Gs1AiSpec &spec)
{
    QByteArray v;
    for (const auto &c : spec.components) {
        v += sampleComponent(c);
        if (c.optional)
            break; // the first optional component is enough to exercise it
    }
    return v;
}

// Digits followed by their mod-10 check digit.
QByteArray withCheckDigit(const QByteArray &body)
{
    return body + char('0' + CheckDigit::mod10(std::string_view(body.constData(), std::size_t(body.size()))));
}

Gs1Parser lenient()
{
    Gs1Parser p;
    p.setToday(QDate(2024, 6, 1));
    p.setCheckPairing(false);
    return p;
}

} // namespace

class TestGs1Parser : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(Gs1AiDictionary::instance().loadError().isEmpty()); }

    // Every AI of the dictionary: a valid value parses back to itself, alone, before another
    // element, and in bracketed form; a value too long or with a wrong character is refused
    // with a message naming the AI.
    void everyAiRoundTrips_data()
    {
        QTest::addColumn<QString>("ai");
        for (const auto &spec : Gs1AiDictionary::instance().specs())
            QTest::newRow(qPrintable(spec.ai)) << spec.ai;
    }
    void everyAiRoundTrips()
    {
        QFETCH(QString, ai);
        const Gs1AiSpec &spec = *Gs1AiDictionary::instance().find(ai);
        const Gs1Parser parser = lenient();
        const QByteArray value = sampleValue(spec);
        QVERIFY2(parser.checkValue(spec, value).isEmpty(), qPrintable(parser.checkValue(spec, value)));

        const Gs1ParseResult alone = parser.parse(ai.toLatin1() + value);
        QVERIFY2(alone.valid, qPrintable(alone.error));
        QCOMPARE(alone.elements.size(), 1);
        QCOMPARE(alone.elements.first().ai, ai);
        QCOMPARE(alone.elements.first().value, QString::fromLatin1(value));
        QCOMPARE(alone.elements.first().title, spec.title);
        QCOMPARE(alone.hri, QStringLiteral("(%1)%2").arg(ai, QString::fromLatin1(value)));

        // Followed by another element: the encoder's separator rule and the parser agree.
        QList<Gs1Element> two = alone.elements;
        const QString next = ai == QLatin1String("91") ? QStringLiteral("92") : QStringLiteral("91");
        two.append(Gs1Element {next, QStringLiteral("X1"), QStringLiteral("INTERNAL")});
        const QByteArray encoded = parser.toElementString(two);
        QCOMPARE(encoded.contains(GS), !spec.predefinedLength);
        const Gs1ParseResult both = parser.parse(encoded);
        QVERIFY2(both.valid, qPrintable(both.error));
        QCOMPARE(both.elements, two);

        const Gs1ParseResult hri = parser.parseHri(alone.hri);
        QVERIFY2(hri.valid, qPrintable(hri.error));
        QCOMPARE(hri.elements, alone.elements);

        // One character more than the maximum.
        const QByteArray longer = value + QByteArray(spec.maxLength - value.size() + 1, '1');
        const Gs1ParseResult tooLong = parser.parse(ai.toLatin1() + longer);
        if (spec.predefinedLength) {
            // The extra digit starts the next AI ("1" alone is not one).
            QVERIFY(!tooLong.valid);
        } else {
            QVERIFY(!tooLong.valid);
            QVERIFY2(tooLong.error.startsWith(QStringLiteral("AI %1: ").arg(ai)), qPrintable(tooLong.error));
        }
        // A character outside the first component's set.
        QByteArray bad = value;
        bad[0] = spec.components.front().type == 'N' ? 'A' : ' ';
        const QString err = parser.checkValue(spec, bad);
        QVERIFY2(err.startsWith(QStringLiteral("AI %1: ").arg(ai)), qPrintable(err));
    }

    // A sample of formats, each given a value that breaks it one way: the operator is told the
    // AI and exactly what is wrong.
    void wrongValuesRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("error");
        const auto row = [](const char *name, const QByteArray &data, const char *error) {
            QTest::newRow(name) << data << QString::fromUtf8(error);
        };
        row("X..20 too long", "10ABCDEFGHIJKLMNOPQRSTU", "AI 10: 21 characters, at most 20 allowed");
        row("N..8 too long", "30123456789", "AI 30: 9 digits, at most 8 allowed");
        row("N13 [X..17] too long", "253" + withCheckDigit("950600013435") + "ABCDEFGHIJKLMNOPQR",
            "AI 253: 31 characters, at most 30 allowed");
        row("N4 too short", "8111123", "AI 8111: 4 digits required, got 3");
        row("N18 check digit", "8017" + QByteArray("950600013435000012"),
            "AI 8017: check digit should be 1, got 2");
        row("N13 check digit", "4104012345000008", "AI 410: check digit should be 9, got 8");
        row("N1 N13 check digit", "800309506000134353", "AI 8003: check digit should be 2, got 3");
        row("X CSET 82", "4300AB^C", "AI 4300: '^' at position 3 is not in GS1 character set 82");
        row("Y CSET 39", "80109506ab", "AI 8010: 'a' at position 5 is not in GS1 character set 39");
        row("Z base64url", "8030ab$", "AI 8030: '$' at position 3 is not a base64url character");
        row("N letter", "7001950600013435X", "AI 7001: 'X' at position 13 is not a digit");
        row("yymmdd month", "7011251301", "AI 7011: month 13 is not a month");
        row("yymmdd day", "7006250230", "AI 7006: day 30 is not a day of 2025-02");
        row("yyyymmdd day", "725020250230", "AI 7250: day 30 is not a day of 2025-02");
        row("optional hhmi", "70112501152460", "AI 7011: hour 24 is not an hour");
        row("hhmi minute", "70032501151260", "AI 7003: minute 60 is not a minute");
        row("key letter", "8004ABC123", "AI 8004: 'A' at position 1 cannot be part of a GS1 Company Prefix");
        row("key too short", "401123", "AI 401: too short to hold a GS1 Company Prefix");
        row("packagetype", "7041bx", "AI 7041: 'bx' is not a package type code");
        row("hyphen", "4330001234+", "AI 4330: expected '-', got '+'");
        row("iso5218", "72523", "AI 7252: sex code must be 0, 1, 2 or 9, got 3");
        row("posinseqslash", "72583/2", "AI 7258: '3/2' is not a position in a sequence (n/m)");
        row("mediatype", "724111", "AI 7241: media type 11 is not defined");
    }
    void wrongValuesRefused()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, error);
        const Gs1ParseResult r = lenient().parse(data);
        QVERIFY(!r.valid);
        QCOMPARE(r.error, error);
    }

    // AIs added in the Syntax Dictionary's recent releases (7011, 4330-4333, 7241, 7250-7259,
    // 8030), and 7041 with its package type check, parse with their GS1 partners (pairing on).
    void recentAis_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("hri");
        const QByteArray gtin = "0109506000134352";
        const QByteArray sscc = "00106141411234567897";
        const QByteArray gsrn = withCheckDigit("95060001343500001");
        const auto row = [](const char *name, const QByteArray &data, const QString &hri) {
            QTest::newRow(name) << data << hri;
        };
        row("7011 test by date", gtin + "7011250115", QStringLiteral("(01)09506000134352(7011)250115"));
        row("7011 with time", gtin + "70112501151230", QStringLiteral("(01)09506000134352(7011)2501151230"));
        row("4330 max temp F, negative", sscc + "4330001234-",
            QStringLiteral("(00)106141411234567897(4330)001234-"));
        row("4333 min temp C", sscc + "4333000500", QStringLiteral("(00)106141411234567897(4333)000500"));
        row("7241 media type", "8017" + gsrn + GS + "724101",
            QStringLiteral("(8017)%1(7241)01").arg(QString::fromLatin1(gsrn)));
        row("7250 date of birth", "8018" + gsrn + GS + "725019991231",
            QStringLiteral("(8018)%1(7250)19991231").arg(QString::fromLatin1(gsrn)));
        row("7258 birth sequence", "8018" + gsrn + GS + "72592%2FOLA" + GS + "72581/2",
            QStringLiteral("(8018)%1(7259)2%2FOLA(7258)1/2").arg(QString::fromLatin1(gsrn)));
        row("8030 digital signature", gtin + "21S1" + GS + "8030aZ09-_",
            QStringLiteral("(01)09506000134352(21)S1(8030)aZ09-_"));
        row("7041 package type", sscc + "7041BX", QStringLiteral("(00)106141411234567897(7041)BX"));
    }
    void recentAis()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, hri);
        Gs1Parser parser;
        parser.setToday(QDate(2024, 6, 1));
        const Gs1ParseResult r = parser.parse(data);
        QVERIFY2(r.valid, qPrintable(r.error));
        QCOMPARE(r.hri, hri);
    }

    void hardCases_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("hri"); // expected HRI, or empty when refused
        QTest::addColumn<QString>("error"); // expected error (substring) when refused
        const auto ok = [](const char *name, const QByteArray &data, const char *hri) {
            QTest::newRow(name) << data << QString::fromLatin1(hri) << QString();
        };
        const auto bad = [](const char *name, const QByteArray &data, const char *error) {
            QTest::newRow(name) << data << QString() << QString::fromUtf8(error);
        };
        ok("GTIN + lot",
            "0109506000134352"
            "10ABC123",
            "(01)09506000134352(10)ABC123");
        ok("lot then serial",
            "0109506000134352"
            "10ABC"
                + GS + "21XYZ",
            "(01)09506000134352(10)ABC(21)XYZ");
        ok("leading GS (FNC1 as data)", GS + "0109506000134352", "(01)09506000134352");
        ok("trailing GS",
            "0109506000134352"
            "10ABC"
                + GS,
            "(01)09506000134352(10)ABC");
        ok("GS after fixed length", "0109506000134352" + GS + "17251231", "(01)09506000134352(17)251231");
        ok("lot 10D9T",
            "0109506000134352"
            "10D9T",
            "(01)09506000134352(10)D9T");
        ok("lot 10D9T then expiry",
            "0109506000134352"
            "10D9T"
                + GS + "17250101",
            "(01)09506000134352(10)D9T(17)250101");
        ok("expiry day 00",
            "0109506000134352"
            "17251100",
            "(01)09506000134352(17)251100");
        ok("SSCC", "00106141411234567897", "(00)106141411234567897");
        ok("content + count on a pallet",
            "00106141411234567897"
            "0209506000134352"
            "3712"
                + GS + "10L1",
            "(00)106141411234567897(02)09506000134352(37)12(10)L1");
        ok("SSCC + content + count",
            "00106141411234567897"
            "0209506000134352"
            "3748",
            "(00)106141411234567897(02)09506000134352(37)48");
        ok("net weight",
            "0109506000134352"
            "3103001250",
            "(01)09506000134352(3103)001250");
        ok("order number", "400SO-100001", "(400)SO-100001");
        ok("ship-to GLN", "4104012345000009", "(410)4012345000009");
        ok("duplicate same value, both kept as scanned",
            "0109506000134352"
            "10A"
                + GS + "10A",
            "(01)09506000134352(10)A(10)A");
        ok("GMN", "80131987654Ad4X4bL5ttr2310c2K", "(8013)1987654Ad4X4bL5ttr2310c2K");
        ok("internal", "91ABC" + GS + "99!\"%&'()*+,-./:;<=>?_z", "(91)ABC(99)!\"%&'()*+,-./:;<=>?_z");
        bad("empty", "", "No GS1 data");
        bad("only GS", GS, "No GS1 data");
        bad("two GS",
            "0109506000134352"
            "10A"
                + GS + GS + "21B",
            "Two separators in a row at position 21");
        bad("two leading GS", GS + GS + "0109506000134352", "Two separators in a row at position 2");
        bad("check digit", "0109506000134353", "AI 01: check digit should be 2, got 3");
        bad("SSCC check digit", "00106141411234567890", "AI 00: check digit should be 7, got 0");
        bad("GLN check digit", "4144012345000008", "AI 414: check digit should be 9, got 8");
        bad("month 13",
            "0109506000134352"
            "17251301",
            "AI 17: month 13 is not a month");
        bad("month 00",
            "0109506000134352"
            "17250001",
            "AI 17: month 00 is not a month");
        bad("day 32",
            "0109506000134352"
            "17250132",
            "AI 17: day 32 is not a day of 2025-01");
        bad("29 Feb in 2025",
            "0109506000134352"
            "17250229",
            "AI 17: day 29 is not a day of 2025-02");
        bad("day 00 not allowed",
            "0109506000134352"
            "7006250100",
            "AI 7006: day 00 is not allowed");
        bad("short GTIN", "01095060001343", "AI 01: 14 digits required, got 12");
        bad("GS inside fixed", "01095060" + GS + "00134352", "AI 01: 14 digits required, got 6");
        bad("letter in GTIN", "010950600013435A", "AI 01: 'A' at position 14 is not a digit");
        bad("unknown AI",
            "0109506000134352"
            "23123",
            "Unknown AI 231 at position 17");
        bad("unknown 4-digit AI", "3106123456", "Unknown AI 3106 at position 1");
        bad("not an AI", "ABC", "Not GS1 data");
        bad("lot too long, missing GS",
            "0109506000134352"
            "10ABCDEFGHIJKLMNOPQRS"
            "21XYZ",
            "AI 10: 24 characters, at most 20 allowed (missing separator before AI 21?)");
        bad("CSET 82",
            "0109506000134352"
            "10AB C",
            "AI 10: ' ' at position 3 is not in GS1 character set 82");
        bad("non-ASCII",
            "0109506000134352"
            "10\xc3\xa9",
            "AI 10: byte 0xC3 at position 1 is not in GS1 character set 82");
        bad("CSET 39", "8010ab", "AI 8010: 'a' at position 1 is not in GS1 character set 39");
        bad("no data",
            "0109506000134352"
            "10" + GS
                + "21A",
            "AI 10: no data");
        bad("AI at end", "010950600013435210", "AI 10: no data");
        bad("37 needs 00",
            "0209506000134352"
            "3712",
            "AI 37 requires AI 00");
        bad("02 needs 37", "0209506000134352", "AI 02 requires AI 37");
        bad("01 and 02",
            "0109506000134352"
            "0209506000134352"
            "371",
            "must not appear together");
        bad("01 and 37",
            "0109506000134352"
            "3712",
            "AI 01 and AI 37 must not appear together");
        bad("10 needs a key", "10ABC", "AI 10 requires AI 01, AI 02, AI 03, AI 8006 or AI 8026");
        bad("two net weights",
            "0109506000134352"
            "3103001250"
            "3102012500",
            "AI 3103 and AI 3102 must not");
        bad("duplicate different",
            "0109506000134352"
            "10A"
                + GS + "10B",
            "AI 10 appears twice with different values (A and B)");
        bad("fixed non-predefined too long",
            "0109506000134352"
            "42227612",
            "AI 422: 3 digits required, got 5");
        bad("piece of total", "8006095060001343520302", "AI 8006: piece 3 of 2 is not possible");
        bad("alpha check pair", "80131987654Ad4X4bL5ttr2310cXK",
            "AI 8013: check characters should be 2K, got XK");
        bad("IBAN",
            "0109506000134352"
            "8007GB82WEST12345698765431",
            "AI 8007: GB82WEST12345698765431 is not a valid IBAN");
    }
    void hardCases()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, hri);
        QFETCH(QString, error);
        Gs1Parser parser;
        parser.setToday(QDate(2024, 6, 1));
        const Gs1ParseResult r = parser.parse(data);
        if (hri.isEmpty()) {
            QVERIFY(!r.valid);
            QVERIFY2(r.error.contains(error), qPrintable(r.error));
            QVERIFY(r.elements.isEmpty());
        } else {
            QVERIFY2(r.valid, qPrintable(r.error));
            QCOMPARE(r.hri, hri);
            QVERIFY(r.error.isEmpty());
        }
    }

    void titlesAndDecimals()
    {
        const Gs1ParseResult r = Gs1Parser().parse(QByteArray("0109506000134352"
                                                              "3103001250"
                                                              "3922995"
            + GS + "10ABC123"));
        QVERIFY2(r.valid, qPrintable(r.error));
        QCOMPARE(r.elements.size(), 4);
        QCOMPARE(r.elements.at(0),
            (Gs1Element {QStringLiteral("01"), QStringLiteral("09506000134352"), QStringLiteral("GTIN")}));
        QCOMPARE(r.elements.at(1).title, QStringLiteral("NET WEIGHT (kg)"));
        QCOMPARE(r.elements.at(1).decimal, QStringLiteral("1.250"));
        QCOMPARE(r.elements.at(1).unit, QStringLiteral("kg"));
        QCOMPARE(r.elements.at(2).ai, QStringLiteral("3922"));
        QCOMPARE(r.elements.at(2).decimal, QStringLiteral("9.95"));
        QCOMPARE(r.elements.at(3).title, QStringLiteral("BATCH/LOT"));
        QCOMPARE(r.hri, QStringLiteral("(01)09506000134352(3103)001250(3922)995(10)ABC123"));

        const Gs1ParseResult price = Gs1Parser().parse(QByteArray("0109506000134352"
                                                                  "3102000400"
                                                                  "39329781234"));
        QVERIFY2(price.valid, qPrintable(price.error));
        QCOMPARE(price.elements.at(2).decimal, QStringLiteral("12.34"));
        QCOMPARE(price.elements.at(2).unit, QStringLiteral("978"));
        QCOMPARE(price.elements.at(1).decimal, QStringLiteral("4.00"));

        const Gs1ParseResult whole = Gs1Parser().parse(QByteArray("0109506000134352"
                                                                  "3100000042"));
        QCOMPARE(whole.elements.at(1).decimal, QStringLiteral("42"));
    }

    void centuryRule_data()
    {
        QTest::addColumn<QString>("yymmdd");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("date");
        const QDate t(2024, 6, 1);
        QTest::newRow("this year") << QStringLiteral("241231") << t << QDate(2024, 12, 31);
        QTest::newRow("+50 stays") << QStringLiteral("740101") << t << QDate(2074, 1, 1);
        QTest::newRow("+51 previous century") << QStringLiteral("750101") << t << QDate(1975, 1, 1);
        QTest::newRow("-49 stays") << QStringLiteral("250101") << QDate(2074, 1, 1) << QDate(2025, 1, 1);
        QTest::newRow("-50 next century")
            << QStringLiteral("000101") << QDate(2050, 1, 1) << QDate(2100, 1, 1);
        QTest::newRow("-49 this century")
            << QStringLiteral("010101") << QDate(2050, 1, 1) << QDate(2001, 1, 1);
        QTest::newRow("day 00") << QStringLiteral("240200") << t << QDate(2024, 2, 29);
        QTest::newRow("day 00 Dec") << QStringLiteral("241200") << t << QDate(2024, 12, 31);
        QTest::newRow("YYYYMMDD") << QStringLiteral("19991231") << t << QDate(1999, 12, 31);
        QTest::newRow("bad month") << QStringLiteral("241301") << t << QDate();
        QTest::newRow("bad length") << QStringLiteral("2412") << t << QDate();
    }
    void centuryRule()
    {
        QFETCH(QString, yymmdd);
        QFETCH(QDate, today);
        QFETCH(QDate, date);
        QCOMPARE(Gs1Parser::gs1Date(yymmdd, today), date);
    }

    void pairingCanBeRelaxed()
    {
        Gs1Parser parser;
        QVERIFY(!parser.parse(QByteArray("10ABC")).valid);
        parser.setCheckPairing(false);
        QVERIFY(parser.parse(QByteArray("10ABC")).valid);
        // Conflicting duplicates stay an error: the scan cannot mean two things.
        QVERIFY(!parser.parse(QByteArray("10A" + GS + "10B")).valid);
    }

    void hriForm()
    {
        const Gs1ParseResult r = Gs1Parser().parseHri(u"(01)09506000134352(10)AB\\(C(17)251231");
        QVERIFY2(r.valid, qPrintable(r.error));
        QCOMPARE(r.elements.at(1).value, QStringLiteral("AB(C"));
        QVERIFY(!Gs1Parser().parseHri(u"01)0950").valid);
        QVERIFY(!Gs1Parser().parseHri(u"(0109506000134352").valid);
        QCOMPARE(Gs1Parser().parseHri(u"(23)1").error, QStringLiteral("Unknown AI 23"));
    }

    void emptyDictionaryRefusesEverything()
    {
        const Gs1AiDictionary empty;
        const Gs1ParseResult r = Gs1Parser(empty).parse(QByteArray("0109506000134352"));
        QVERIFY(!r.valid);
    }
};

QTEST_GUILESS_MAIN(TestGs1Parser)
#include "tst_gs1parser.moc"
