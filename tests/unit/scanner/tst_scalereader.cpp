// The serial scale: the line format (stable / unstable, gross / net, sign, units), a site's own
// pattern, and reading a real pseudo-terminal made by socat, including the port vanishing and
// coming back.

#include "scalereader.h"
#include "socatpty.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

namespace {

constexpr int kWait = 10000;

} // namespace

class TestScaleReader : public QObject
{
    Q_OBJECT

private slots:
    void parsesDefaultFormat_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<bool>("stable");
        QTest::addColumn<bool>("net");
        QTest::addColumn<double>("kg");
        QTest::newRow("stable gross kg")
            << QStringLiteral("ST,GS,+  1.234kg") << true << true << false << 1.234;
        QTest::newRow("unstable") << QStringLiteral("US,GS,+  1.230kg") << true << false << false << 1.230;
        QTest::newRow("net") << QStringLiteral("ST,NT,+  0.950kg") << true << true << true << 0.950;
        QTest::newRow("negative") << QStringLiteral("ST,GS,-  0.010kg") << true << true << false << -0.010;
        QTest::newRow("grams") << QStringLiteral("ST,GS,+   1250g") << true << true << false << 1.25;
        QTest::newRow("pounds") << QStringLiteral("ST,GS,+  2.000lb") << true << true << false << 0.90718474;
        QTest::newRow("no sign") << QStringLiteral("ST,GS,1.5 kg") << true << true << false << 1.5;
        QTest::newRow("decimal comma") << QStringLiteral("ST,GS,+  1,5kg") << true << true << false << 1.5;
        QTest::newRow("overload") << QStringLiteral("OL,GS,+  -----kg") << false << false << false << 0.0;
        QTest::newRow("unknown unit") << QStringLiteral("ST,GS,+  1.0oz") << false << false << false << 0.0;
        QTest::newRow("noise") << QStringLiteral("\x7f\x01garbage") << false << false << false << 0.0;
    }

    void parsesDefaultFormat()
    {
        QFETCH(QString, line);
        QFETCH(bool, matches);
        QFETCH(bool, stable);
        QFETCH(bool, net);
        QFETCH(double, kg);
        const auto r = ScaleFormat::defaults().parse(line);
        QCOMPARE(r.has_value(), matches);
        if (!r)
            return;
        QCOMPARE(r->stable, stable);
        QCOMPARE(r->net, net);
        QVERIFY2(qAbs(r->kg - kg) < 1e-9, qPrintable(QString::number(r->kg, 'f', 9)));
        QCOMPARE(r->text, line);
    }

    void sitePattern()
    {
        QString error;
        // A scale that sends only settled values: "W 0001.250 KG".
        const ScaleFormat f
            = ScaleFormat::fromPattern(QStringLiteral(R"(^W\s+(?<value>\d+\.\d+)\s+(?<unit>KG|G)$)"), &error);
        QVERIFY(error.isEmpty());
        const auto r = f.parse(QStringLiteral("W 0001.250 KG"));
        QVERIFY(r);
        QVERIFY(r->stable);
        QCOMPARE(r->kg, 1.25);
        ScaleFormat::fromPattern(QStringLiteral("(unclosed"), &error);
        QVERIFY(error.contains(QStringLiteral("not a valid")));
        error.clear();
        const ScaleFormat fallback = ScaleFormat::fromPattern(QStringLiteral("^\\d+$"), &error);
        QVERIFY(error.contains(QStringLiteral("value")));
        QVERIFY(fallback.parse(QStringLiteral("ST,GS,+  1.234kg")));
    }

    void readsStableWeightsFromPty()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty())
            QFAIL("socat is not installed (Debian package socat)");
        QTemporaryDir dir;
        testing::SocatPty pty(dir.path());
        QVERIFY(pty.start());
        ScaleConfig config;
        config.portName = pty.devicePath();
        config.reopenMs = 200;
        ScaleReader reader(config);
        QSignalSpy readings(&reader, &ScaleReader::reading);
        QSignalSpy stable(&reader, &ScaleReader::stableWeight);
        QSignalSpy state(&reader, &ScaleReader::stateChanged);
        reader.start();
        QCOMPARE(reader.state(), ScaleReader::State::Connected);
        // Unstable values while the carton settles, noise, a line in two pieces, then stable.
        QVERIFY(pty.write("US,GS,+  1.100kg\r\nUS,GS,+  1.240kg\r\nnoise\r\nST,GS,+  1."));
        QTest::qWait(50);
        QVERIFY(pty.write("234kg\r\n"));
        QTRY_COMPARE_WITH_TIMEOUT(stable.size(), 1, kWait);
        QCOMPARE(readings.size(), 3);
        QCOMPARE(stable.first().first().toDouble(), 1.234);
        QVERIFY(reader.lastStable());
        QCOMPARE(reader.lastStable()->kg, 1.234);
        QVERIFY(pty.write("ST,GS,+   980g\n"));
        QTRY_COMPARE_WITH_TIMEOUT(stable.size(), 2, kWait);
        QCOMPARE(stable.last().first().toDouble(), 0.98);
        // An over-long line without an end is dropped, and the next good line still counts.
        QVERIFY(pty.write(QByteArray(400, 'x')));
        QTest::qWait(100);
        QVERIFY(pty.write("\nST,GS,+  2.000kg\n"));
        QTRY_COMPARE_WITH_TIMEOUT(stable.size(), 3, kWait);
        QCOMPARE(stable.last().first().toDouble(), 2.0);

        // The scale's cable is pulled: the reader closes the port, and reopens it when it is back.
        pty.stop();
        QTRY_COMPARE_WITH_TIMEOUT(reader.state(), ScaleReader::State::Disconnected, kWait);
        testing::SocatPty again(dir.path());
        QVERIFY(again.start());
        QTRY_COMPARE_WITH_TIMEOUT(reader.state(), ScaleReader::State::Connected, kWait);
        QVERIFY(again.write("ST,NT,+  0.500kg\n"));
        QTRY_COMPARE_WITH_TIMEOUT(stable.size(), 4, kWait);
        QVERIFY(reader.lastStable()->net);
        reader.stop();
        QCOMPARE(reader.state(), ScaleReader::State::Stopped);
        QVERIFY(state.size() >= 4);
    }

    void missingPortReopensLater()
    {
        ScaleConfig config;
        config.portName = QStringLiteral("/nonexistent/scale");
        config.reopenMs = 50;
        ScaleReader reader(config);
        QSignalSpy state(&reader, &ScaleReader::stateChanged);
        reader.start();
        QCOMPARE(reader.state(), ScaleReader::State::Disconnected);
        QTRY_VERIFY_WITH_TIMEOUT(state.size() >= 2, kWait); // it keeps trying
        reader.stop();
        ScaleReader none(ScaleConfig {});
        none.start();
        QCOMPARE(none.state(), ScaleReader::State::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestScaleReader)
#include "tst_scalereader.moc"
