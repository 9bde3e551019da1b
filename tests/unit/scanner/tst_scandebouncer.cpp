#include "scandebouncer.h"

#include <QTest>

using namespace dockhand;

namespace {
const QDateTime t0 = QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);

RawScan scan(const char *data, qint64 atMs, ScanSource source = ScanSource::Serial,
    const QString &device = QStringLiteral("/dev/ttyACM0"), const QString &aim = {})
{
    RawScan s;
    s.data = data;
    s.aim = aim;
    s.source = source;
    s.device = device;
    s.time = t0.addMSecs(atMs);
    return s;
}
} // namespace

class TestScanDebouncer : public QObject
{
    Q_OBJECT

private slots:
    void repeatInsideWindowIsOneScan()
    {
        ScanDebouncer d(500);
        QVERIFY(d.accept(scan("4006381333931", 0)));
        QVERIFY(!d.accept(scan("4006381333931", 100)));
        QVERIFY(!d.accept(scan("4006381333931", 499)));
    }

    void windowSlidesWhileTheCodeKeepsComing()
    {
        ScanDebouncer d(500);
        QVERIFY(d.accept(scan("A", 0)));
        // A presentation scanner re-reads the label every 300 ms: still the same scan.
        for (qint64 t = 300; t <= 3000; t += 300)
            QVERIFY2(!d.accept(scan("A", t)), qPrintable(QString::number(t)));
        // Taken away for longer than the window and shown again: a new scan.
        QVERIFY(d.accept(scan("A", 3600)));
    }

    void repeatAfterWindowIsANewScan()
    {
        ScanDebouncer d(500);
        QVERIFY(d.accept(scan("A", 0)));
        QVERIFY(d.accept(scan("A", 500)));
    }

    void differentContentOrSourceIsNotARepeat()
    {
        ScanDebouncer d(500);
        QVERIFY(d.accept(scan("A", 0)));
        QVERIFY(d.accept(scan("B", 10)));
        QVERIFY(d.accept(scan("A", 20))); // A, B, A: the operator scanned two things and back
        QVERIFY(d.accept(scan("A", 30, ScanSource::Camera, QStringLiteral("camera"))));
        QVERIFY(d.accept(scan("A", 40, ScanSource::Serial, QStringLiteral("/dev/ttyACM1"))));
        QVERIFY(d.accept(
            scan("A", 50, ScanSource::Serial, QStringLiteral("/dev/ttyACM0"), QStringLiteral("]C0"))));
        QVERIFY(!d.accept(
            scan("A", 60, ScanSource::Serial, QStringLiteral("/dev/ttyACM0"), QStringLiteral("]C0"))));
    }

    void clockGoingBackwardsDoesNotSwallowScans()
    {
        ScanDebouncer d(500);
        QVERIFY(d.accept(scan("A", 10000)));
        QVERIFY(d.accept(scan("A", 9000)));
    }

    void zeroWindowAcceptsEverything()
    {
        ScanDebouncer d(0);
        QVERIFY(d.accept(scan("A", 0)));
        QVERIFY(d.accept(scan("A", 0)));
    }
};

QTEST_GUILESS_MAIN(TestScanDebouncer)
#include "tst_scandebouncer.moc"
