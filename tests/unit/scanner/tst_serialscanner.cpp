#include "serialscanner.h"
#include "socatpty.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

namespace {

constexpr int kWait = 10000; // generous: a loaded 2-core machine must not make the tests flaky

} // namespace

class TestSerialScanner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<SerialScanner> connectedScanner(testing::SocatPty &pty, SerialScannerConfig config)
    {
        config.portName = pty.devicePath();
        auto scanner = std::make_unique<SerialScanner>(config);
        scanner->start();
        if (scanner->state() != SerialScanner::State::Connected)
            qWarning() << "scanner did not connect:" << scanner->lastError();
        return scanner;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<RawScan>();
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty())
            QFAIL("socat is not installed (Debian package socat)");
    }

    void framingVariants_data()
    {
        QTest::addColumn<QString>("framing"); // as in the JSON config
        QTest::addColumn<QString>("suffixName");
        QTest::addColumn<QByteArray>("suffix");
        QTest::newRow("line, CR") << QStringLiteral("line") << QString() << QByteArray("\r");
        QTest::newRow("line, LF") << QStringLiteral("line") << QString() << QByteArray("\n");
        QTest::newRow("line, CRLF") << QStringLiteral("line") << QString() << QByteArray("\r\n");
        QTest::newRow("suffix CR") << QStringLiteral("suffix") << QStringLiteral("CR") << QByteArray("\r");
        QTest::newRow("suffix LF") << QStringLiteral("suffix") << QStringLiteral("LF") << QByteArray("\n");
        QTest::newRow("suffix CRLF") << QStringLiteral("suffix") << QStringLiteral("CRLF")
                                     << QByteArray("\r\n");
        QTest::newRow("suffix ETX") << QStringLiteral("suffix") << QStringLiteral("ETX")
                                    << QByteArray("\x03");
    }

    void framingVariants()
    {
        QFETCH(QString, framing);
        QFETCH(QString, suffixName);
        QFETCH(QByteArray, suffix);
        testing::SocatPty pty(m_dir.path());
        QVERIFY(pty.start());
        QJsonObject json {{QStringLiteral("port"), pty.devicePath()}, {QStringLiteral("framing"), framing}};
        if (!suffixName.isEmpty())
            json.insert(QStringLiteral("suffix"), suffixName);
        const auto parsed = SerialScannerConfig::fromJson(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        auto scanner = connectedScanner(pty, parsed.config);
        QCOMPARE(scanner->state(), SerialScanner::State::Connected);
        QSignalSpy scans(scanner.get(), &SerialScanner::scanned);
        QSignalSpy rejects(scanner.get(), &SerialScanner::frameRejected);

        const QByteArray gs1 = "0109506000134352\x1d"
                               "10ABC123";
        QVERIFY(pty.write("]C1" + gs1 + suffix + "4006381333931" + suffix));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 2, kWait);
        const auto first = scans.at(0).at(0).value<RawScan>();
        QCOMPARE(first.aim, QStringLiteral("]C1"));
        QCOMPARE(first.data, gs1);
        QCOMPARE(first.source, ScanSource::Serial);
        QCOMPARE(first.device, pty.devicePath());
        QVERIFY(first.time.isValid());
        QCOMPARE(scans.at(1).at(0).value<RawScan>().data, QByteArray("4006381333931"));
        QCOMPARE(rejects.size(), 0);
    }

    void fragmentedWrites()
    {
        testing::SocatPty pty(m_dir.path());
        QVERIFY(pty.start());
        SerialScannerConfig config;
        config.framing = SerialFraming::Suffix;
        config.suffix = "\r\n";
        auto scanner = connectedScanner(pty, config);
        QSignalSpy scans(scanner.get(), &SerialScanner::scanned);
        QSignalSpy rejects(scanner.get(), &SerialScanner::frameRejected);
        // CRLF split across two reads, every byte its own read.
        QVERIFY(pty.writeSlowly("]d2010950600013435217251231\x1d"
                                "21SER1\r\n",
            5));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, kWait);
        const auto scan = scans.at(0).at(0).value<RawScan>();
        QCOMPARE(scan.aim, QStringLiteral("]d2"));
        QCOMPARE(scan.data,
            QByteArray("010950600013435217251231\x1d"
                       "21SER1"));
        QCOMPARE(rejects.size(), 0);
    }

    void interByteTimeoutFraming()
    {
        testing::SocatPty pty(m_dir.path());
        QVERIFY(pty.start());
        SerialScannerConfig config;
        config.framing = SerialFraming::InterByteTimeout;
        config.interByteTimeoutMs = 150;
        auto scanner = connectedScanner(pty, config);
        QSignalSpy scans(scanner.get(), &SerialScanner::scanned);
        QVERIFY(pty.write("]E0400638"));
        QTest::qWait(10);
        QVERIFY(pty.write("1333931"));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, kWait);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().aim, QStringLiteral("]E0"));
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, QByteArray("4006381333931"));
        QVERIFY(pty.write("]Q1https://example.com/a"));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 2, kWait);
        QCOMPARE(scans.at(1).at(0).value<RawScan>().aim, QStringLiteral("]Q1"));
        QCOMPARE(scans.at(1).at(0).value<RawScan>().data, QByteArray("https://example.com/a"));
    }

    void aimPrefixes_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("aim");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("EAN-13") << QByteArray("]E04006381333931") << QStringLiteral("]E0")
                                << QByteArray("4006381333931");
        QTest::newRow("GS1 DataMatrix")
            << QByteArray("]d201095060001343521725123110LOT") << QStringLiteral("]d2")
            << QByteArray("01095060001343521725123110LOT");
        QTest::newRow("QR") << QByteArray("]Q1A-01-02") << QStringLiteral("]Q1") << QByteArray("A-01-02");
        QTest::newRow("Code 39") << QByteArray("]A0TOTE-0001") << QStringLiteral("]A0")
                                 << QByteArray("TOTE-0001");
        QTest::newRow("no AIM") << QByteArray("SO-100001") << QString() << QByteArray("SO-100001");
        QTest::newRow("bracket data") << QByteArray("]1X") << QString() << QByteArray("]1X");
    }

    void aimPrefixes()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, aim);
        QFETCH(QByteArray, data);
        testing::SocatPty pty(m_dir.path());
        QVERIFY(pty.start());
        auto scanner = connectedScanner(pty, {});
        QSignalSpy scans(scanner.get(), &SerialScanner::scanned);
        QVERIFY(pty.write(frame + "\r"));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, kWait);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().aim, aim);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, data);
    }

    void noiseIsRejectedWithAReason()
    {
        testing::SocatPty pty(m_dir.path());
        QVERIFY(pty.start());
        auto scanner = connectedScanner(pty, {});
        QSignalSpy scans(scanner.get(), &SerialScanner::scanned);
        QSignalSpy rejects(scanner.get(), &SerialScanner::frameRejected);
        QVERIFY(pty.write(QByteArray("40063\0"
                                     "81333931\r",
            15)));
        QVERIFY(pty.write("\x1b\x07\x01\xff\xfe\r"));
        QVERIFY(pty.write(QByteArray(5000, 'Z') + "\r"));
        QVERIFY(pty.write("Gr\xf6\xdf"
                          "e\r"));
        QVERIFY(pty.write("]C1GOOD\r"));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, kWait);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, QByteArray("GOOD"));
        QCOMPARE(rejects.size(), 4);
        QVERIFY(rejects.at(0).at(0).toString().contains(QLatin1String("NUL")));
        QVERIFY(rejects.at(1).at(0).toString().contains(QLatin1String("binary noise")));
        QVERIFY(rejects.at(2).at(0).toString().contains(QLatin1String("4096")));
        QVERIFY(rejects.at(3).at(0).toString().contains(QLatin1String("UTF-8")));
        QCOMPARE(scanner->state(), SerialScanner::State::Connected);
    }

    void disconnectAndReconnect()
    {
        testing::SocatPty pty(m_dir.path());
        QVERIFY(pty.start());
        SerialScannerConfig config;
        config.reopenIntervalMs = 200;
        auto scanner = connectedScanner(pty, config);
        QCOMPARE(scanner->state(), SerialScanner::State::Connected);
        QSignalSpy states(scanner.get(), &SerialScanner::stateChanged);
        QSignalSpy scans(scanner.get(), &SerialScanner::scanned);
        QSignalSpy rejects(scanner.get(), &SerialScanner::frameRejected);

        // Half a barcode, then the device vanishes (USB unplug): the partial frame is reported,
        // the state goes to Disconnected once, and the error storm of a dead pty is not followed.
        QVERIFY(pty.write("]E040063"));
        QTest::qWait(200);
        pty.stop();
        QTRY_COMPARE_WITH_TIMEOUT(scanner->state(), SerialScanner::State::Disconnected, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(rejects.size(), 1, kWait);
        QVERIFY2(rejects.at(0).at(0).toString().contains(QLatin1String("disconnected")),
            qPrintable(rejects.at(0).at(0).toString()));
        QVERIFY(!scanner->lastError().isEmpty());
        // Several reopen attempts fail while the device is gone; none of them is a new state.
        QTest::qWait(1000);
        const auto disconnects
            = std::count_if(states.cbegin(), states.cend(), [](const QList<QVariant> &args) {
                  return args.at(0).value<SerialScanner::State>() == SerialScanner::State::Disconnected;
              });
        QVERIFY2(
            disconnects <= 2, qPrintable(QString::number(disconnects))); // "lost", then "cannot be opened"
        QCOMPARE(scanner->state(), SerialScanner::State::Disconnected);

        // Plugged back in at the same path: reopened on the timer, and scanning works again.
        QVERIFY(pty.start());
        QTRY_COMPARE_WITH_TIMEOUT(scanner->state(), SerialScanner::State::Connected, kWait);
        QCOMPARE(states.constLast().at(0).value<SerialScanner::State>(), SerialScanner::State::Connected);
        QVERIFY(pty.write("]E04006381333931\r"));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, kWait);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, QByteArray("4006381333931"));
        QCOMPARE(rejects.size(), 1);
    }

    void portMissingAtStartConnectsLater()
    {
        testing::SocatPty pty(m_dir.path());
        SerialScannerConfig config;
        config.portName = pty.devicePath();
        config.reopenIntervalMs = 100;
        SerialScanner scanner(config);
        QSignalSpy states(&scanner, &SerialScanner::stateChanged);
        scanner.start();
        QCOMPARE(scanner.state(), SerialScanner::State::Disconnected);
        QVERIFY(scanner.lastError().contains(pty.devicePath()));
        QTest::qWait(500);
        QCOMPARE(states.size(), 1); // retries with the same result are not news
        QVERIFY(pty.start());
        QTRY_COMPARE_WITH_TIMEOUT(scanner.state(), SerialScanner::State::Connected, kWait);
        scanner.stop();
        QCOMPARE(scanner.state(), SerialScanner::State::Stopped);
    }

    void configFromJson()
    {
        const auto ok = SerialScannerConfig::fromJson(QJsonDocument::fromJson(R"({
            "port": "/dev/ttyACM0", "baud": 115200, "dataBits": 7, "parity": "even", "stopBits": 2,
            "flowControl": "hardware", "suffix": "ETX", "prefix": "STX", "maxFrameBytes": 1024,
            "reopenIntervalMs": 500, "staleFrameMs": 0})")
                                                          .object());
        QVERIFY2(ok.ok(), qPrintable(ok.errorString()));
        QCOMPARE(ok.config.portName, QStringLiteral("/dev/ttyACM0"));
        QCOMPARE(ok.config.baudRate, 115200);
        QCOMPARE(ok.config.dataBits, QSerialPort::Data7);
        QCOMPARE(ok.config.parity, QSerialPort::EvenParity);
        QCOMPARE(ok.config.stopBits, QSerialPort::TwoStop);
        QCOMPARE(ok.config.flowControl, QSerialPort::HardwareControl);
        QCOMPARE(ok.config.framing, SerialFraming::Suffix);
        QCOMPARE(ok.config.suffix, QByteArray("\x03"));
        QCOMPARE(ok.config.prefix, QByteArray("\x02"));
        QCOMPARE(ok.config.maxFrameBytes, 1024);
        QCOMPARE(ok.config.reopenIntervalMs, 500);
        QCOMPARE(ok.config.staleFrameMs, 0);

        const auto minimal
            = SerialScannerConfig::fromJson({{QStringLiteral("port"), QStringLiteral("/dev/ttyS0")}});
        QVERIFY(minimal.ok());
        QCOMPARE(minimal.config.baudRate, 9600);
        QCOMPARE(minimal.config.framing, SerialFraming::LineEnd);
        QCOMPARE(minimal.config.maxFrameBytes, 4096);

        const auto timeout = SerialScannerConfig::fromJson(QJsonDocument::fromJson(
            R"({"port": "/dev/ttyS0", "framing": "timeout", "interByteTimeoutMs": 80, "stopBits": "1.5"})")
                                                               .object());
        QVERIFY2(timeout.ok(), qPrintable(timeout.errorString()));
        QCOMPARE(timeout.config.framing, SerialFraming::InterByteTimeout);
        QCOMPARE(timeout.config.interByteTimeoutMs, 80);
        QCOMPARE(timeout.config.stopBits, QSerialPort::OneAndHalfStop);

        const auto custom = SerialScannerConfig::fromJson(
            QJsonDocument::fromJson(R"({"port": "/dev/ttyS0", "suffix": "\u0004\r"})").object());
        QVERIFY(custom.ok());
        QCOMPARE(custom.config.suffix, QByteArray("\x04\r"));
    }

    void configFromJsonErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("mentions"); // every one must be named in the errors
        QTest::newRow("no port") << QByteArray("{}") << QStringList {QStringLiteral("port")};
        QTest::newRow("empty port") << QByteArray(R"({"port": " "})") << QStringList {QStringLiteral("port")};
        QTest::newRow("typo") << QByteArray(R"({"port": "/dev/ttyS0", "baudRate": 115200})")
                              << QStringList {QStringLiteral("baudRate")};
        QTest::newRow("baud string") << QByteArray(R"({"port": "/dev/ttyS0", "baud": "fast"})")
                                     << QStringList {QStringLiteral("baud")};
        QTest::newRow("data bits") << QByteArray(R"({"port": "/dev/ttyS0", "dataBits": 9})")
                                   << QStringList {
                                          QStringLiteral("dataBits"), QStringLiteral("between 5 and 8")};
        QTest::newRow("parity") << QByteArray(R"({"port": "/dev/ttyS0", "parity": "evn"})")
                                << QStringList {QStringLiteral("parity"), QStringLiteral("evn"),
                                       QStringLiteral("even")};
        QTest::newRow("stop bits") << QByteArray(R"({"port": "/dev/ttyS0", "stopBits": 3})")
                                   << QStringList {QStringLiteral("stopBits")};
        QTest::newRow("flow") << QByteArray(R"({"port": "/dev/ttyS0", "flowControl": "yes"})")
                              << QStringList {QStringLiteral("flowControl")};
        QTest::newRow("framing") << QByteArray(R"({"port": "/dev/ttyS0", "framing": "magic"})")
                                 << QStringList {QStringLiteral("framing")};
        QTest::newRow("suffix framing without suffix")
            << QByteArray(R"({"port": "/dev/ttyS0", "framing": "suffix"})")
            << QStringList {QStringLiteral("suffix")};
        QTest::newRow("empty suffix") << QByteArray(R"({"port": "/dev/ttyS0", "suffix": ""})")
                                      << QStringList {QStringLiteral("suffix")};
        QTest::newRow("max frame") << QByteArray(R"({"port": "/dev/ttyS0", "maxFrameBytes": 2.5})")
                                   << QStringList {
                                          QStringLiteral("maxFrameBytes"), QStringLiteral("whole number")};
        QTest::newRow("several") << QByteArray(R"({"baud": -1, "parity": 1})")
                                 << QStringList {QStringLiteral("port"), QStringLiteral("baud"),
                                        QStringLiteral("parity")};
    }

    void configFromJsonErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, mentions);
        const auto result = SerialScannerConfig::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!result.ok());
        for (const QString &word : mentions)
            QVERIFY2(result.errorString().contains(word), qPrintable(result.errorString()));
    }

    void misconfiguredScannerSaysSoAndDoesNotOpen()
    {
        SerialScannerConfig config;
        config.portName = QStringLiteral("/nonexistent/port");
        config.framing = SerialFraming::Suffix; // and no suffix
        SerialScanner scanner(config);
        scanner.start();
        QCOMPARE(scanner.state(), SerialScanner::State::Disconnected);
        QVERIFY2(
            scanner.lastError().contains(QLatin1String("misconfigured")), qPrintable(scanner.lastError()));
    }
};

QTEST_GUILESS_MAIN(TestSerialScanner)
#include "tst_serialscanner.moc"
