// The app's configuration: built-in defaults need no file; a site's JSON file and the command line
// override them; every bad value is refused with a message naming the option or key.

#include "appconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

class TestAppConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeConfig(const QByteArray &json)
    {
        const QString path = m_dir.filePath(QStringLiteral("config-%1.json").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    int m_files = 0;

    static bool parse(const QStringList &args, AppConfig *config, QString *error)
    {
        return AppConfig::fromArguments(QStringList {QStringLiteral("dockhand")} + args, config, error);
    }

private slots:
    void defaultsNeedNoConfiguration()
    {
        AppConfig config;
        QString error;
        QVERIFY2(parse({}, &config, &error), qPrintable(error));
        QCOMPARE(config.serverUrl, QUrl(QStringLiteral("http://127.0.0.1:8765")));
        QCOMPARE(config.enrolCode, QStringLiteral("DEMO"));
        QVERIFY(!config.dataDir.isEmpty());
        QCOMPARE(config.debounceMs, 0);
        QVERIFY(config.classifier.location.match(QStringLiteral("A-01-02")).hasMatch());
    }

    void siteLabelPatternsComeFromTheConfigFile()
    {
        AppConfig config;
        QString error;
        const QString path = writeConfig(
            "{\"classifier\": {\"location\": \"^[0-9]{2}\\\\.[0-9]{3}$\"}, \"camera\": true,                 "
            "                             \"wedgeGsSubstitute\": \"^\", \"debounceMs\": 300}");
        QVERIFY2(parse({QStringLiteral("--config"), path}, &config, &error), qPrintable(error));
        QVERIFY(config.classifier.location.match(QStringLiteral("12.345")).hasMatch());
        QVERIFY(!config.classifier.location.match(QStringLiteral("A-01-02")).hasMatch());
        QVERIFY(config.classifier.tote.match(QStringLiteral("TOTE-0001")).hasMatch()); // kept
        QVERIFY(config.camera);
        QCOMPARE(config.wedgeGsSubstitute, QStringLiteral("^"));
        QCOMPARE(config.debounceMs, 300);
        ScanDecoder decoder(config.classifier);
        RawScan raw;
        raw.data = "12.345";
        QCOMPARE(decoder.decode(raw).kind, ScanKind::Location);
    }

    void theSerialScannersFramingComesFromTheConfigFile()
    {
        AppConfig config;
        QString error;
        const QString path
            = writeConfig("{\"serialScanner\": {\"port\": \"/dev/ttyUSB3\", \"baud\": 115200, "
                          "\"suffix\": \"ETX\", \"prefix\": \"\\u0002\", \"staleFrameMs\": 500}}");
        QVERIFY2(parse({QStringLiteral("--config"), path}, &config, &error), qPrintable(error));
        QCOMPARE(config.serialScanner.portName, QStringLiteral("/dev/ttyUSB3"));
        QCOMPARE(config.serialScanner.baudRate, 115200);
        QCOMPARE(config.serialScanner.framing, SerialFraming::Suffix);
        QCOMPARE(config.serialScanner.suffix, QByteArray("\x03"));
        QCOMPARE(config.serialScanner.prefix, QByteArray("\x02"));
        QCOMPARE(config.serialScanner.staleFrameMs, 500);
    }

    void theCommandLineNamesThePortOfAConfiguredScanner()
    {
        // A site's file sets the framing for all its handhelds; each names its own port.
        AppConfig config;
        QString error;
        const QString path
            = writeConfig("{\"serialScanner\": {\"framing\": \"timeout\", \"interByteTimeoutMs\": 80}}");
        QVERIFY2(parse({QStringLiteral("--config"), path, QStringLiteral("--serial"),
                           QStringLiteral("/dev/ttyACM1")},
                     &config, &error),
            qPrintable(error));
        QCOMPARE(config.serialScanner.portName, QStringLiteral("/dev/ttyACM1"));
        QCOMPARE(config.serialScanner.framing, SerialFraming::InterByteTimeout);
        QCOMPARE(config.serialScanner.interByteTimeoutMs, 80);
    }

    void badValuesAreRefusedByName_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad regex") << QByteArray("{\"classifier\": {\"tote\": \"([A-Z\"}}") << "tote";
        QTest::newRow("classifier not object") << QByteArray("{\"classifier\": \"x\"}") << "'classifier'";
        QTest::newRow("camera not bool")
            << QByteArray("{\"camera\": \"yes\"}") << "'camera' must be true or false";
        QTest::newRow("debounce negative") << QByteArray("{\"debounceMs\": -5}") << "'debounceMs'";
        QTest::newRow("baud zero") << QByteArray("{\"serialBaud\": 0}") << "'serialBaud'";
        QTest::newRow("scanner setting misspelt")
            << QByteArray("{\"serialScanner\": {\"port\": \"/dev/ttyACM0\", \"sufix\": \"CR\"}}")
            << "unknown scanner setting \"sufix\"";
        QTest::newRow("scanner not object")
            << QByteArray("{\"serialScanner\": \"/dev/ttyACM0\"}") << "'serialScanner' must be an object";
        QTest::newRow("server not string") << QByteArray("{\"server\": 8765}") << "'server' must be a string";
        QTest::newRow("not json") << QByteArray("{nope") << "not a JSON object";
    }

    void badValuesAreRefusedByName()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        AppConfig config;
        QString error;
        QVERIFY(!parse({QStringLiteral("--config"), writeConfig(json)}, &config, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void badCommandLineValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("server") << QStringList {QStringLiteral("--server"), QStringLiteral("ftp://x")}
                                << QStringLiteral("--server: 'ftp://x' is not an http(s) URL");
        QTest::newRow("size") << QStringList {QStringLiteral("--size"), QStringLiteral("big")}
                              << QStringLiteral("--size");
        QTest::newRow("baud") << QStringList {QStringLiteral("--baud"), QStringLiteral("fast")}
                              << QStringLiteral("--baud");
        QTest::newRow("device id with a line break")
            << QStringList {QStringLiteral("--device-id"), QStringLiteral("handheld\n07")}
            << QStringLiteral("--device-id: device id must not hold control characters (found U+000A)");
        QTest::newRow("device id with a trailing space")
            << QStringList {QStringLiteral("--device-id"), QStringLiteral("handheld-07 ")}
            << QStringLiteral("--device-id: device id 'handheld-07 ' starts or ends with a space");
        QTest::newRow("missing file")
            << QStringList {QStringLiteral("--config"), QStringLiteral("/nonexistent/x.json")}
            << QStringLiteral("Cannot read the config file");
        QTest::newRow("missing server CA")
            << QStringList {QStringLiteral("--server-ca"), QStringLiteral("/nonexistent/ca.pem")}
            << QStringLiteral(
                   "--server-ca: The server CA certificate file /nonexistent/ca.pem does not exist");
    }

    void serverCaMustBeACertificate()
    {
        AppConfig config;
        QString error;
        const QString notCa = writeConfig("not a certificate");
        QVERIFY(!parse({QStringLiteral("--server-ca"), notCa}, &config, &error));
        QVERIFY2(error.contains(notCa + QStringLiteral(" holds no PEM certificate")), qPrintable(error));
        // The JSON key is checked the same way.
        error.clear();
        QVERIFY(!parse({QStringLiteral("--config"),
                           writeConfig("{\"server\": \"https://orders.example:8765\", \"serverCa\": \""
                               + notCa.toUtf8() + "\"}")},
            &config, &error));
        QVERIFY2(error.contains(QLatin1String("--server-ca")), qPrintable(error));
    }

    void badCommandLineValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        AppConfig config;
        QString error;
        QVERIFY(!parse(args, &config, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAppConfig)
#include "tst_appconfig.moc"
