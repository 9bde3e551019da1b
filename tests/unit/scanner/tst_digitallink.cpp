#include "digitallink.h"

#include <QTest>

using namespace dockhand;

class TestDigitalLink : public QObject
{
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("hri");
        const auto row = [](const char *name, const char *uri, const char *hri) {
            QTest::newRow(name) << QString::fromUtf8(uri) << QString::fromLatin1(hri);
        };
        row("GS1 example", "https://id.gs1.org/01/09506000134352/10/ABC?17=201225",
            "(01)09506000134352(10)ABC(17)201225");
        row("custom domain and path prefix", "https://brand.example.com/products/01/09506000134352/21/S123",
            "(01)09506000134352(21)S123");
        row("http and upper-case scheme", "HTTP://example.org/01/09506000134352", "(01)09506000134352");
        row("GTIN-13 padded", "https://example.org/01/9506000134352", "(01)09506000134352");
        row("all qualifiers", "https://id.gs1.org/01/09506000134352/22/CPV1/10/L%2F1/21/S%21",
            "(01)09506000134352(22)CPV1(10)L/1(21)S!");
        row("percent-decoded", "https://id.gs1.org/01/09506000134352/10/AB%2FC%25",
            "(01)09506000134352(10)AB/C%");
        row("query attributes", "https://id.gs1.org/01/09506000134352?3103=000500&17=251200&linkType=gs1:pip",
            "(01)09506000134352(3103)000500(17)251200");
        row("fragment ignored", "https://id.gs1.org/00/106141411234567897#top", "(00)106141411234567897");
        row("SSCC", "https://example.com/00/106141411234567897", "(00)106141411234567897");
        row("GLN with extension", "https://example.com/414/4012345000009/254/A-01-02",
            "(414)4012345000009(254)A-01-02");
        row("GRAI", "https://example.com/8003/04012345000016ABC", "(8003)04012345000016ABC");
        row("TPX", "https://example.com/01/09506000134352/235/TPX1", "(01)09506000134352(235)TPX1");
    }
    void parses()
    {
        QFETCH(QString, uri);
        QFETCH(QString, hri);
        Gs1Parser parser;
        parser.setToday(QDate(2024, 6, 1));
        QVERIFY(DigitalLink::looksLike(uri));
        const auto r = DigitalLink::parse(uri, parser);
        QVERIFY(r.has_value());
        QVERIFY2(r->valid, qPrintable(r->error));
        if (!hri.isEmpty())
            QCOMPARE(r->hri, hri);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("error");
        const auto row = [](const char *name, const char *uri, const char *error) {
            QTest::newRow(name) << QString::fromUtf8(uri) << QString::fromUtf8(error);
        };
        row("check digit", "https://id.gs1.org/01/09506000134353",
            "Digital Link: AI 01: check digit should be 2, got 3");
        row("bad date", "https://id.gs1.org/01/09506000134352?17=201325",
            "Digital Link: AI 17: month 13 is not a month");
        row("order of qualifiers", "https://id.gs1.org/01/09506000134352/21/S/10/L",
            "not in an allowed order");
        row("mixed alternatives", "https://id.gs1.org/01/09506000134352/10/L/235/T",
            "not in an allowed order");
        row("no qualifiers for SSCC", "https://id.gs1.org/00/106141411234567897/10/L",
            "AI 00 takes no qualifiers");
        row("dangling qualifier", "https://id.gs1.org/01/09506000134352/10", "AI 10 has no value");
        row("unknown query AI", "https://id.gs1.org/01/09506000134352?23=1", "unknown AI 23 in the query");
        row("path-only AI in query", "https://id.gs1.org/01/09506000134352?21=S",
            "AI 21 is not allowed as a query attribute");
        row("value not CSET 82", "https://id.gs1.org/01/09506000134352/10/%E2%82%AC", "AI 10: byte 0xE2");
        row("pairing", "https://id.gs1.org/01/09506000134352?37=5",
            "AI 01 and AI 37 must not appear together");
    }
    void refuses()
    {
        QFETCH(QString, uri);
        QFETCH(QString, error);
        const auto r = DigitalLink::parse(uri, Gs1Parser());
        QVERIFY(r.has_value());
        QVERIFY(!r->valid);
        QVERIFY2(r->error.contains(error), qPrintable(r->error));
    }

    void notDigitalLinks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain URL") << QStringLiteral("https://example.com/about");
        QTest::newRow("key without value") << QStringLiteral("https://example.com/01");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/01/09506000134352");
        QTest::newRow("no host") << QStringLiteral("https:///01/09506000134352");
        QTest::newRow("not a URI") << QStringLiteral("A-01-02");
        QTest::newRow("empty") << QString();
    }
    void notDigitalLinks()
    {
        QFETCH(QString, text);
        QVERIFY(!DigitalLink::looksLike(text));
        QVERIFY(!DigitalLink::parse(text, Gs1Parser()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDigitalLink)
#include "tst_digitallink.moc"
