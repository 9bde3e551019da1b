#include "serveroptions.h"

#include <QDir>
#include <QTest>

using namespace dockhand::server;

class TestServerOptions : public QObject
{
    Q_OBJECT
private:
    static dockhand::Expected<ServerOptions> parse(QStringList args)
    {
        args.prepend(QStringLiteral("dockhand-server"));
        return parseServerOptions(args);
    }

private slots:
    void defaults()
    {
        auto o = parse({});
        QVERIFY2(o.ok(), qPrintable(o.error()));
        QCOMPARE(o->action, ServerOptions::Action::Serve);
        QCOMPARE(o->listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(o->port, quint16(8765));
        QCOMPARE(o->dataDir, QDir::current().absoluteFilePath(QStringLiteral("data")));
        QVERIFY(o->dataDirUsed);
        QCOMPARE(o->database.kind, DatabaseLocation::Kind::Sqlite);
        QCOMPARE(o->database.sqlitePath, QDir(o->dataDir).filePath(QStringLiteral("dockhand-server.db")));
        QVERIFY(!o->demo);
        QVERIFY(!o->quiet);
    }

    void allOptions()
    {
        auto o = parse({QStringLiteral("--listen"), QStringLiteral("0.0.0.0"), QStringLiteral("--port"),
            QStringLiteral("0"), QStringLiteral("--data-dir"), QStringLiteral("/tmp/dh"),
            QStringLiteral("--demo"), QStringLiteral("--quiet")});
        QVERIFY2(o.ok(), qPrintable(o.error()));
        QCOMPARE(o->listenAddress, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(o->port, quint16(0));
        QCOMPARE(o->database.sqlitePath, QStringLiteral("/tmp/dh/dockhand-server.db"));
        QVERIFY(o->demo);
        QVERIFY(o->quiet);
    }

    void tlsFilesGoTogether()
    {
        auto o = parse({QStringLiteral("--tls-cert"), QStringLiteral("site.pem"), QStringLiteral("--tls-key"),
            QStringLiteral("site.key")});
        QVERIFY2(o.ok(), qPrintable(o.error()));
        QCOMPARE(o->tlsCertificate, QDir::current().absoluteFilePath(QStringLiteral("site.pem")));
        QCOMPARE(o->tlsKey, QDir::current().absoluteFilePath(QStringLiteral("site.key")));
        QVERIFY(parse({}).value().tlsCertificate.isEmpty());
        o = parse({QStringLiteral("--tls-cert"), QStringLiteral("site.pem")});
        QVERIFY(!o.ok());
        QCOMPARE(o.error(), QStringLiteral("--tls-cert needs --tls-key (the certificate's private key)"));
        o = parse({QStringLiteral("--tls-key"), QStringLiteral("site.key")});
        QVERIFY(!o.ok());
        QVERIFY(o.error().startsWith(QLatin1String("--tls-key needs --tls-cert")));
    }

    void loginLimitPerAddress()
    {
        auto o = parse({});
        QCOMPARE(o->loginRate, 1.0);
        QCOMPARE(o->loginBurst, 30);
        o = parse({QStringLiteral("--login-rate"), QStringLiteral("0.5"), QStringLiteral("--login-burst"),
            QStringLiteral("100")});
        QVERIFY2(o.ok(), qPrintable(o.error()));
        QCOMPARE(o->loginRate, 0.5);
        QCOMPARE(o->loginBurst, 100);
        o = parse({QStringLiteral("--login-rate"), QStringLiteral("0")});
        QVERIFY(!o.ok());
        QVERIFY(o.error().startsWith(QLatin1String("--login-rate: '0'")));
        o = parse({QStringLiteral("--login-burst"), QStringLiteral("many")});
        QVERIFY(!o.ok());
        QVERIFY(o.error().startsWith(QLatin1String("--login-burst: 'many'")));
    }

    void workers()
    {
        auto o = parse({});
        QCOMPARE(o->workers, 4);
        o = parse({QStringLiteral("--workers"), QStringLiteral("1")});
        QVERIFY2(o.ok(), qPrintable(o.error()));
        QCOMPARE(o->workers, 1);
        for (const QString &bad : {QStringLiteral("0"), QStringLiteral("65"), QStringLiteral("lots")}) {
            o = parse({QStringLiteral("--workers"), bad});
            QVERIFY(!o.ok());
            QCOMPARE(
                o.error(), QStringLiteral("--workers: '%1' is not a whole number from 1 to 64").arg(bad));
        }
    }

    void initSetsUpASite()
    {
        auto o = parse({QStringLiteral("init"), QStringLiteral("--admin-badge"), QStringLiteral("ADM-1"),
            QStringLiteral("--admin-name"), QStringLiteral(" Ana "), QStringLiteral("--site-name"),
            QStringLiteral("North"), QStringLiteral("--data-dir"), QStringLiteral("/tmp/site")});
        QVERIFY2(o.ok(), qPrintable(o.error()));
        QCOMPARE(o->action, ServerOptions::Action::InitSite);
        QCOMPARE(o->firstAdmin.badge, QStringLiteral("ADM-1"));
        QCOMPARE(o->firstAdmin.name, QStringLiteral("Ana"));
        QCOMPARE(o->firstAdmin.siteName, QStringLiteral("North"));
        QVERIFY(o->pinGenerated);
        QCOMPARE(o->database.sqlitePath, QStringLiteral("/tmp/site/dockhand-server.db"));

        o = parse({QStringLiteral("init"), QStringLiteral("--admin-pin"), QStringLiteral("4321")});
        QVERIFY(o.ok());
        QVERIFY(!o->pinGenerated);
        QCOMPARE(o->firstAdmin.pin, QStringLiteral("4321"));

        QCOMPARE(parse({}).value().action, ServerOptions::Action::Serve);
        o = parse({QStringLiteral("--admin-pin"), QStringLiteral("4321")});
        QVERIFY(!o.ok());
        QVERIFY2(o.error().contains(QLatin1String("--admin-pin is for 'dockhand-server init'")),
            qPrintable(o.error()));
        o = parse({QStringLiteral("init"), QStringLiteral("now")});
        QVERIFY(!o.ok());
        QVERIFY2(o.error().contains(QLatin1String("unexpected argument 'now'")), qPrintable(o.error()));
        o = parse({QStringLiteral("serve")});
        QVERIFY(!o.ok());
    }

    void databasePath()
    {
        auto o = parse({QStringLiteral("--database"), QStringLiteral("x/server.db")});
        QVERIFY2(o.ok(), qPrintable(o.error()));
        QCOMPARE(o->database.kind, DatabaseLocation::Kind::Sqlite);
        QCOMPARE(o->database.sqlitePath, QDir::current().absoluteFilePath(QStringLiteral("x/server.db")));
        QVERIFY(!o->dataDirUsed);
    }

    void postgresUrlIsParsedButHidesThePassword()
    {
        auto o = parse({QStringLiteral("--database"),
            QStringLiteral("postgresql://dock:secret@127.0.0.1:5432/dockhand")});
        QVERIFY2(o.ok(), qPrintable(o.error()));
        QCOMPARE(o->database.kind, DatabaseLocation::Kind::PostgreSql);
        QVERIFY(!o->database.describe().contains(QLatin1String("secret")));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("port not a number")
            << QStringList {QStringLiteral("--port"), QStringLiteral("http")} << QStringLiteral("--port");
        QTest::newRow("port too big")
            << QStringList {QStringLiteral("--port"), QStringLiteral("70000")} << QStringLiteral("--port");
        QTest::newRow("port negative")
            << QStringList {QStringLiteral("--port"), QStringLiteral("-1")} << QStringLiteral("--port");
        QTest::newRow("bad address") << QStringList {QStringLiteral("--listen"),
            QStringLiteral("example.org")}
                                     << QStringLiteral("--listen");
        QTest::newRow("unknown option")
            << QStringList {QStringLiteral("--colour")} << QStringLiteral("colour");
        QTest::newRow("positional") << QStringList {QStringLiteral("extra")} << QStringLiteral("extra");
        QTest::newRow("missing value") << QStringList {QStringLiteral("--port")} << QStringLiteral("port");
        QTest::newRow("empty database")
            << QStringList {QStringLiteral("--database"), QString()} << QStringLiteral("--database");
        QTest::newRow("other scheme")
            << QStringList {QStringLiteral("--database"), QStringLiteral("mysql://x/y")}
            << QStringLiteral("unsupported");
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        auto o = parse(args);
        QVERIFY(!o.ok());
        QVERIFY2(o.error().contains(message), qPrintable(o.error()));
    }

    void helpAndVersion()
    {
        auto help = parse({QStringLiteral("--help")});
        QVERIFY(help.ok());
        QCOMPARE(help->action, ServerOptions::Action::ShowHelp);
        for (const char *option : {"--listen", "--port", "--database", "--data-dir", "--demo", "--quiet"})
            QVERIFY2(help->helpText.contains(QLatin1String(option)), option);
        auto version = parse({QStringLiteral("--version")});
        QVERIFY(version.ok());
        QCOMPARE(version->action, ServerOptions::Action::ShowVersion);
    }
};

QTEST_GUILESS_MAIN(TestServerOptions)
#include "tst_serveroptions.moc"
