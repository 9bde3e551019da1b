// dockhand-server over HTTPS with a site's own certificate (made here with the openssl command
// line): a device that trusts the site's certificate syncs; one that does not sends nothing and
// says why; a wrong key file stops the server at startup with one clear line.

#include "e2eharness.h"
#include "localstore.h"
#include "scanevents.h"
#include "scanqueue.h"
#include "syncengine.h"

#include <QTest>

using namespace dockhand;
using namespace dockhand::e2e;

namespace {

protocol::ScanEvent draft(int i)
{
    return testing::draftScan(
        QStringLiteral("A-01-%1").arg(i % 100, 2, 10, QLatin1Char('0')), QStringLiteral("location"));
}

// How the tools of this test run: in `dir`, stdout and stderr as one text.
testing::ToolOptions inFolder(const QString &dir)
{
    testing::ToolOptions options;
    options.workingDirectory = dir;
    options.mergeChannels = true;
    return options;
}

} // namespace

class TestHttps : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_cert;
    QString m_key;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    SyncConfig config(const QString &device, const QString &serverCa) const
    {
        SyncConfig c;
        c.serverUrl = m_server->url();
        c.serverCa = serverCa;
        c.deviceId = device;
        c.deviceName = device;
        c.databasePath = path(device + QStringLiteral(".sqlite"));
        c.enrolCode = QStringLiteral("DEMO");
        c.minBackoffMs = 50;
        c.maxBackoffMs = 500;
        c.idleIntervalMs = 300;
        c.requestTimeoutMs = 5000;
        return c;
    }

    // Commits `n` scans to `device`'s queue, as the app does when the operator scans.
    bool scan(const QString &device, int n)
    {
        auto store
            = LocalStore::open(path(device + QStringLiteral(".sqlite")), QStringLiteral("ui-") + device);
        if (!store)
            return false;
        ScanQueue queue(store.value().get(), device);
        for (int i = 0; i < n; ++i) {
            if (!queue.append(draft(i)))
                return false;
        }
        return true;
    }

    // Starts dockhand-server with `args`, expecting it to refuse; returns its output and exit code.
    QString refusedStart(const QStringList &args, int *exitCode)
    {
        const testing::ToolResult r = testing::runTool(binary(QStringLiteral("dockhand-server")),
            QStringList {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"),
                path(QStringLiteral("refused"))}
                + args,
            inFolder(m_dir.path()));
        *exitCode = r.exitCode;
        return r.output();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The site's certificate as docs/server.md makes it: self-signed, naming the server's
        // address, so the devices trust exactly this certificate.
        m_cert = path(QStringLiteral("server.pem"));
        m_key = path(QStringLiteral("server.key"));
        const testing::ToolResult made = testing::runTool(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_key,
                QStringLiteral("-out"), m_cert, QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")},
            inFolder(m_dir.path()));
        QVERIFY2(made.ok(),
            qPrintable(
                QStringLiteral("openssl (scripts/install-deps.sh test installs it): ") + made.describe()));

        m_server = std::make_unique<ServerProcess>(path(QStringLiteral("server")));
        QString error;
        QVERIFY2(
            m_server->start(0,
                enrollingServerArgs()
                    + QStringList {QStringLiteral("--tls-cert"), m_cert, QStringLiteral("--tls-key"), m_key},
                &error),
            qPrintable(error));
        QVERIFY2(m_server->output().contains(QStringLiteral("listening on https://127.0.0.1:")),
            qPrintable(m_server->output()));
        QCOMPARE(m_server->url().scheme(), QStringLiteral("https"));
    }

    void trustedDeviceSyncsOverHttps()
    {
        const QString device = QStringLiteral("tls-trusted");
        QVERIFY(scan(device, 25));
        SyncController sync(config(device, m_cert));
        sync.start();
        QTRY_VERIFY2_WITH_TIMEOUT(
            sync.status().online && sync.status().backlog == 0 && sync.status().lastDownload.isValid(),
            qPrintable(sync.status().lastError), 30000);
        QVERIFY(sync.status().enrolled);
        const auto events = storedEvents(*m_server, device);
        QCOMPARE(events.size(), 25);
        QCOMPARE(events.last().seq, 25);
    }

    void untrustedCertificateIsRefused()
    {
        const QString device = QStringLiteral("tls-untrusted");
        QVERIFY(scan(device, 1));
        SyncController sync(config(device, QString()));
        sync.start();
        QTRY_VERIFY_WITH_TIMEOUT(sync.status().started && !sync.status().lastError.isEmpty(), 15000);
        // Several rounds of retries: still nothing delivered, and the reason stays the certificate.
        QTest::qWait(1500);
        const QString why = sync.status().lastError;
        QVERIFY2(why.contains(QLatin1String("certificate is not trusted (host 127.0.0.1)")), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("self-signed"), Qt::CaseInsensitive), qPrintable(why));
        QVERIFY(!sync.status().online);
        QVERIFY(!sync.status().enrolled);
        QCOMPARE(sync.status().backlog, qint64(1));
        QCOMPARE(storedEvents(*m_server, device).size(), 0);

        // A CA file that is not a certificate is named as such, and nothing is sent either.
        const QString notCa = path(QStringLiteral("not-a-ca.pem"));
        {
            QFile f(notCa);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("hello\n");
        }
        SyncController wrongCa(config(device, notCa));
        wrongCa.start();
        QTRY_VERIFY_WITH_TIMEOUT(!wrongCa.status().lastError.isEmpty(), 15000);
        QVERIFY2(wrongCa.status().lastError.contains(notCa + QStringLiteral(" holds no PEM certificate")),
            qPrintable(wrongCa.status().lastError));
        QCOMPARE(storedEvents(*m_server, device).size(), 0);
    }

    void cliReadsEventsOverHttps()
    {
        // dockhand-cli events: trusted with --server-ca, refused (naming the certificate) without.
        const QStringList args {QStringLiteral("events"), QStringLiteral("--server"),
            m_server->url().toString(), QStringLiteral("--device"), QStringLiteral("tls-trusted"),
            QStringLiteral("--badge"), QStringLiteral("OP-3001"), QStringLiteral("--pin"),
            QStringLiteral("3001")};
        const QString cli = binary(QStringLiteral("dockhand-cli"));
        testing::ToolResult r = testing::runTool(
            cli, args + QStringList {QStringLiteral("--server-ca"), m_cert}, inFolder(m_dir.path()));
        QString out = r.output();
        QVERIFY2(
            r.exitCode == 0 && out.contains(QLatin1String("25 event(s) on the server")), qPrintable(out));
        r = testing::runTool(cli, args, inFolder(m_dir.path()));
        out = r.output();
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(out.contains(QLatin1String("certificate is not trusted (host 127.0.0.1)")), qPrintable(out));
        // A server given without its scheme is named, not sent anywhere.
        r = testing::runTool(cli,
            {QStringLiteral("events"), QStringLiteral("--server"), QStringLiteral("127.0.0.1:8765")},
            inFolder(m_dir.path()));
        out = r.output();
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            out.contains(QLatin1String("--server: '127.0.0.1:8765' is not an http(s) URL")), qPrintable(out));
    }

    void badTlsFilesStopTheServer()
    {
        const QString garbage = path(QStringLiteral("garbage.key"));
        {
            QFile f(garbage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
        }
        int code = 0;
        QString out = refusedStart(
            {QStringLiteral("--tls-cert"), m_cert, QStringLiteral("--tls-key"), garbage}, &code);
        QCOMPARE(code, 1);
        QCOMPARE(out.trimmed().count(QLatin1Char('\n')), 0); // one line
        QVERIFY2(out.startsWith(QStringLiteral("dockhand-server: ") + garbage
                     + QStringLiteral(" holds no PEM private key")),
            qPrintable(out));

        out = refusedStart({QStringLiteral("--tls-cert"), path(QStringLiteral("missing.pem")),
                               QStringLiteral("--tls-key"), m_key},
            &code);
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("the TLS certificate file %1 does not exist")
                                  .arg(path(QStringLiteral("missing.pem")))),
            qPrintable(out));

        // The key of another certificate: the server must not start and fail every handshake.
        const QString otherKey = path(QStringLiteral("other.key"));
        const testing::ToolResult key = testing::runTool(QStringLiteral("openssl"),
            {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"),
                otherKey},
            inFolder(m_dir.path()));
        QVERIFY2(key.ok(), qPrintable(key.describe()));
        out = refusedStart(
            {QStringLiteral("--tls-cert"), m_cert, QStringLiteral("--tls-key"), otherKey}, &code);
        QCOMPARE(code, 1);
        QVERIFY2(
            out.contains(QStringLiteral("usually the key belongs to another certificate")), qPrintable(out));

        out = refusedStart({QStringLiteral("--tls-cert"), m_cert}, &code);
        QCOMPARE(code, 2);
        QVERIFY2(out.contains(QLatin1String("--tls-cert needs --tls-key")), qPrintable(out));
        QVERIFY(!QFile::exists(path(QStringLiteral("refused/dockhand-server.db"))));
    }
};

QTEST_GUILESS_MAIN(TestHttps)
#include "tst_https.moc"
