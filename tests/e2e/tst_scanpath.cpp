// One scan's whole journey with real processes: a scanner on a socat pty -> the dockhand app
// (headless) -> its SQLite queue -> sync -> dockhand-server -> back to the app's screen as
// "synced". Then the server goes away: scans are still accepted and wait on the device, and
// when the server returns each of them arrives exactly once.

#include "e2eharness.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace dockhand::e2e;

namespace {

const QString kDevice = QStringLiteral("e2e-handheld");

int countRows(const QJsonObject &probe, const QString &syncState)
{
    int n = 0;
    for (const auto &v : probe.value(QStringLiteral("scans")).toArray()) {
        if (syncState.isEmpty() || v.toObject().value(QStringLiteral("syncState")).toString() == syncState)
            ++n;
    }
    return n;
}

} // namespace

class TestScanPath : public QObject
{
    Q_OBJECT

private:
    // Read through the server's API (GET /v1/events, as the demo supervisor).
    static QList<StoredEvent> serverEvents(ServerProcess &server) { return storedEvents(server, kDevice); }

private slots:
    void scansTravelToTheServerExactlyOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;

        SocatPty pty(dir.path());
        QVERIFY2(pty.start(&error), qPrintable(error));

        ServerProcess server(dir.filePath(QStringLiteral("server")));
        QVERIFY2(server.start(0, enrollingServerArgs(), &error), qPrintable(error));
        const int port = server.port();

        const QString appData = dir.filePath(QStringLiteral("app"));
        AppProcess app(appData, dir.filePath(QStringLiteral("probe.json")));
        QVERIFY2(app.start({QStringLiteral("--serial"), pty.devicePath(), QStringLiteral("--server"),
                               server.url().toString(), QStringLiteral("--device-id"), kDevice,
                               QStringLiteral("--operator"), QStringLiteral("E2E Tester")},
                     &error),
            qPrintable(error));
        QTRY_VERIFY2_WITH_TIMEOUT(
            app.probe().value(QStringLiteral("scanner")).toString() == QStringLiteral("connected"),
            qPrintable(app.output()), 20000);

        // Three scans as a serial scanner sends them: a GTIN-13, a GS1-128 with FNC1 and a location.
        const QList<QByteArray> first = {"4012345001006\r\n",
            "]C10104012345001006\x1d"
            "10LOT-42\r\n",
            "A-01-02\r\n"};
        for (const auto &scan : first)
            QVERIFY2(pty.write(scan, &error), qPrintable(error));

        QTRY_COMPARE_WITH_TIMEOUT(countRows(app.probe(), QStringLiteral("synced")), 3, 30000);
        QCOMPARE(deviceQueueCount(appData + QStringLiteral("/queue.sqlite")), qint64(3));
        const auto events = serverEvents(server);
        QCOMPARE(events.size(), 3);
        QSet<QString> ids;
        QList<qint64> sequences;
        for (const auto &e : events) {
            ids.insert(e.id);
            sequences.append(e.seq);
        }
        QCOMPARE(ids.size(), 3);
        QCOMPARE(sequences, (QList<qint64> {1, 2, 3}));
        QCOMPARE(events.at(1).raw,
            QStringLiteral("0104012345001006\x1d"
                           "10LOT-42"));
        QCOMPARE(app.probe().value(QStringLiteral("online")).toBool(), true);
        QCOMPARE(app.probe().value(QStringLiteral("backlog")).toInt(), 0);

        // The server goes away. Scans are still accepted (committed locally) and wait.
        server.stop();
        QVERIFY2(pty.write("TOTE-0001\r\n", &error), qPrintable(error));
        QVERIFY2(pty.write("4012345001075\r\n", &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(countRows(app.probe(), {}), 5, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(countRows(app.probe(), QStringLiteral("pending")), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(app.probe().value(QStringLiteral("backlog")).toInt(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(app.probe().value(QStringLiteral("online")).toBool(), false, 20000);
        QVERIFY(!app.probe().value(QStringLiteral("lastError")).toString().isEmpty());
        QCOMPARE(app.probe()
                     .value(QStringLiteral("feedback"))
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toString(),
            QStringLiteral("accepted"));
        QCOMPARE(deviceQueueCount(appData + QStringLiteral("/queue.sqlite")), qint64(5));

        // The server comes back on the same address and database: exactly five, none twice.
        QVERIFY2(server.start(port, enrollingServerArgs(), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(countRows(app.probe(), QStringLiteral("synced")), 5, 60000);
        const auto all = serverEvents(server);
        QCOMPARE(all.size(), 5);
        QSet<QString> allIds;
        for (const auto &e : all)
            allIds.insert(e.id);
        QCOMPARE(allIds.size(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(app.probe().value(QStringLiteral("backlog")).toInt(), 0, 10000);
    }
};

QTEST_GUILESS_MAIN(TestScanPath)
#include "tst_scanpath.moc"
