#include "localstore.h"

#include "faults.h"

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

// Not a fault-injection point by itself: pragmas on open are not writes of the store's data.
bool exec(QSqlDatabase db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        if (error)
            *error = describeSqlError(q.lastError());
        return false;
    }
    return true;
}

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
    return exec(database(), sql, error);
}

QString LocalStore::meta(const QString &key)
{
    QString error;
    QSqlQuery *q = prepared("meta", QStringLiteral("SELECT value FROM device_meta WHERE key = ?"), &error);
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
        ? prepared("meta-delete", QStringLiteral("DELETE FROM device_meta WHERE key = ?"), &error)
        : prepared("meta-set",
            QStringLiteral("INSERT OR REPLACE INTO device_meta (key, value) VALUES (?, ?)"), &error);
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
    const QString name = QStringLiteral("dockhand-create-%1").arg(quintptr(&path));
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = describeSqlError(db.lastError());
        } else {
            for (int v = 0; v < version && error.isEmpty(); ++v) {
                const auto statements
                    = QString::fromLatin1(kMigrations[v]).split(QLatin1Char(';'), Qt::SkipEmptyParts);
                for (const auto &sql : statements) {
                    QSqlQuery q(db);
                    if (!sql.trimmed().isEmpty() && !q.exec(sql)) {
                        error = describeSqlError(q.lastError());
                        break;
                    }
                }
            }
            QSqlQuery q(db);
            if (error.isEmpty() && !q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version)))
                error = describeSqlError(q.lastError());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!error.isEmpty())
        return Error {error};
    return {};
}

QString describeSqlError(const QSqlError &error)
{
    const QString native = error.nativeErrorCode();
    // SQLite primary result codes: 13 FULL, 8 READONLY, 5 BUSY, 10 IOERR, 11 CORRUPT, 14 CANTOPEN.
    const int code = native.toInt() & 0xff;
    switch (code) {
    case 13:
        return QStringLiteral("the device storage is full");
    case 8:
        return QStringLiteral("the device storage is read-only");
    case 5:
        return QStringLiteral("the database is busy (locked by another process)");
    case 10:
        return QStringLiteral("the device storage failed to read or write (I/O error)");
    case 11:
        return QStringLiteral("the database file is damaged");
    case 14:
        return QStringLiteral("the database file cannot be opened");
    default:
        break;
    }
    const QString text = error.text().trimmed();
    return text.isEmpty() ? QStringLiteral("unknown database error") : text;
}

LocalStore::LocalStore(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{ }

LocalStore::~LocalStore()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    {
        QSqlDatabase db = database();
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

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

    std::unique_ptr<LocalStore> store(new LocalStore(path, connectionName));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return Error {
            QStringLiteral("Cannot open the scan queue %1: %2").arg(path, describeSqlError(db.lastError()))};
    if (auto configured = store->configure(); !configured)
        return Error {configured.error()};
    if (auto migrated = store->migrate(); !migrated)
        return Error {migrated.error()};
    return store;
}

Expected<void> LocalStore::configure()
{
    QString error;
    QSqlDatabase db = database();
    // WAL lets the sync thread read while the UI thread commits scans; synchronous=FULL makes
    // every committed scan survive a power cut, which is the promise the green banner makes.
    for (const char *pragma :
        {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (!exec(db, QString::fromLatin1(pragma), &error))
            return Error {QStringLiteral("Cannot prepare the scan queue %1: %2").arg(m_path, error)};
    }
    return {};
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
        if (!db.transaction())
            return Error {describeSqlError(db.lastError())};
        const auto statements
            = QString::fromLatin1(kMigrations[version]).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        bool fine = true;
        for (const auto &sql : statements) {
            if (!sql.trimmed().isEmpty() && !execWrite(sql, &error)) {
                fine = false;
                break;
            }
        }
        if (fine)
            fine = exec(db, QStringLiteral("PRAGMA user_version=%1").arg(version + 1), &error);
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

QSqlQuery *LocalStore::prepared(const char *key, const QString &sql, QString *error)
{
    auto it = m_statements.constFind(QByteArray(key));
    if (it != m_statements.constEnd())
        return it.value();
    auto *query = new QSqlQuery(database());
    if (!query->prepare(sql)) {
        if (error)
            *error = describeSqlError(query->lastError());
        delete query;
        return nullptr;
    }
    m_statements.insert(QByteArray(key), query);
    return query;
}

Expected<void> LocalStore::begin()
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return Error {describeSqlError(db.lastError())};
    return {};
}

Expected<void> LocalStore::commit()
{
    QSqlDatabase db = database();
    if (auto point = writePoint(); !point) {
        db.rollback();
        return point;
    }
    if (!db.commit()) {
        const QString error = describeSqlError(db.lastError());
        db.rollback();
        return Error {error};
    }
    return {};
}

void LocalStore::rollback()
{
    database().rollback();
}

} // namespace dockhand
