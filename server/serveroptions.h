#pragma once

#include "access/sitesetup.h"
#include "expected.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace dockhand::server {

// Where the server keeps its data. SQLite is the embedded default; PostgreSQL is the fleet
// setup (issue 4). Parsing both now keeps the command line stable when the dialect arrives.
struct DatabaseLocation
{
    enum class Kind {
        Sqlite, // a file path
        PostgreSql, // a postgresql:// URL
    };
    Kind kind = Kind::Sqlite;
    QString sqlitePath; // absolute, for Kind::Sqlite
    QString url; // as given, for Kind::PostgreSql

    // Accepts "postgresql://..." / "postgres://..." as PostgreSQL, anything else as a file path
    // (relative paths are taken from the working folder).
    static Expected<DatabaseLocation> parse(const QString &text);
    // For logs and the health answer: never prints a password.
    QString describe() const;
};

struct ServerOptions
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    QString listenText = QStringLiteral("127.0.0.1"); // as the user wrote it, for the banner
    quint16 port = 8765; // 0 = let the system pick a free port
    QString dataDir; // absolute
    bool dataDirUsed = true; // false when --database points elsewhere
    DatabaseLocation database;
    bool demo = false;
    bool quiet = false;
    QStringList enrolmentCodes; // accepted by POST /v1/enrol
    double rate = 20; // requests per second per device / operator
    int burst = 40;
    double loginRate = 1; // POST /v1/enrol + /v1/login per second per client address
    int loginBurst = 30;
    // Database connections answering requests at once (RequestWorkers::planFor).
    int workers = 4;
    // HTTPS: PEM certificate (chain) and private key files; both empty = plain HTTP.
    QString tlsCertificate;
    QString tlsKey;

    // What the process should do instead of serving, and exit: show help or the version, set up a new
    // site (`dockhand-server init`), or import one master-data file (`dockhand-server import`).
    enum class Action { Serve, ShowHelp, ShowVersion, InitSite, Import };
    Action action = Action::Serve;
    FirstAdministrator firstAdmin; // InitSite; its PIN is empty when one is to be generated
    bool pinGenerated = false; // InitSite: --admin-pin was not given
    QString importKind; // Import: "products", "locations", ... (masterdata.h)
    QString importFile; // Import: the file, CSV or JSON
    bool dryRun = false; // Import: report what the import would do and change nothing
    QString helpText;
};

// Parses the command line (argv[0] first). Errors are one line a user can act on.
Expected<ServerOptions> parseServerOptions(const QStringList &arguments);

} // namespace dockhand::server
