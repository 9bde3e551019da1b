#pragma once

// A private, throwaway PostgreSQL cluster for tests and benchmarks: initdb into a folder of the
// caller's, then pg_ctl start on a free loopback port with trust authentication for user
// postgres. Uses PostgreSQL's server binaries from /usr/lib/postgresql/<version>/bin (Debian
// package postgresql); when we are root they run as the postgres user (initdb refuses root).

#include <QString>
#include <QStringList>

namespace dockhand::testing {

class PgCluster
{
public:
    PgCluster() = default;
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // The folder holding initdb and pg_ctl (newest version first), or empty.
    static QString binDir();
    // What to do when binDir() is empty: names the package and the install command.
    static QString notInstalledMessage();

    // Creates the cluster in `parentDir`/pg and starts it. `settings` are extra server settings
    // ("max_connections=50"). False with the reason in `error`.
    bool start(const QString &parentDir, QString *error, const QStringList &settings = {});
    void stop(); // fast shutdown; also from the destructor
    bool isRunning() const { return m_up; }

    quint16 port() const { return m_port; }
    // postgresql://postgres@127.0.0.1:PORT/DATABASE, as dockhand-server's --database takes it.
    QString url(const QString &database = QStringLiteral("postgres")) const;

private:
    bool pg(const QString &tool, const QStringList &args, QString *output) const;

    QString m_bin;
    QString m_dir;
    bool m_asPostgres = false;
    quint16 m_port = 0;
    bool m_up = false;
};

} // namespace dockhand::testing
