// The composition root with the workflows: AppCore opens real storage in a temporary folder,
// the device cache is filled as a sync would fill it, scans go in as the serial scanner delivers
// them, and the pack station's scale is a real pty made by socat.

#include "appcore.h"
#include "socatpty.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

namespace {
QJsonObject change(const char *type, const char *key, const char *json)
{
    return {{QStringLiteral("type"), QString::fromLatin1(type)},
        {QStringLiteral("key"), QString::fromLatin1(key)}, {QStringLiteral("op"), QStringLiteral("upsert")},
        {QStringLiteral("data"), QJsonDocument::fromJson(QByteArray(json)).object()}};
}

RawScan raw(const char *data)
{
    RawScan r;
    r.data = QByteArray(data);
    r.source = ScanSource::Serial;
    r.time = QDateTime::currentDateTimeUtc();
    return r;
}
} // namespace

class TestAppCoreWorkflows : public QObject
{
    Q_OBJECT

private slots:
    void packWithScaleThroughAppCore()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty())
            QFAIL("socat is not installed (Debian package socat)");
        QTemporaryDir dir;
        testing::SocatPty scalePty(dir.path(), QStringLiteral("scale"));
        QString error;
        QVERIFY2(scalePty.start(&error), qPrintable(error));

        AppConfig config;
        config.dataDir = dir.filePath(QStringLiteral("app"));
        config.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9")); // nobody listens: offline
        config.scalePort = scalePty.devicePath();
        {
            AppCore core(config);
            core.start();
            QVERIFY(core.cache());
            QVERIFY(core.scale());
            QTRY_COMPARE_WITH_TIMEOUT(core.scale()->state(), ScaleReader::State::Connected, 10000);
            const QJsonArray page = {
                change("operator", "OP-1002",
                    R"({"badge":"OP-1002","name":"Sam Ode","role":"packer","pinHash":""})"),
                change("product", "04006381333931",
                    R"({"gtin":"04006381333931","sku":"A","name":"Blue mug","lotTracked":false,"expiryTracked":false,"serialTracked":false})"),
                change("order", "SO-100001",
                    R"({"number":"SO-100001","customer":"Ada","status":"picked","tote":"TOTE-0001","lines":[{"line":1,"gtin":"04006381333931","name":"Blue mug","ordered":1,"picked":1,"packed":0}]})"),
                change("carton", "BOX-S",
                    R"({"code":"BOX-S","name":"Small box","lengthMm":250,"widthMm":200,"heightMm":100,"tareKg":0.15})"),
            };
            QVERIFY(core.cache()->applyChanges(page, QStringLiteral("1")).ok());

            auto *wf = core.workflows();
            wf->route(raw("OP-1002"));
            QCOMPARE(core.device()->operatorName(), QStringLiteral("Sam Ode"));
            QVERIFY(wf->open(QStringLiteral("pack")));
            wf->route(raw("TOTE-0001"));
            wf->route(raw("4006381333931"));
            QCOMPARE(wf->pack()->state(), PackWorkflow::State::ChooseCarton);
            wf->pack()->chooseCarton(QStringLiteral("BOX-S"));
            QVERIFY(scalePty.write("US,GS,+  0.700kg\r\nST,GS,+  0.742kg\r\n"));
            QTRY_COMPARE_WITH_TIMEOUT(wf->pack()->weightKg(), 0.742, 10000);
            QSignalSpy closed(wf->pack(), &PackWorkflow::cartonClosed);
            wf->pack()->closeCarton();
            QCOMPARE(closed.size(), 1);
            QCOMPARE(wf->pack()->state(), PackWorkflow::State::OrderPacked);
            // Everything is in the durable queue and on the screen's scan list, newest first.
            QCOMPARE(core.queue()->count().value(), qint64(4));
            const auto &latest = core.scanList()->at(0).event;
            QCOMPARE(
                latest.fields.value(QStringLiteral("action")).toString(), QStringLiteral("close-carton"));
            QCOMPARE(latest.fields.value(QStringLiteral("weightKg")).toDouble(), 0.742);
            QCOMPARE(latest.operatorId, QStringLiteral("OP-1002"));
            QCOMPARE(core.feedback()->result(), QStringLiteral("accepted"));
        }
    }
};

QTEST_GUILESS_MAIN(TestAppCoreWorkflows)
#include "tst_appcoreworkflows.moc"
