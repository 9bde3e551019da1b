#include "localstore.h"

#include "faults.h"
#include "sqlconnection.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>

#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "dockhand.sync.store")

namespace dockhand {

namespace {

// Numbered migrations: entry i brings the schema from version i to i + 1.
// Never edit a released entry; append a new one.
const char *const kMigrations[] = {
    // 0 -> 1: the scan-event queue (outbox) and device settings.
    "CREATE TABLE device_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE scan_events ("
    "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  id TEXT NOT NULL UNIQUE,"
    "  device TEXT NOT NULL,"
    "  operator TEXT NOT NULL DEFAULT '',"
    "  task TEXT NOT NULL DEFAULT '',"
    "  step TEXT NOT NULL,"
    "  raw TEXT NOT NULL,"
    "  aim TEXT NOT NULL DEFAULT '',"
    "  source TEXT NOT NULL DEFAULT '',"
    "  kind TEXT NOT NULL DEFAULT '',"
    "  fields TEXT NOT NULL DEFAULT '{}',"
    "  result TEXT NOT NULL,"
    "  reason TEXT NOT NULL DEFAULT '',"
    "  device_time TEXT NOT NULL,"
    "  state INTEGER NOT NULL DEFAULT 0,"
    "  server_reason TEXT NOT NULL DEFAULT '',"
    "  acked_at TEXT"
    ");"
    "CREATE INDEX scan_events_pending ON scan_events (state, seq);",
    // 1 -> 2: the device cache (what GET /v1/sync downloads), one row per entity as JSON. The
    // tote column indexes orders by the tote they were picked into.
    "CREATE TABLE cache_entities ("
    "  type TEXT NOT NULL,"
    "  key TEXT NOT NULL,"
    "  data TEXT NOT NULL,"
    "  tote TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (type, key)"
    ");"
    "CREATE INDEX cache_entities_tote ON cache_entities (type, tote);",
    // 2 -> 3: a task's own events, read back to resume a batch after a restart.
    "CREATE INDEX scan_events_task ON scan_events (task, seq);",
};
static_assert(std::size(kMigrations) == LocalStore::kSchemaVersion);

// Runs PRAGMA integrity_check on a file without keeping it open. True when the file is fine
// or is not a database yet (empty / new).
bool passesIntegrityCheck(const QString &path, QString *detail)
{
    const QFileInfo info(path);
    if (!info.exists() || info.size() == 0)
        return true;
    const QString name = QStringLiteral("dockhand-integrity-%1").arg(quintptr(&path));
    bool fine = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next()) {
                const QString answer = q.value(0).toString();
                fine = answer == QLatin1String("ok");
                if (!fine && detail)
                    *detail = answer.simplified().left(300);
            } else if (detail) {
                *detail = q.lastError().text();
            }
        } else if (detail) {
            *detail = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return fine;
}

} // namespace

Expected<void> LocalStore::writePoint()
{
    if (faults::pass(faults::kDeviceWrite)) {
        return Error {
            QStringLiteral("the device storage failed to read or write (I/O error, injected fault %1)")
                .arg(faults::passes(faults::kDeviceWrite))};
    }
    return {};
}

bool LocalStore::execWrite(QSqlQuery *query, QString *error)
{
    if (auto point = writePoint(); !point) {
        if (error)
            *error = point.error();
        return false;
    }
    if (!query->exec()) {
        if (error)
            *error = describeSqlError(query->lastError());
        return false;
    }
    return true;
}

bool LocalStore::execWrite(const QString &sql, QString *error)
{
    if (auto point = writePoint(); !point) {
        if (error)
            *error = point.error();
        return false;
    }
    if (auto done = m_connection.exec(sql); !done) {
        if (error)
            *error = done.error();
        return false;
    }
    return true;
}

QString LocalStore::meta(const QString &key)
{
    QString error;
    QSqlQuery *q = prepared(QStringLiteral("SELECT value FROM device_meta WHERE key = ?"), &error);
    if (!q)
        return {};
    q->bindValue(0, key);
    QString value;
    if (q->exec() && q->next())
        value = q->value(0).toString();
    q->finish();
    return value;
}

Expected<void> LocalStore::setMeta(const QString &key, const QString &value)
{
    QString error;
    QSqlQuery *q = value.isEmpty()
        ? prepared(QStringLiteral("DELETE FROM device_meta WHERE key = ?"), &error)
        : prepared(QStringLiteral("INSERT OR REPLACE INTO device_meta (key, value) VALUES (?, ?)"), &error);
    if (!q)
        return Error {error};
    q->bindValue(0, key);
    if (!value.isEmpty())
        q->bindValue(1, value);
    const bool fine = execWrite(q, &error);
    q->finish();
    if (!fine)
        return Error {error};
    return {};
}

Expected<void> LocalStore::createAtVersion(const QString &path, int version)
{
    if (version < 0 || version > kSchemaVersion)
        return Error {QStringLiteral("no schema version %1").arg(version)};
    sql::Connection connection(
        QStringLiteral("dockhand-create-%1").arg(quintptr(&path)), sql::Storage::Device);
    if (auto opened = connection.openSqlite(path, {}); !opened)
        return opened;
    for (int v = 0; v < version; ++v) {
        const auto statements
            = QString::fromLatin1(kMigrations[v]).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const auto &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (auto done = connection.exec(statement); !done)
                return done;
        }
    }
    return connection.exec(QStringLiteral("PRAGMA user_version=%1").arg(version));
}

QString describeSqlError(const QSqlError &error)
{
    return sql::describeError(error, sql::Storage::Device);
}

LocalStore::LocalStore(QString path, const QString &connectionName)
    : m_path(std::move(path)), m_connection(connectionName, sql::Storage::Device)
{ }

LocalStore::~LocalStore() = default;

Expected<std::unique_ptr<LocalStore>> LocalStore::open(
    const QString &path, const QString &connectionName, OpenReport *report)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists() && !QDir().mkpath(dir.absolutePath()))
        return Error {QStringLiteral("Cannot create the data folder %1").arg(dir.absolutePath())};
    const QFileInfo dirInfo(dir.absolutePath());
    if (!dirInfo.isWritable())
        return Error {QStringLiteral("The data folder %1 is not writable").arg(dir.absolutePath())};

    QString detail;
    if (!passesIntegrityCheck(path, &detail)) {
        const QString aside
            = QStringLiteral("%1.damaged-%2")
                  .arg(path, QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        bool moved = QFile::rename(path, aside);
        for (const char *suffix : {"-wal", "-shm"}) {
            const QString extra = path + QLatin1String(suffix);
            if (QFile::exists(extra))
                moved = QFile::rename(extra, aside + QLatin1String(suffix)) && moved;
        }
        if (!moved)
            return Error {QStringLiteral("The scan queue %1 is damaged (%2) and could not be moved aside")
                              .arg(path, detail)};
        const QString message
            = QStringLiteral("The scan queue was damaged (%1). It was kept as %2 for recovery; "
                             "a new queue was started. Tell your supervisor.")
                  .arg(detail, aside);
        qCCritical(lcStore).noquote() << message;
        if (report) {
            report->movedAsideTo = aside;
            report->message = message;
        }
    }

    // WAL lets the sync thread read while the UI thread commits scans; synchronous=FULL makes
    // every committed scan survive a power cut, which is the promise the green banner makes.
    std::unique_ptr<LocalStore> store(new LocalStore(path, connectionName));
    if (auto opened = store->m_connection.openSqlite(path,
            {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
                QStringLiteral("PRAGMA foreign_keys=ON")});
        !opened)
        return Error {QStringLiteral("Cannot open the scan queue %1: %2").arg(path, opened.error())};
    if (auto migrated = store->migrate(); !migrated)
        return Error {migrated.error()};
    return store;
}

int LocalStore::schemaVersion()
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Expected<void> LocalStore::migrate()
{
    int version = schemaVersion();
    if (version < 0)
        return Error {QStringLiteral("Cannot read the schema version of %1").arg(m_path)};
    if (version > kSchemaVersion)
        return Error {QStringLiteral(
            "The scan queue %1 was written by a newer Dockhand (schema %2, this build knows %3)")
                          .arg(m_path)
                          .arg(version)
                          .arg(kSchemaVersion)};
    QSqlDatabase db = database();
    for (; version < kSchemaVersion; ++version) {
        QString error;
        if (auto began = m_connection.begin(); !began)
            return began;
        const auto statements
            = QString::fromLatin1(kMigrations[version]).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        bool fine = true;
        for (const auto &sql : statements) {
            if (!sql.trimmed().isEmpty() && !execWrite(sql, &error)) {
                fine = false;
                break;
            }
        }
        if (fine) {
            if (auto done = m_connection.exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1));
                !done) {
                error = done.error();
                fine = false;
            }
        }
        if (fine) {
            if (auto point = writePoint(); !point) {
                error = point.error();
                fine = false;
            }
        }
        if (!fine || !db.commit()) {
            db.rollback();
            return Error {QStringLiteral("Cannot upgrade the scan queue %1 to schema %2: %3")
                              .arg(m_path)
                              .arg(version + 1)
                              .arg(error.isEmpty() ? describeSqlError(db.lastError()) : error)};
        }
        qCInfo(lcStore) << "scan queue schema now at version" << version + 1;
    }
    return {};
}

QSqlQuery *LocalStore::prepared(const QString &sql, QString *error)
{
    auto query = m_connection.prepared(sql);
    if (!query) {
        if (error)
            *error = query.error();
        return nullptr;
    }
    return query.value();
}

Expected<void> LocalStore::begin()
{
    return m_connection.begin();
}

Expected<void> LocalStore::commit()
{
    if (auto point = writePoint(); !point) {
        m_connection.rollback();
        return point;
    }
    return m_connection.commit();
}

void LocalStore::rollback()
{
    m_connection.rollback();
}

} // namespace dockhand
