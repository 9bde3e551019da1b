// The device's health, shown on every screen: a device that cannot keep scans or has lost its
// scanner says so (title and what to do) instead of "Ready to scan".

#include "devicestatus.h"

#include <QSignalSpy>
#include <QTest>

using namespace dockhand;

class TestDeviceStatus : public QObject
{
    Q_OBJECT

private slots:
    void healthyByDefault()
    {
        DeviceStatus d(QStringLiteral("h-1"), QStringLiteral("Handheld 1"));
        QCOMPARE(d.health(), QStringLiteral("ok"));
        QVERIFY(d.healthTitle().isEmpty());
        QVERIFY(d.healthMessage().isEmpty());
    }

    void unusableStorageComesFirst()
    {
        DeviceStatus d(QStringLiteral("h-1"), QStringLiteral("Handheld 1"));
        QSignalSpy changed(&d, &DeviceStatus::healthChanged);
        d.setScanner(
            QStringLiteral("disconnected"), QStringLiteral("Scanner port /dev/ttyACM0 cannot be opened"));
        QCOMPARE(d.health(), QStringLiteral("scanner"));
        QCOMPARE(d.healthTitle(), QStringLiteral("SCANNER DISCONNECTED"));
        QVERIFY(d.healthMessage().contains(QStringLiteral("/dev/ttyACM0")));
        d.setStorageError(QStringLiteral("Cannot create the data folder /nope."), false);
        QCOMPARE(d.health(), QStringLiteral("storage"));
        QCOMPARE(d.healthTitle(), QStringLiteral("CANNOT SAVE SCANS"));
        QVERIFY(d.healthMessage().contains(QStringLiteral("/nope")));
        QVERIFY(changed.size() >= 2);
    }

    void aWarningAboutStorageIsNotUnhealthy()
    {
        DeviceStatus d(QStringLiteral("h-1"), QStringLiteral("Handheld 1"));
        d.setStorageError(QStringLiteral("The damaged scan database was moved aside."));
        QCOMPARE(d.health(), QStringLiteral("ok"));
    }

    void aFailedWriteIsUnhealthyUntilWritesWorkAgain()
    {
        DeviceStatus d(QStringLiteral("h-1"), QStringLiteral("Handheld 1"));
        d.setWriteFailure(QStringLiteral("The device storage is full."));
        QCOMPARE(d.health(), QStringLiteral("storage"));
        QVERIFY(d.healthMessage().contains(QStringLiteral("full")));
        d.setWriteFailure({});
        QCOMPARE(d.health(), QStringLiteral("ok"));
    }

    void aConnectedOrAbsentScannerIsFine()
    {
        DeviceStatus d(QStringLiteral("h-1"), QStringLiteral("Handheld 1"));
        d.setScanner(QStringLiteral("connected"), QStringLiteral("Scanner connected on /dev/ttyACM0"));
        QCOMPARE(d.health(), QStringLiteral("ok"));
        d.setScanner(QStringLiteral("none"), QStringLiteral("No serial scanner configured"));
        QCOMPARE(d.health(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestDeviceStatus)
#include "tst_devicestatus.moc"
