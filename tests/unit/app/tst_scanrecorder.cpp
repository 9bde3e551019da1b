// The scan recorder, the one writer of the durable queue: it builds each event once from the
// decoded scan and the workflow's fields, commits it, and only then gives the feedback. A scan
// that cannot be saved is said to be "not saved" (never "accepted"), and the device learns that
// its storage is failing.

#include "faults.h"
#include "workflowtestutil.h"

#include <QSignalSpy>
#include <QTest>

using namespace dockhand;
using namespace dockhand::test;

class TestScanRecorder : public QObject
{
    Q_OBJECT

private slots:
    void buildsTheEventOnceFromScanAndFields()
    {
        QueueFixture f;
        f.scans.setOperator(QStringLiteral("OP-1001"));
        QSignalSpy recorded(&f.scans, &ScanRecorder::recorded);
        const Scan scan = f.gs1(QStringLiteral("0104006381333955") + QStringLiteral("10LOT-7") + QChar(0x1d)
            + QStringLiteral("17271231"));
        QVERIFY(scan.valid);
        const auto committed = f.scans.record(&scan, QStringLiteral("pick"), QStringLiteral("WAVE-0001"),
            QJsonObject {{QStringLiteral("action"), QStringLiteral("pick")}, {QStringLiteral("count"), 3}},
            true, QStringLiteral("Vitamin C: 3 picked"));
        QVERIFY(committed);
        QCOMPARE(recorded.size(), 1);
        const protocol::ScanEvent e = f.last();
        QCOMPARE(e.id, committed->event.id);
        QCOMPARE(e.step, QStringLiteral("pick"));
        QCOMPARE(e.task, QStringLiteral("WAVE-0001"));
        QCOMPARE(e.operatorId, QStringLiteral("OP-1001"));
        QCOMPARE(e.result, QStringLiteral("accepted"));
        QVERIFY(e.reason.isEmpty());
        QCOMPARE(e.aim, QStringLiteral("]C1"));
        QCOMPARE(e.source, QStringLiteral("serial"));
        QCOMPARE(e.kind, QStringLiteral("product"));
        QVERIFY(e.deviceTime.isValid());
        // The workflow's fields win; the scan's parsed data is merged in.
        QCOMPARE(e.fields.value(QStringLiteral("action")).toString(), QStringLiteral("pick"));
        QCOMPARE(e.fields.value(QStringLiteral("count")).toInt(), 3);
        QCOMPARE(e.fields.value(QStringLiteral("gtin")).toString(), kGtinLot);
        QCOMPARE(e.fields.value(QStringLiteral("lot")).toString(), QStringLiteral("LOT-7"));
        QCOMPARE(e.fields.value(QStringLiteral("expiry")).toString(), QStringLiteral("2027-12-31"));
        // Feedback after the commit, with the data as printed (GS shown).
        QCOMPARE(f.feedback.result(), QStringLiteral("accepted"));
        QCOMPARE(f.feedback.message(), QStringLiteral("Vitamin C: 3 picked"));
        QVERIFY(f.feedback.text().contains(QStringLiteral("<GS>")));
        QCOMPARE(f.feedback.serial(), 1);
    }

    void aRefusalIsRecordedWithItsReason()
    {
        QueueFixture f;
        const Scan scan = f.scan(QStringLiteral("A-01-02"));
        QVERIFY(
            f.scans.record(&scan, QStringLiteral("pick"), {}, {}, false, QStringLiteral("Wrong location")));
        QCOMPARE(f.last().result, QStringLiteral("refused"));
        QCOMPARE(f.last().reason, QStringLiteral("Wrong location"));
        QCOMPARE(f.feedback.result(), QStringLiteral("refused"));
    }

    void aButtonActionHasNoScan()
    {
        QueueFixture f;
        QVERIFY(f.scans.record(nullptr, QStringLiteral("pack"), QStringLiteral("SO-1"),
            QJsonObject {{QStringLiteral("action"), QStringLiteral("close-carton")}}, true,
            QStringLiteral("Closed")));
        QCOMPARE(f.last().source, QStringLiteral("manual"));
        QCOMPARE(f.last().kind, QStringLiteral("unknown"));
        QVERIFY(f.last().raw.isEmpty());
        QVERIFY(f.feedback.text().isEmpty());
    }

    void withoutStorageTheScanIsNotSavedAndSaysWhy()
    {
        QueueFixture f;
        f.scans.setQueue(nullptr);
        int tries = 0;
        f.scans.setStorageRecovery([&] {
            ++tries;
            return QStringLiteral("cannot create the data folder /nope");
        });
        const Scan scan = f.scan(QStringLiteral("A-01-02"));
        QVERIFY(!f.scans.record(&scan, QStringLiteral("home"), {}, {}, true, QStringLiteral("Location")));
        QCOMPARE(tries, 1);
        QCOMPARE(f.feedback.result(), QStringLiteral("not-saved"));
        QVERIFY2(f.feedback.message().contains(QStringLiteral("/nope")), qPrintable(f.feedback.message()));
        QCOMPARE(f.count(), qint64(0));
    }

    void aFailedWriteIsReportedAndRecoveryToo()
    {
        QueueFixture f;
        QSignalSpy failed(&f.scans, &ScanRecorder::storageFailed);
        QSignalSpy recovered(&f.scans, &ScanRecorder::storageRecovered);
        const Scan scan = f.scan(QStringLiteral("A-01-02"));
        faults::arm(faults::kDeviceWrite, 1);
        QVERIFY(!f.scans.record(&scan, QStringLiteral("home"), {}, {}, true, QStringLiteral("Location")));
        faults::arm(faults::kDeviceWrite, 0);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(f.feedback.result(), QStringLiteral("not-saved"));
        QCOMPARE(f.count(), qint64(0));
        QVERIFY(f.scans.record(&scan, QStringLiteral("home"), {}, {}, true, QStringLiteral("Location")));
        QCOMPARE(recovered.size(), 1);
        QCOMPARE(f.feedback.result(), QStringLiteral("accepted"));
        QCOMPARE(f.count(), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestScanRecorder)
#include "tst_scanrecorder.moc"
