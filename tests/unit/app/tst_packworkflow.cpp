// Packing at the bench: every transition of PackWorkflow, the loud refusals (not in the order,
// one too many), multi-carton orders, damage, the carton seam to labeling, and the events.

#include "packworkflow.h"
#include "workflowtestutil.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTranslator>

using namespace dockhand;
using namespace dockhand::test;
using State = PackWorkflow::State;

namespace {
QString action(const protocol::ScanEvent &e)
{
    return e.fields.value(QStringLiteral("action")).toString();
}
} // namespace

class TestPackWorkflow : public QObject
{
    Q_OBJECT

private:
    QTranslator m_english;
    struct Rig
    {
        QueueFixture f;
        PackWorkflow w {&f.scans, &f.data};
        Rig()
        {
            f.scans.setOperator(QStringLiteral("OP-1002"));
            // Picked: 2 mugs, 1 plate (ordered 2 plates, one short).
            f.data.addOrder({QStringLiteral("SO-100001"), QStringLiteral("Ada"), QStringLiteral("picked"),
                QStringLiteral("TOTE-0001"),
                {{1, kGtinA, QStringLiteral("Blue mug"), 2, 2, 0},
                    {2, kGtinB, QStringLiteral("Red plate"), 2, 1, 0}}});
            f.data.addOrder({QStringLiteral("SO-100009"), QStringLiteral("Bob"), QStringLiteral("cancelled"),
                QStringLiteral("TOTE-0009"), {{1, kGtinA, QStringLiteral("Blue mug"), 1, 1, 0}}});
            f.data.addOrder({QStringLiteral("SO-100005"), QStringLiteral("Cy"), QStringLiteral("received"),
                QString(), {{1, kGtinA, QStringLiteral("Blue mug"), 1, 0, 0}}});
        }
        void scan(const QString &text) { w.handleScan(f.scan(text)); }
    };

private slots:
    void initTestCase()
    {
        // The English catalogue carries the plural forms ("1 unit", "3 units").
        QVERIFY(m_english.load(QStringLiteral(":/i18n/dockhand_en.qm")));
        QCoreApplication::installTranslator(&m_english);
    }

    void wholeOrderOneCarton()
    {
        Rig r;
        QSignalSpy closed(&r.w, &PackWorkflow::cartonClosed);
        QAbstractItemModelTester tester(r.w.lines(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(r.w.state(), State::ScanOrder);
        QCOMPARE(r.w.prompt(), QStringLiteral("Scan a tote or an order number"));
        r.scan(QStringLiteral("TOTE-0001"));
        QCOMPARE(r.w.state(), State::ScanItems);
        QCOMPARE(r.w.order(), QStringLiteral("SO-100001"));
        QCOMPARE(r.w.customer(), QStringLiteral("Ada"));
        auto e = r.f.last();
        QCOMPARE(e.step, QStringLiteral("pack"));
        QCOMPARE(action(e), QStringLiteral("open-order"));
        QCOMPARE(e.fields.value(QStringLiteral("order")).toString(), QStringLiteral("SO-100001"));
        QCOMPARE(e.fields.value(QStringLiteral("tote")).toString(), QStringLiteral("TOTE-0001"));
        QCOMPARE(r.w.lines()->rowCount(), 2);
        QCOMPARE(r.w.lines()->index(1).data(PackLineModel::ExpectedRole).toInt(), 1); // picked, not ordered

        r.scan(kGtinA);
        e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("verify-item"));
        QVERIFY(hasFields(e,
            {QStringLiteral("order"), QStringLiteral("line"), QStringLiteral("gtin"),
                QStringLiteral("quantity")}));
        QCOMPARE(e.fields.value(QStringLiteral("line")).toInt(), 1);
        QCOMPARE(r.w.lastMessage(), QStringLiteral("Blue mug: 1 of 2 verified"));
        QCOMPARE(r.w.lines()->index(0).data(PackLineModel::VerifiedRole).toInt(), 1);
        r.scan(kGtinA);
        r.scan(kGtinB);
        QCOMPARE(r.w.state(), State::ChooseCarton);
        QCOMPARE(r.w.unitsInCarton(), 3);
        QCOMPARE(r.w.cartonTypes().size(), 2);

        r.w.chooseCarton(QStringLiteral("BOX-XXL"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.state(), State::ChooseCarton);
        r.w.closeCarton();
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.chooseCarton(QStringLiteral("BOX-M"));
        QCOMPARE(r.w.state(), State::Weigh);
        r.w.closeCarton(); // no weight yet
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.state(), State::Weigh);
        r.w.enterWeight(-1);
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.scaleReading(0); // empty scale: ignored
        QCOMPARE(r.w.weightKg(), 0.0);
        r.w.scaleReading(1.234);
        QCOMPARE(r.w.weightKg(), 1.234);
        r.w.enterWeight(1.25); // the keypad overrides
        QCOMPARE(r.w.weightKg(), 1.25);
        r.w.closeCarton();
        e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("close-carton"));
        QCOMPARE(e.result, QStringLiteral("accepted"));
        QVERIFY(hasFields(e,
            {QStringLiteral("order"), QStringLiteral("carton"), QStringLiteral("cartonType"),
                QStringLiteral("weightKg"), QStringLiteral("items")}));
        QCOMPARE(e.fields.value(QStringLiteral("carton")).toString(), QStringLiteral("SO-100001-1"));
        QCOMPARE(e.fields.value(QStringLiteral("cartonType")).toString(), QStringLiteral("BOX-M"));
        QCOMPARE(e.fields.value(QStringLiteral("weightKg")).toDouble(), 1.25);
        const QJsonArray items = e.fields.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("line")).toInt(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("gtin")).toString(), kGtinA);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("quantity")).toInt(), 2);
        QCOMPARE(items.at(1).toObject().value(QStringLiteral("quantity")).toInt(), 1);

        QCOMPARE(closed.size(), 1);
        const auto carton = closed.first().first().value<CartonInfo>();
        QCOMPARE(carton.order, QStringLiteral("SO-100001"));
        QCOMPARE(carton.cartonId, QStringLiteral("SO-100001-1"));
        QCOMPARE(carton.cartonType, QStringLiteral("BOX-M"));
        QCOMPARE(carton.weightKg, 1.25);
        QCOMPARE(carton.index, 1);
        QVERIFY(carton.lastOfOrder);
        QCOMPARE(carton.items.size(), 2);
        QCOMPARE(carton.items.at(0), (CartonItem {1, kGtinA, QStringLiteral("Blue mug"), 2}));
        // What QML sees of the gadget.
        const QMetaObject &mo = CartonInfo::staticMetaObject;
        const QVariantList qmlItems = mo.property(mo.indexOfProperty("items")).readOnGadget(&carton).toList();
        QCOMPARE(qmlItems.size(), 2);
        QCOMPARE(qmlItems.at(1).value<CartonItem>().gtin, kGtinB);
        QCOMPARE(mo.property(mo.indexOfProperty("cartonId")).readOnGadget(&carton).toString(),
            QStringLiteral("SO-100001-1"));
        QCOMPARE(r.w.state(), State::OrderPacked);
        QCOMPARE(r.w.cartonsClosed(), 1);
        QCOMPARE(r.w.lines()->index(0).data(PackLineModel::PackedRole).toInt(), 2);
        QCOMPARE(r.w.lines()->index(0).data(PackLineModel::InCartonRole).toInt(), 0);
        r.scan(kGtinA);
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.finish();
        QCOMPARE(r.w.state(), State::ScanOrder);
        QVERIFY(r.w.order().isEmpty());
        // The cache still says nothing is packed (no sync yet): this station remembers.
        r.scan(QStringLiteral("TOTE-0001"));
        QCOMPARE(r.w.state(), State::ScanOrder);
        QVERIFY(r.w.lastMessage().startsWith(QStringLiteral("Nothing to pack in order SO-100001")));
    }

    void notInOrderAndOneTooMany()
    {
        Rig r;
        r.scan(QStringLiteral("SO-100001"));
        QCOMPARE(r.w.state(), State::ScanItems);
        r.scan(kGtinStranger);
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.lastMessage(),
            QStringLiteral(
                "NOT IN THIS ORDER: Green bowl (04006381333979). Do not pack it: put it aside and tell the "
                "supervisor."));
        QCOMPARE(r.f.last().result, QStringLiteral("refused"));
        QCOMPARE(action(r.f.last()), QStringLiteral("verify-item"));
        r.scan(kGtinB);
        QCOMPARE(r.w.lines()->at(1).verified, 1);
        r.scan(kGtinB);
        QVERIFY(r.w.lastMessage().startsWith(QStringLiteral("ONE TOO MANY: all 1 of Red plate")));
        QCOMPARE(r.w.lines()->at(1).verified, 1);
        // A count that would overshoot is refused as a whole.
        r.w.handleScan(r.f.gs1(QStringLiteral("01") + kGtinA + QStringLiteral("303")));
        QVERIFY(r.w.lastMessage().startsWith(QStringLiteral("TOO MANY: only 2 more")));
        r.w.handleScan(r.f.gs1(QStringLiteral("01") + kGtinA + QStringLiteral("302")));
        QCOMPARE(r.w.lastResult(), QStringLiteral("accepted"));
        QCOMPARE(r.f.last().fields.value(QStringLiteral("quantity")).toInt(), 2);
        QCOMPARE(r.w.state(), State::ChooseCarton);
    }

    void openRefusals()
    {
        Rig r;
        r.scan(kGtinA); // an item before an order
        QCOMPARE(r.w.state(), State::ScanOrder);
        QVERIFY(r.w.lastMessage().startsWith(QStringLiteral("Scan a tote or an order number first")));
        r.scan(QStringLiteral("TOTE-0404"));
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("No order is in tote TOTE-0404")));
        r.scan(QStringLiteral("SO-404040"));
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("SO-404040 is not on this device")));
        r.scan(QStringLiteral("TOTE-0009"));
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("cancelled")));
        r.scan(QStringLiteral("SO-100005"));
        QVERIFY(r.w.lastMessage().startsWith(QStringLiteral("Nothing to pack in order SO-100005")));
        QCOMPARE(r.w.state(), State::ScanOrder);
        QCOMPARE(r.f.count(), qint64(5));
        for (const auto &e : r.f.lastN(5))
            QCOMPARE(e.result, QStringLiteral("refused"));
        r.w.openOrder(QStringLiteral("SO-404040"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.openOrder(QStringLiteral("SO-100001"));
        QCOMPARE(r.w.state(), State::ScanItems);
        QCOMPARE(r.f.last().source, QStringLiteral("manual"));
        r.w.openOrder(QStringLiteral("SO-100001")); // one order at a time
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.scan(QStringLiteral("TOTE-0009"));
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("finish it before")));
        r.scan(QStringLiteral("A-01-01"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.order(), QStringLiteral("SO-100001"));
    }

    void typedOrderDigits()
    {
        Rig r;
        r.f.data.addOrder({QStringLiteral("SO-200001"), QStringLiteral("Di"), QStringLiteral("picked"),
            QString(), {{1, kGtinA, QStringLiteral("Blue mug"), 1, 1, 0}}});
        r.f.data.addOrder({QStringLiteral("WEB-200001"), QStringLiteral("Eve"), QStringLiteral("picked"),
            QString(), {{1, kGtinA, QStringLiteral("Blue mug"), 1, 1, 0}}});
        // The digits under a label that will not scan open its order.
        r.w.openOrder(QStringLiteral(" 100001 "));
        QCOMPARE(r.w.state(), State::ScanItems);
        QCOMPARE(r.w.order(), QStringLiteral("SO-100001"));
        QCOMPARE(r.f.last().fields.value(QStringLiteral("order")).toString(), QStringLiteral("SO-100001"));
        r.w.finish();
        // Part of the digits is not an order number: 00001 must not open SO-100001.
        r.w.openOrder(QStringLiteral("00001"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.lastMessage(), QStringLiteral("Order 00001 is not on this device: sync and try again."));
        QCOMPARE(r.w.state(), State::ScanOrder);
        // Digits that end two order numbers name both and open neither.
        r.w.openOrder(QStringLiteral("200001"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.lastMessage(),
            QStringLiteral("200001 could be SO-200001, WEB-200001: type the whole order number."));
        QCOMPARE(r.w.state(), State::ScanOrder);
        r.w.openOrder(QStringLiteral("WEB-200001"));
        QCOMPARE(r.w.order(), QStringLiteral("WEB-200001"));
    }

    void cartonChosenAndClosedByScan()
    {
        Rig r;
        QSignalSpy closed(&r.w, &PackWorkflow::cartonClosed);
        r.scan(QStringLiteral("TOTE-0001"));
        r.scan(kGtinA);
        r.scan(kGtinA);
        r.scan(kGtinB);
        QCOMPARE(r.w.state(), State::ChooseCarton);
        QCOMPARE(r.w.prompt(), QStringLiteral("Choose a carton for 3 units"));
        r.scan(QStringLiteral("BOX-XL")); // not a configured carton type
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.state(), State::ChooseCarton);
        r.scan(QStringLiteral("BOX-M")); // the carton sheet at the bench
        QCOMPARE(r.w.state(), State::Weigh);
        QCOMPARE(r.w.cartonType(), QStringLiteral("BOX-M"));
        QCOMPARE(action(r.f.last()), QStringLiteral("choose-carton")); // every scan is an event
        QCOMPARE(r.f.last().raw, QStringLiteral("BOX-M"));
        QCOMPARE(r.f.last().fields.value(QStringLiteral("cartonType")).toString(), QStringLiteral("BOX-M"));
        r.scan(QStringLiteral("BOX-M")); // not weighed yet: nothing closes
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("Weigh the carton first")));
        QCOMPARE(closed.size(), 0);
        r.scan(QStringLiteral("BOX-S")); // changing one's mind before closing is allowed
        QCOMPARE(r.w.cartonType(), QStringLiteral("BOX-S"));
        r.w.scaleReading(1.25);
        r.scan(QStringLiteral("BOX-S")); // weighed: the same label again closes the carton
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed.last().first().value<CartonInfo>().cartonType, QStringLiteral("BOX-S"));
        QCOMPARE(closed.last().first().value<CartonInfo>().weightKg, 1.25);
        QCOMPARE(r.w.state(), State::OrderPacked);
        QCOMPARE(action(r.f.last()), QStringLiteral("close-carton"));
        QCOMPARE(r.f.last().raw, QStringLiteral("BOX-S")); // closed by the scan, not a tap
        QCOMPARE(r.f.last().fields.value(QStringLiteral("weightKg")).toDouble(), 1.25);
    }

    void multiCarton()
    {
        Rig r;
        QSignalSpy closed(&r.w, &PackWorkflow::cartonClosed);
        r.scan(QStringLiteral("TOTE-0001"));
        r.w.packPartial(); // nothing verified yet
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.scan(kGtinA);
        r.w.packPartial();
        QCOMPARE(r.w.state(), State::ChooseCarton);
        r.w.backToItems();
        QCOMPARE(r.w.state(), State::ScanItems);
        r.w.packPartial();
        r.scan(kGtinA); // the carton is being closed
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.lines()->at(0).verified, 1);
        r.w.chooseCarton(QStringLiteral("BOX-S"));
        r.w.enterWeight(0.6);
        r.w.closeCarton();
        QCOMPARE(closed.size(), 1);
        auto carton = closed.last().first().value<CartonInfo>();
        QCOMPARE(carton.cartonId, QStringLiteral("SO-100001-1"));
        QCOMPARE(r.w.lastMessage(), QStringLiteral("Carton SO-100001-1 closed: 1 unit, 0.6 kg"));
        QVERIFY(!carton.lastOfOrder);
        QCOMPARE(carton.items.size(), 1);
        QCOMPARE(carton.items.first().quantity, 1);
        QCOMPARE(r.w.state(), State::ScanItems);
        QCOMPARE(r.w.cartonIndex(), 2);
        QCOMPARE(r.w.unitsInCarton(), 0);
        r.w.finish(); // leaving with nothing open is allowed ...
        QCOMPARE(r.w.state(), State::ScanOrder);
        r.scan(QStringLiteral("TOTE-0001"));
        r.scan(kGtinA);
        r.w.finish(); // ... but not with verified units outside a closed carton
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.w.state(), State::ScanItems);
        r.scan(kGtinA);
        r.scan(kGtinB);
        r.w.chooseCarton(QStringLiteral("BOX-M"));
        r.w.enterWeight(1.1);
        r.w.closeCarton();
        carton = closed.last().first().value<CartonInfo>();
        QVERIFY(carton.lastOfOrder);
        QCOMPARE(r.w.state(), State::OrderPacked);
    }

    void resumesPartlyPackedOrder()
    {
        Rig r;
        r.f.data.addOrder({QStringLiteral("SO-100002"), QStringLiteral("Di"), QStringLiteral("picked"),
            QStringLiteral("TOTE-0002"), {{1, kGtinA, QStringLiteral("Blue mug"), 3, 3, 2}}});
        r.scan(QStringLiteral("TOTE-0002"));
        QCOMPARE(r.w.lines()->at(0).verified, 2);
        QCOMPARE(r.w.lines()->at(0).packed, 2);
        r.scan(kGtinA);
        QCOMPARE(r.w.state(), State::ChooseCarton);
        QCOMPARE(r.w.unitsInCarton(), 1);
    }

    void damageSetsAside()
    {
        Rig r;
        r.scan(QStringLiteral("TOTE-0001"));
        r.w.flagDamage(1, QStringLiteral("smelly"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        QCOMPARE(r.f.last().result, QStringLiteral("refused"));
        r.w.flagDamage(7, QStringLiteral("damaged"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.scan(kGtinA);
        r.w.flagDamage(1, QStringLiteral("damaged")); // the verified unit comes out of the carton
        auto e = r.f.last();
        QCOMPARE(action(e), QStringLiteral("damage"));
        QVERIFY(hasFields(e,
            {QStringLiteral("order"), QStringLiteral("line"), QStringLiteral("gtin"),
                QStringLiteral("reason")}));
        QCOMPARE(e.fields.value(QStringLiteral("reason")).toString(), QStringLiteral("damaged"));
        QCOMPARE(r.w.lines()->at(0).damaged, 1);
        QCOMPARE(r.w.lines()->at(0).verified, 0);
        QCOMPARE(r.w.unitsInCarton(), 0);
        r.scan(kGtinA);
        r.w.flagDamage(2, QStringLiteral("packaging")); // the only plate, still in the tote
        QCOMPARE(r.w.lines()->index(1).data(PackLineModel::DamagedRole).toInt(), 1);
        QVERIFY(r.w.lines()->index(1).data(PackLineModel::DoneRole).toBool());
        QCOMPARE(r.w.state(), State::ChooseCarton); // everything else is verified
        r.w.flagDamage(2, QStringLiteral("damaged"));
        QVERIFY(r.w.lastMessage().contains(QStringLiteral("No unit of Red plate")));
        r.scan(kGtinA);
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
    }

    void damageOfLastUnitFinishesOrder()
    {
        Rig r;
        r.f.data.addOrder({QStringLiteral("SO-100003"), QStringLiteral("Ed"), QStringLiteral("picked"),
            QStringLiteral("TOTE-0003"), {{1, kGtinA, QStringLiteral("Blue mug"), 1, 1, 0}}});
        r.scan(QStringLiteral("TOTE-0003"));
        r.w.flagDamage(1, QStringLiteral("wrong-item"));
        QCOMPARE(r.w.state(), State::OrderPacked);
        r.w.flagDamage(1, QStringLiteral("damaged"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.scan(QStringLiteral("TOTE-0001")); // next order straight away
        QCOMPARE(r.w.state(), State::ScanItems);
        QCOMPARE(r.w.order(), QStringLiteral("SO-100001"));
    }

    void wrongTimeActionsRefused()
    {
        Rig r;
        r.w.chooseCarton(QStringLiteral("BOX-M"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.enterWeight(1);
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.backToItems();
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.flagDamage(1, QStringLiteral("damaged"));
        QCOMPARE(r.w.lastResult(), QStringLiteral("refused"));
        r.w.scaleReading(2.0);
        QCOMPARE(r.w.weightKg(), 0.0);
        QCOMPARE(r.w.state(), State::ScanOrder);
        QCOMPARE(r.f.count(), qint64(0)); // button presses at the wrong time are not scans
        QCOMPARE(PackWorkflow::damageReasons().size(), 3);
    }

    void notSavedChangesNothing()
    {
        Rig r;
        r.scan(QStringLiteral("TOTE-0001"));
        r.f.scans.setQueue(nullptr);
        QSignalSpy notSaved(&r.w, &Workflow::notSaved);
        r.scan(kGtinA);
        QCOMPARE(r.w.lastResult(), QStringLiteral("not-saved"));
        QCOMPARE(notSaved.size(), 1);
        QCOMPARE(r.w.lines()->at(0).verified, 0);
        r.f.scans.setQueue(r.f.queue.get());
        r.scan(kGtinA);
        r.scan(kGtinA);
        r.scan(kGtinB);
        r.w.chooseCarton(QStringLiteral("BOX-M"));
        r.w.enterWeight(1.0);
        r.f.scans.setQueue(nullptr);
        QSignalSpy closed(&r.w, &PackWorkflow::cartonClosed);
        r.w.closeCarton(); // not on disk: the carton stays open, nothing goes to labeling
        QCOMPARE(closed.size(), 0);
        QCOMPARE(r.w.state(), State::Weigh);
        QCOMPARE(r.w.unitsInCarton(), 3);
        r.f.scans.setQueue(r.f.queue.get());
        r.w.closeCarton();
        QCOMPARE(closed.size(), 1);
    }

    void lineModelRoles()
    {
        Rig r;
        QAbstractItemModelTester tester(r.w.lines(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        r.scan(QStringLiteral("TOTE-0001"));
        r.scan(kGtinA);
        const auto *m = r.w.lines();
        const auto names = m->roleNames();
        QCOMPARE(names.size(), 9);
        QCOMPARE(names.value(PackLineModel::ExpectedRole), QByteArray("expected"));
        const QModelIndex i = m->index(0);
        QCOMPARE(i.data(PackLineModel::LineRole).toInt(), 1);
        QCOMPARE(i.data(PackLineModel::GtinRole).toString(), kGtinA);
        QCOMPARE(i.data(PackLineModel::NameRole).toString(), QStringLiteral("Blue mug"));
        QCOMPARE(i.data(PackLineModel::ExpectedRole).toInt(), 2);
        QCOMPARE(i.data(PackLineModel::VerifiedRole).toInt(), 1);
        QCOMPARE(i.data(PackLineModel::InCartonRole).toInt(), 1);
        QCOMPARE(i.data(PackLineModel::PackedRole).toInt(), 0);
        QCOMPARE(i.data(PackLineModel::DamagedRole).toInt(), 0);
        QVERIFY(!i.data(PackLineModel::DoneRole).toBool());
        QVERIFY(!i.data(Qt::DisplayRole).isValid());
        r.w.finish(); // refused: one unit verified, carton open
        QCOMPARE(m->rowCount(), 2);
        r.w.reset(); // the operator changed: drop the order (its events stay in the queue)
        QCOMPARE(m->rowCount(), 0);
        QCOMPARE(r.w.state(), State::ScanOrder);
    }
};

QTEST_GUILESS_MAIN(TestPackWorkflow)
#include "tst_packworkflow.moc"
