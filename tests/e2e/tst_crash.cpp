// The crash proof: the headless scanning driver (dockhand-cli drive, the app's classes without a
// screen) takes scans from a socat pty and syncs them to a real dockhand-server, and is killed
// with SIGKILL at random moments - while scans arrive, while it commits, while it uploads - and
// restarted on the same data folder, again and again. At the end the server holds every scan the
// operator was told about exactly once, numbered 1..N without a gap, and nothing else than what
// the device committed.
//
// DOCKHAND_CRASH_KILLS sets the number of kills (default 20; the soak label runs up to 5000), and
// DOCKHAND_CRASH_SECONDS, when set, stops killing once that much time has passed (after at least
// 20 kills): CI's bounded soak.

#include "e2eharness.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace dockhand::e2e;

namespace {

const QString kDevice = QStringLiteral("crash-handheld");

struct Acknowledged
{
    qint64 seq = 0;
    QString id;
};

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedAtRandomMomentsLosesNothingAcknowledged()
    {
        const int kills = qEnvironmentVariableIntValue("DOCKHAND_CRASH_KILLS") > 0
            ? qEnvironmentVariableIntValue("DOCKHAND_CRASH_KILLS")
            : 20;
        const quint32 seed = qEnvironmentVariableIsSet("DOCKHAND_CRASH_SEED")
            ? quint32(qEnvironmentVariableIntValue("DOCKHAND_CRASH_SEED"))
            : QRandomGenerator::global()->generate();
        const int budgetSeconds = qEnvironmentVariableIntValue("DOCKHAND_CRASH_SECONDS");
        qInfo("kills: %d, time budget: %d s (0: none), seed: %u (set DOCKHAND_CRASH_SEED to repeat)", kills,
            budgetSeconds, seed);
        QElapsedTimer clock;
        clock.start();
        QRandomGenerator random(seed);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        ServerProcess server(dir.filePath(QStringLiteral("server")));
        QVERIFY2(server.start(0, enrollingServerArgs(), &error), qPrintable(error));
        const QString data = dir.filePath(QStringLiteral("device"));
        const QStringList common {QStringLiteral("--server"), server.url().toString(),
            QStringLiteral("--device-id"), kDevice, QStringLiteral("--data-dir"), data,
            QStringLiteral("--batch"), QStringLiteral("7")};

        static const QRegularExpression ackLine(
            QStringLiteral("^(accepted|refused) (\\d+) ([0-9a-f-]{36}) (.*)$"));
        QList<Acknowledged> acknowledged;
        int written = 0;
        int rounds = 0;
        for (; rounds < kills; ++rounds) {
            if (budgetSeconds > 0 && rounds >= 20 && clock.elapsed() > budgetSeconds * 1000LL)
                break;
            const int round = rounds;
            SocatPty pty(dir.filePath(QStringLiteral("pty-%1").arg(round)));
            QDir().mkpath(dir.filePath(QStringLiteral("pty-%1").arg(round)));
            QVERIFY2(pty.start(&error), qPrintable(error));
            DriveProcess drive;
            QVERIFY2(drive.start(common + QStringList {QStringLiteral("--serial"), pty.devicePath()}, &error),
                qPrintable(error));
            // Feed a random number of scans with small random gaps, and kill at a random point:
            // in the middle of the feed, or a little after it while sync is under way.
            const int scans = 1 + int(random.bounded(30));
            const int killAt = int(random.bounded(scans + 1));
            for (int i = 0; i < scans; ++i) {
                if (i == killAt)
                    break;
                const QByteArray code = QStringLiteral("A-%1-%2\r\n")
                                            .arg(round % 100, 2, 10, QLatin1Char('0'))
                                            .arg(i % 100, 2, 10, QLatin1Char('0'))
                                            .toLatin1();
                QVERIFY2(pty.write(code, &error), qPrintable(error));
                ++written;
                QTest::qWait(int(random.bounded(25)));
            }
            QTest::qWait(int(random.bounded(400)));
            drive.kill();
            for (const QString &line : drive.lines()) {
                const auto m = ackLine.match(line);
                if (m.hasMatch())
                    acknowledged.append({m.captured(2).toLongLong(), m.captured(3)});
                QVERIFY2(!line.startsWith(QLatin1String("not-saved")), qPrintable(line));
                QVERIFY2(!line.startsWith(QLatin1String("storage-")), qPrintable(line));
            }
        }

        // One last, peaceful run drains what is left.
        DriveProcess drive;
        QVERIFY2(drive.start(common, &error), qPrintable(error));
        QTRY_VERIFY2_WITH_TIMEOUT(
            drive.backlog() == 0 && drive.lines().last().contains(QLatin1String("online=yes")),
            qPrintable(drive.lines().join(u'\n')), 90000);
        drive.stop();

        const QList<StoredEvent> stored = storedEvents(server, kDevice);
        qInfo("kills: %d, scans written: %d, acknowledged: %d, on the server: %d", rounds, written,
            int(acknowledged.size()), int(stored.size()));
        QVERIFY(!acknowledged.isEmpty());
        QHash<QString, qint64> onServer;
        for (int i = 0; i < stored.size(); ++i) {
            QCOMPARE(stored.at(i).seq, qint64(i + 1)); // 1..N, no gap, none twice
            QVERIFY2(!onServer.contains(stored.at(i).id), qPrintable(stored.at(i).id));
            onServer.insert(stored.at(i).id, stored.at(i).seq);
        }
        QSet<qint64> ackedSeqs;
        for (const auto &ack : std::as_const(acknowledged)) {
            QVERIFY2(onServer.contains(ack.id),
                qPrintable(
                    QStringLiteral("acknowledged scan %1 (seq %2) is missing").arg(ack.id).arg(ack.seq)));
            QCOMPARE(onServer.value(ack.id), ack.seq);
            QVERIFY2(!ackedSeqs.contains(ack.seq), "a sequence number was given to two acknowledged scans");
            ackedSeqs.insert(ack.seq);
        }
        // The server holds what the device committed, no more: a scan committed in the instant
        // before a kill, before its line was printed, is on both (the operator saw nothing and
        // may scan again; at most one such scan per kill).
        QCOMPARE(deviceQueueCount(data + QStringLiteral("/queue.sqlite")), qint64(stored.size()));
        QVERIFY2(stored.size() - acknowledged.size() <= rounds,
            qPrintable(QStringLiteral("%1 unacknowledged scans on the server")
                           .arg(stored.size() - acknowledged.size())));
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
