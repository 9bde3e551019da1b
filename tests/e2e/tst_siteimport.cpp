// A new site loads its own master data, as its administrator would with only the README and
// docs/server.md: `dockhand-server init`, then files as spreadsheets write them, by the CLI
// (dockhand-server import) and by the API (POST /v1/import/{kind}) with the administrator's
// token; dry runs, refused files that change nothing, and a device that downloads what was
// imported. On SQLite and on a private PostgreSQL cluster, with real dockhand-server processes.

#include "e2eharness.h"
#include "pgcluster.h"
#include "toolrunner.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

namespace {

const QByteArray kLocationsCsv
    = "Code;Zone;Walk Sequence;Check Digits\r\nA-01-01;A;10;42\r\nA-01-02;A;20;17\r\n"
      "B-01-01;B;30;\r\n";
const QByteArray kProductsCsv
    = "gtin,sku,name,lotTracked,expiryTracked,unitWeightKg,lengthMm,widthMm,heightMm\n"
      "4012345001006,SKU-1,\"Water, still, 1 l\",no,no,1.05,80,80,300\n"
      "9501101020917,SKU-2,Hand cream,yes,yes,0.12,,,\n";

} // namespace

class TestSiteImport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    testing::PgCluster m_cluster;
    int m_sites = 0;

    static testing::ToolResult server(const QStringList &args)
    {
        testing::ToolOptions options;
        options.timeoutMs = 60000;
        return testing::runTool(testing::binary(QStringLiteral("dockhand-server")), args, options);
    }

    // A new, empty database of `backend`: an SQLite file, or a database of the cluster.
    QString newDatabase(const QString &backend, QString *error)
    {
        const QString name = QStringLiteral("site%1").arg(++m_sites);
        if (backend == QLatin1String("sqlite"))
            return m_dir.filePath(name + QStringLiteral(".db"));
        QString made;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("tst-admin"));
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_cluster.port());
            db.setUserName(QStringLiteral("postgres"));
            db.setDatabaseName(QStringLiteral("postgres"));
            QSqlQuery q(db);
            if (!db.open() || !q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
                *error = db.lastError().text() + q.lastError().text();
            else
                made = m_cluster.url(name);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst-admin"));
        return made;
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qWarning() << "cannot write" << file.fileName();
        return file.fileName();
    }

    static QString login(const e2e::ServerProcess &server, const QString &badge, const QString &pin)
    {
        int status = 0;
        QString why;
        const QJsonObject answer = e2e::apiCall(server, "POST", QStringLiteral("/v1/login"),
            QJsonDocument(QJsonObject {{QStringLiteral("badge"), badge}, {QStringLiteral("pin"), pin}})
                .toJson(QJsonDocument::Compact),
            QString(), &status, &why);
        if (status != 200)
            qWarning() << "login" << badge << status << why << answer;
        return answer.value(QLatin1String("token")).toString();
    }

    static QJsonObject import(const e2e::ServerProcess &server, const QString &token, const QString &path,
        const QByteArray &body, const QByteArray &type, int *status)
    {
        QString why;
        const QJsonObject answer = e2e::apiCall(server, "POST", path, body, token, status, &why, type);
        if (*status == 0)
            qWarning() << path << why;
        return answer;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_cluster.start(m_dir.path(), &error), qPrintable(error));
    }
    void cleanupTestCase() { m_cluster.stop(); }

    void aNewSiteLoadsItsMasterData_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("SQLite") << QStringLiteral("sqlite");
        QTest::newRow("PostgreSQL") << QStringLiteral("postgresql");
    }
    void aNewSiteLoadsItsMasterData()
    {
        QFETCH(QString, backend);
        QString error;
        const QString database = newDatabase(backend, &error);
        QVERIFY2(!database.isEmpty(), qPrintable(error));
        const QStringList where {QStringLiteral("--database"), database};

        // init, then the locations from the shell, as a spreadsheet saved them (semicolons, CRLF).
        testing::ToolResult done
            = server(QStringList {QStringLiteral("init"), QStringLiteral("--admin-badge"),
                         QStringLiteral("ADM-1"), QStringLiteral("--admin-name"), QStringLiteral("Ana"),
                         QStringLiteral("--admin-pin"), QStringLiteral("246810")}
                + where);
        QVERIFY2(done.ok(), qPrintable(done.describe()));
        const QString locations = writeFile(QStringLiteral("locations-%1.csv").arg(backend), kLocationsCsv);
        done = server(QStringList {QStringLiteral("import"), QStringLiteral("locations"), locations,
                          QStringLiteral("--dry-run")}
            + where);
        QVERIFY2(done.ok(), qPrintable(done.describe()));
        QVERIFY2(
            QString::fromUtf8(done.stdOut).contains(QLatin1String("(dry run, nothing changed): 3 created")),
            qPrintable(done.describe()));
        done = server(QStringList {QStringLiteral("import"), QStringLiteral("locations"), locations} + where);
        QVERIFY2(done.ok(), qPrintable(done.describe()));
        QVERIFY2(QString::fromUtf8(done.stdOut).contains(QLatin1String("imported: 3 created, 0 updated")),
            qPrintable(done.describe()));

        // A file over the size cap is refused before anything is read.
        const QString huge = m_dir.filePath(QStringLiteral("huge-%1.csv").arg(backend));
        {
            QFile file(huge);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(65 * 1024 * 1024));
        }
        done = server(QStringList {QStringLiteral("import"), QStringLiteral("products"), huge} + where);
        QCOMPARE(done.exitCode, 1);
        QVERIFY2(QString::fromUtf8(done.stdErr)
                     .contains(QLatin1String("at most 67108864 bytes (64 MiB): split it")),
            qPrintable(done.describe()));
        QFile::remove(huge);

        e2e::ServerProcess running(m_dir.filePath(QStringLiteral("unused-%1").arg(backend)));
        QVERIFY2(
            running.start(
                0, where + QStringList {QStringLiteral("--enrolment-code"), QStringLiteral("SITE")}, &error),
            qPrintable(error));
        const QString admin = login(running, QStringLiteral("ADM-1"), QStringLiteral("246810"));
        QVERIFY(!admin.isEmpty());

        // Products by the API: a dry run, then the import.
        int status = 0;
        QJsonObject answer = import(running, admin, QStringLiteral("/v1/import/products?dryRun=true"),
            kProductsCsv, "text/csv; charset=utf-8", &status);
        QCOMPARE(status, 200);
        QCOMPARE(answer.value(QLatin1String("dryRun")).toBool(), true);
        QCOMPARE(answer.value(QLatin1String("created")).toInt(), 2);
        QJsonObject products
            = e2e::apiCall(running, "GET", QStringLiteral("/v1/products"), {}, admin, &status);
        QCOMPARE(products.value(QLatin1String("total")).toInt(), 0);
        answer = import(
            running, admin, QStringLiteral("/v1/import/products"), kProductsCsv, "text/csv", &status);
        QCOMPARE(status, 200);
        QCOMPARE(answer.value(QLatin1String("created")).toInt(), 2);
        products = e2e::apiCall(running, "GET", QStringLiteral("/v1/products"), {}, admin, &status);
        QCOMPARE(products.value(QLatin1String("total")).toInt(), 2);
        const QJsonObject water = products.value(QLatin1String("products")).toArray().first().toObject();
        QCOMPARE(water.value(QLatin1String("name")).toString(), QStringLiteral("Water, still, 1 l"));
        QCOMPARE(water.value(QLatin1String("unitWeightKg")).toDouble(), 1.05);
        QCOMPARE(water.value(QLatin1String("heightMm")).toInt(), 300);

        // A file with broken rows changes nothing and names every one of them.
        const QByteArray badStock = "location,gtin,quantity,lot,expiry\n"
                                    "A-01-01,4012345001006,24,,\n"
                                    "A-01-09,4012345001006,5,,\n"
                                    "A-01-02,9501101020917,6,,\n"
                                    "A-01-02,9501101020917,=1+1,LOT-7,2027-06-30\n";
        answer = import(running, admin, QStringLiteral("/v1/import/stock"), badStock, "text/csv", &status);
        QCOMPARE(status, 400);
        const QJsonArray errors = answer.value(QLatin1String("errors")).toArray();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors.at(0).toObject().value(QLatin1String("row")).toInt(), 3);
        QVERIFY(errors.at(0)
                    .toObject()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("unknown location A-01-09")));
        QCOMPARE(errors.at(1).toObject().value(QLatin1String("row")).toInt(), 4);
        QVERIFY(errors.at(1)
                    .toObject()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("is lot-tracked")));
        QCOMPARE(errors.at(2).toObject().value(QLatin1String("row")).toInt(), 5);
        QVERIFY(errors.at(2)
                    .toObject()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("'quantity' must be a whole number")));
        QJsonObject stocked
            = e2e::apiCall(running, "GET", QStringLiteral("/v1/locations"), {}, admin, &status);
        for (const QJsonValue &l : stocked.value(QLatin1String("locations")).toArray())
            QVERIFY(l.toObject().value(QLatin1String("stock")).toArray().isEmpty());
        const QByteArray goodStock = "location,gtin,quantity,lot,expiry\n"
                                     "A-01-01,4012345001006,24,,\n"
                                     "A-01-02,9501101020917,6,LOT-7,2027-06-30\n"
                                     "A-01-02,9501101020917,4,LOT-8,2027-09-30\n";
        answer = import(running, admin, QStringLiteral("/v1/import/stock"), goodStock, "text/csv", &status);
        QCOMPARE(status, 200);
        QCOMPARE(answer.value(QLatin1String("created")).toInt(), 3);
        stocked = e2e::apiCall(running, "GET", QStringLiteral("/v1/locations"), {}, admin, &status);
        const QJsonObject a0102 = stocked.value(QLatin1String("locations")).toArray().at(1).toObject();
        QCOMPARE(a0102.value(QLatin1String("code")).toString(), QStringLiteral("A-01-02"));
        QCOMPARE(a0102.value(QLatin1String("checkDigits")).toString(), QStringLiteral("17"));
        QCOMPARE(a0102.value(QLatin1String("stock"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("quantity"))
                     .toInt(),
            10);

        // Operators and carton types as JSON; a supervisor may not import.
        answer = import(running, admin, QStringLiteral("/v1/import/operators"),
            R"({"operators": [{"badge": "SUP-1", "name": "Søren", "role": "supervisor", "pin": "1357"},
                              {"badge": "PCK-1", "name": "Jo", "role": "packer", "pin": "2468"}]})",
            "application/json", &status);
        QCOMPARE(status, 200);
        QCOMPARE(answer.value(QLatin1String("created")).toInt(), 2);
        answer = import(running, admin, QStringLiteral("/v1/import/carton-types"),
            R"([{"code": "BOX-S", "name": "Small", "lengthMm": 250, "widthMm": 180, "heightMm": 100, "tareKg": 0.15}])",
            "application/json", &status);
        QCOMPARE(status, 200);
        const QString supervisor = login(running, QStringLiteral("SUP-1"), QStringLiteral("1357"));
        QVERIFY(!supervisor.isEmpty());
        answer = import(
            running, supervisor, QStringLiteral("/v1/import/totes"), "code\nTOTE-1\n", "text/csv", &status);
        QCOMPARE(status, 403);
        QVERIFY(answer.value(QLatin1String("error")).toString().contains(QLatin1String("for admins")));
        answer = import(
            running, admin, QStringLiteral("/v1/import/totes"), "<totes/>", "application/xml", &status);
        QCOMPARE(status, 415);
        answer
            = import(running, admin, QStringLiteral("/v1/import/widgets"), "code\nW\n", "text/csv", &status);
        QCOMPARE(status, 404);
        QVERIFY(answer.value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("the kinds are products")));

        // A device downloads what was imported.
        const QJsonObject enrolled = e2e::apiCall(running, "POST", QStringLiteral("/v1/enrol"),
            QByteArrayLiteral("{\"code\": \"SITE\", \"device\": \"hh-01\"}"), QString(), &status);
        QCOMPARE(status, 200);
        const QJsonObject page = e2e::apiCall(running, "GET", QStringLiteral("/v1/sync?limit=500"), {},
            enrolled.value(QLatin1String("token")).toString(), &status);
        QCOMPARE(status, 200);
        QHash<QString, QJsonObject> downloaded;
        for (const QJsonValue &change : page.value(QLatin1String("changes")).toArray()) {
            const QJsonObject c = change.toObject();
            downloaded.insert(
                c.value(QLatin1String("type")).toString() + u'/' + c.value(QLatin1String("key")).toString(),
                c.value(QLatin1String("data")).toObject());
        }
        QCOMPARE(downloaded.value(QStringLiteral("product/09501101020917"))
                     .value(QLatin1String("unitWeightKg"))
                     .toDouble(),
            0.12);
        QCOMPARE(downloaded.value(QStringLiteral("location/A-01-01"))
                     .value(QLatin1String("checkDigits"))
                     .toString(),
            QStringLiteral("42"));
        QCOMPARE(downloaded.value(QStringLiteral("operator/SUP-1")).value(QLatin1String("name")).toString(),
            QStringLiteral("Søren"));
        QCOMPARE(downloaded.value(QStringLiteral("config/device")).value(QLatin1String("cartons")).toArray(),
            QJsonArray {QStringLiteral("BOX-S")});
        running.stop();
    }
};

QTEST_GUILESS_MAIN(TestSiteImport)
#include "tst_siteimport.moc"
