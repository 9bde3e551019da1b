#include "scan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace dockhand;

namespace {
const QByteArray GS("\x1d");

RawScan raw(const QByteArray &data, const QString &aim = {})
{
    RawScan r;
    r.data = data;
    r.aim = aim;
    return r;
}
} // namespace

class TestScanDecoder : public QObject
{
    Q_OBJECT
private:
    ScanDecoder m_decoder;

private slots:
    void init() { m_decoder.setToday(QDate(2024, 6, 1)); }

    void classifies_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("aim");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("key"); // gtin, sscc or code
        QTest::addColumn<QString>("symbology");
        const auto row = [](const char *name, const QByteArray &data, const char *aim, const char *kind,
                             const char *key, const char *symbology) {
            QTest::newRow(name) << data << QString::fromLatin1(aim) << QString::fromLatin1(kind)
                                << QString::fromLatin1(key) << QString::fromLatin1(symbology);
        };
        row("GTIN-8", "96385074", "", "product", "00000096385074", "");
        row("GTIN-12", "036000291452", "", "product", "00036000291452", "");
        row("GTIN-13", "4006381333931", "", "product", "04006381333931", "");
        row("GTIN-14", "09506000134352", "", "product", "09506000134352", "");
        row("EAN-13 with AIM", "4006381333931", "]E0", "product", "04006381333931", "EAN-13");
        row("EAN-8 with AIM", "96385074", "]E4", "product", "00000096385074", "EAN-8");
        row("UPC-E expanded", "01234565", "]E0", "product", "00012345000065", "UPC-E");
        row("EAN-13 with add-on", "400638133393112", "]E3", "product", "04006381333931",
            "EAN-13 with add-on");
        row("ITF-14", "09506000134352", "]I1", "product", "09506000134352", "ITF");
        row("bare SSCC", "106141411234567897", "", "sscc", "106141411234567897", "");
        row("GS1-128 SSCC", "00106141411234567897", "]C1", "sscc", "106141411234567897", "GS1-128");
        row("GS1-128 GTIN", "0109506000134352", "]C1", "product", "09506000134352", "GS1-128");
        row("GS1 DataMatrix",
            "0109506000134352"
            "10ABC"
                + GS + "21S1",
            "]d2", "product", "09506000134352", "GS1 DataMatrix");
        row("GS1 QR", "0109506000134352", "]Q3", "product", "09506000134352", "GS1 QR Code");
        row("typed HRI", "(01)09506000134352(10)ABC(17)261231", "", "product", "09506000134352", "");
        row("DataBar", "0109506000134352", "]e0", "product", "09506000134352", "GS1 DataBar");
        row("pallet content",
            "00106141411234567897"
            "0209506000134352"
            "3712",
            "]C1", "sscc", "106141411234567897", "GS1-128");
        row("order AI 400", "400SO-100001", "]C1", "order", "SO-100001", "GS1-128");
        row("GLN location",
            "4144012345000009"
            "254A-01-02",
            "]C1", "location", "4012345000009.A-01-02", "GS1-128");
        row("GRAI tote", "800304012345000016T1", "]C1", "tote", "04012345000016T1", "GS1-128");
        row("location label", "A-01-02", "]C0", "location", "A-01-02", "Code 128");
        row("tote label", "TOTE-0001", "", "tote", "TOTE-0001", "");
        row("badge", "OP-1001", "]A0", "badge", "OP-1001", "Code 39");
        row("order label", "SO-100001", "", "order", "SO-100001", "");
        row("AIM in the data", "]C10109506000134352", "", "product", "09506000134352", "GS1-128");
        row("lot look-alike in plain Code 128", "10D9T", "]C0", "unknown", "", "Code 128");
        row("lot look-alike without AIM", "10D9T", "", "unknown", "", "");
        row("GS1 without AIM, FNC1 as GS",
            GS
                + "0109506000134352"
                  "10L",
            "", "product", "09506000134352", "");
        row("GS1 without AIM, GS between",
            "0109506000134352"
            "10L"
                + GS + "21S",
            "", "product", "09506000134352", "");
        row("Digital Link", "https://id.gs1.org/01/09506000134352/10/ABC?17=201225", "]Q1", "product",
            "09506000134352", "QR Code");
        row("plain URL", "https://example.com/help", "]Q1", "unknown", "", "QR Code");
        row("free text", "hello world", "", "unknown", "", "");
        row("unknown digits", "12345", "", "unknown", "", "");
        row("composite", "4006381333931|]e010ABC" + GS + "17250100", "]E0", "product", "04006381333931",
            "EAN-13 Composite");
    }
    void classifies()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, aim);
        QFETCH(QString, kind);
        QFETCH(QString, key);
        QFETCH(QString, symbology);
        const Scan scan = m_decoder.decode(raw(data, aim));
        QVERIFY2(scan.valid, qPrintable(scan.error));
        QVERIFY(scan.error.isEmpty());
        QCOMPARE(scanKindName(scan.kind), kind);
        QCOMPARE(scan.symbology, symbology);
        const QString got = scan.kind == ScanKind::Product ? scan.gtin
            : scan.kind == ScanKind::Sscc                  ? scan.sscc
                                                           : scan.code;
        QCOMPARE(got, key);
    }

    void productFields()
    {
        const Scan scan = m_decoder.decode(raw("0109506000134352"
                                               "10D9T"
                + GS
                + "17250100"
                  "21SER/1"
                + GS + "3103001250",
            QStringLiteral("]C1")));
        QVERIFY2(scan.valid, qPrintable(scan.error));
        QCOMPARE(scan.kind, ScanKind::Product);
        QCOMPARE(scan.gtin, QStringLiteral("09506000134352"));
        QCOMPARE(scan.lot, QStringLiteral("D9T"));
        QCOMPARE(scan.serial, QStringLiteral("SER/1"));
        QCOMPARE(scan.expiry, QDate(2025, 1, 31));
        QCOMPARE(scan.hri, QStringLiteral("(01)09506000134352(10)D9T(17)250100(21)SER/1(3103)001250"));
        QCOMPARE(scan.elements.size(), 5);
        QCOMPARE(scan.element(u"3103"), QStringLiteral("001250"));
        QCOMPARE(scan.elements.at(4).decimal, QStringLiteral("1.250"));
        QCOMPARE(scan.text,
            QStringLiteral("0109506000134352"
                           "10D9T\x1d"
                           "17250100"
                           "21SER/1\x1d"
                           "3103001250"));

        const Scan pallet = m_decoder.decode(raw("00106141411234567897"
                                                 "0209506000134352"
                                                 "3748",
            QStringLiteral("]C1")));
        QCOMPARE(pallet.kind, ScanKind::Sscc);
        QCOMPARE(pallet.count, 48);

        const Scan counted = m_decoder.decode(raw("0209506000134352"
                                                  "30120",
            QStringLiteral("]C1")));
        QVERIFY(!counted.valid); // AI 02 needs 37 (on a logistic unit)
        const Scan variable = m_decoder.decode(raw("0109506000134352"
                                                   "3012",
            QStringLiteral("]C1")));
        QVERIFY2(variable.valid, qPrintable(variable.error));
        QCOMPARE(variable.count, 12);
        // Century rule against the injected date.
        const Scan old = m_decoder.decode(raw("0109506000134352"
                                              "17991231",
            QStringLiteral("]C1")));
        QCOMPARE(old.expiry, QDate(1999, 12, 31));
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("aim");
        QTest::addColumn<QString>("error");
        const auto row = [](const char *name, const QByteArray &data, const char *aim, const char *error) {
            QTest::newRow(name) << data << QString::fromLatin1(aim) << QString::fromUtf8(error);
        };
        row("GTIN-13 check digit", "4006381333932", "",
            "GTIN-13 4006381333932: check digit should be 1, got 2");
        row("typed HRI check digit", "(01)09506000134353", "", "AI 01: check digit should be 2, got 3");
        row("GTIN-8 check digit", "96385075", "", "GTIN-8 96385075: check digit should be 4, got 5");
        row("GTIN-12 check digit", "036000291453", "",
            "GTIN-12 036000291453: check digit should be 2, got 3");
        row("GTIN-14 check digit", "09506000134353", "",
            "GTIN-14 09506000134353: check digit should be 2, got 3");
        row("SSCC check digit", "106141411234567890", "",
            "SSCC 106141411234567890: check digit should be 7, got 0");
        row("EAN-13 wrong digit", "4006381333932", "]E0", "check digit should be 1, got 2");
        row("EAN wrong length", "12345", "]E0", "EAN-13 scan has 5 digits, not a GTIN");
        row("GS1 check digit", "0109506000134353", "]C1", "AI 01: check digit should be 2, got 3");
        row("GS1 month",
            "0109506000134352"
            "17251301",
            "]d2", "AI 17: month 13 is not a month");
        row("GS1 10D9T alone", "10D9T", "]C1", "AI 10 requires AI 01");
        row("GS1 without AIM, broken", "0109506000134353" + GS + "10A", "", "AI 01: check digit");
        row("empty", "", "", "Empty scan");
        row("only AIM", "]C1", "", "Empty scan");
        row("bell",
            "AB\x07"
            "C",
            "", "control character 0x07 at position 3");
        row("NUL", QByteArray("A\0B", 3), "", "control character 0x00 at position 2");
        row("CR inside", "A-01-02\r", "", "control character 0x0d");
        row("DEL", "A\x7f", "", "control character 0x7f");
        row("not UTF-8", "\xff\xfe\xfd", "", "not valid UTF-8");
        row("truncated UTF-8", "abc\xe2\x82", "", "not valid UTF-8");
        row("composite bad linear", "123|]e010A", "]E0", "Composite symbol");
        row("composite bad component", "4006381333931|]e017251399", "]E0", "Composite component: AI 17");
        row("Digital Link bad GTIN", "https://id.gs1.org/01/09506000134353", "]Q1", "Digital Link: AI 01");
    }
    void refuses()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, aim);
        QFETCH(QString, error);
        const Scan scan = m_decoder.decode(raw(data, aim));
        QVERIFY(!scan.valid);
        QVERIFY2(scan.error.contains(error), qPrintable(scan.error));
        QCOMPARE(scan.kind, ScanKind::Unknown);
        QVERIFY(scan.elements.isEmpty());
        QVERIFY(scan.gtin.isEmpty());
    }

    // A site's numeric label with a GTIN-like length is theirs when their pattern claims it.
    void patternBeatsWrongCheckDigit()
    {
        ClassifierConfig config = ClassifierConfig::demoDefaults();
        config.location = QRegularExpression(QStringLiteral("^\\d{8}$"));
        ScanDecoder decoder(config);
        const Scan scan = decoder.decode(raw("12345678"));
        QVERIFY(scan.valid);
        QCOMPARE(scan.kind, ScanKind::Location);
        // A valid GTIN-8 is still a product.
        QCOMPARE(decoder.decode(raw("96385074")).kind, ScanKind::Product);
    }

    void decodeGs1ForcesElementString()
    {
        const Scan scan = m_decoder.decodeGs1(raw("0109506000134352"
                                                  "10D9T"));
        QVERIFY2(scan.valid, qPrintable(scan.error));
        QCOMPARE(scan.lot, QStringLiteral("D9T"));
        const Scan withAim = m_decoder.decodeGs1(raw("]C00109506000134352"));
        QVERIFY2(withAim.valid, qPrintable(withAim.error));
        QCOMPARE(withAim.aim, QStringLiteral("]C0"));
        QVERIFY(!m_decoder.decodeGs1(raw("A-01-02")).valid);
    }

    void configFromJson()
    {
        QString error = QStringLiteral("stale");
        const auto parse = [&](const char *json) {
            return ClassifierConfig::fromJson(QJsonDocument::fromJson(json).object(), &error);
        };
        ClassifierConfig c = parse("{\"location\": \"[A-Z]{2}\\\\d{4}\", \"tote\": \"\"}");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ScanDecoder decoder(c);
        QCOMPARE(decoder.decode(raw("AB1234")).kind, ScanKind::Location);
        QCOMPARE(decoder.decode(raw("xAB1234")).kind, ScanKind::Unknown); // patterns match the whole scan
        QCOMPARE(decoder.decode(raw("AB12345")).kind, ScanKind::Unknown);
        QCOMPARE(decoder.decode(raw("TOTE-0001")).kind, ScanKind::Unknown); // switched off
        QCOMPARE(decoder.decode(raw("OP-1001")).kind, ScanKind::Badge); // default kept

        parse("{\"location\": \"A-(\\\\d\"}");
        QVERIFY2(error.contains(QStringLiteral("'location' is not a valid regular expression")),
            qPrintable(error));
        parse("{\"badge\": 12}");
        QVERIFY2(error.contains(QStringLiteral("'badge' must be a string")), qPrintable(error));
        const ClassifierConfig fallback = parse("{\"locaton\": \"x\"}");
        QVERIFY2(error.contains(QStringLiteral("unknown key 'locaton'")), qPrintable(error));
        QCOMPARE(fallback.location.pattern(), ClassifierConfig::demoDefaults().location.pattern());
        parse("{}");
        QVERIFY(error.isEmpty());
    }

    void json()
    {
        const Scan scan = m_decoder.decode(raw("0109506000134352"
                                               "10ABC"
                + GS + "3012",
            QStringLiteral("]C1")));
        const QJsonObject o = scan.toJson();
        QCOMPARE(o.value(u"valid").toBool(), true);
        QCOMPARE(o.value(u"kind").toString(), QStringLiteral("product"));
        QCOMPARE(o.value(u"gtin").toString(), QStringLiteral("09506000134352"));
        QCOMPARE(o.value(u"lot").toString(), QStringLiteral("ABC"));
        QCOMPARE(o.value(u"count").toInt(), 12);
        QCOMPARE(o.value(u"elements").toArray().size(), 3);
        QCOMPARE(o.value(u"elements").toArray().at(1).toObject().value(u"title").toString(),
            QStringLiteral("BATCH/LOT"));
        QVERIFY(!o.contains(u"sscc"));
        QVERIFY(!o.contains(u"expiry"));
        QCOMPARE(o.value(u"error").toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestScanDecoder)
#include "tst_scandecoder.moc"
