// Two real dockhand-server processes on one private PostgreSQL cluster (label e2e): the same
// batches uploaded through both at once, and picks racing for the last units of stock. The
// guarantees must come from the database, since neither process knows what the other does.

#include "protocol.h"
#include "scanevents.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <unistd.h>

using namespace dockhand;

namespace {

const QString kGtin = QStringLiteral("04012345001075"); // 36 in stock at A-02-02 in the demo
constexpr int kOrders = 12;
constexpr int kPerOrder = 5; // 12 × 5 = 60 wanted, twice over, from 36

QString pgBin()
{
    for (const char *version : {"17", "16", "15", "14", "13"}) {
        const QString dir = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(QLatin1String(version));
        if (QFileInfo::exists(dir + QStringLiteral("/initdb")))
            return dir;
    }
    return {};
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestServerPostgres : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_bin;
    QString m_cluster;
    bool m_asPostgres = false;
    bool m_clusterUp = false;
    quint16 m_pgPort = 0;
    QProcess m_servers[2];
    QUrl m_base[2];
    QNetworkAccessManager m_network;

    // Runs a PostgreSQL tool, as the postgres user when we are root (initdb refuses root).
    bool pg(const QString &tool, const QStringList &args, QString *output)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (m_asPostgres) {
            QStringList quoted;
            for (const QString &a : args)
                quoted.append(QLatin1Char('\'') + a + QLatin1Char('\''));
            p.start(QStringLiteral("su"),
                {QStringLiteral("postgres"), QStringLiteral("-s"), QStringLiteral("/bin/sh"),
                    QStringLiteral("-c"),
                    m_bin + QLatin1Char('/') + tool + QLatin1Char(' ') + quoted.join(QLatin1Char(' '))});
        } else {
            p.start(m_bin + QLatin1Char('/') + tool, args);
        }
        const bool finished = p.waitForFinished(60000);
        *output = QString::fromLocal8Bit(p.readAll());
        return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    bool startServer(int i)
    {
        const QString url = QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres").arg(m_pgPort);
        m_servers[i].start(qEnvironmentVariable("DOCKHAND_BIN_DIR") + QStringLiteral("/dockhand-server"),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"), url,
                QStringLiteral("--demo"), QStringLiteral("--enrolment-code"), QStringLiteral("PG-TEST"),
                QStringLiteral("--rate"), QStringLiteral("1000"), QStringLiteral("--burst"),
                QStringLiteral("1000"), QStringLiteral("--quiet")});
        return m_servers[i].waitForStarted(10000);
    }
    bool waitListening(int i)
    {
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 90000 && m_servers[i].state() == QProcess::Running) {
            m_servers[i].waitForReadyRead(200);
            out += m_servers[i].readAllStandardOutput();
        }
        static const QRegularExpression line(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        const auto match = line.match(QString::fromUtf8(out));
        if (!match.hasMatch()) {
            qWarning() << "server" << i << "did not start:" << out << m_servers[i].readAllStandardError();
            return false;
        }
        m_base[i] = QUrl(match.captured(1));
        return true;
    }

    QNetworkReply *send(int server, const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &token)
    {
        QNetworkRequest req(m_base[server].resolved(QUrl(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        return m_network.sendCustomRequest(req, method, body);
    }
    static void waitAll(const QList<QNetworkReply *> &replies)
    {
        QEventLoop loop;
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        int left = int(replies.size());
        for (QNetworkReply *r : replies)
            connect(r, &QNetworkReply::finished, &loop, [&] {
                if (--left == 0)
                    loop.quit();
            });
        if (left > 0)
            loop.exec();
    }
    QJsonObject call(int server, const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &token, int *status = nullptr)
    {
        QNetworkReply *reply = send(server, method, path, body, token);
        waitAll({reply});
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }

private slots:
    void initTestCase()
    {
        m_bin = pgBin();
        if (m_bin.isEmpty())
            QSKIP("PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin (Debian package "
                  "'postgresql'); the two-server test needs a private cluster");
        QVERIFY(m_dir.isValid());
        m_asPostgres = ::geteuid() == 0;
        m_cluster = m_dir.filePath(QStringLiteral("pg"));
        QVERIFY(QDir().mkpath(m_cluster));
        QString out;
        if (m_asPostgres) {
            QProcess chown;
            chown.start(
                QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres"), m_dir.path()});
            QVERIFY(chown.waitForFinished(10000) && chown.exitCode() == 0);
            QFile::setPermissions(m_dir.path(),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                    | QFileDevice::ReadOther | QFileDevice::ExeOther);
        }
        if (!pg(QStringLiteral("initdb"),
                {QStringLiteral("-D"), m_cluster + QStringLiteral("/data"), QStringLiteral("-A"),
                    QStringLiteral("trust"), QStringLiteral("-U"), QStringLiteral("postgres")},
                &out))
            QSKIP(
                qPrintable(QStringLiteral("cannot create a private PostgreSQL cluster: ") + out.right(500)));
        m_pgPort = freePort();
        QVERIFY2(
            pg(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_cluster + QStringLiteral("/data"), QStringLiteral("-l"),
                    m_cluster + QStringLiteral("/log"), QStringLiteral("-w"), QStringLiteral("-o"),
                    QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2").arg(m_pgPort).arg(m_cluster),
                    QStringLiteral("start")},
                &out),
            qPrintable(out));
        m_clusterUp = true;
        // Both start at once on an empty database: one migrates and seeds, the other waits.
        QVERIFY(startServer(0));
        QVERIFY(startServer(1));
        QVERIFY(waitListening(0));
        QVERIFY(waitListening(1));
    }

    void cleanupTestCase()
    {
        for (QProcess &server : m_servers) {
            if (server.state() != QProcess::NotRunning) {
                server.terminate();
                if (!server.waitForFinished(10000))
                    server.kill();
            }
        }
        if (m_clusterUp) {
            QString out;
            pg(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_cluster + QStringLiteral("/data"), QStringLiteral("-m"),
                    QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")},
                &out);
        }
    }

    void seededOnce()
    {
        int status = 0;
        const QJsonObject health = call(0, "GET", QStringLiteral("/v1/health"), {}, {}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(health.value(QLatin1String("database")).toString(), QStringLiteral("postgresql"));
        const QByteArray token = call(
            1, "POST", QStringLiteral("/v1/enrol"), R"({"code":"PG-TEST","device":"probe"})", {}, &status)
                                     .value(QLatin1String("token"))
                                     .toString()
                                     .toLatin1();
        QCOMPARE(status, 200);
        // A token issued through one server works on the other: the database holds it.
        QCOMPARE(call(0, "GET", QStringLiteral("/v1/orders"), {}, token, &status)
                     .value(QLatin1String("total"))
                     .toInt(),
            20);
        QCOMPARE(status, 200);
    }

    void exactlyOnceAcrossTwoServers()
    {
        int status = 0;
        // Orders that together want far more of one product than there is.
        const QByteArray admin
            = call(0, "POST", QStringLiteral("/v1/login"), R"({"badge":"OP-9001","pin":"9001"})", {}, &status)
                  .value(QLatin1String("token"))
                  .toString()
                  .toLatin1();
        QCOMPARE(status, 200);
        QJsonArray orders;
        for (int i = 0; i < kOrders; ++i)
            orders.append(QJsonObject {{QStringLiteral("number"), QStringLiteral("PG-%1").arg(i)},
                {QStringLiteral("customer"), QStringLiteral("Race %1").arg(i)},
                {QStringLiteral("lines"),
                    QJsonArray {QJsonObject {{QStringLiteral("line"), 1}, {QStringLiteral("gtin"), kGtin},
                        {QStringLiteral("quantity"), kPerOrder}}}}});
        call(1, "POST", QStringLiteral("/v1/orders/import"), QJsonDocument(orders).toJson(), admin, &status);
        QCOMPARE(status, 200);

        // Two devices each pick every order fully: 24 picks for 12 lines and 36 units.
        QByteArray tokens[2];
        protocol::UploadRequest batches[2];
        for (int d = 0; d < 2; ++d) {
            const QString device = QStringLiteral("pg-dev-%1").arg(d);
            tokens[d] = call(d, "POST", QStringLiteral("/v1/enrol"),
                QJsonDocument(QJsonObject {{QStringLiteral("code"), QStringLiteral("PG-TEST")},
                                  {QStringLiteral("device"), device}})
                    .toJson(),
                {}, &status)
                            .value(QLatin1String("token"))
                            .toString()
                            .toLatin1();
            QCOMPARE(status, 200);
            batches[d].deviceId = device;
            for (int i = 0; i < kOrders; ++i) {
                protocol::ScanEvent e = testing::makeEvent(device, i + 1);
                e.fields = QJsonObject {{QStringLiteral("action"), QStringLiteral("pick")},
                    {QStringLiteral("order"), QStringLiteral("PG-%1").arg(d == 0 ? i : kOrders - 1 - i)},
                    {QStringLiteral("line"), 1}, {QStringLiteral("gtin"), kGtin},
                    {QStringLiteral("location"), QStringLiteral("A-02-02")},
                    {QStringLiteral("quantity"), kPerOrder}};
                batches[d].events.append(e);
            }
        }

        // Each device's batch through BOTH servers at the same time (a retry that went to the
        // other instance behind the load balancer), all four requests in flight together.
        QHash<QString, QStringList> answers; // event id -> answers from every upload
        for (int round = 0; round < 2; ++round) {
            QList<QNetworkReply *> replies;
            for (int d = 0; d < 2; ++d)
                for (int s = 0; s < 2; ++s)
                    replies.append(send(s, "POST", QStringLiteral("/v1/events"),
                        QJsonDocument(batches[d].toJson()).toJson(QJsonDocument::Compact), tokens[d]));
            waitAll(replies);
            for (QNetworkReply *r : std::as_const(replies)) {
                const QByteArray body = r->readAll();
                QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
                for (const QJsonValue &v :
                    QJsonDocument::fromJson(body).object().value(QLatin1String("results")).toArray())
                    answers[v.toObject().value(QLatin1String("id")).toString()].append(
                        v.toObject().value(QLatin1String("status")).toString());
                r->deleteLater();
            }
        }

        // Every event answered four times; accepted at most once; a rejection is the same everywhere.
        QCOMPARE(answers.size(), 2 * kOrders);
        int acceptedEvents = 0;
        for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
            QCOMPARE(it.value().size(), 4);
            const int accepted = int(it.value().count(QStringLiteral("accepted")));
            QVERIFY2(
                accepted <= 1, qPrintable(it.key() + QLatin1Char(' ') + it.value().join(QLatin1Char(','))));
            if (accepted == 1) {
                ++acceptedEvents;
                QCOMPARE(it.value().count(QStringLiteral("duplicate")), 3);
            } else {
                QCOMPARE(it.value().count(QStringLiteral("rejected")), 4);
            }
        }

        // Stored exactly once: 24 events, none twice.
        const QJsonObject events
            = call(0, "GET", QStringLiteral("/v1/events?limit=1000"), {}, admin, &status);
        QCOMPARE(status, 200);
        QCOMPARE(events.value(QLatin1String("total")).toInt(), 2 * kOrders);

        // Stock never negative, no line over-picked, and the books balance.
        qint64 picked = 0;
        int pickedLines = 0;
        for (int i = 0; i < kOrders; ++i) {
            const QJsonObject order
                = call(i % 2, "GET", QStringLiteral("/v1/orders/PG-%1").arg(i), {}, admin, &status);
            QCOMPARE(status, 200);
            const int p = order.value(QLatin1String("lines"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("picked"))
                              .toInt();
            QVERIFY(p == 0 || p == kPerOrder);
            picked += p;
            if (p == kPerOrder) {
                ++pickedLines;
                QCOMPARE(order.value(QLatin1String("status")).toString(), QStringLiteral("picked"));
            }
        }
        qint64 stock = -1;
        for (const QJsonValue &l : call(1, "GET", QStringLiteral("/v1/locations"), {}, admin)
                                       .value(QLatin1String("locations"))
                                       .toArray())
            if (l.toObject().value(QLatin1String("code")).toString() == QLatin1String("A-02-02"))
                for (const QJsonValue &s : l.toObject().value(QLatin1String("stock")).toArray())
                    if (s.toObject().value(QLatin1String("gtin")).toString() == kGtin)
                        stock = s.toObject().value(QLatin1String("quantity")).toInteger();
        QVERIFY(stock >= 0);
        QCOMPARE(pickedLines, acceptedEvents);
        QCOMPARE(stock, 36 - picked);
        QCOMPARE(pickedLines, 36 / kPerOrder); // the stock ran out, not the orders
        // Every rejected pick is an exception for the supervisor.
        const QJsonArray exceptions = call(0, "GET", QStringLiteral("/v1/exceptions?limit=1000"), {}, admin)
                                          .value(QLatin1String("exceptions"))
                                          .toArray();
        QCOMPARE(exceptions.size(), 2 * kOrders - acceptedEvents);

        // /metrics: the floor figures come from the database, so both servers report the same.
        QStringList floorLines[2];
        for (int server = 0; server < 2; ++server) {
            QNetworkReply *reply = send(server, "GET", QStringLiteral("/metrics"), {}, {});
            waitAll({reply});
            for (const QString &line : QString::fromUtf8(reply->readAll()).split(QLatin1Char('\n')))
                if (line.startsWith(QLatin1String("dockhand_orders{"))
                    || line.startsWith(QLatin1String("dockhand_exceptions_total{"))
                    || line.startsWith(QLatin1String("dockhand_devices_enrolled ")))
                    floorLines[server].append(line);
            reply->deleteLater();
        }
        QVERIFY(floorLines[0].contains(QStringLiteral("dockhand_exceptions_total{kind=\"rejected\"} %1")
                                           .arg(2 * kOrders - acceptedEvents)));
        QCOMPARE(floorLines[1], floorLines[0]);

        // Every number of every device arrived: none missing, through either server.
        const QJsonArray devices = call(1, "GET", QStringLiteral("/v1/devices"), {}, admin)
                                       .value(QLatin1String("devices"))
                                       .toArray();
        QVERIFY(!devices.isEmpty());
        for (const QJsonValue &d : devices) {
            const QJsonObject device = d.toObject();
            QCOMPARE(device.value(QLatin1String("missing")).toInteger(), 0);
            if (device.value(QLatin1String("id")).toString().startsWith(QLatin1String("pg-")))
                QVERIFY(device.value(QLatin1String("lastSeq")).toInteger() > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerPostgres)
#include "tst_serverpostgres.moc"
