#include "dockhandserver.h"

#include "access/sitesetup.h"
#include "http/api.h"
#include "http/httpfrontend.h"
#include "http/requestworkers.h"
#include "masterdata/masterdata.h"
#include "serverstore.h"
#include "warehousedata.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <optional>

Q_LOGGING_CATEGORY(lcServer, "dockhand.server.core")

namespace dockhand::server {

namespace {

Expected<QByteArray> readPem(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.exists())
        return Error {QStringLiteral("the TLS %1 file %2 does not exist").arg(what, path)};
    if (!file.open(QIODevice::ReadOnly))
        return Error {
            QStringLiteral("cannot read the TLS %1 file %2: %3").arg(what, path, file.errorString())};
    const QByteArray pem = file.read(1024 * 1024);
    if (pem.trimmed().isEmpty())
        return Error {QStringLiteral("the TLS %1 file %2 is empty").arg(what, path)};
    return pem;
}

// The server's certificate (chain) and key for --tls-cert / --tls-key, checked before anything
// else starts so a wrong file is one clear line instead of failed handshakes later.
Expected<QSslConfiguration> loadTls(const QString &certificatePath, const QString &keyPath)
{
    if (!QSslSocket::supportsSsl())
        return Error {QStringLiteral("HTTPS is not available: Qt found no TLS library (%1)")
                          .arg(QSslSocket::sslLibraryBuildVersionString())};
    auto certificatePem = readPem(certificatePath, QStringLiteral("certificate"));
    if (!certificatePem)
        return Error {certificatePem.error()};
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem.value(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error {QStringLiteral("%1 holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)")
                          .arg(certificatePath)};
    const QSslCertificate &certificate = chain.first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (certificate.expiryDate() < now)
        return Error {QStringLiteral("the certificate in %1 expired on %2; make a new one")
                          .arg(certificatePath, certificate.expiryDate().toString(Qt::ISODate))};
    if (certificate.effectiveDate() > now)
        return Error {QStringLiteral("the certificate in %1 is valid only from %2 (check the clock)")
                          .arg(certificatePath, certificate.effectiveDate().toString(Qt::ISODate))};

    auto keyPem = readPem(keyPath, QStringLiteral("key"));
    if (!keyPem)
        return Error {keyPem.error()};
    if (keyPem->contains("ENCRYPTED"))
        return Error {
            QStringLiteral("the private key in %1 is password-protected; store it without a "
                           "password (openssl pkey -in KEY -out PLAIN) and protect the file instead")
                .arg(keyPath)};
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem.value(), algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Error {QStringLiteral("%1 holds no PEM private key (RSA or EC, expected -----BEGIN PRIVATE "
                                     "KEY-----)")
                          .arg(keyPath)};
    const auto algorithmName = [](QSsl::KeyAlgorithm a) {
        return a == QSsl::Rsa ? QStringLiteral("RSA")
            : a == QSsl::Ec   ? QStringLiteral("EC")
            : a == QSsl::Dsa  ? QStringLiteral("DSA")
                              : QStringLiteral("unknown");
    };
    if (key.algorithm() != certificate.publicKey().algorithm())
        return Error {
            QStringLiteral("the private key in %1 does not belong to the certificate in %2 (key type %3, "
                           "certificate type %4)")
                .arg(keyPath, certificatePath, algorithmName(key.algorithm()),
                    algorithmName(certificate.publicKey().algorithm()))};

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // devices authenticate with tokens

    // Qt cannot tell whether a key belongs to a certificate without a handshake: make one on
    // loopback, so a mixed-up key file stops the start instead of failing every device later.
    QSslServer probe;
    probe.setSslConfiguration(configuration);
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return Error {QStringLiteral("cannot check the TLS certificate: %1").arg(probe.errorString())};
    QString serverError;
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    QObject::connect(
        &probe, &QSslServer::errorOccurred, &loop, [&](QSslSocket *socket, QAbstractSocket::SocketError) {
            serverError = socket->errorString();
            loop.quit();
        });
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    QObject::connect(&client, &QSslSocket::encrypted, &loop, &QEventLoop::quit);
    QObject::connect(&client, &QSslSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError) {
        QTimer::singleShot(200, &loop, &QEventLoop::quit); // the server's reason is the better one
    });
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), probe.serverPort());
    loop.exec();
    if (!client.isEncrypted()) {
        QString reason = (serverError.isEmpty() ? client.errorString() : serverError).trimmed();
        while (reason.endsWith(QLatin1Char(':')))
            reason.chop(1);
        return Error {
            QStringLiteral("a test TLS handshake with the certificate in %1 and the key in %2 fails "
                           "(%3); usually the key belongs to another certificate")
                .arg(certificatePath, keyPath, reason)};
    }
    client.abort();
    return configuration;
}

Expected<void> prepareDataDir(const ServerOptions &options)
{
    if (options.dataDirUsed) {
        if (!QDir().mkpath(options.dataDir))
            return Error {QStringLiteral("cannot create the data folder %1").arg(options.dataDir)};
        if (!QFileInfo(options.dataDir).isWritable())
            return Error {QStringLiteral("the data folder %1 is not writable").arg(options.dataDir)};
    }
    return {};
}

} // namespace

Expected<FirstAdministrator> DockhandServer::setUpSite(const ServerOptions &options)
{
    FirstAdministrator admin = options.firstAdmin;
    if (options.pinGenerated)
        admin.pin = generatePin();
    // Checked before the database is created, so a typo leaves no empty database behind.
    if (const QString bad = checkFirstAdministrator(admin); !bad.isEmpty())
        return Error {bad};
    if (auto ready = prepareDataDir(options); !ready)
        return Error {ready.error()};
    auto store = ServerStore::open(options.database, QStringLiteral("dockhand-server-init"));
    if (!store)
        return Error {store.error()};
    if (auto created = createFirstAdministrator(store.value()->database(), store.value()->changeLog(), admin);
        !created)
        return Error {created.error()};
    return admin;
}

Expected<ImportReport> DockhandServer::importFile(const ServerOptions &options)
{
    const auto kind = masterDataKind(options.importKind);
    if (!kind) {
        QStringList names;
        for (const MasterDataKind k : masterDataKinds())
            names.append(masterDataKindName(k));
        return Error {QStringLiteral("there is no master data called '%1'; the kinds are %2")
                          .arg(options.importKind.left(40), names.join(QLatin1String(", ")))};
    }
    QFile file(options.importFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("cannot read %1: %2").arg(options.importFile, file.errorString())};
    if (file.size() > Api::kMaxImportBytes)
        return Error {QStringLiteral("%1 is %2 bytes; an import file is at most %3 bytes (%4 MiB): split it")
                          .arg(options.importFile)
                          .arg(file.size())
                          .arg(Api::kMaxImportBytes)
                          .arg(Api::kMaxImportBytes / (1024 * 1024))};
    const QByteArray body = file.readAll();
    const QString suffix = QFileInfo(options.importFile).suffix().toLower();
    const QByteArray start = body.trimmed().left(1);
    const bool json = suffix == QLatin1String("json")
        || (suffix != QLatin1String("csv") && suffix != QLatin1String("tsv") && suffix != QLatin1String("txt")
            && (start == "[" || start == "{"));
    const MasterDataFile parsed = parseMasterData(*kind, body, json ? TableFormat::Json : TableFormat::Csv);
    if (!parsed.error.isEmpty())
        return Error {QStringLiteral("%1: %2").arg(options.importFile, parsed.error)};
    if (auto ready = prepareDataDir(options); !ready)
        return Error {ready.error()};
    auto store = ServerStore::open(options.database, QStringLiteral("dockhand-server-import"));
    if (!store)
        return Error {store.error()};
    return store.value()->masterDataStore().import(
        parsed, options.dryRun, QStringLiteral("dockhand-server import"));
}

DockhandServer::DockhandServer(QObject *parent) : QObject(parent) { }

DockhandServer::~DockhandServer()
{
    stop();
}

Expected<quint16> DockhandServer::start(const ServerOptions &options)
{
    if (m_store)
        return Error {QStringLiteral("the server is already running")};

    std::optional<QSslConfiguration> tls;
    if (!options.tlsCertificate.isEmpty()) {
        auto loaded = loadTls(options.tlsCertificate, options.tlsKey);
        if (!loaded)
            return Error {loaded.error()};
        tls = loaded.value();
    }

    if (auto ready = prepareDataDir(options); !ready)
        return Error {ready.error()};

    auto store = ServerStore::open(options.database);
    if (!store)
        return Error {store.error()};
    m_store = std::move(store.value());

    if (options.demo) {
        auto demo = WarehouseData::demo();
        if (!demo) {
            stop();
            return Error {demo.error()};
        }
        auto seeded = m_store->seedIfEmpty(demo.value());
        if (!seeded) {
            stop();
            return Error {seeded.error()};
        }
        if (seeded.value())
            qCInfo(lcServer) << "demo warehouse loaded";
        else
            qCInfo(lcServer) << "database already holds warehouse data; demo not loaded again";
    }

    if (auto admin = hasAdministrator(m_store->database()); admin && !admin.value())
        qCWarning(lcServer).noquote() << firstAdministratorHint();

    for (const QString &code : options.enrolmentCodes) {
        if (auto added = m_store->addEnrolmentCode(code); !added) {
            stop();
            return Error {QStringLiteral("cannot store the enrolment code: %1").arg(added.error())};
        }
    }

    m_api = std::make_unique<Api>(
        m_store.get(), ApiLimits {options.rate, options.burst, options.loginRate, options.loginBurst});
    auto workers
        = RequestWorkers::start(options.database, RequestWorkers::planFor(options.database, options.workers));
    if (!workers) {
        stop();
        return Error {workers.error()};
    }
    m_workers = std::move(workers.value());
    m_frontend = new HttpFrontend(m_api.get(), m_workers.get(), this);

    // Our own QTcpServer so a failure to listen has a real reason ("address already in use").
    QTcpServer *tcp = nullptr;
    if (tls) {
        auto *ssl = new QSslServer(m_frontend);
        ssl->setSslConfiguration(*tls);
        connect(ssl, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qCDebug(lcServer).noquote() << "TLS connection from" << socket->peerAddress().toString()
                                        << "failed:" << socket->errorString();
        });
        connect(ssl, &QSslServer::startedEncryptionHandshake, this, &HttpFrontend::tuneConnection);
        tcp = ssl;
    } else {
        tcp = new TunedTcpServer(m_frontend);
    }
    if (!tcp->listen(options.listenAddress, options.port)) {
        const QString reason = tcp->errorString();
        stop();
        return Error {QStringLiteral("cannot listen on %1:%2: %3")
                          .arg(options.listenText)
                          .arg(options.port)
                          .arg(reason)};
    }
    m_frontend->bind(tcp);
    qCInfo(lcServer).noquote() << "serving" << m_store->dialectName() << "database" << m_store->describe()
                               << "at schema version" << m_store->schemaVersion();
    return tcp->serverPort();
}

void DockhandServer::stop()
{
    // Stop listening first, so no request arrives while the database closes; then let the
    // workers finish what they were given (their answers go nowhere once the sockets go), then
    // close the sockets.
    if (m_frontend) {
        for (QTcpServer *listener : m_frontend->servers())
            listener->close();
    }
    m_workers.reset();
    delete m_frontend;
    m_frontend = nullptr;
    m_api.reset();
    if (m_store) {
        m_store.reset();
        qCInfo(lcServer) << "database closed";
    }
}

} // namespace dockhand::server
