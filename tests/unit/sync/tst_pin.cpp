#include "pin.h"

#include <QTest>

using namespace dockhand;

class TestPin : public QObject
{
    Q_OBJECT
private slots:
    void verifiesTheRightPin()
    {
        const QString stored = protocol::pin::hash(QStringLiteral("1001"), 1000);
        QVERIFY(stored.startsWith(QLatin1String("pbkdf2-sha256$1000$")));
        QVERIFY(protocol::pin::verify(QStringLiteral("1001"), stored));
        QVERIFY(!protocol::pin::verify(QStringLiteral("1002"), stored));
        QVERIFY(!protocol::pin::verify(QString(), stored));
    }

    void defaultIsSlowEnough()
    {
        QVERIFY(protocol::pin::kDefaultIterations >= 100000);
        const QString stored = protocol::pin::hash(QStringLiteral("9001"));
        QVERIFY(
            stored.startsWith(QStringLiteral("pbkdf2-sha256$%1$").arg(protocol::pin::kDefaultIterations)));
        QVERIFY(protocol::pin::verify(QStringLiteral("9001"), stored));
    }

    void saltsDiffer()
    {
        // The same PIN must not give the same stored value: otherwise equal PINs are visible.
        QVERIFY(protocol::pin::hash(QStringLiteral("1234"), 1000)
            != protocol::pin::hash(QStringLiteral("1234"), 1000));
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
        // What a lenient decoder would have taken: base64 with junk in it.
        QTest::newRow("junk in base64") << QStringLiteral(
            "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$#AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    }
    void malformedStoredValuesNeverMatch()
    {
        QFETCH(QString, stored);
        QVERIFY(!protocol::pin::verify(QStringLiteral("1001"), stored));
    }
};

QTEST_GUILESS_MAIN(TestPin)
#include "tst_pin.moc"
