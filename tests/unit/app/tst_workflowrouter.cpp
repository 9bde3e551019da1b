// The scan path from the scanner to the right workflow, on the real device cache: the cache is
// filled with GET /v1/sync changes (docs/protocol.md) through DeviceCache::applyChanges, and the
// scans go in as raw scanner bytes, as AppCore routes them.

#include "devicecache.h"
#include "workflowrouter.h"
#include "workflowtestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace dockhand;
using namespace dockhand::test;

namespace {
QJsonObject change(const char *type, const QString &key, const QString &json)
{
    return {{QStringLiteral("type"), QString::fromLatin1(type)}, {QStringLiteral("key"), key},
        {QStringLiteral("op"), QStringLiteral("upsert")},
        {QStringLiteral("data"), QJsonDocument::fromJson(json.toUtf8()).object()}};
}

RawScan raw(const char *data, const char *aim = "")
{
    RawScan r;
    r.data = QByteArray(data);
    r.aim = QString::fromLatin1(aim);
    r.source = ScanSource::Serial;
    r.time = QDateTime::currentDateTimeUtc();
    return r;
}
} // namespace

class TestWorkflowRouter : public QObject
{
    Q_OBJECT

private:
    struct Rig
    {
        QueueFixture f;
        DeviceCache cache {f.store.get()};
        CacheFloorData data {&cache};
        WorkflowRouter router {ScanDecoder(), &f.scans, &data};
        Rig()
        {
            QJsonArray page;
            page.append(change("operator", QStringLiteral("OP-1001"),
                QStringLiteral(R"({"badge":"OP-1001","name":"Alex Weber","role":"picker","pinHash":"%1"})")
                    .arg(pinHash(QStringLiteral("1234")))));
            page.append(change("operator", QStringLiteral("OP-1002"),
                QStringLiteral(R"({"badge":"OP-1002","name":"Sam Ode","role":"packer","pinHash":""})")));
            page.append(change("product", kGtinA,
                QStringLiteral(R"({"gtin":"%1","sku":"A","name":"Blue mug","lotTracked":false,)"
                               R"("expiryTracked":false,"serialTracked":false})")
                    .arg(kGtinA)));
            page.append(change("location", QStringLiteral("A-01-02"),
                QStringLiteral(R"({"code":"A-01-02","zone":"A","walkSequence":20})")));
            page.append(change("order", QStringLiteral("SO-100001"),
                QStringLiteral(
                    R"({"number":"SO-100001","customer":"Ada","status":"picked","tote":"TOTE-0001",)"
                    R"("lines":[{"line":1,"gtin":"%1","name":"Blue mug","ordered":1,"picked":1,"packed":0}]})")
                    .arg(kGtinA)));
            page.append(change("task", QStringLiteral("WAVE-0001"),
                QStringLiteral(R"({"id":"WAVE-0001","kind":"pick","status":"open","assignee":"",)"
                               R"("orders":["SO-100001"],"lines":[{"order":"SO-100001","line":1,"gtin":"%1",)"
                               R"("location":"A-01-02","walkSequence":20,"quantity":1}]})")
                    .arg(kGtinA)));
            page.append(change("carton", QStringLiteral("BOX-M"),
                QStringLiteral(R"({"code":"BOX-M","name":"Medium box","lengthMm":350,"widthMm":250,)"
                               R"("heightMm":150,"tareKg":0.28})")));
            const auto applied = cache.applyChanges(page, QStringLiteral("7"));
            if (!applied)
                qFatal("cannot fill the cache: %s", qPrintable(applied.error()));
        }
    };

private slots:
    void loggedOutScansGoToTheHomeLog()
    {
        Rig r;
        QVERIFY(!r.router.open(QStringLiteral("pick")));
        QCOMPARE(r.router.active(), QStringLiteral("home"));
        r.router.route(raw("4006381333931"));
        QCOMPARE(r.f.last().step, QStringLiteral("home"));
        QCOMPARE(r.f.last().result, QStringLiteral("accepted"));
        QCOMPARE(r.f.feedback.result(), QStringLiteral("accepted"));
    }

    void everyWorkflowWritesTheOneFeedback()
    {
        // The banner and the sound of every screen come from one Feedback: a scan in any
        // workflow, and a refused button that records nothing, both reach it.
        Rig r;
        QSignalSpy changed(&r.f.feedback, &Feedback::changed);
        r.router.route(raw("OP-1002"));
        QCOMPARE(r.f.feedback.result(), QStringLiteral("accepted"));
        QVERIFY(r.router.open(QStringLiteral("pack")));
        const qint64 events = r.f.count();
        const int serial = r.f.feedback.serial();
        r.router.pack()->closeCarton(); // nothing to close: a refused button
        QCOMPARE(r.f.feedback.result(), QStringLiteral("refused"));
        QCOMPARE(r.f.feedback.serial(), serial + 1);
        QVERIFY(!r.f.feedback.message().isEmpty());
        QCOMPARE(r.f.count(), events); // no scan, so no event
        r.router.route(raw("TOTE-0001"));
        QCOMPARE(r.f.feedback.result(), QStringLiteral("accepted"));
        QCOMPARE(r.f.feedback.serial(), serial + 2);
        QCOMPARE(changed.size(), r.f.feedback.serial());
    }

    void theRouterDecodesWithItsOwnClassifier()
    {
        // The site's label scheme reaches every workflow through the router's one decoder.
        QueueFixture f;
        ClassifierConfig site = ClassifierConfig::demoDefaults();
        site.location = QRegularExpression(QStringLiteral("^[0-9]{2}\\.[0-9]{3}$"));
        MemoryFloorData data;
        WorkflowRouter router {ScanDecoder(site), &f.scans, &data};
        router.route(raw("12.345"));
        QCOMPARE(f.last().kind, QStringLiteral("location"));
        QCOMPARE(f.last().step, QStringLiteral("home"));
        router.route(raw("A-01-02"));
        QCOMPARE(f.last().kind, QStringLiteral("unknown"));
    }

    void pickThroughTheCache()
    {
        Rig r;
        QSignalSpy active(&r.router, &WorkflowRouter::activeChanged);
        r.router.route(raw("OP-1001"));
        QVERIFY(r.router.session()->loggedIn());
        QCOMPARE(r.f.last().step, QStringLiteral("login"));
        QVERIFY(!r.router.open(QStringLiteral("pack"))); // a picker's menu has no pack
        QVERIFY(r.router.open(QStringLiteral("pick")));
        QCOMPARE(active.size(), 1);
        auto *pick = r.router.pick();
        QCOMPARE(pick->tasks()->rowCount(), 1);
        QVERIFY(pick->startTask(QStringLiteral("WAVE-0001")));
        QCOMPARE(pick->currentProductName(), QStringLiteral("Blue mug"));
        r.router.route(raw("A-01-02"));
        r.router.route(raw("0104006381333931", "]C1"));
        QCOMPARE(pick->state(), PickWorkflow::State::Summary);
        const auto e = r.f.last();
        QCOMPARE(e.step, QStringLiteral("pick"));
        QCOMPARE(e.operatorId, QStringLiteral("OP-1001"));
        QCOMPARE(e.fields.value(QStringLiteral("action")).toString(), QStringLiteral("pick"));
        QCOMPARE(e.fields.value(QStringLiteral("order")).toString(), QStringLiteral("SO-100001"));
        // The own badge logs out; the workflow and the router go back to the start.
        r.router.route(raw("OP-1001"));
        QVERIFY(!r.router.session()->loggedIn());
        QCOMPARE(r.router.active(), QStringLiteral("home"));
        QCOMPARE(pick->state(), PickWorkflow::State::NoTask);
        QCOMPARE(pick->tasks()->rowCount(), 0);
        QCOMPARE(r.f.last().fields.value(QStringLiteral("action")).toString(), QStringLiteral("logout"));
    }

    void packThroughTheCache()
    {
        Rig r;
        QSignalSpy closed(r.router.pack(), &PackWorkflow::cartonClosed);
        r.router.route(raw("OP-1002"));
        QVERIFY(r.router.open(QStringLiteral("pack")));
        r.router.route(raw("TOTE-0001"));
        QCOMPARE(r.router.pack()->order(), QStringLiteral("SO-100001"));
        r.router.route(raw("4006381333931"));
        QCOMPARE(r.router.pack()->state(), PackWorkflow::State::ChooseCarton);
        QCOMPARE(r.router.pack()->cartonTypes().size(), 1);
        r.router.pack()->chooseCarton(QStringLiteral("BOX-M"));
        r.router.pack()->scaleReading(0.9);
        r.router.pack()->closeCarton();
        QCOMPARE(closed.size(), 1);
        QCOMPARE(
            r.f.last().fields.value(QStringLiteral("action")).toString(), QStringLiteral("close-carton"));
        QCOMPARE(r.f.last().operatorId, QStringLiteral("OP-1002"));
        // Another operator's badge hands the device over and drops the open work.
        r.router.route(raw("OP-1001"));
        QCOMPARE(r.router.session()->badge(), QStringLiteral("OP-1001"));
        QCOMPARE(r.router.pack()->state(), PackWorkflow::State::ScanOrder);
        QCOMPARE(r.router.active(), QStringLiteral("home"));
    }

    void keypadLoginAgainstTheCache()
    {
        Rig r;
        r.router.session()->loginWithPin(QStringLiteral("OP-1001"), QStringLiteral("1234"));
        QVERIFY(r.router.session()->loggedIn());
        r.router.session()->logout();
        // An operator without a PIN hash cannot log in with a PIN.
        r.router.session()->loginWithPin(QStringLiteral("OP-1002"), QString());
        QVERIFY(!r.router.session()->loggedIn());
        QVERIFY(r.router.open(QStringLiteral("home")));
        QVERIFY(!r.router.open(QStringLiteral("nonsense")));
    }

    void emptyCacheRefusesPolitely()
    {
        QueueFixture f;
        CacheFloorData none;
        WorkflowRouter router(ScanDecoder(), &f.scans, &none);
        router.route(raw("OP-1001"));
        QVERIFY(!router.session()->loggedIn());
        QCOMPARE(f.last().result, QStringLiteral("refused"));
        QVERIFY(none.pickTasks().isEmpty());
        QVERIFY(none.cartonTypes().isEmpty());
        QVERIFY(!none.orderByTote(QStringLiteral("TOTE-0001")));
    }
};

QTEST_GUILESS_MAIN(TestWorkflowRouter)
#include "tst_workflowrouter.moc"
