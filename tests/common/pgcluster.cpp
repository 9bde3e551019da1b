#include "pgcluster.h"

#include "toolrunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>

#include <unistd.h>

namespace dockhand::testing {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString shellQuoted(const QString &arg)
{
    QString escaped = arg;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

PgCluster::~PgCluster()
{
    stop();
}

QString PgCluster::binDir()
{
    for (const char *version : {"17", "16", "15", "14", "13"}) {
        const QString dir = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(QLatin1String(version));
        if (QFileInfo::exists(dir + QStringLiteral("/initdb"))
            && QFileInfo::exists(dir + QStringLiteral("/pg_ctl")))
            return dir;
    }
    return {};
}

QString PgCluster::notInstalledMessage()
{
    return QStringLiteral(
        "PostgreSQL's server binaries (initdb, pg_ctl) are not in /usr/lib/postgresql/*/bin: "
        "install the Debian package 'postgresql' (scripts/install-deps.sh test installs it)");
}

bool PgCluster::pg(const QString &tool, const QStringList &args, QString *output) const
{
    ToolOptions options;
    options.mergeChannels = true;
    const QString program = m_bin + QLatin1Char('/') + tool;
    ToolResult result;
    if (m_asPostgres) {
        QStringList words {shellQuoted(program)};
        for (const QString &a : args)
            words.append(shellQuoted(a));
        result = runTool(QStringLiteral("su"),
            {QStringLiteral("postgres"), QStringLiteral("-s"), QStringLiteral("/bin/sh"),
                QStringLiteral("-c"), words.join(QLatin1Char(' '))},
            options);
    } else {
        result = runTool(program, args, options);
    }
    *output = result.ok() ? result.output() : result.describe();
    return result.ok();
}

bool PgCluster::start(const QString &parentDir, QString *error, const QStringList &settings)
{
    stop();
    m_bin = binDir();
    if (m_bin.isEmpty()) {
        *error = notInstalledMessage();
        return false;
    }
    m_dir = QDir(parentDir).filePath(QStringLiteral("pg"));
    if (!QDir().mkpath(m_dir)) {
        *error = QStringLiteral("cannot create %1").arg(m_dir);
        return false;
    }
    m_asPostgres = ::geteuid() == 0;
    if (m_asPostgres) {
        // The cluster's folder belongs to postgres, and postgres may enter the folder above it.
        const ToolResult chown
            = runTool(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres"), m_dir});
        if (!chown.ok()) {
            *error = chown.describe();
            return false;
        }
        QFile::setPermissions(parentDir,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    }
    QString output;
    if (!pg(QStringLiteral("initdb"),
            {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-A"),
                QStringLiteral("trust"), QStringLiteral("-U"), QStringLiteral("postgres")},
            &output)) {
        *error = QStringLiteral("cannot create a private PostgreSQL cluster: ") + output;
        return false;
    }
    m_port = freePort();
    QString options = QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2").arg(m_port).arg(m_dir);
    for (const QString &setting : settings)
        options += QStringLiteral(" -c ") + setting;
    if (!pg(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-l"),
                m_dir + QStringLiteral("/log"), QStringLiteral("-w"), QStringLiteral("-o"), options,
                QStringLiteral("start")},
            &output)) {
        *error = QStringLiteral("cannot start the private PostgreSQL cluster: ") + output;
        return false;
    }
    m_up = true;
    return true;
}

void PgCluster::stop()
{
    if (!m_up)
        return;
    QString output;
    pg(QStringLiteral("pg_ctl"),
        {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-m"), QStringLiteral("fast"),
            QStringLiteral("-w"), QStringLiteral("stop")},
        &output);
    m_up = false;
}

QString PgCluster::url(const QString &database) const
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

} // namespace dockhand::testing
