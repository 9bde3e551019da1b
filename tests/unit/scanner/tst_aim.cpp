#include "aim.h"

#include <QTest>

using dockhand::Aim;

class TestAim : public QObject
{
    Q_OBJECT
private slots:
    void info_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("symbology");
        QTest::addColumn<bool>("gs1");
        QTest::addColumn<bool>("known");
        const auto row = [](const char *id, const char *name, bool gs1, bool known = true) {
            QTest::newRow(id) << QString::fromLatin1(id) << QString::fromUtf8(name) << gs1 << known;
        };
        row("]C0", "Code 128", false);
        row("]C1", "GS1-128", true);
        row("]E0", "EAN-13", false);
        row("]E3", "EAN-13 with add-on", false);
        row("]E4", "EAN-8", false);
        row("]d1", "Data Matrix", false);
        row("]d2", "GS1 DataMatrix", true);
        row("]Q1", "QR Code", false);
        row("]Q3", "GS1 QR Code", true);
        row("]e0", "GS1 DataBar", true);
        row("]A0", "Code 39", false);
        row("]I0", "ITF", false);
        row("]I1", "ITF", false);
        row("]L0", "PDF417", false);
        row("]J1", "GS1 DotCode", true);
        row("]z1", "GS1 Aztec", true);
        row("]F0", "Codabar", false);
        row("]G0", "Code 93", false);
        // A vendor modifier of a known symbology: named, not trusted as GS1.
        row("]C9", "Code 128", false, false);
        row("]Y0", "", false, false);
        row("C1", "", false, false);
        row("]C10", "", false, false);
        row("", "", false, false);
    }
    void info()
    {
        QFETCH(QString, id);
        QFETCH(QString, symbology);
        QFETCH(bool, gs1);
        QFETCH(bool, known);
        const auto info = Aim::info(id);
        QCOMPARE(info.id, id);
        QCOMPARE(info.symbology, symbology);
        QCOMPARE(info.gs1, gs1);
        QCOMPARE(info.known, known);
    }

    void split_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("rest");
        QTest::newRow("GS1-128") << QByteArray("]C10109506000134352") << QStringLiteral("]C1")
                                 << QByteArray("0109506000134352");
        QTest::newRow("only id") << QByteArray("]d2") << QStringLiteral("]d2") << QByteArray();
        QTest::newRow("none") << QByteArray("A-01-02") << QString() << QByteArray("A-01-02");
        QTest::newRow("too short") << QByteArray("]C") << QString() << QByteArray("]C");
        QTest::newRow("unknown letter") << QByteArray("]Y0abc") << QString() << QByteArray("]Y0abc");
        QTest::newRow("bad modifier") << QByteArray("]C-abc") << QString() << QByteArray("]C-abc");
        QTest::newRow("composite") << QByteArray("]E04006381333931|]e010ABC") << QStringLiteral("]E0")
                                   << QByteArray("4006381333931|]e010ABC");
        QTest::newRow("empty") << QByteArray() << QString() << QByteArray();
    }
    void split()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, id);
        QFETCH(QByteArray, rest);
        QString got = QStringLiteral("junk");
        QCOMPARE(Aim::split(data, &got).toByteArray(), rest);
        QCOMPARE(got, id);
        QCOMPARE(Aim::startsWithId(data), !id.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAim)
#include "tst_aim.moc"
