// A new site from nothing, as its administrator sets it up: the server without an administrator
// says how to create one (when it starts and with every refused login); `dockhand-server init`
// creates the first administrator and prints the PIN once; the server then lets them log in, and
// the devices download them like any operator. Real processes, real SQLite files.

#include "e2eharness.h"
#include "toolrunner.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

class TestSiteSetup : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static testing::ToolResult init(const QString &dataDir, const QStringList &args)
    {
        testing::ToolOptions options;
        options.timeoutMs = 30000;
        return testing::runTool(testing::binary(QStringLiteral("dockhand-server")),
            QStringList {QStringLiteral("init"), QStringLiteral("--data-dir"), dataDir} + args, options);
    }

    static QJsonObject login(
        const e2e::ServerProcess &server, const QString &badge, const QString &pin, int *status)
    {
        QString why;
        const QByteArray body
            = QJsonDocument(QJsonObject {{QStringLiteral("badge"), badge}, {QStringLiteral("pin"), pin}})
                  .toJson(QJsonDocument::Compact);
        return e2e::apiCall(server, "POST", QStringLiteral("/v1/login"), body, QString(), status, &why);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aNewSiteSaysHowToCreateItsAdministrator()
    {
        e2e::ServerProcess server(m_dir.filePath(QStringLiteral("empty")));
        QString why;
        QVERIFY2(server.start(0, {}, &why), qPrintable(why));
        int status = 0;
        const QJsonObject refused = login(server, QStringLiteral("ADM-1"), QStringLiteral("1234"), &status);
        QCOMPARE(status, 401);
        const QString error = refused.value(QLatin1String("error")).toString();
        QVERIFY2(error.contains(QLatin1String("no administrator yet")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("dockhand-server init --admin-badge")), qPrintable(error));
        server.stop();
        QVERIFY2(
            server.output().contains(QLatin1String("no administrator yet")), qPrintable(server.output()));
    }

    void initCreatesTheFirstAdministrator()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("site"));
        const testing::ToolResult made = init(dataDir,
            {QStringLiteral("--admin-badge"), QStringLiteral("ADM-1"), QStringLiteral("--admin-name"),
                QStringLiteral("Ana Müller"), QStringLiteral("--site-name"), QStringLiteral("Lager Łódź")});
        QVERIFY2(made.ok(), qPrintable(made.describe()));
        const QString printed = QString::fromUtf8(made.stdOut);
        QVERIFY2(printed.contains(QStringLiteral("site 'Lager Łódź' set up")), qPrintable(printed));
        QVERIFY2(
            printed.contains(QStringLiteral("administrator Ana Müller (badge ADM-1)")), qPrintable(printed));
        const auto pinLine
            = QRegularExpression(QStringLiteral("^PIN: (\\d{6}) "), QRegularExpression::MultilineOption)
                  .match(printed);
        QVERIFY2(pinLine.hasMatch(), qPrintable(printed));
        const QString pin = pinLine.captured(1);

        // A second init changes nothing, whoever it names.
        const testing::ToolResult again = init(dataDir,
            {QStringLiteral("--admin-badge"), QStringLiteral("ADM-2"), QStringLiteral("--admin-name"),
                QStringLiteral("Someone Else"), QStringLiteral("--admin-pin"), QStringLiteral("9999")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(QString::fromUtf8(again.stdErr)
                     .contains(QStringLiteral("set up already: Ana Müller (badge ADM-1)")),
            qPrintable(again.describe()));

        e2e::ServerProcess server(dataDir);
        QString why;
        QVERIFY2(server.start(0, {QStringLiteral("--enrolment-code"), QStringLiteral("SITE-1")}, &why),
            qPrintable(why));
        int status = 0;
        QCOMPARE(login(server, QStringLiteral("ADM-2"), QStringLiteral("9999"), &status).isEmpty(), false);
        QCOMPARE(status, 401);
        const QJsonObject admin = login(server, QStringLiteral("ADM-1"), pin, &status);
        QCOMPARE(status, 200);
        QCOMPARE(admin.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(admin.value(QLatin1String("name")).toString(), QStringLiteral("Ana Müller"));

        // Devices know the administrator like every operator (they log in on a handheld too).
        const QJsonObject enrolled = e2e::apiCall(server, "POST", QStringLiteral("/v1/enrol"),
            QByteArrayLiteral("{\"code\": \"SITE-1\", \"device\": \"hh-01\"}"), QString(), &status, &why);
        QCOMPARE(status, 200);
        const QJsonObject page = e2e::apiCall(server, "GET", QStringLiteral("/v1/sync?limit=500"), {},
            enrolled.value(QLatin1String("token")).toString(), &status, &why);
        QCOMPARE(status, 200);
        bool found = false;
        for (const QJsonValue &change : page.value(QLatin1String("changes")).toArray()) {
            const QJsonObject c = change.toObject();
            if (c.value(QLatin1String("type")).toString() == QLatin1String("operator")
                && c.value(QLatin1String("key")).toString() == QLatin1String("ADM-1"))
                found = c.value(QLatin1String("data")).toObject().value(QLatin1String("role")).toString()
                    == QLatin1String("admin");
        }
        QVERIFY2(found, QJsonDocument(page).toJson().constData());
        server.stop();
        QVERIFY2(
            !server.output().contains(QLatin1String("no administrator yet")), qPrintable(server.output()));
    }

    void initRefusesBadInputAndCreatesNothing()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("typo"));
        struct Case
        {
            QStringList args;
            QString says;
        };
        const QList<Case> cases {
            {{QStringLiteral("--admin-badge"), QStringLiteral("ADM-1"), QStringLiteral("--admin-name"),
                 QStringLiteral("Ana"), QStringLiteral("--admin-pin"), QStringLiteral("12ab")},
                QStringLiteral("4 to 12 digits")},
            {{QStringLiteral("--admin-badge"), QStringLiteral("ADM 1"), QStringLiteral("--admin-name"),
                 QStringLiteral("Ana")},
                QStringLiteral("holds a space")},
            {{QStringLiteral("--admin-badge"), QStringLiteral("ADM-1")}, QStringLiteral("name is missing")},
            {{QStringLiteral("--admin-name"), QStringLiteral("Ana")}, QStringLiteral("badge is missing")},
        };
        for (const Case &c : cases) {
            const testing::ToolResult refused = init(dataDir, c.args);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(QString::fromUtf8(refused.stdErr).contains(c.says), qPrintable(refused.describe()));
        }
        QVERIFY2(!QFileInfo::exists(dataDir), "a refused init must not leave an empty database behind");

        // init's options belong to init.
        testing::ToolOptions options;
        const testing::ToolResult misplaced
            = testing::runTool(testing::binary(QStringLiteral("dockhand-server")),
                {QStringLiteral("--admin-badge"), QStringLiteral("ADM-1")}, options);
        QCOMPARE(misplaced.exitCode, 2);
        QVERIFY2(QString::fromUtf8(misplaced.stdErr).contains(QLatin1String("is for 'dockhand-server init'")),
            qPrintable(misplaced.describe()));
    }
};

QTEST_GUILESS_MAIN(TestSiteSetup)
#include "tst_sitesetup.moc"
