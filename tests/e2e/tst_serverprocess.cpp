// Starts the real bin/dockhand-server (label e2e) and talks to it over HTTP like a device would.

#include "protocol.h"
#include "scanevents.h"
#include "toolrunner.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace dockhand;
using dockhand::testing::makeUpload;

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray contentType;
    QJsonObject json;
    QByteArray allow;
    QByteArray retryAfter;
    QString networkError;
};

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QProcess m_server;
    QUrl m_base;
    QNetworkAccessManager m_network;
    QByteArray m_stderr;
    QByteArray m_token; // device e2e-device's, from POST /v1/enrol with the demo code

    static QString serverBinary() { return testing::binary(QStringLiteral("dockhand-server")); }

    // Runs dockhand-server with `args` to its end (a start it must refuse).
    static testing::ToolResult runServer(const QStringList &args)
    {
        testing::ToolOptions options;
        options.timeoutMs = 20000;
        return testing::runTool(serverBinary(), args, options);
    }

    // Starts the server and waits for its one stdout line; returns false with the reason logged.
    bool startServer(const QStringList &extra = {})
    {
        m_stderr.clear();
        QStringList args {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"),
            m_dir.filePath(QStringLiteral("data")), QStringLiteral("--demo")};
        args += extra;
        m_server.start(serverBinary(), args);
        if (!m_server.waitForStarted(10000)) {
            qWarning() << "cannot start" << serverBinary() << m_server.errorString();
            return false;
        }
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 60000 && m_server.state() == QProcess::Running) {
            m_server.waitForReadyRead(200);
            out += m_server.readAllStandardOutput();
        }
        m_stderr += m_server.readAllStandardError();
        static const QRegularExpression line(
            QStringLiteral("^dockhand-server listening on (http://127\\.0\\.0\\.1:(\\d+))\n$"));
        const auto match = line.match(QString::fromUtf8(out));
        if (!match.hasMatch()) {
            qWarning() << "unexpected stdout" << out << "stderr" << m_stderr;
            return false;
        }
        m_base = QUrl(match.captured(1));
        return match.captured(2).toInt() > 0;
    }

    void stopServer()
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        m_server.terminate(); // SIGTERM: the server must shut down cleanly
        QVERIFY(m_server.waitForFinished(20000));
        m_stderr += m_server.readAllStandardError();
        QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server.exitCode(), 0);
    }

    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest req(m_base.resolved(QUrl(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!m_token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply *reply = m_network.sendCustomRequest(req, method, body);
        QEventLoop loop;
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        HttpResult result;
        if (!reply->isFinished()) {
            result.networkError = QStringLiteral("timeout");
            reply->abort();
        }
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.contentType = reply->rawHeader("Content-Type");
        result.allow = reply->rawHeader("Allow");
        result.retryAfter = reply->rawHeader("Retry-After");
        result.json = QJsonDocument::fromJson(reply->readAll()).object();
        if (result.status == 0)
            result.networkError = reply->errorString();
        reply->deleteLater();
        return result;
    }
    HttpResult get(const QString &path) { return request(QByteArrayLiteral("GET"), path); }
    HttpResult post(const QString &path, const QByteArray &body)
    {
        return request(QByteArrayLiteral("POST"), path, body);
    }

    static QList<protocol::AckStatus> statuses(const HttpResult &r)
    {
        QString why;
        const auto response = protocol::UploadResponse::fromJson(r.json, &why);
        QList<protocol::AckStatus> list;
        if (response) {
            for (const auto &ack : response->results)
                list.append(ack.status);
        }
        return list;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(
            QFileInfo::exists(serverBinary()), qPrintable(serverBinary() + QStringLiteral(" not built")));
        QVERIFY(startServer());
        const HttpResult r = post(QStringLiteral("/v1/enrol"),
            QByteArrayLiteral("{\"code\": \"DEMO\", \"device\": \"e2e-device\", \"name\": \"test\"}"));
        QCOMPARE(r.status, 200);
        m_token = r.json.value(QLatin1String("token")).toString().toLatin1();
        QCOMPARE(m_token.size(), 43); // 32 random bytes, base64url without padding
    }

    void cleanupTestCase() { stopServer(); }

    void health()
    {
        const HttpResult r = get(QStringLiteral("/v1/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.json.value(QLatin1String("database")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(r.json.value(QLatin1String("events")).toInt(), 0);
    }

    void uploadThenDuplicateThenRead()
    {
        const auto upload = makeUpload(QStringLiteral("e2e-device"), 1, 3);
        const QByteArray body = QJsonDocument(upload.toJson()).toJson(QJsonDocument::Compact);
        HttpResult r = post(QStringLiteral("/v1/events"), body);
        QCOMPARE(r.status, 200);
        using protocol::AckStatus;
        QCOMPARE(
            statuses(r), (QList<AckStatus> {AckStatus::Accepted, AckStatus::Accepted, AckStatus::Accepted}));

        r = post(QStringLiteral("/v1/events"), body); // the device lost our answer and resends
        QCOMPARE(r.status, 200);
        QCOMPARE(statuses(r),
            (QList<AckStatus> {AckStatus::Duplicate, AckStatus::Duplicate, AckStatus::Duplicate}));

        r = get(QStringLiteral("/v1/events?device=e2e-device"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("total")).toInt(), 3);
        const QJsonArray events = r.json.value(QLatin1String("events")).toArray();
        QCOMPARE(events.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(events.at(i).toObject().value(QLatin1String("id")).toString(),
                upload.events.at(i).id.toString(QUuid::WithoutBraces));
        QCOMPARE(get(QStringLiteral("/v1/health")).json.value(QLatin1String("events")).toInt(), 3);
    }

    void malformedJsonIs400()
    {
        const HttpResult r
            = post(QStringLiteral("/v1/events"), QByteArrayLiteral("{\"device\": \"x\", \"events\": ["));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        QVERIFY2(r.json.value(QLatin1String("error")).toString().contains(QLatin1String("malformed JSON")),
            qPrintable(r.json.value(QLatin1String("error")).toString()));
    }

    void oversizedBodyIs413()
    {
        const HttpResult r = post(QStringLiteral("/v1/events"), QByteArray(5 * 1024 * 1024, ' '));
        QCOMPARE(r.status, 413);
        QVERIFY(r.json.value(QLatin1String("error")).toString().contains(QLatin1String("limit")));
        QCOMPARE(get(QStringLiteral("/v1/health")).status, 200); // and it keeps serving
    }

    void unknownPathIs404AndWrongMethodIs405()
    {
        HttpResult r = get(QStringLiteral("/v1/nothing"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        QVERIFY(r.json.contains(QLatin1String("error")));

        r = request(QByteArrayLiteral("DELETE"), QStringLiteral("/v1/events"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.allow, QByteArray("POST, GET"));
        QVERIFY(r.json.value(QLatin1String("error")).toString().contains(QLatin1String("DELETE")));
    }

    void demoOrders()
    {
        const HttpResult r = get(QStringLiteral("/v1/orders"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("orders")).toArray().size(), 20);
        QCOMPARE(get(QStringLiteral("/v1/orders/SO-100020")).status, 200);
        QCOMPARE(get(QStringLiteral("/v1/products")).status, 200);
        QCOMPARE(get(QStringLiteral("/v1/locations")).status, 200);
    }

    void secondServerOnTheSamePortFails()
    {
        const testing::ToolResult second
            = runServer({QStringLiteral("--port"), QString::number(m_base.port()),
                QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("other"))});
        QVERIFY2(second.started && !second.timedOut, qPrintable(second.describe()));
        QVERIFY(second.exitCode != 0);
        QVERIFY(second.stdOut.isEmpty());
        const QString err = QString::fromUtf8(second.stdErr);
        QVERIFY2(err.contains(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(m_base.port())),
            qPrintable(err));
    }

    void badDataDirFails()
    {
        const testing::ToolResult bad = runServer({QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--data-dir"), QStringLiteral("/proc/dockhand-cannot-be-here")});
        QVERIFY2(bad.started && !bad.timedOut, qPrintable(bad.describe()));
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.stdOut.isEmpty());
        const QString err = QString::fromUtf8(bad.stdErr);
        QVERIFY2(err.contains(QLatin1String("data folder")), qPrintable(err));

        const testing::ToolResult usage = runServer({QStringLiteral("--port"), QStringLiteral("http")});
        QVERIFY2(usage.started && !usage.timedOut, qPrintable(usage.describe()));
        QCOMPARE(usage.exitCode, 2);
        QVERIFY(QString::fromUtf8(usage.stdErr).contains(QLatin1String("--port")));

        const testing::ToolResult postgres = runServer({QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--database"), QStringLiteral("postgresql://dock:secret@127.0.0.1:1/dockhand")});
        QVERIFY2(postgres.started && !postgres.timedOut, qPrintable(postgres.describe()));
        QCOMPARE(postgres.exitCode, 1);
        const QString pgErr = QString::fromUtf8(postgres.stdErr);
        QVERIFY2(pgErr.contains(QLatin1String("cannot connect to the database")), qPrintable(pgErr));
        QVERIFY(!pgErr.contains(QLatin1String("secret")));
    }

    // Last: restart on the same database. Nothing is lost, nothing is seeded twice.
    void restartKeepsEverything()
    {
        stopServer();
        QVERIFY2(m_stderr.contains("shutting down"), m_stderr.constData());
        QVERIFY(startServer({QStringLiteral("--login-rate"), QStringLiteral("0.1"),
            QStringLiteral("--login-burst"), QStringLiteral("2")}));
        QCOMPARE(get(QStringLiteral("/v1/health")).json.value(QLatin1String("events")).toInt(), 3);
        HttpResult r = get(QStringLiteral("/v1/events?device=e2e-device"));
        QCOMPARE(r.json.value(QLatin1String("total")).toInt(), 3);
        QCOMPARE(get(QStringLiteral("/v1/orders")).json.value(QLatin1String("total")).toInt(), 20);

        // The first answers survived the restart too.
        const auto upload = makeUpload(QStringLiteral("e2e-device"), 4, 1);
        r = post(QStringLiteral("/v1/events"), QJsonDocument(upload.toJson()).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 200);
        QCOMPARE(statuses(r), QList<protocol::AckStatus> {protocol::AckStatus::Accepted});
        QCOMPARE(get(QStringLiteral("/v1/health")).json.value(QLatin1String("events")).toInt(), 4);

        // Logins from one address are limited (this client is 127.0.0.1): the third of a burst of 2.
        const QByteArray guess = QByteArrayLiteral("{\"badge\": \"OP-0000\", \"pin\": \"1234\"}");
        QCOMPARE(post(QStringLiteral("/v1/login"), guess).status, 401);
        QCOMPARE(post(QStringLiteral("/v1/login"), guess).status, 429); // the badge's own delay
        r = post(QStringLiteral("/v1/login"), guess);
        QCOMPARE(r.status, 429);
        QVERIFY2(r.json.value(QLatin1String("error"))
                     .toString()
                     .startsWith(QLatin1String("too many enrolment and login requests from 127.0.0.1")),
            qPrintable(r.json.value(QLatin1String("error")).toString()));
        QCOMPARE(r.retryAfter, QByteArray("10"));
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
