#include "serveroptions.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace dockhand::server {

Expected<DatabaseLocation> DatabaseLocation::parse(const QString &text)
{
    DatabaseLocation location;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error {QStringLiteral("--database must not be empty")};
    if (trimmed.startsWith(QLatin1String("postgresql://"))
        || trimmed.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(trimmed);
        if (!url.isValid() || url.host().isEmpty())
            return Error {QStringLiteral("--database: '%1' is not a valid PostgreSQL URL "
                                         "(expected postgresql://user:password@host:port/dbname)")
                              .arg(QUrl(trimmed).toDisplayString(QUrl::RemovePassword))};
        location.kind = Kind::PostgreSql;
        location.url = trimmed;
        return location;
    }
    if (trimmed.contains(QLatin1String("://")))
        return Error {
            QStringLiteral("--database: unsupported URL scheme in '%1' (use a file path or postgresql://)")
                .arg(trimmed.left(200))};
    location.kind = Kind::Sqlite;
    location.sqlitePath = QFileInfo(trimmed).absoluteFilePath();
    return location;
}

QString DatabaseLocation::describe() const
{
    if (kind == Kind::PostgreSql)
        return QUrl(url).toDisplayString(QUrl::RemovePassword);
    return sqlitePath;
}

Expected<ServerOptions> parseServerOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "dockhand-server: the central order server the Dockhand devices sync with.\n"
        "Stores scan events exactly once, serves orders, products and locations as JSON.\n"
        "Prints one line 'dockhand-server listening on http://ADDR:PORT' (https:// with --tls-cert) to "
        "stdout when ready."));
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")},
        QStringLiteral("Show this help and exit."));
    const QCommandLineOption version(QStringList {QStringLiteral("v"), QStringLiteral("version")},
        QStringLiteral("Show the version and exit."));
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address to listen on (default 127.0.0.1; 0.0.0.0 for all)."), QStringLiteral("ADDR"),
        QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
        QStringLiteral("TCP port (default 8765; 0 picks a free port and prints it)."), QStringLiteral("N"),
        QStringLiteral("8765"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QStringLiteral("Folder for the default database file (default ./data)."), QStringLiteral("DIR"),
        QStringLiteral("data"));
    const QCommandLineOption database(QStringLiteral("database"),
        QStringLiteral(
            "SQLite file path, or postgresql://user:pass@host:port/db (several servers may share one). "
            "Default: DIR/dockhand-server.db."),
        QStringLiteral("PATH_OR_URL"));
    const QCommandLineOption demo(QStringLiteral("demo"),
        QStringLiteral("Load the demo warehouse (locations, products, stock, operators, "
                       "20 orders) if the database holds no warehouse data yet."));
    const QCommandLineOption quiet(
        QStringLiteral("quiet"), QStringLiteral("Log only warnings and errors (stderr)."));
    const QCommandLineOption enrolmentCode(QStringLiteral("enrolment-code"),
        QStringLiteral("Accept CODE in POST /v1/enrol (repeatable). --demo adds the code DEMO."),
        QStringLiteral("CODE"));
    const QCommandLineOption rate(QStringLiteral("rate"),
        QStringLiteral("Requests per second each device or operator may make (default 20)."),
        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption burst(QStringLiteral("burst"),
        QStringLiteral("Requests a device or operator may make at once above the rate (default 40)."),
        QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption loginRate(QStringLiteral("login-rate"),
        QStringLiteral("Enrolment and login requests per second each client address may make (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption loginBurst(QStringLiteral("login-burst"),
        QStringLiteral("Enrolment and login requests a client address may make at once (default 30)."),
        QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption workers(QStringLiteral("workers"),
        QStringLiteral("Database connections answering requests at once (default 4): half of them "
                       "answer reads, the rest writes (one writes on SQLite). 1 answers one request at "
                       "a time."),
        QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
        QStringLiteral("Serve HTTPS with this PEM certificate (the server's first, then any "
                       "intermediates). Needs --tls-key."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
        QStringLiteral("The PEM private key (RSA or EC, not password-protected) of --tls-cert."),
        QStringLiteral("FILE"));
    const QCommandLineOption adminBadge(QStringLiteral("admin-badge"),
        QStringLiteral("init: the first administrator's badge (what its barcode holds)."),
        QStringLiteral("BADGE"));
    const QCommandLineOption adminName(QStringLiteral("admin-name"),
        QStringLiteral("init: the administrator's name."), QStringLiteral("NAME"));
    const QCommandLineOption adminPin(QStringLiteral("admin-pin"),
        QStringLiteral("init: their PIN, 4 to 12 digits (default: 6 random digits, printed once)."),
        QStringLiteral("PIN"));
    const QCommandLineOption siteName(
        QStringLiteral("site-name"), QStringLiteral("init: the site's name."), QStringLiteral("NAME"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
        QStringLiteral("import: check the file and report what it would change, changing nothing."));
    parser.addOptions(
        {help, version, listen, port, dataDir, database, demo, quiet, enrolmentCode, rate, burst, loginRate,
            loginBurst, workers, tlsCert, tlsKey, adminBadge, adminName, adminPin, siteName, dryRun});
    parser.addPositionalArgument(QStringLiteral("init"),
        QStringLiteral("Set up a new site in the database (--data-dir or --database): its first "
                       "administrator (--admin-badge, --admin-name, --admin-pin) and --site-name; prints "
                       "the PIN once and exits. Refused when the site has an administrator."),
        QStringLiteral("[init]"));
    parser.addPositionalArgument(QStringLiteral("import"),
        QStringLiteral("import KIND FILE: load one master-data file (CSV or JSON; KIND is products, "
                       "locations, stock, operators, carton-types or totes) into the database, all or "
                       "nothing; --dry-run reports without changing anything. See docs/server.md."),
        QStringLiteral("[import KIND FILE]"));

    if (!parser.parse(arguments))
        return Error {parser.errorText()};
    const QStringList positional = parser.positionalArguments();
    const bool init = !positional.isEmpty() && positional.first() == QLatin1String("init");
    const bool import = !positional.isEmpty() && positional.first() == QLatin1String("import");
    if (import && positional.size() != 3)
        return Error {QStringLiteral("import needs the kind and the file: dockhand-server import KIND FILE "
                                     "(KIND: products, locations, stock, operators, carton-types, totes)")};
    if (!import && positional.size() > (init ? 1 : 0))
        return Error {
            QStringLiteral("unexpected argument '%1' (see --help)").arg(positional.at(init ? 1 : 0))};
    if (!import && parser.isSet(dryRun))
        return Error {QStringLiteral("--dry-run is for 'dockhand-server import'")};
    if (!init)
        for (const QCommandLineOption *only : {&adminBadge, &adminName, &adminPin, &siteName})
            if (parser.isSet(*only))
                return Error {
                    QStringLiteral("--%1 is for 'dockhand-server init'").arg(only->names().first())};

    ServerOptions options;
    options.helpText = parser.helpText();
    if (parser.isSet(help)) {
        options.action = ServerOptions::Action::ShowHelp;
        return options;
    }
    if (parser.isSet(version)) {
        options.action = ServerOptions::Action::ShowVersion;
        return options;
    }
    if (init) {
        options.action = ServerOptions::Action::InitSite;
        options.firstAdmin = {parser.value(adminBadge).trimmed(), parser.value(adminName).trimmed(),
            parser.value(adminPin).trimmed(), parser.value(siteName).trimmed()};
        options.pinGenerated = !parser.isSet(adminPin);
    }
    if (import) {
        options.action = ServerOptions::Action::Import;
        options.importKind = positional.at(1);
        options.importFile = positional.at(2);
        options.dryRun = parser.isSet(dryRun);
    }

    options.listenText = parser.value(listen).trimmed();
    if (options.listenText == QLatin1String("localhost"))
        options.listenText = QStringLiteral("127.0.0.1");
    if (!options.listenAddress.setAddress(options.listenText))
        return Error {QStringLiteral("--listen: '%1' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0)")
                          .arg(options.listenText.left(100))};

    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return Error {
            QStringLiteral("--port: '%1' is not a port number (0-65535)").arg(parser.value(port).left(20))};
    options.port = quint16(portNumber);

    options.dataDir = QDir(parser.value(dataDir)).absolutePath();
    options.demo = parser.isSet(demo);
    options.quiet = parser.isSet(quiet);
    for (const QString &code : parser.values(enrolmentCode)) {
        if (code.trimmed().isEmpty() || code.size() > 128)
            return Error {QStringLiteral("--enrolment-code: a code must be 1 to 128 characters")};
        options.enrolmentCodes.append(code.trimmed());
    }
    if (options.demo && !options.enrolmentCodes.contains(QLatin1String("DEMO")))
        options.enrolmentCodes.append(QStringLiteral("DEMO"));
    const double rateValue = parser.value(rate).toDouble(&ok);
    if (!ok || rateValue <= 0 || rateValue > 1e6)
        return Error {QStringLiteral("--rate: '%1' is not a positive number of requests per second")
                          .arg(parser.value(rate).left(20))};
    options.rate = rateValue;
    const int burstValue = parser.value(burst).toInt(&ok);
    if (!ok || burstValue < 1 || burstValue > 1000000)
        return Error {QStringLiteral("--burst: '%1' is not a whole number from 1 to 1000000")
                          .arg(parser.value(burst).left(20))};
    options.burst = burstValue;
    const int workersValue = parser.value(workers).toInt(&ok);
    if (!ok || workersValue < 1 || workersValue > 64)
        return Error {QStringLiteral("--workers: '%1' is not a whole number from 1 to 64")
                          .arg(parser.value(workers).left(20))};
    options.workers = workersValue;
    const double loginRateValue = parser.value(loginRate).toDouble(&ok);
    if (!ok || loginRateValue <= 0 || loginRateValue > 1e6)
        return Error {QStringLiteral("--login-rate: '%1' is not a positive number of requests per second")
                          .arg(parser.value(loginRate).left(20))};
    options.loginRate = loginRateValue;
    const int loginBurstValue = parser.value(loginBurst).toInt(&ok);
    if (!ok || loginBurstValue < 1 || loginBurstValue > 1000000)
        return Error {QStringLiteral("--login-burst: '%1' is not a whole number from 1 to 1000000")
                          .arg(parser.value(loginBurst).left(20))};
    options.loginBurst = loginBurstValue;

    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return Error {parser.isSet(tlsCert)
                ? QStringLiteral("--tls-cert needs --tls-key (the certificate's private key)")
                : QStringLiteral("--tls-key needs --tls-cert (the certificate it belongs to)")};
    if (parser.isSet(tlsCert)) {
        if (parser.value(tlsCert).trimmed().isEmpty() || parser.value(tlsKey).trimmed().isEmpty())
            return Error {QStringLiteral("--tls-cert and --tls-key must name files")};
        options.tlsCertificate = QFileInfo(parser.value(tlsCert)).absoluteFilePath();
        options.tlsKey = QFileInfo(parser.value(tlsKey)).absoluteFilePath();
    }

    if (parser.isSet(database)) {
        auto location = DatabaseLocation::parse(parser.value(database));
        if (!location)
            return Error {location.error()};
        options.database = location.value();
        options.dataDirUsed = false;
    } else {
        options.database.kind = DatabaseLocation::Kind::Sqlite;
        options.database.sqlitePath = QDir(options.dataDir).filePath(QStringLiteral("dockhand-server.db"));
    }
    return options;
}

} // namespace dockhand::server
