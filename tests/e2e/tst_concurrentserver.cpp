// A real dockhand-server on its default SQLite answering several requests at once (label e2e):
// while an upload waits for the database's one writer, reads still answer; answers leave each
// connection in the order its requests came; a client that hangs up before its answer costs
// nothing; and `--workers 1` answers one request at a time, as the option says.
//
// To make an upload wait without timing luck, the test takes SQLite's write lock itself
// (BEGIN IMMEDIATE on the server's file, as another writer would): the server's writer then
// waits on the lock (busy timeout 5 s), and the test lets go after its reads. It reads nothing
// from the file: every assertion is made through the API.

#include "e2eharness.h"
#include "protocol.h"
#include "scanevents.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace dockhand;

namespace {

// Holds SQLite's write lock on the server's database file while it lives (or until release()).
class WriteLock
{
public:
    explicit WriteLock(const QString &path)
        : m_name(QStringLiteral("write-lock-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open()) {
            m_error = db.lastError().text();
            return;
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            m_error = q.lastError().text();
        else
            m_held = true;
    }
    ~WriteLock()
    {
        release();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool held() const { return m_held; }
    QString error() const { return m_error; }
    void release()
    {
        if (!m_held)
            return;
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        db.close();
        m_held = false;
    }

private:
    QString m_name;
    QString m_error;
    bool m_held = false;
};

bool waitFor(QNetworkReply *reply, int ms)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return reply->isFinished();
}

// The raw HTTP answers read from `socket` until `count` complete ones (by Content-Length) came.
QList<QByteArray> readAnswers(QTcpSocket &socket, int count, int ms)
{
    QByteArray buffer;
    QList<QByteArray> answers;
    QElapsedTimer timer;
    timer.start();
    while (answers.size() < count && timer.elapsed() < ms) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(200))
            continue;
        buffer += socket.readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                break;
            const QByteArray head = buffer.left(headEnd).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const qsizetype lineEnd = head.indexOf("\r\n", at);
            const int length
                = at < 0 ? 0 : head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toInt();
            if (buffer.size() < headEnd + 4 + length)
                break;
            answers.append(buffer.left(headEnd + 4 + length));
            buffer.remove(0, headEnd + 4 + length);
        }
    }
    return answers;
}

QByteArray rawRequest(
    const QByteArray &method, const QString &path, const QString &token, const QByteArray &body)
{
    QByteArray out = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        out += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (!body.isEmpty())
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n";
    return out + "\r\n" + body;
}

} // namespace

class TestConcurrentServer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<e2e::ServerProcess> m_server;
    QNetworkAccessManager m_network;
    QString m_deviceToken;
    QString m_supervisor;
    QString m_order; // a demo order's number, read from GET /v1/orders
    qint64 m_nextSeq = 1;

    bool startServer(const QStringList &extra, QString *why)
    {
        m_server.reset();
        m_server = std::make_unique<e2e::ServerProcess>(
            m_dir.filePath(QStringLiteral("server-%1").arg(QUuid::createUuid().toString(QUuid::Id128))));
        if (!m_server->start(0, e2e::enrollingServerArgs() + extra, why))
            return false;
        int status = 0;
        const QJsonObject enrolled = e2e::apiCall(*m_server, "POST", QStringLiteral("/v1/enrol"),
            R"({"code":"DEMO","device":"concurrent-1","name":"test"})", {}, &status, why);
        if (status != 200)
            return false;
        m_deviceToken = enrolled.value(QLatin1String("token")).toString();
        m_supervisor = m_server->supervisorToken(why);
        const QJsonObject orders
            = e2e::apiCall(*m_server, "GET", QStringLiteral("/v1/orders"), {}, m_supervisor, &status, why);
        m_order = orders.value(QLatin1String("orders"))
                      .toArray()
                      .first()
                      .toObject()
                      .value(QLatin1String("number"))
                      .toString();
        m_nextSeq = 1;
        return !m_supervisor.isEmpty() && !m_order.isEmpty();
    }

    QByteArray nextBatch(int count)
    {
        const QByteArray body
            = QJsonDocument(testing::makeUpload(QStringLiteral("concurrent-1"), m_nextSeq, count).toJson())
                  .toJson(QJsonDocument::Compact);
        m_nextSeq += count;
        return body;
    }

    QNetworkReply *postAsync(const QByteArray &body)
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(QStringLiteral("/v1/events"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_deviceToken.toLatin1());
        return m_network.post(request, body);
    }

    qint64 serverEventCount()
    {
        int status = 0;
        const QJsonObject health
            = e2e::apiCall(*m_server, "GET", QStringLiteral("/v1/health"), {}, {}, &status);
        return status == 200 ? qint64(health.value(QLatin1String("events")).toDouble(-1)) : -1;
    }

    static QList<protocol::AckStatus> statuses(const QByteArray &json)
    {
        QString why;
        const auto response
            = protocol::UploadResponse::fromJson(QJsonDocument::fromJson(json).object(), &why);
        QList<protocol::AckStatus> list;
        if (response)
            for (const auto &ack : response->results)
                list.append(ack.status);
        return list;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanup() { m_server.reset(); }

    void readsAnswerWhileAnUploadWaitsForTheWriter()
    {
        QString why;
        QVERIFY2(startServer({}, &why), qPrintable(why));
        WriteLock lock(m_server->databasePath());
        QVERIFY2(lock.held(), qPrintable(lock.error()));

        const QByteArray batch = nextBatch(20);
        QNetworkReply *upload = postAsync(batch);
        QVERIFY(!waitFor(upload, 300)); // it waits for the writer, which waits for the lock

        // Reads of every kind answer meanwhile: health, an order, a download page, the devices.
        for (const QString &path : {QStringLiteral("/v1/health"), QStringLiteral("/v1/orders/") + m_order,
                 QStringLiteral("/v1/sync?limit=50"), QStringLiteral("/v1/devices")}) {
            int status = 0;
            const QJsonObject answer = e2e::apiCall(*m_server, "GET", path, {}, m_supervisor, &status, &why);
            QVERIFY2(status == 200, qPrintable(path + QStringLiteral(": ") + QString::number(status) + why));
            QVERIFY2(!answer.isEmpty(), qPrintable(path));
        }
        QCOMPARE(serverEventCount(), 0); // the upload is not stored yet ...
        QVERIFY(!upload->isFinished()); // ... and not answered

        lock.release();
        QVERIFY(waitFor(upload, 10000));
        QCOMPARE(upload->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(statuses(upload->readAll()), QList<protocol::AckStatus>(20, protocol::AckStatus::Accepted));
        upload->deleteLater();
        QCOMPARE(serverEventCount(), 20);

        // The same batch again is answered duplicate: stored once however it was answered.
        int status = 0;
        const QJsonObject again
            = e2e::apiCall(*m_server, "POST", QStringLiteral("/v1/events"), batch, m_deviceToken, &status);
        QCOMPARE(status, 200);
        QCOMPARE(statuses(QJsonDocument(again).toJson()),
            QList<protocol::AckStatus>(20, protocol::AckStatus::Duplicate));
        QCOMPARE(serverEventCount(), 20);
    }

    void answersLeaveAConnectionInRequestOrder()
    {
        QString why;
        QVERIFY2(startServer({}, &why), qPrintable(why));
        WriteLock lock(m_server->databasePath());
        QVERIFY2(lock.held(), qPrintable(lock.error()));

        // An upload (write lane, held up by the lock) and then a read (read lane, quick), sent
        // together on one connection: the read's answer must wait for the upload's.
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server->port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(rawRequest("POST", QStringLiteral("/v1/events"), m_deviceToken, nextBatch(5))
            + rawRequest("GET", QStringLiteral("/v1/health"), {}, {}));
        QVERIFY(socket.waitForBytesWritten(5000));
        QVERIFY(readAnswers(socket, 1, 500).isEmpty()); // the read may not overtake the upload

        lock.release();
        const QList<QByteArray> answers = readAnswers(socket, 2, 10000);
        QCOMPARE(answers.size(), 2);
        QVERIFY2(answers.at(0).startsWith("HTTP/1.1 200 OK") && answers.at(0).contains("\"results\""),
            answers.at(0).constData());
        QVERIFY2(answers.at(1).startsWith("HTTP/1.1 200 OK") && answers.at(1).contains("\"status\":\"ok\""),
            answers.at(1).constData());
        QCOMPARE(statuses(answers.at(0).mid(answers.at(0).indexOf("\r\n\r\n") + 4)),
            QList<protocol::AckStatus>(5, protocol::AckStatus::Accepted));
    }

    void aClientThatHangsUpCostsNothing()
    {
        QString why;
        QVERIFY2(startServer({}, &why), qPrintable(why));
        const QByteArray batch = nextBatch(8);
        {
            WriteLock lock(m_server->databasePath());
            QVERIFY2(lock.held(), qPrintable(lock.error()));
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server->port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write(rawRequest("POST", QStringLiteral("/v1/events"), m_deviceToken, batch));
            QVERIFY(socket.waitForBytesWritten(5000));
            QTest::qWait(200);
            socket.abort(); // gone before the answer, as a handheld walking out of Wi-Fi
        }
        // The upload arrived whole, so it is stored once; its answer went nowhere, and the
        // device's resend is answered duplicate. The server goes on answering.
        QTRY_COMPARE_WITH_TIMEOUT(serverEventCount(), 8, 10000);
        int status = 0;
        const QJsonObject again
            = e2e::apiCall(*m_server, "POST", QStringLiteral("/v1/events"), batch, m_deviceToken, &status);
        QCOMPARE(status, 200);
        QCOMPARE(statuses(QJsonDocument(again).toJson()),
            QList<protocol::AckStatus>(8, protocol::AckStatus::Duplicate));
        QVERIFY(m_server->isRunning());
    }

    void headIsGetWithoutTheBody()
    {
        QString why;
        QVERIFY2(startServer({}, &why), qPrintable(why));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server->port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(rawRequest("HEAD", QStringLiteral("/v1/health"), {}, {})
            + rawRequest("GET", QStringLiteral("/v1/health"), {}, {}));
        // The HEAD answer names the GET body's length but carries none, so the GET's answer is
        // the next thing on the wire.
        QByteArray wire;
        QElapsedTimer timer;
        timer.start();
        while (wire.count("HTTP/1.1 200 OK") < 2 && timer.elapsed() < 10000)
            if (socket.waitForReadyRead(200))
                wire += socket.readAll();
        const qsizetype second = wire.indexOf("HTTP/1.1 200 OK", 1);
        QVERIFY2(second > 0, wire.constData());
        const QByteArray headAnswer = wire.left(second);
        QVERIFY2(headAnswer.endsWith("\r\n\r\n"), headAnswer.constData());
        QVERIFY(headAnswer.toLower().contains("content-length: "));
        QVERIFY(wire.mid(second).contains("\"status\":\"ok\""));
    }

    void oneWorkerAnswersOneRequestAtATime()
    {
        // --workers 1 is one connection for everything: a read waits behind the upload. (This
        // is what the default workers avoid; the test shows the option means what it says.)
        QString why;
        QVERIFY2(startServer({QStringLiteral("--workers"), QStringLiteral("1")}, &why), qPrintable(why));
        WriteLock lock(m_server->databasePath());
        QVERIFY2(lock.held(), qPrintable(lock.error()));
        QNetworkReply *upload = postAsync(nextBatch(3));
        QVERIFY(!waitFor(upload, 300));
        QNetworkReply *health
            = m_network.get(QNetworkRequest(m_server->url().resolved(QUrl(QStringLiteral("/v1/health")))));
        QVERIFY(!waitFor(health, 500));
        lock.release();
        QVERIFY(waitFor(health, 10000));
        QVERIFY(upload->isFinished());
        QCOMPARE(health->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(upload->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        upload->deleteLater();
        health->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestConcurrentServer)
#include "tst_concurrentserver.moc"
