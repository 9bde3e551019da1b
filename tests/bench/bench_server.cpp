// Drain benchmark: N queued scan events uploaded in batches through POST /v1/events to a real
// dockhand-server process, next to raw SQL inserts of the same rows (prepared statement, one
// transaction per batch) into the same kind of database in the same run. SQLite always;
// PostgreSQL too when a private cluster can be started (tests/common/pgcluster.h).
// The client is QNetworkAccessManager, as the devices use it; the request bodies are built before
// the clock starts (a device has its batches queued already) and every answer is read.
// Usage: bench_server [events=100000] [batch=500]

#include "e2eharness.h"
#include "pgcluster.h"
#include "protocol.h"
#include "scanevents.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

using namespace dockhand;

namespace {

QTextStream out(stdout);

QJsonObject request(QNetworkAccessManager &net, const QUrl &url, const QByteArray &body,
    const QByteArray &token, int *status, const QSslConfiguration *tls)
{
    QNetworkRequest req(url);
    if (tls)
        req.setSslConfiguration(*tls);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = net.post(req, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return json;
}

// Events per second through the HTTP API of a server started with `serverArgs` (its database,
// and its certificate for HTTPS: then `tls` trusts it); 0 on failure.
double drainThroughServer(const QString &dataDir, const QStringList &serverArgs,
    const QList<protocol::ScanEvent> &events, int batch, const QSslConfiguration *tls = nullptr)
{
    double drain = 0;
    e2e::ServerProcess server(dataDir);
    QString error;
    if (!server.start(0,
            QStringList {QStringLiteral("--quiet"), QStringLiteral("--enrolment-code"),
                QStringLiteral("BENCH"), QStringLiteral("--rate"), QStringLiteral("1000000"),
                QStringLiteral("--burst"), QStringLiteral("1000000")}
                + serverArgs,
            &error)) {
        out << "  " << error << "\n";
        return drain;
    }
    const QUrl base = server.url();
    QNetworkAccessManager net;
    int status = 0;
    const QByteArray token = request(net, base.resolved(QUrl(QStringLiteral("/v1/enrol"))),
        R"({"code":"BENCH","device":"bench-device"})", {}, &status, tls)
                                 .value(QLatin1String("token"))
                                 .toString()
                                 .toLatin1();
    if (status != 200) {
        out << "  enrolment failed\n";
        return drain;
    }
    // Bodies are built before the clock starts: the device has them queued already.
    QList<QByteArray> bodies;
    for (qsizetype first = 0; first < events.size(); first += batch) {
        protocol::UploadRequest upload;
        upload.deviceId = events.first().deviceId;
        upload.events = events.mid(first, batch);
        bodies.append(QJsonDocument(upload.toJson()).toJson(QJsonDocument::Compact));
    }
    const QUrl url = base.resolved(QUrl(QStringLiteral("/v1/events")));
    QElapsedTimer timer;
    timer.start();
    qsizetype accepted = 0;
    for (const QByteArray &body : std::as_const(bodies)) {
        const QJsonObject answer = request(net, url, body, token, &status, tls);
        if (status != 200) {
            out << "  upload failed with HTTP " << status << "\n";
            break;
        }
        for (const QJsonValue &r : answer.value(QLatin1String("results")).toArray())
            accepted += r.toObject().value(QLatin1String("status")).toString() == QLatin1String("accepted");
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (accepted != events.size())
        out << "  only " << accepted << " of " << events.size() << " accepted\n";
    else
        drain = double(events.size()) / seconds;
    return drain;
}

// The same rows with a bare prepared INSERT, one transaction per batch, into `db`.
double rawInserts(QSqlDatabase db, const QList<protocol::ScanEvent> &events, int batch, bool postgres)
{
    QSqlQuery ddl(db);
    ddl.exec(QStringLiteral("DROP TABLE IF EXISTS raw_events"));
    if (!ddl.exec(QStringLiteral(
            "CREATE TABLE raw_events (id TEXT PRIMARY KEY, device TEXT NOT NULL, seq %1 NOT NULL, "
            "operator TEXT NOT NULL, task TEXT NOT NULL, step TEXT NOT NULL, raw TEXT NOT NULL, "
            "aim TEXT NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL, fields TEXT NOT NULL, "
            "result TEXT NOT NULL, reason TEXT NOT NULL, device_time TEXT NOT NULL, "
            "received_at TEXT NOT NULL, UNIQUE (device, seq))")
                      .arg(postgres ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER")))) {
        out << "  baseline table: " << ddl.lastError().text() << "\n";
        return 0;
    }
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO raw_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QElapsedTimer timer;
    timer.start();
    for (qsizetype first = 0; first < events.size(); first += batch) {
        db.transaction();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (qsizetype i = first; i < qMin(first + batch, events.size()); ++i) {
            const protocol::ScanEvent &e = events.at(i);
            const QVariant values[] = {e.id.toString(QUuid::WithoutBraces), e.deviceId, e.sequence,
                e.operatorId, QStringLiteral(""), e.step, e.raw, e.aim, e.source, e.kind,
                QString::fromUtf8(QJsonDocument(e.fields).toJson(QJsonDocument::Compact)), e.result,
                QStringLiteral(""), e.deviceTime.toString(Qt::ISODateWithMs), now};
            for (int v = 0; v < 15; ++v)
                insert.bindValue(v, values[v]);
            if (!insert.exec()) {
                out << "  baseline insert: " << insert.lastError().text() << "\n";
                db.rollback();
                return 0;
            }
        }
        db.commit();
    }
    return double(events.size()) / (double(timer.nsecsElapsed()) / 1e9);
}

void report(const QString &database, double server, double raw)
{
    out << database << ": server " << qRound(server) << " events/s; raw SQL inserts " << qRound(raw)
        << " events/s; ratio " << QString::number(raw > 0 ? server / raw : 0, 'f', 2) << " (goal >= 0.50)\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 100000;
    const int batch = argc > 2 ? qBound(1, QString::fromLocal8Bit(argv[2]).toInt(), 500) : 500;
    out << "bench_server: drain of " << count << " events in batches of " << batch << "\n";
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QList<protocol::ScanEvent> events = testing::homeScans(QStringLiteral("bench-device"), count);

    // SQLite: the server's default (WAL, synchronous=NORMAL); the baseline uses the same pragmas.
    const double sqliteServer = drainThroughServer(dir.filePath(QStringLiteral("server-sqlite")),
        {QStringLiteral("--database"), dir.filePath(QStringLiteral("server.db"))}, events, batch);
    double sqliteRaw = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-sqlite"));
        db.setDatabaseName(dir.filePath(QStringLiteral("raw.db")));
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
            q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
            sqliteRaw = rawInserts(db, events, batch, false);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw-sqlite"));
    report(QStringLiteral("SQLite"), sqliteServer, sqliteRaw);

    // The same over HTTPS, as a site with its own certificate runs it (made with openssl).
    const QString cert = dir.filePath(QStringLiteral("server.crt"));
    const QString key = dir.filePath(QStringLiteral("server.key"));
    const testing::ToolResult openssl = testing::runTool(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
            QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
            QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (openssl.ok()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(cert));
        const double https = drainThroughServer(dir.filePath(QStringLiteral("server-https")),
            {QStringLiteral("--database"), dir.filePath(QStringLiteral("server-tls.db")),
                QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key},
            events, batch, &tls);
        report(QStringLiteral("SQLite over HTTPS"), https, sqliteRaw);
    } else {
        out << "SQLite over HTTPS: skipped (openssl could not make a certificate: "
            << openssl.describe().right(200) << ")\n";
    }

    // PostgreSQL: a private throwaway cluster, when the binaries are there.
    testing::PgCluster pg;
    QString why;
    if (!pg.start(dir.path(), &why)) {
        out << "PostgreSQL: skipped (" << why.right(300) << ")\n";
        return sqliteServer > 0 ? 0 : 1;
    }
    const double pgServer = drainThroughServer(
        dir.filePath(QStringLiteral("server-pg")), {QStringLiteral("--database"), pg.url()}, events, batch);
    double pgRaw = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("raw-pg"));
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(pg.port());
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("postgres"));
        if (db.open())
            pgRaw = rawInserts(db, events, batch, true);
        else
            out << "  baseline connection: " << db.lastError().text() << "\n";
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw-pg"));
    report(QStringLiteral("PostgreSQL"), pgServer, pgRaw);
    pg.stop();
    return sqliteServer > 0 && pgServer > 0 ? 0 : 1;
}
