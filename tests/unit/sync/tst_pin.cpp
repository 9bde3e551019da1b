#include "pinhash.h"

#include <QTest>

using namespace dockhand::server;

class TestPinHash : public QObject
{
    Q_OBJECT
private slots:
    void verifiesTheRightPin()
    {
        const QString stored = pinhash::hash(QStringLiteral("1001"), 1000);
        QVERIFY(stored.startsWith(QLatin1String("pbkdf2-sha256$1000$")));
        QVERIFY(pinhash::verify(QStringLiteral("1001"), stored));
        QVERIFY(!pinhash::verify(QStringLiteral("1002"), stored));
        QVERIFY(!pinhash::verify(QString(), stored));
    }

    void defaultIsSlowEnough()
    {
        QVERIFY(pinhash::kDefaultIterations >= 100000);
        const QString stored = pinhash::hash(QStringLiteral("9001"));
        QVERIFY(stored.startsWith(QStringLiteral("pbkdf2-sha256$%1$").arg(pinhash::kDefaultIterations)));
        QVERIFY(pinhash::verify(QStringLiteral("9001"), stored));
    }

    void saltsDiffer()
    {
        // The same PIN must not give the same stored value: otherwise equal PINs are visible.
        QVERIFY(pinhash::hash(QStringLiteral("1234"), 1000) != pinhash::hash(QStringLiteral("1234"), 1000));
    }

    void malformedStoredValuesNeverMatch_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain pin") << QStringLiteral("1001");
        QTest::newRow("wrong scheme") << QStringLiteral("md5$1000$AAAA$AAAA");
        QTest::newRow("bad iterations") << QStringLiteral("pbkdf2-sha256$abc$AAAA$AAAA");
        QTest::newRow("zero iterations") << QStringLiteral("pbkdf2-sha256$0$AAAA$AAAA");
        QTest::newRow("huge iterations") << QStringLiteral("pbkdf2-sha256$2000000000$AAAA$AAAA");
        QTest::newRow("bad base64") << QStringLiteral("pbkdf2-sha256$1000$!!$??");
        QTest::newRow("short key") << QStringLiteral("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA");
        QTest::newRow("too many parts") << QStringLiteral("pbkdf2-sha256$1000$a$b$c");
    }
    void malformedStoredValuesNeverMatch()
    {
        QFETCH(QString, stored);
        QVERIFY(!pinhash::verify(QStringLiteral("1001"), stored));
    }
};

QTEST_GUILESS_MAIN(TestPinHash)
#include "tst_pinhash.moc"
