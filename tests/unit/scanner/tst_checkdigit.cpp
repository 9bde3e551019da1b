#include "checkdigit.h"

#include <QTest>

using dockhand::CheckDigit;

// Check digits from the GS1 General Specifications (mod 10, and the alphanumeric pair of GMN).
class TestCheckDigit : public QObject
{
    Q_OBJECT
private slots:
    void mod10_data()
    {
        QTest::addColumn<QByteArray>("digits");
        QTest::addColumn<int>("check");
        // GS1 General Specifications 7.9.1 worked examples and well-known keys.
        QTest::newRow("SSCC example") << QByteArray("10614141123456789") << 7;
        QTest::newRow("GTIN-13 example") << QByteArray("0950110102091") << 7;
        QTest::newRow("GTIN-14 09506000134352") << QByteArray("0950600013435") << 2;
        QTest::newRow("GTIN-13 4006381333931") << QByteArray("400638133393") << 1;
        QTest::newRow("GTIN-12 (UPC-A) 036000291452") << QByteArray("03600029145") << 2;
        QTest::newRow("GTIN-8 96385074") << QByteArray("9638507") << 4;
        QTest::newRow("GLN 4012345000009") << QByteArray("401234500000") << 9;
        QTest::newRow("GSIN 17 digits") << QByteArray("0614141123456789") << 0;
        QTest::newRow("all zeros") << QByteArray("0000000000000") << 0;
        QTest::newRow("single digit") << QByteArray("1") << 7;
    }
    void mod10()
    {
        QFETCH(QByteArray, digits);
        QFETCH(int, check);
        QCOMPARE(CheckDigit::mod10(std::string_view(digits.constData(), std::size_t(digits.size()))), check);
        const QByteArray full = digits + char('0' + check);
        QVERIFY(CheckDigit::isValidMod10(std::string_view(full.constData(), std::size_t(full.size()))));
        QByteArray wrong = full;
        wrong.back() = char('0' + (check + 1) % 10);
        QVERIFY(!CheckDigit::isValidMod10(std::string_view(wrong.constData(), std::size_t(wrong.size()))));
    }

    void mod10Rejects()
    {
        QCOMPARE(CheckDigit::mod10(""), -1);
        QCOMPARE(CheckDigit::mod10("12A4"), -1);
        QVERIFY(!CheckDigit::isValidMod10(""));
        QVERIFY(!CheckDigit::isValidMod10("7"));
        QVERIFY(!CheckDigit::isValidMod10("123X"));
    }

    void alphaPair_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("valid");
        // Examples of the GS1 alphanumeric check character pair (GMN, AI 8013).
        QTest::newRow("GMN example") << QByteArray("1987654Ad4X4bL5ttr2310c2K") << true;
        QTest::newRow("digits") << QByteArray("12345678901234567890123NT") << true;
        QTest::newRow("upper") << QByteArray("12345_ABCDEFGHIJKLMCP") << true;
        QTest::newRow("lower") << QByteArray("12345_abcdefghijklmN3") << true;
        QTest::newRow("symbols") << QByteArray("12345_!\"%&'()*+,-./LC") << true;
        QTest::newRow("empty data") << QByteArray("22") << true;
        QTest::newRow("wrong first") << QByteArray("1987654Ad4X4bL5ttr2310cXK") << false;
        QTest::newRow("wrong second") << QByteArray("1987654Ad4X4bL5ttr2310c2X") << false;
        QTest::newRow("space") << QByteArray("123456789 1234567890123NT") << false;
        QTest::newRow("too short") << QByteArray("2") << false;
    }
    void alphaPair()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, valid);
        QCOMPARE(CheckDigit::isValidAlphaPair(std::string_view(value.constData(), std::size_t(value.size()))),
            valid);
    }
};

QTEST_GUILESS_MAIN(TestCheckDigit)
#include "tst_checkdigit.moc"
