// Picking scan by scan: every transition of PickWorkflow, each refusal with its message, the
// exceptions (short, skip), batch picking into totes, and the events the server applies.

#include "pickworkflow.h"
#include "workflowtestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <memory>

using namespace dockhand;
using namespace dockhand::test;
using State = PickWorkflow::State;

namespace {
const QString kOp = QStringLiteral("OP-1001");

PickLine pl(const char *order, int line, const QString &gtin, const char *location, int walk, int qty)
{
    return {QString::fromLatin1(order), line, gtin, QString::fromLatin1(location), walk, qty};
}

QString action(const protocol::ScanEvent &e)
{
    return e.fields.value(QStringLiteral("action")).toString();
}
} // namespace

class TestPickWorkflow : public QObject
{
    Q_OBJECT

private:
    // One order, lines deliberately out of walk order: B x3 at A-01-02, A x1 at A-01-01.
    static void addSingleTask(MemoryFloorData &d)
    {
        d.addTask({QStringLiteral("T-1"), QStringLiteral("open"), QString(), {QStringLiteral("SO-100001")},
            {pl("SO-100001", 2, kGtinB, "A-01-02", 20, 3), pl("SO-100001", 1, kGtinA, "A-01-01", 10, 1)}});
    }
    // Two orders into two totes; both want A at A-01-01 (one location, two lines).
    static void addBatchTask(MemoryFloorData &d)
    {
        d.addTask({QStringLiteral("WAVE-2"), QStringLiteral("open"), kOp,
            {QStringLiteral("SO-100002"), QStringLiteral("SO-100003")},
            {pl("SO-100002", 1, kGtinA, "A-01-01", 10, 1), pl("SO-100003", 1, kGtinA, "A-01-01", 10, 2),
                pl("SO-100003", 2, kGtinB, "B-02-01", 30, 1)}});
    }

    struct Rig
    {
        QueueFixture f;
        PickWorkflow w {&f.scans, &f.data};
        Rig()
        {
            f.scans.setOperator(kOp);
            w.setToday(QDate(2026, 11, 22));
        }
        void start(const QString &task)
        {
            w.setOperator(kOp);
            QVERIFY(w.startTask(task));
        }
        void scan(const QString &text) { w.handleScan(f.scan(text)); }
        void gs1(const QString &text) { w.handleScan(f.gs1(text)); }
    };

private slots:
    void listsOnlyThisPickersOpenTasks()
    {
        Rig r;
        addSingleTask(r.f.data);
        addBatchTask(r.f.data);
        r.f.data.addTask({QStringLiteral("T-OTHER"), QStringLiteral("open"), QStringLiteral("OP-1002"),
            {QStringLiteral("SO-1")}, {pl("SO-1", 1, kGtinA, "A-01-01", 10, 1)}});
        r.f.data.addTask({QStringLiteral("T-DONE"), QStringLiteral("done"), QString(),
            {QStringLiteral("SO-2")}, {pl("SO-2", 1, kGtinA, "A-01-01", 10, 1)}});
        QAbstractItemModelTester tester(r.w.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(r.w.tasks()->rowCount(), 0);
        QCOMPARE(r.w.prompt(), QStringLiteral("Log in to pick"));
        r.w.setOperator(kOp);
        QCOMPARE(r.w.tasks()->rowCount(), 2);
        const QModelIndex first = r.w.tasks()->index(0);
        QCOMPARE(first.data(PickTaskModel::IdRole).toString(), QStringLiteral("T-1"));
        QCOMPARE(first.data(PickTaskModel::LineCountRole).toInt(), 2);
        QCOMPARE(first.data(PickTaskModel::UnitCountRole).toInt(), 4);
        QCOMPARE(r.w.tasks()->index(1).data(PickTaskModel::OrdersRole).toString(),
            QStringLiteral("SO-100002, SO-100003"));
        QCOMPARE(r.w.tasks()->roleNames().value(PickTaskModel::IdRole), QByteArray("taskId"));
        r.w.setOperator({});
        QCOMPARE(r.w.tasks()->rowCount(), 0);
    }

    void listsTasksAssignedToThisDevice()
    {
        Rig r;
        r.f.data.addTask({QStringLiteral("T-HERE"), QStringLiteral("open"), QStringLiteral("handheld-test"),
            {QStringLiteral("SO-1")}, {pl("SO-1", 1, kGtinA, "A-01-01", 10, 1)}});
        r.f.data.addTask({QStringLiteral("T-THERE"), QStringLiteral("open"), QStringLiteral("handheld-other"),
            {QStringLiteral("SO-2")}, {pl("SO-2", 1, kGtinA, "A-01-01", 10, 1)}});
        r.w.setOperator(kOp);
        QCOMPARE(r.w.tasks()->rowCount(), 1);
        QCOMPARE(r.w.tasks()->index(0).data(PickTaskModel::IdRole).toString(), QStringLiteral("T-HERE"));
        QVERIFY(r.w.startTask(QStringLiteral("T-HERE")));
    }

    void startRefusals()
    {
        Rig r;
        addSingleTask(r.f.data);
        QVERIFY(!r.w.startTask(QStringLiteral("T-1"))); // nobody logged in
        r.w.setOperator(kOp);
        QVERIFY(!r.w.startTask(QStringLiteral("T-404")));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QVERIFY(r.w.startTask(QStringLiteral("T-1")));
        QVERIFY(!r.w.startTask(QStringLiteral("T-1"))); // one batch at a time
        QCOMPARE(r.w.state(), State::ScanLocation);
    }

    void scanBeforeTaskRefused()
    {
        Rig r;
        r.w.setOperator(kOp);
        r.scan(QStringLiteral("A-01-01"));
        QCOMPARE(r.w.state(), State::NoTask);
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.f.last().result, QStringLiteral("refused"));
        QCOMPARE(r.f.last().step, QStringLiteral("pick"));
    }

    void singleOrderWalk()
    {
        Rig r;
        addSingleTask(r.f.data);
        QDateTime now(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC);
        r.w.setClock([&] { return now; });
        QAbstractItemModelTester tester(r.w.lines(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        r.start(QStringLiteral("T-1"));
        QVERIFY(!r.w.batch());
        // Walk order: A-01-01 (seq 10) before A-01-02 (seq 20).
        QCOMPARE(r.w.currentLocation(), QStringLiteral("A-01-01"));
        QCOMPARE(r.w.currentProductName(), QStringLiteral("Blue mug"));
        QCOMPARE(r.w.lines()->currentRow(), 0);
        QVERIFY(r.w.lines()->index(0).data(PickLineModel::CurrentRole).toBool());
        QCOMPARE(r.w.prompt(), QStringLiteral("Go to A-01-01 and scan the location"));

        r.scan(QStringLiteral("A-01-01"));
        QCOMPARE(r.w.state(), State::ScanProduct);
        auto e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("verify-location"));
        QVERIFY(hasFields(e, {QStringLiteral("task"), QStringLiteral("location")}));
        QCOMPARE(e.task, QStringLiteral("T-1"));
        QCOMPARE(e.operatorId, kOp);

        // A single-unit line completes with the product scan alone: no tap.
        r.scan(kGtinA);
        e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("pick"));
        QCOMPARE(e.result, QStringLiteral("accepted"));
        QVERIFY(hasFields(e,
            {QStringLiteral("task"), QStringLiteral("order"), QStringLiteral("line"), QStringLiteral("gtin"),
                QStringLiteral("location"), QStringLiteral("quantity")}));
        QCOMPARE(e.fields.value(QStringLiteral("quantity")).toInt(), 1);
        QCOMPARE(e.fields.value(QStringLiteral("order")).toString(), QStringLiteral("SO-100001"));
        QCOMPARE(e.fields.value(QStringLiteral("line")).toInt(), 1);
        QVERIFY(!e.fields.contains(QStringLiteral("tote")));
        QCOMPARE(r.w.lines()->index(0).data(PickLineModel::StatusRole).toString(), QStringLiteral("picked"));
        QCOMPARE(r.w.state(), State::ScanLocation);
        QCOMPARE(r.w.currentLocation(), QStringLiteral("A-01-02"));

        r.scan(QStringLiteral("A-01-02"));
        r.scan(kGtinB);
        QCOMPARE(r.w.state(), State::ScanQuantity);
        QCOMPARE(r.w.currentPicked(), 1);
        // Keypad for the rest: over-pick refused, then the exact rest.
        r.w.enterQuantity(3);
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("only 2 more")));
        QCOMPARE(r.f.last().result, QStringLiteral("refused"));
        r.w.enterQuantity(0);
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        now = now.addSecs(95);
        r.w.enterQuantity(2);
        e = r.f.last();
        QCOMPARE(e.fields.value(QStringLiteral("quantity")).toInt(), 2);
        QCOMPARE(e.source, QStringLiteral("manual"));
        QCOMPARE(r.w.state(), State::Summary);
        QCOMPARE(r.w.linesPicked(), 2);
        QCOMPARE(r.w.linesShort(), 0);
        QCOMPARE(r.w.elapsedSeconds(), 95);
        QVERIFY(r.w.totes().isEmpty());
        QCOMPARE(r.w.prompt(), QStringLiteral("Batch done: hand the totes to packing"));
        r.scan(kGtinB);
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.finish();
        QCOMPARE(r.w.state(), State::NoTask);
        QCOMPARE(r.w.lines()->rowCount(), 0);
        // Until the next sync says the task is done, it must not be picked a second time.
        QCOMPARE(r.w.tasks()->rowCount(), 0);
        QVERIFY(!r.w.startTask(QStringLiteral("T-1")));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
    }

    void wrongLocationNamesExpected()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        r.scan(QStringLiteral("B-02-01"));
        QCOMPARE(r.w.state(), State::ScanLocation);
        QCOMPARE(r.w.lastMessage(), QStringLiteral("Wrong location: scanned B-02-01, go to A-01-01."));
        const auto e = r.f.last();
        QCOMPARE(e.result, QStringLiteral("refused"));
        QCOMPARE(action(e), QStringLiteral("verify-location"));
        QCOMPARE(e.reason, r.w.lastMessage());
        // A product before the location is refused too: the location is verified first.
        r.scan(kGtinA);
        QCOMPARE(r.w.state(), State::ScanLocation);
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("A-01-01")));
        // An unreadable scan is refused with the decoder's reason.
        r.scan(QStringLiteral("0400638133393"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
    }

    void wrongProductNamesBoth()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        r.scan(QStringLiteral("A-01-01"));
        r.scan(kGtinB);
        QCOMPARE(r.w.state(), State::ScanProduct);
        QCOMPARE(r.w.lastMessage(),
            QStringLiteral("Wrong item: scanned Red plate (04006381333948), this line wants Blue mug "
                           "(04006381333931)."));
        const auto e = r.f.last();
        QCOMPARE(e.result, QStringLiteral("refused"));
        QCOMPARE(e.fields.value(QStringLiteral("gtin")).toString(), kGtinB);
        QCOMPARE(e.fields.value(QStringLiteral("expectedGtin")).toString(), kGtinA);
        // Something that is not a product at all.
        r.scan(QStringLiteral("TOTE-0001"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("Blue mug")));
        // Rescanning the right location is fine and changes nothing.
        r.scan(QStringLiteral("A-01-01"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("accepted"));
        QCOMPARE(r.w.state(), State::ScanProduct);
    }

    void countFromGs1AndOverPick()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        r.w.skipLine(); // B x3 at A-01-02 first
        r.scan(QStringLiteral("A-01-02"));
        r.gs1(QStringLiteral("01") + kGtinB + QStringLiteral("305"));
        QCOMPARE(r.w.state(), State::ScanProduct);
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("only 3 more")));
        r.gs1(QStringLiteral("01") + kGtinB + QStringLiteral("302"));
        QCOMPARE(r.w.currentPicked(), 2);
        QCOMPARE(r.f.last().fields.value(QStringLiteral("quantity")).toInt(), 2);
        r.scan(kGtinB);
        QCOMPARE(r.w.state(), State::ScanLocation); // line done; A-01-01 next
        QCOMPARE(r.w.currentLocation(), QStringLiteral("A-01-01"));
    }

    void lotAndExpiryFromGs1()
    {
        Rig r;
        r.f.data.addTask({QStringLiteral("T-L"), QStringLiteral("open"), QString(), {QStringLiteral("SO-7")},
            {pl("SO-7", 1, kGtinLot, "A-01-01", 10, 2)}});
        r.start(QStringLiteral("T-L"));
        r.scan(QStringLiteral("A-01-01"));
        // Expired lot: refused with its date.
        r.gs1(QStringLiteral("01") + kGtinLot + QStringLiteral("17201231") + QStringLiteral("10OLD1"));
        QCOMPARE(r.w.state(), State::ScanProduct);
        QCOMPARE(r.w.lastMessage(),
            QStringLiteral("Expired: lot OLD1 expired on 2020-12-31. Put it back and take another unit."));
        QCOMPARE(r.f.last().result, QStringLiteral("refused"));
        // A good lot and expiry count at once.
        r.gs1(QStringLiteral("01") + kGtinLot + QStringLiteral("17300630") + QStringLiteral("10L77"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("accepted"));
        const auto e = r.f.last();
        QCOMPARE(e.fields.value(QStringLiteral("lot")).toString(), QStringLiteral("L77"));
        QCOMPARE(e.fields.value(QStringLiteral("expiry")).toString(), QStringLiteral("2030-06-30"));
        QCOMPARE(r.w.state(), State::ScanQuantity);
        // Keypad units share the scanned lot.
        r.w.enterQuantity(1);
        QCOMPARE(r.f.last().fields.value(QStringLiteral("lot")).toString(), QStringLiteral("L77"));
        QCOMPARE(r.w.state(), State::Summary);
    }

    void asksForMissingDetails()
    {
        Rig r;
        r.f.data.addTask({QStringLiteral("T-L"), QStringLiteral("open"), QString(), {QStringLiteral("SO-7")},
            {pl("SO-7", 1, kGtinLot, "A-01-01", 10, 1)}});
        r.start(QStringLiteral("T-L"));
        r.scan(QStringLiteral("A-01-01"));
        r.scan(kGtinLot); // a bare EAN: no lot, no expiry
        QCOMPARE(r.w.state(), State::ScanDetails);
        QCOMPARE(r.w.missingDetails(), (QStringList {QStringLiteral("lot"), QStringLiteral("expiry")}));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QVERIFY(r.w.prompt().contains(QStringLiteral("lot number, expiry date")));
        // The wrong product is still wrong here.
        r.scan(kGtinA);
        QCOMPARE(r.w.state(), State::ScanDetails);
        QVERIFY(r.w.lastMessage().startsWith(QStringLiteral("Wrong item")));
        // A plain lot label fills the lot; expiry is still missing.
        r.scan(QStringLiteral("LOTX9"));
        QCOMPARE(r.w.state(), State::ScanDetails);
        QCOMPARE(r.w.missingDetails(), QStringList {QStringLiteral("expiry")});
        // Typed: a bad date, an expired date, then a good one.
        r.w.enterDetails({}, QStringLiteral("31.12.2027"), {});
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("not a date")));
        r.w.enterDetails({}, QStringLiteral("2025-01-31"), {});
        QVERIFY(r.w.lastMessage().startsWith(QStringLiteral("Expired")));
        QCOMPARE(r.w.state(), State::ScanDetails);
        r.w.enterDetails({}, QStringLiteral("2027-12-31"), {});
        QCOMPARE(r.w.lastResult(), QStringLiteral("accepted"));
        const auto e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("pick"));
        QCOMPARE(e.fields.value(QStringLiteral("lot")).toString(), QStringLiteral("LOTX9"));
        QCOMPARE(e.fields.value(QStringLiteral("expiry")).toString(), QStringLiteral("2027-12-31"));
        QCOMPARE(r.w.state(), State::Summary);
        r.w.enterDetails(QStringLiteral("x"), {}, {});
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
    }

    void detailsFromSecondGs1Scan()
    {
        Rig r;
        r.f.data.addTask({QStringLiteral("T-L"), QStringLiteral("open"), QString(), {QStringLiteral("SO-7")},
            {pl("SO-7", 1, kGtinLot, "A-01-01", 10, 1)}});
        r.start(QStringLiteral("T-L"));
        r.scan(QStringLiteral("A-01-01"));
        r.gs1(QStringLiteral("01") + kGtinLot + QStringLiteral("10L5")); // lot but no expiry
        QCOMPARE(r.w.missingDetails(), QStringList {QStringLiteral("expiry")});
        r.scan(QStringLiteral("LOTX9")); // plain text cannot be an expiry
        QCOMPARE(r.w.state(), State::ScanDetails);
        r.gs1(QStringLiteral("01") + kGtinLot + QStringLiteral("17291130"));
        QCOMPARE(r.w.state(), State::Summary);
        QCOMPARE(r.f.last().fields.value(QStringLiteral("lot")).toString(), QStringLiteral("L5"));
        QCOMPARE(r.f.last().fields.value(QStringLiteral("expiry")).toString(), QStringLiteral("2029-11-30"));
    }

    void serialTracked()
    {
        Rig r;
        r.f.data.addTask({QStringLiteral("T-S"), QStringLiteral("open"), QString(), {QStringLiteral("SO-8")},
            {pl("SO-8", 1, kGtinSerial, "A-01-01", 10, 2)}});
        r.start(QStringLiteral("T-S"));
        r.scan(QStringLiteral("A-01-01"));
        r.gs1(QStringLiteral("01") + kGtinSerial + QStringLiteral("21SN1"));
        QCOMPARE(r.f.last().fields.value(QStringLiteral("serial")).toString(), QStringLiteral("SN1"));
        QCOMPARE(r.w.state(), State::ScanQuantity);
        r.w.enterQuantity(1); // serials are scanned one by one
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("serial")));
        r.scan(kGtinSerial); // no serial: asked for
        QCOMPARE(r.w.state(), State::ScanDetails);
        QCOMPARE(r.w.missingDetails(), QStringList {QStringLiteral("serial")});
        r.w.enterDetails({}, {}, QStringLiteral("SN2"));
        QCOMPARE(r.f.last().fields.value(QStringLiteral("serial")).toString(), QStringLiteral("SN2"));
        QCOMPARE(r.w.state(), State::Summary);
    }

    void shortPickWithReason()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        r.scan(QStringLiteral("A-01-01"));
        r.scan(kGtinA);
        r.scan(QStringLiteral("A-01-02"));
        r.scan(kGtinB);
        r.w.shortPick(QStringLiteral("lost-in-space"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.state(), State::ScanQuantity);
        r.w.shortPick(QStringLiteral("insufficient"));
        const auto e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("short"));
        QCOMPARE(e.result, QStringLiteral("accepted"));
        QVERIFY(hasFields(e,
            {QStringLiteral("task"), QStringLiteral("order"), QStringLiteral("line"), QStringLiteral("gtin"),
                QStringLiteral("location"), QStringLiteral("quantity"), QStringLiteral("reason")}));
        QCOMPARE(e.fields.value(QStringLiteral("quantity")).toInt(), 2); // the missing amount
        QCOMPARE(e.fields.value(QStringLiteral("reason")).toString(), QStringLiteral("insufficient"));
        QCOMPARE(r.w.state(), State::Summary);
        QCOMPARE(r.w.linesPicked(), 1);
        QCOMPARE(r.w.linesShort(), 1);
        QCOMPARE(r.w.lines()->index(1).data(PickLineModel::ShortReasonRole).toString(),
            QStringLiteral("insufficient"));
        r.w.shortPick(QStringLiteral("damaged"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
    }

    void shortReasonsAll()
    {
        QCOMPARE(PickWorkflow::shortReasons(),
            (QStringList {QStringLiteral("not-found"), QStringLiteral("damaged"),
                QStringLiteral("insufficient"), QStringLiteral("wrong-item")}));
    }

    void skipMovesLineToEnd()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        QCOMPARE(r.w.currentGtin(), kGtinA);
        r.w.skipLine();
        auto e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("skip"));
        QVERIFY(hasFields(e, {QStringLiteral("task"), QStringLiteral("order"), QStringLiteral("line")}));
        QCOMPARE(r.w.currentGtin(), kGtinB);
        QCOMPARE(r.w.lines()->at(1).line.gtin, kGtinA);
        QCOMPARE(r.w.lines()->currentRow(), 0);
        r.scan(QStringLiteral("A-01-02"));
        r.scan(kGtinB);
        r.w.skipLine(); // partly picked: refused
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.enterQuantity(2);
        QCOMPARE(r.w.currentGtin(), kGtinA);
        r.w.skipLine(); // the last open line cannot be skipped
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.f.last().result, QStringLiteral("refused"));
        r.w.shortPick(QStringLiteral("not-found"));
        QCOMPARE(r.w.state(), State::Summary);
    }

    void finishRefusedMidBatch()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        r.w.finish(); // nothing picked: abandoning is fine
        QCOMPARE(r.w.state(), State::NoTask);
        QVERIFY(r.w.startTask(QStringLiteral("T-1")));
        r.scan(QStringLiteral("A-01-01"));
        r.scan(kGtinA);
        r.w.finish();
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.state(), State::ScanLocation);
        r.w.enterQuantity(1); // not in ScanQuantity
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
    }

    void batchIntoTotes()
    {
        Rig r;
        addBatchTask(r.f.data);
        r.f.data.addOrder({QStringLiteral("SO-099999"), QStringLiteral("Old"), QStringLiteral("picked"),
            QStringLiteral("TOTE-0009"), {}});
        QSignalSpy finished(&r.w, &PickWorkflow::batchFinished);
        r.start(QStringLiteral("WAVE-2"));
        QVERIFY(r.w.batch());
        QCOMPARE(r.w.state(), State::BindTotes);
        QCOMPARE(r.w.bindingOrder(), QStringLiteral("SO-100002"));
        QCOMPARE(r.w.prompt(), QStringLiteral("Scan an empty tote for order SO-100002 (1 of 2)"));
        r.scan(QStringLiteral("A-01-01"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.scan(QStringLiteral("TOTE-0009")); // still holds a picked order
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("SO-099999")));
        r.scan(QStringLiteral("TOTE-0001"));
        auto e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("bind-tote"));
        QVERIFY(hasFields(e, {QStringLiteral("task"), QStringLiteral("order"), QStringLiteral("tote")}));
        QCOMPARE(e.fields.value(QStringLiteral("tote")).toString(), QStringLiteral("TOTE-0001"));
        QCOMPARE(r.w.bindingOrder(), QStringLiteral("SO-100003"));
        r.scan(QStringLiteral("TOTE-0001")); // one tote, one order
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("already holds order SO-100002")));
        r.scan(QStringLiteral("TOTE-0002"));
        QCOMPARE(r.w.state(), State::ScanLocation);
        QCOMPARE(r.w.currentTote(), QStringLiteral("TOTE-0001"));

        r.scan(QStringLiteral("A-01-01"));
        r.scan(kGtinA);
        e = r.f.last();
        QCOMPARE(e.fields.value(QStringLiteral("tote")).toString(), QStringLiteral("TOTE-0001"));
        QCOMPARE(r.w.state(), State::ScanTote);
        r.scan(kGtinA); // not a tote
        QCOMPARE(r.w.state(), State::ScanTote);
        r.scan(QStringLiteral("TOTE-0002"));
        QCOMPARE(r.w.lastMessage(),
            QStringLiteral("Wrong tote: scanned TOTE-0002, order SO-100002 goes into tote TOTE-0001."));
        r.scan(QStringLiteral("TOTE-0001"));
        e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("bind-tote"));
        QCOMPARE(e.result, QStringLiteral("accepted"));
        QCOMPARE(e.fields.value(QStringLiteral("line")).toInt(), 1);
        // The same location next: no second location scan.
        QCOMPARE(r.w.state(), State::ScanProduct);
        QCOMPARE(r.w.currentOrder(), QStringLiteral("SO-100003"));
        r.scan(kGtinA);
        r.scan(QStringLiteral("TOTE-0002")); // line not complete yet
        QVERIFY(r.w.lastMessage().startsWith(QStringLiteral("Line not complete")));
        r.scan(kGtinA);
        r.scan(QStringLiteral("TOTE-0002"));
        QCOMPARE(r.w.state(), State::ScanLocation);
        r.scan(QStringLiteral("B-02-01"));
        r.w.shortPick(QStringLiteral("not-found")); // nothing picked: no tote to confirm
        QCOMPARE(r.w.state(), State::Summary);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(r.w.linesPicked(), 2);
        QCOMPARE(r.w.linesShort(), 1);
        const QVariantList totes = r.w.totes();
        QCOMPARE(totes.size(), 2);
        QCOMPARE(totes.at(0).toMap().value(QStringLiteral("tote")).toString(), QStringLiteral("TOTE-0001"));
        QCOMPARE(totes.at(1).toMap().value(QStringLiteral("order")).toString(), QStringLiteral("SO-100003"));
    }

    void resumesAfterRestart()
    {
        Rig r;
        addBatchTask(r.f.data);
        r.start(QStringLiteral("WAVE-2"));
        r.scan(QStringLiteral("TOTE-0001"));
        // The app stops after the first tote binding: the next start binds only the second order.
        auto restarted = std::make_unique<PickWorkflow>(&r.f.scans, &r.f.data);
        restarted->setOperator(kOp);
        QCOMPARE(restarted->tasks()->rowCount(), 1);
        QVERIFY(restarted->startTask(QStringLiteral("WAVE-2")));
        QCOMPARE(restarted->state(), State::BindTotes);
        QCOMPARE(restarted->bindingOrder(), QStringLiteral("SO-100003"));
        restarted->handleScan(r.f.scan(QStringLiteral("TOTE-0002")));
        restarted->handleScan(r.f.scan(QStringLiteral("A-01-01")));
        restarted->handleScan(r.f.scan(kGtinA));
        QCOMPARE(restarted->state(), State::ScanTote);

        // Picked into the batch, the tote scan still to come: it is asked for again, not the pick.
        restarted = std::make_unique<PickWorkflow>(&r.f.scans, &r.f.data);
        restarted->setOperator(kOp);
        QVERIFY(restarted->startTask(QStringLiteral("WAVE-2")));
        QCOMPARE(restarted->state(), State::ScanTote);
        QCOMPARE(restarted->currentOrder(), QStringLiteral("SO-100002"));
        QCOMPARE(restarted->currentTote(), QStringLiteral("TOTE-0001"));
        QCOMPARE(restarted->lines()->index(0).data(PickLineModel::StatusRole).toString(),
            QStringLiteral("picked"));
        restarted->handleScan(r.f.scan(QStringLiteral("TOTE-0001")));
        // The location was verified before the restart: straight to the product.
        QCOMPARE(restarted->state(), State::ScanProduct);
        QCOMPARE(restarted->currentOrder(), QStringLiteral("SO-100003"));
        restarted->handleScan(r.f.scan(kGtinA));
        QCOMPARE(restarted->currentPicked(), 1);

        // Half a line picked: the count goes on from 1 of 2.
        restarted = std::make_unique<PickWorkflow>(&r.f.scans, &r.f.data);
        restarted->setOperator(kOp);
        QVERIFY(restarted->startTask(QStringLiteral("WAVE-2")));
        QCOMPARE(restarted->state(), State::ScanQuantity);
        QCOMPARE(restarted->currentPicked(), 1);
        QCOMPARE(restarted->currentQuantity(), 2);
        QCOMPARE(restarted->totes().size(), 2);
        restarted->enterQuantity(2); // only one more belongs in the line
        QCOMPARE(restarted->lastResult(), QStringLiteral("refused"));
        restarted->handleScan(r.f.scan(kGtinA));
        restarted->handleScan(r.f.scan(QStringLiteral("TOTE-0002")));
        restarted->handleScan(r.f.scan(QStringLiteral("B-02-01")));
        restarted->shortPick(QStringLiteral("not-found"));
        QCOMPARE(restarted->state(), State::Summary);
        QCOMPARE(restarted->linesPicked(), 2);
        QCOMPARE(restarted->linesShort(), 1);

        // A batch finished before a restart is not offered again.
        restarted = std::make_unique<PickWorkflow>(&r.f.scans, &r.f.data);
        restarted->setOperator(kOp);
        QCOMPARE(restarted->tasks()->rowCount(), 0);
        QVERIFY(!restarted->startTask(QStringLiteral("WAVE-2")));
    }

    void resumeReplaysSkips()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        QCOMPARE(r.w.currentLocation(), QStringLiteral("A-01-01"));
        r.w.skipLine();
        QCOMPARE(r.w.currentLocation(), QStringLiteral("A-01-02"));
        PickWorkflow restarted(&r.f.scans, &r.f.data);
        restarted.setOperator(kOp);
        QVERIFY(restarted.startTask(QStringLiteral("T-1")));
        // The skipped line stays at the end of the walk.
        QCOMPARE(restarted.currentLocation(), QStringLiteral("A-01-02"));
        QCOMPARE(restarted.lines()->index(1).data(PickLineModel::LocationRole).toString(),
            QStringLiteral("A-01-01"));
    }

    void stateAndLineChangeTogether()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        QList<QPair<State, QString>> seen;
        connect(&r.w, &PickWorkflow::currentChanged, &r.w, [&] {
            seen.append({r.w.state(), r.w.currentLocation()});
        });
        connect(&r.w, &PickWorkflow::stateChanged, &r.w, [&] {
            seen.append({r.w.state(), r.w.currentLocation()});
        });
        r.scan(QStringLiteral("A-01-01"));
        r.scan(kGtinA); // the single unit closes the line: on to A-01-02
        QVERIFY(!seen.isEmpty());
        // Every observer sees the next line with the state that belongs to it.
        for (const auto &s : seen) {
            if (s.second == QLatin1String("A-01-02"))
                QCOMPARE(s.first, State::ScanLocation);
        }
        QCOMPARE(seen.last(), qMakePair(State::ScanLocation, QStringLiteral("A-01-02")));
    }

    void everyEventIsInTheQueue()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        r.scan(QStringLiteral("B-02-01")); // refused
        r.scan(QStringLiteral("A-01-01"));
        r.scan(kGtinA);
        const auto events = r.f.lastN(10);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).result, QStringLiteral("refused"));
        QCOMPARE(events.at(1).result, QStringLiteral("accepted"));
        for (const auto &e : events) {
            QCOMPARE(e.step, QStringLiteral("pick"));
            QCOMPARE(e.operatorId, kOp);
            QCOMPARE(e.deviceId, QStringLiteral("handheld-test"));
            QVERIFY(!e.id.isNull());
            // Round-trips through the wire type the server reads.
            QString error;
            QVERIFY2(protocol::ScanEvent::fromJson(e.toJson(), &error).has_value(), qPrintable(error));
        }
        QCOMPARE(events.at(2).sequence, events.at(1).sequence + 1);
    }

    void notSavedChangesNothing()
    {
        Rig r;
        addSingleTask(r.f.data);
        r.start(QStringLiteral("T-1"));
        r.f.scans.setQueue(nullptr);
        QSignalSpy notSaved(&r.w, &Workflow::notSaved);
        r.scan(QStringLiteral("A-01-01"));
        QCOMPARE(r.w.state(), State::ScanLocation);
        QCOMPARE(r.w.lastResult(), QStringLiteral("not-saved"));
        QCOMPARE(notSaved.size(), 1);
        r.f.scans.setQueue(r.f.queue.get());
        r.scan(QStringLiteral("A-01-01"));
        QCOMPARE(r.w.state(), State::ScanProduct);
    }

    void lineModelRoles()
    {
        Rig r;
        addBatchTask(r.f.data);
        QAbstractItemModelTester tester(r.w.lines(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        r.start(QStringLiteral("WAVE-2"));
        r.scan(QStringLiteral("TOTE-0001"));
        r.scan(QStringLiteral("TOTE-0002"));
        const auto *m = r.w.lines();
        QCOMPARE(m->rowCount(), 3);
        const auto names = m->roleNames();
        QCOMPARE(names.value(PickLineModel::OrderRole), QByteArray("order"));
        QCOMPARE(names.value(PickLineModel::CurrentRole), QByteArray("current"));
        QCOMPARE(names.size(), 11);
        const QModelIndex i = m->index(2);
        QCOMPARE(i.data(PickLineModel::OrderRole).toString(), QStringLiteral("SO-100003"));
        QCOMPARE(i.data(PickLineModel::LineRole).toInt(), 2);
        QCOMPARE(i.data(PickLineModel::GtinRole).toString(), kGtinB);
        QCOMPARE(i.data(PickLineModel::ProductNameRole).toString(), QStringLiteral("Red plate"));
        QCOMPARE(i.data(PickLineModel::LocationRole).toString(), QStringLiteral("B-02-01"));
        QCOMPARE(i.data(PickLineModel::QuantityRole).toInt(), 1);
        QCOMPARE(i.data(PickLineModel::PickedRole).toInt(), 0);
        QCOMPARE(i.data(PickLineModel::ToteRole).toString(), QStringLiteral("TOTE-0002"));
        QCOMPARE(i.data(PickLineModel::StatusRole).toString(), QStringLiteral("open"));
        QVERIFY(!i.data(PickLineModel::CurrentRole).toBool());
        QVERIFY(!i.data(Qt::UserRole + 100).isValid());
        r.w.skipLine();
        r.scan(QStringLiteral("A-01-01"));
        r.scan(kGtinA);
        QCOMPARE(m->index(0).data(PickLineModel::PickedRole).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPickWorkflow)
#include "tst_pickworkflow.moc"
