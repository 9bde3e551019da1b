#include "serverstore.h"

#include "pinhash.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <functional>

Q_LOGGING_CATEGORY(lcServerStore, "dockhand.server.store")

namespace dockhand::server {

namespace {

// Numbered migrations for the SQLite dialect: entry i brings the schema from version i to i + 1.
// Never edit a released entry; append one. A PostgreSQL dialect gets its own list with the same
// numbering (same tables and constraints, its own types), selected in ServerStore::open.
using Migration = std::initializer_list<const char *>;
const Migration kSqliteMigrations[] = {
    // 0 -> 1: master data, orders, events and their answers.
    {
        "CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE devices ("
        "  id TEXT PRIMARY KEY,"
        "  name TEXT NOT NULL DEFAULT '',"
        "  first_seen TEXT NOT NULL,"
        "  last_seen TEXT NOT NULL)",
        "CREATE TABLE operators ("
        "  badge TEXT PRIMARY KEY,"
        "  name TEXT NOT NULL,"
        "  role TEXT NOT NULL CHECK (role IN ('picker', 'packer', 'supervisor', 'admin')),"
        "  pin_hash TEXT NOT NULL)",
        "CREATE TABLE products ("
        "  id INTEGER PRIMARY KEY,"
        "  gtin TEXT NOT NULL UNIQUE CHECK (length(gtin) = 14),"
        "  sku TEXT NOT NULL UNIQUE,"
        "  name TEXT NOT NULL,"
        "  lot_tracked INTEGER NOT NULL DEFAULT 0,"
        "  expiry_tracked INTEGER NOT NULL DEFAULT 0,"
        "  serial_tracked INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE locations ("
        "  id INTEGER PRIMARY KEY,"
        "  code TEXT NOT NULL UNIQUE,"
        "  zone TEXT NOT NULL DEFAULT '',"
        "  walk_sequence INTEGER NOT NULL)",
        "CREATE INDEX locations_walk ON locations (walk_sequence, code)",
        "CREATE TABLE stock ("
        "  location_id INTEGER NOT NULL REFERENCES locations (id),"
        "  product_id INTEGER NOT NULL REFERENCES products (id),"
        "  quantity INTEGER NOT NULL CHECK (quantity >= 0),"
        "  PRIMARY KEY (location_id, product_id))",
        "CREATE INDEX stock_product ON stock (product_id)",
        "CREATE TABLE totes (code TEXT PRIMARY KEY)",
        "CREATE TABLE carton_types ("
        "  code TEXT PRIMARY KEY,"
        "  name TEXT NOT NULL,"
        "  length_mm INTEGER NOT NULL CHECK (length_mm > 0),"
        "  width_mm INTEGER NOT NULL CHECK (width_mm > 0),"
        "  height_mm INTEGER NOT NULL CHECK (height_mm > 0),"
        "  tare_kg REAL NOT NULL CHECK (tare_kg >= 0))",
        "CREATE TABLE orders ("
        "  id INTEGER PRIMARY KEY,"
        "  number TEXT NOT NULL UNIQUE,"
        "  customer TEXT NOT NULL,"
        "  status TEXT NOT NULL CHECK (status IN ('received', 'processing', 'picked', 'packed', 'labeled',"
        "    'shipped', 'in transit', 'out for delivery', 'delivered', 'delivery failed', 'cancelled',"
        "    'returned')),"
        "  created_at TEXT NOT NULL,"
        "  updated_at TEXT NOT NULL)",
        "CREATE INDEX orders_status ON orders (status, number)",
        // picked/packed can never pass what was ordered: over-picking is refused by the schema.
        "CREATE TABLE order_lines ("
        "  order_id INTEGER NOT NULL REFERENCES orders (id),"
        "  line INTEGER NOT NULL CHECK (line > 0),"
        "  product_id INTEGER NOT NULL REFERENCES products (id),"
        "  ordered INTEGER NOT NULL CHECK (ordered > 0),"
        "  picked INTEGER NOT NULL DEFAULT 0 CHECK (picked >= 0 AND picked <= ordered),"
        "  packed INTEGER NOT NULL DEFAULT 0 CHECK (packed >= 0 AND packed <= picked),"
        "  PRIMARY KEY (order_id, line))",
        "CREATE TABLE order_status_history ("
        "  id INTEGER PRIMARY KEY,"
        "  order_id INTEGER NOT NULL REFERENCES orders (id),"
        "  status TEXT NOT NULL,"
        "  at TEXT NOT NULL,"
        "  source TEXT NOT NULL DEFAULT '')",
        "CREATE INDEX order_status_history_order ON order_status_history (order_id, id)",
        // The event id is the idempotency key; (device, seq) is a second guard.
        "CREATE TABLE events ("
        "  id TEXT PRIMARY KEY,"
        "  device TEXT NOT NULL REFERENCES devices (id),"
        "  seq INTEGER NOT NULL CHECK (seq > 0),"
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
        "  received_at TEXT NOT NULL,"
        "  UNIQUE (device, seq))",
        // The first answer given for each event id, so a repeat gets the same answer, including
        // rejections (which have no row in events).
        "CREATE TABLE event_answers ("
        "  event_id TEXT PRIMARY KEY,"
        "  device TEXT NOT NULL,"
        "  seq INTEGER NOT NULL,"
        "  status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),"
        "  reason TEXT NOT NULL DEFAULT '',"
        "  answered_at TEXT NOT NULL)",
    },
    // 1 -> 2: applying events (exceptions, cartons, short lines, totes on orders), pick tasks,
    // the change log devices download from, and authentication.
    {
        "ALTER TABLE orders ADD COLUMN tote TEXT NOT NULL DEFAULT ''",
        // A short makes the line count as done although picked < ordered.
        "ALTER TABLE order_lines ADD COLUMN shorted INTEGER NOT NULL DEFAULT 0 CHECK (shorted >= 0)",
        "CREATE TABLE exceptions ("
        "  id INTEGER PRIMARY KEY,"
        "  kind TEXT NOT NULL CHECK (kind IN ('short', 'damage', 'rejected')),"
        "  event_id TEXT NOT NULL,"
        "  device TEXT NOT NULL DEFAULT '',"
        "  operator TEXT NOT NULL DEFAULT '',"
        "  order_number TEXT NOT NULL DEFAULT '',"
        "  line INTEGER NOT NULL DEFAULT 0,"
        "  gtin TEXT NOT NULL DEFAULT '',"
        "  location TEXT NOT NULL DEFAULT '',"
        "  quantity INTEGER NOT NULL DEFAULT 0,"
        "  reason TEXT NOT NULL,"
        "  at TEXT NOT NULL)",
        "CREATE TABLE cartons ("
        "  code TEXT PRIMARY KEY,"
        "  order_id INTEGER NOT NULL REFERENCES orders (id),"
        "  carton_type TEXT NOT NULL REFERENCES carton_types (code),"
        "  weight_kg REAL NOT NULL DEFAULT 0 CHECK (weight_kg >= 0),"
        "  items TEXT NOT NULL DEFAULT '[]',"
        "  event_id TEXT NOT NULL,"
        "  closed_at TEXT NOT NULL)",
        "CREATE TABLE tasks ("
        "  id TEXT PRIMARY KEY,"
        "  kind TEXT NOT NULL CHECK (kind IN ('pick')),"
        "  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),"
        "  assignee TEXT NOT NULL DEFAULT '',"
        "  created_at TEXT NOT NULL)",
        "CREATE TABLE task_lines ("
        "  task_id TEXT NOT NULL REFERENCES tasks (id),"
        "  position INTEGER NOT NULL,"
        "  order_id INTEGER NOT NULL REFERENCES orders (id),"
        "  line INTEGER NOT NULL,"
        "  location_id INTEGER NOT NULL REFERENCES locations (id),"
        "  quantity INTEGER NOT NULL CHECK (quantity > 0),"
        "  PRIMARY KEY (task_id, position))",
        // The change log devices download by cursor (GET /v1/sync): appended in the same
        // transaction as the change itself, so a device never misses one.
        "CREATE TABLE changes ("
        "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
        "  type TEXT NOT NULL,"
        "  key TEXT NOT NULL,"
        "  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),"
        "  data TEXT NOT NULL,"
        "  at TEXT NOT NULL)",
        // Tokens are stored as SHA-256 hex: a copy of the database does not let anyone in.
        "ALTER TABLE devices ADD COLUMN token_hash TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX devices_token ON devices (token_hash)",
        "CREATE TABLE enrolment_codes (code TEXT PRIMARY KEY, created_at TEXT NOT NULL)",
        "CREATE TABLE operator_tokens ("
        "  token_hash TEXT PRIMARY KEY,"
        "  badge TEXT NOT NULL REFERENCES operators (badge),"
        "  created_at TEXT NOT NULL)",
        "CREATE TABLE login_failures ("
        "  badge TEXT PRIMARY KEY,"
        "  failures INTEGER NOT NULL DEFAULT 0,"
        "  locked_until TEXT NOT NULL DEFAULT '',"
        "  next_attempt TEXT NOT NULL DEFAULT '')",
    },
};
static_assert(std::size(kSqliteMigrations) == ServerStore::kSchemaVersion);

// The PostgreSQL list is the SQLite list through this fixed type mapping, so both dialects have
// the same tables, constraints and version numbers by construction: rowid keys become BIGSERIAL,
// integers BIGINT, REAL DOUBLE PRECISION. (Every other statement is already valid in both.)
QString postgresDdl(const char *sqlite)
{
    QString sql = QString::fromLatin1(sqlite);
    sql.replace(QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"), QLatin1String("BIGSERIAL PRIMARY KEY"));
    sql.replace(QLatin1String("id INTEGER PRIMARY KEY"), QLatin1String("id BIGSERIAL PRIMARY KEY"));
    sql.replace(QLatin1String(" INTEGER"), QLatin1String(" BIGINT"));
    sql.replace(QLatin1String(" REAL"), QLatin1String(" DOUBLE PRECISION"));
    return sql;
}

// Advisory lock keys (PostgreSQL): schema upgrades and seeding run once across processes, and
// change-log appends are serialized so change ids become visible in id order (a device's cursor
// can never skip a change committed late with a smaller id).
constexpr int kMigrateLock = 4801;
constexpr int kSeedLock = 4802;
constexpr int kChangeLogLock = 4803;

// Longest raw scan the server keeps; anything longer is not a barcode but noise or an attack.
constexpr qsizetype kMaxRawLength = 8192;

QString timestamp(const QDateTime &time)
{
    // Written by hand: QDateTime::toString costs more than storing the event it is for. Same
    // text as Qt::ISODateWithMs ("2026-03-01T09:05:07.250Z"); Qt's own for unusual years.
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    if (!utc.isValid() || date.year() < 1000 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    const QTime clock = utc.time();
    char16_t text[24] = {u'0', u'0', u'0', u'0', u'-', u'0', u'0', u'-', u'0', u'0', u'T', u'0', u'0', u':',
        u'0', u'0', u':', u'0', u'0', u'.', u'0', u'0', u'0', u'Z'};
    const auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, date.year(), 4);
    put(5, date.month(), 2);
    put(8, date.day(), 2);
    put(11, clock.hour(), 2);
    put(14, clock.minute(), 2);
    put(17, clock.second(), 2);
    put(20, clock.msec(), 3);
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

QDateTime parseTimestamp(const QVariant &value)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.toUTC();
}

// Empty optional fields arrive as null QStrings, which the driver would bind as SQL NULL;
// the schema says NOT NULL DEFAULT '', so bind an empty string instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// The id of an INSERT ... RETURNING id (lastInsertId does not work with QPSQL).
qint64 returnedId(QSqlQuery *q)
{
    const qint64 id = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return id;
}

QString eventKey(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A batch runs as multi-row statements of 64, 16, 4 and 1 rows (largest first): a few statements
// (round trips on PostgreSQL) per batch, and only four texts per statement to prepare. (SQLite
// compiles a statement in time that grows with the square of its parameters: 64 rows of 15 are
// cheap to prepare, 256 rows are not.)
int chunkRows(qsizetype left)
{
    for (const int rows : {64, 16, 4})
        if (left >= rows)
            return rows;
    return 1;
}

constexpr int kEventColumns = 15;

// Names of the parameters of multi-row statements (":b0", ":b1", ...), made once: binding by a
// ready name costs a hash lookup, binding by position formats the position's name per value.
const QString &batchPlaceholder(qsizetype i)
{
    static const QStringList names = [] {
        QStringList list;
        for (int n = 0; n < 64 * kEventColumns; ++n)
            list.append(QStringLiteral(":b%1").arg(n));
        return list;
    }();
    return names.at(i);
}

// ":b0, :b1, :b2" for `count` parameters from `first`.
QString placeholderList(int first, int count)
{
    QString list;
    list.reserve(count * 7);
    for (int i = first; i < first + count; ++i) {
        if (i > first)
            list += QLatin1String(", ");
        list += batchPlaceholder(i);
    }
    return list;
}

QString eventInsertSql(int rows)
{
    QString sql = QStringLiteral(
        "INSERT INTO events (id, device, seq, operator, task, step, raw, aim, source, kind, fields, result, "
        "reason, device_time, received_at) VALUES ");
    sql.reserve(sql.size() + rows * (kEventColumns * 7 + 4) + 64);
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            sql += QLatin1String(", ");
        sql += QLatin1Char('(') + placeholderList(r * kEventColumns, kEventColumns) + QLatin1Char(')');
    }
    sql += QLatin1String(" ON CONFLICT DO NOTHING");
    return sql;
}

} // namespace

QString describeSqlError(const QSqlError &error)
{
    // SQLite primary result codes: 13 FULL, 8 READONLY, 5 BUSY, 10 IOERR, 11 CORRUPT, 14 CANTOPEN, 26 NOTADB.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    switch (code) {
    case 13:
        return QStringLiteral("the server's disk is full");
    case 8:
        return QStringLiteral("the database is read-only");
    case 5:
        return QStringLiteral("the database is busy (locked by another process)");
    case 10:
        return QStringLiteral("the disk failed to read or write (I/O error)");
    case 11:
        return QStringLiteral("the database file is damaged");
    case 14:
        return QStringLiteral("the database file cannot be opened");
    case 26:
        return QStringLiteral("the file is not an SQLite database");
    default:
        break;
    }
    const QString text = error.text().trimmed();
    return text.isEmpty() ? QStringLiteral("unknown database error") : text;
}

ServerStore::ServerStore(DatabaseLocation location, QString connectionName)
    : m_location(std::move(location)), m_connectionName(std::move(connectionName))
{ }

ServerStore::~ServerStore()
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

Expected<std::unique_ptr<ServerStore>> ServerStore::open(
    const DatabaseLocation &location, const QString &connectionName)
{
    if (location.kind == DatabaseLocation::Kind::PostgreSql) {
        const QUrl url(location.url);
        std::unique_ptr<ServerStore> store(new ServerStore(location, connectionName));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        if (!db.isValid())
            return Error {QStringLiteral(
                "the Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)")};
        db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!db.open())
            return Error {QStringLiteral("cannot connect to the database %1: %2")
                              .arg(location.describe(), describeSqlError(db.lastError()))};
        if (auto migrated = store->migrate(); !migrated)
            return Error {migrated.error()};
        qCInfo(lcServerStore).noquote()
            << "database" << location.describe() << "at schema version" << kSchemaVersion;
        return store;
    }

    const QString &path = location.sqlitePath;
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return Error {QStringLiteral("database path %1 is not a file").arg(path)};
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        return Error {QStringLiteral("cannot create the database folder %1").arg(folder)};
    if (!QFileInfo(folder).isWritable())
        return Error {QStringLiteral("the database folder %1 is not writable").arg(folder)};
    if (info.exists() && !info.isWritable())
        return Error {QStringLiteral("the database file %1 is not writable").arg(path)};

    std::unique_ptr<ServerStore> store(new ServerStore(location, connectionName));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    // Waits instead of failing at once when another process holds the write lock briefly
    // (a backup tool, the sqlite3 shell).
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return Error {
            QStringLiteral("cannot open the database %1: %2").arg(path, describeSqlError(db.lastError()))};
    if (auto configured = store->configure(); !configured)
        return Error {configured.error()};
    if (auto migrated = store->migrate(); !migrated)
        return Error {migrated.error()};
    qCInfo(lcServerStore).noquote() << "database" << path << "at schema version" << kSchemaVersion;
    return store;
}

QString ServerStore::dialectName() const
{
    return m_location.kind == DatabaseLocation::Kind::PostgreSql ? QStringLiteral("postgresql")
                                                                 : QStringLiteral("sqlite");
}

Expected<void> ServerStore::configure()
{
    // WAL + synchronous=NORMAL: a commit costs no fsync of the main file, so batches of events
    // commit fast; a power cut can lose the last commits but never corrupts the database, and the
    // devices resend whatever was not acknowledged. (The device queue uses FULL: it is the only copy.)
    const char *const pragmas[] = {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
        "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"};
    QSqlDatabase db = database();
    for (const char *pragma : pragmas) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma)))
            return Error {QStringLiteral("cannot prepare the database %1: %2")
                              .arg(m_location.describe(), describeSqlError(q.lastError()))};
    }
    return {};
}

bool ServerStore::isPostgres() const
{
    return m_location.kind == DatabaseLocation::Kind::PostgreSql;
}

int ServerStore::schemaVersion()
{
    QSqlQuery q(database());
    if (isPostgres()) {
        // PostgreSQL has no user_version: a one-column table holds it. Created under the
        // migration lock: two servers starting together would otherwise race on the catalog.
        QSqlDatabase db = database();
        if (!db.transaction())
            return -1;
        if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrateLock))
            || !q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS dockhand_schema (version BIGINT NOT NULL)"))
            || !db.commit()) {
            db.rollback();
            return -1;
        }
        if (q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM dockhand_schema")) && q.next())
            return q.value(0).toInt();
        return -1;
    }
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Expected<void> ServerStore::migrate()
{
    int version = schemaVersion();
    if (version < 0)
        return Error {isPostgres()
                ? QStringLiteral("cannot read the schema version of %1").arg(m_location.describe())
                : QStringLiteral("cannot read the schema version of %1 (is it an SQLite database?)")
                      .arg(m_location.describe())};
    if (version > kSchemaVersion)
        return Error {
            QStringLiteral("the database %1 was written by a newer dockhand-server (schema %2, this build "
                           "knows %3)")
                .arg(m_location.describe())
                .arg(version)
                .arg(kSchemaVersion)};
    QSqlDatabase db = database();
    for (; version < kSchemaVersion; ++version) {
        if (!db.transaction())
            return Error {QStringLiteral("cannot upgrade the database %1: %2")
                              .arg(m_location.describe(), describeSqlError(db.lastError()))};
        QString error;
        if (isPostgres()) {
            // Several servers may start at once: one upgrades, the others wait and then see it done.
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrateLock))
                || !q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM dockhand_schema"))
                || !q.next()) {
                error = describeSqlError(q.lastError());
            } else if (const int done = q.value(0).toInt(); done > version) {
                q.finish();
                db.rollback();
                version = done - 1; // another server upgraded meanwhile; the loop's ++ resumes after it
                continue;
            }
        }
        for (const char *sql : kSqliteMigrations[version]) {
            if (!error.isEmpty())
                break;
            QSqlQuery q(db);
            if (!q.exec(isPostgres() ? postgresDdl(sql) : QString::fromLatin1(sql)))
                error = describeSqlError(q.lastError());
        }
        if (error.isEmpty()) {
            QSqlQuery q(db);
            if (!q.exec(isPostgres()
                        ? QStringLiteral("INSERT INTO dockhand_schema (version) VALUES (%1)").arg(version + 1)
                        : QStringLiteral("PRAGMA user_version=%1").arg(version + 1)))
                error = describeSqlError(q.lastError());
        }
        if (!error.isEmpty() || !db.commit()) {
            if (error.isEmpty())
                error = describeSqlError(db.lastError());
            db.rollback();
            return Error {QStringLiteral("cannot upgrade the database %1 to schema %2: %3")
                              .arg(m_location.describe())
                              .arg(version + 1)
                              .arg(error)};
        }
        qCInfo(lcServerStore) << "database schema upgraded to version" << version + 1;
    }
    return {};
}

Expected<void> ServerStore::begin()
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return Error {describeSqlError(db.lastError())};
    return {};
}

Expected<void> ServerStore::commit()
{
    QSqlDatabase db = database();
    if (!db.commit()) {
        const QString error = describeSqlError(db.lastError());
        db.rollback();
        return Error {error};
    }
    return {};
}

void ServerStore::rollback()
{
    database().rollback();
}

Expected<QSqlQuery *> ServerStore::run(const QString &sql, std::initializer_list<QVariant> values)
{
    return execute(sql, values.begin(), qsizetype(values.size()), false);
}

Expected<QSqlQuery *> ServerStore::runBatch(const QString &sql, const QVariantList &values)
{
    return execute(sql, values.constData(), values.size(), true);
}

Expected<QSqlQuery *> ServerStore::execute(
    const QString &sql, const QVariant *values, qsizetype count, bool named)
{
    QSqlQuery *query = m_statements.value(sql);
    if (!query) {
        query = new QSqlQuery(database());
        if (!query->prepare(sql)) {
            const QString error = describeSqlError(query->lastError());
            delete query;
            return Error {error};
        }
        m_statements.insert(sql, query);
    }
    if (m_failCountdown > 0 && --m_failCountdown == 0)
        return Error {QStringLiteral("injected failure (test)")};
    for (qsizetype i = 0; i < count; ++i) {
        if (named)
            query->bindValue(batchPlaceholder(i), values[i]);
        else
            query->bindValue(int(i), values[i]);
    }
    if (!query->exec()) {
        const QString native = query->lastError().nativeErrorCode();
        // serialization_failure, deadlock_detected: the transaction is retried as a whole.
        m_retryable = native == QLatin1String("40001") || native == QLatin1String("40P01");
        const QString error = describeSqlError(query->lastError());
        query->finish();
        return Error {error};
    }
    return query;
}

Expected<void> ServerStore::command(const QString &sql)
{
    // Not prepared: PostgreSQL cannot PREPARE transaction control (SAVEPOINT ...).
    if (m_failCountdown > 0 && --m_failCountdown == 0)
        return Error {QStringLiteral("injected failure (test)")};
    QSqlQuery q(database());
    if (!q.exec(sql)) {
        const QString native = q.lastError().nativeErrorCode();
        m_retryable = native == QLatin1String("40001") || native == QLatin1String("40P01");
        return Error {describeSqlError(q.lastError())};
    }
    return {};
}

Expected<qint64> ServerStore::scalar(const QString &sql, std::initializer_list<QVariant> values)
{
    auto q = run(sql, values);
    if (!q)
        return Error {q.error()};
    qint64 value = 0;
    if (q.value()->next())
        value = q.value()->value(0).toLongLong();
    q.value()->finish();
    return value;
}

Expected<ServerStore::IngestResult> ServerStore::ingest(
    const QString &deviceId, const QList<protocol::ScanEvent> &events)
{
    // Two server processes on one PostgreSQL may deadlock on the same stock rows; the database
    // aborts one transaction, which is then simply run again.
    for (int attempt = 1;; ++attempt) {
        m_retryable = false;
        auto result = ingestOnce(deviceId, events);
        if (result || !m_retryable || attempt == 5)
            return result;
        qCInfo(lcServerStore) << "event batch retried after a deadlock / serialization failure, attempt"
                              << attempt;
    }
}

Expected<ServerStore::IngestResult> ServerStore::ingestOnce(
    const QString &deviceId, const QList<protocol::ScanEvent> &events)
{
    IngestResult result;
    if (events.isEmpty())
        return result;
    const QString now = timestamp(QDateTime::currentDateTimeUtc());

    // Any failure below rolls back the whole batch: the device gets an error and resends it,
    // and nothing was half-stored.
    auto fail = [this](const QString &why) -> Expected<IngestResult> {
        rollback();
        qCWarning(lcServerStore).noquote() << "event batch not stored:" << why;
        return Error {why};
    };
    auto start = [&]() -> Expected<void> {
        if (auto began = begin(); !began)
            return began;
        auto q = run(QStringLiteral("INSERT INTO devices (id, first_seen, last_seen) VALUES (?, ?, ?) "
                                    "ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen"),
            {deviceId, now, now});
        if (!q)
            return Error {q.error()};
        q.value()->finish();
        return {};
    };
    if (auto started = start(); !started) {
        qCWarning(lcServerStore).noquote() << "event batch not stored:" << started.error();
        rollback();
        return Error {started.error()};
    }

    // 1. Checks the protocol parser does not make. They depend only on the event, so a repeat
    //    gets the same refusal.
    const qsizetype count = events.size();
    QStringList keys;
    keys.reserve(count);
    QStringList refusals(count);
    QList<qsizetype> candidates; // the events to store, in request order
    candidates.reserve(count);
    QSet<QString> candidateIds;
    QSet<qint64> candidateSeqs;
    bool allDistinct = true;
    for (qsizetype i = 0; i < count; ++i) {
        const protocol::ScanEvent &event = events.at(i);
        keys.append(eventKey(event.id));
        if (event.raw.size() > kMaxRawLength) {
            refusals[i] = QStringLiteral("raw scan is %1 characters long; at most %2 are accepted")
                              .arg(event.raw.size())
                              .arg(kMaxRawLength);
            continue;
        }
        candidates.append(i);
        if (allDistinct) {
            allDistinct = !candidateIds.contains(keys.last()) && !candidateSeqs.contains(event.sequence);
            candidateIds.insert(keys.last());
            candidateSeqs.insert(event.sequence);
        }
    }
    auto eventValues = [&](QVariantList &values, qsizetype i) {
        const protocol::ScanEvent &event = events.at(i);
        values << keys.at(i) << deviceId << event.sequence << text(event.operatorId) << text(event.task)
               << text(event.step) << text(event.raw) << text(event.aim) << text(event.source)
               << text(event.kind)
               << QString::fromUtf8(QJsonDocument(event.fields).toJson(QJsonDocument::Compact))
               << text(event.result) << text(event.reason) << timestamp(event.deviceTime) << now;
    };

    // 2. The common case: every event is new. They are stored with a few multi-row INSERTs; the
    //    unique constraints still decide (a prior SELECT could race with another server), and
    //    if any row was held back the batch starts over and takes its events one by one.
    bool allStored = allDistinct && !candidates.isEmpty();
    for (qsizetype done = 0; allStored && done < candidates.size();) {
        const int rows = chunkRows(candidates.size() - done);
        QVariantList values;
        values.reserve(rows * kEventColumns);
        for (int r = 0; r < rows; ++r)
            eventValues(values, candidates.at(done + r));
        auto inserted = runBatch(eventInsertSql(rows), values);
        if (!inserted)
            return fail(inserted.error());
        allStored = inserted.value()->numRowsAffected() == rows;
        inserted.value()->finish();
        done += rows;
    }
    if (!allStored && allDistinct && !candidates.isEmpty()) {
        rollback();
        if (auto started = start(); !started)
            return fail(started.error());
    }

    // 3. Otherwise some events were stored before (a device resending after a lost answer is
    //    the usual case): which ones, and the first answers they got, looked up at once.
    QSet<QString> storedBefore;
    QHash<QString, QString> firstAnswers; // id -> reason of its remembered rejection ('' if none)
    if (!allStored && !candidates.isEmpty()) {
        QVariantList ids;
        for (const qsizetype i : std::as_const(candidates))
            ids.append(keys.at(i));
        auto selectIn = [this](const QString &sql, const QVariantList &keys,
                            const std::function<void(QSqlQuery *)> &row) -> Expected<void> {
            for (qsizetype done = 0; done < keys.size();) {
                const int rows = chunkRows(keys.size() - done);
                auto q = runBatch(sql.arg(placeholderList(0, rows)), keys.mid(done, rows));
                if (!q)
                    return Error {q.error()};
                while (q.value()->next())
                    row(q.value());
                q.value()->finish();
                done += rows;
            }
            return {};
        };
        if (auto found = selectIn(QStringLiteral("SELECT id FROM events WHERE id IN (%1)"), ids,
                [&](QSqlQuery *q) { storedBefore.insert(q->value(0).toString()); });
            !found)
            return fail(found.error());
        QVariantList repeated;
        for (const QVariant &id : std::as_const(ids))
            if (storedBefore.contains(id.toString()))
                repeated.append(id);
        if (auto found = selectIn(
                QStringLiteral("SELECT event_id, status, reason FROM event_answers WHERE event_id IN (%1)"),
                repeated,
                [&](QSqlQuery *q) {
                    firstAnswers.insert(q->value(0).toString(),
                        q->value(1).toString() == QLatin1String("rejected") ? q->value(2).toString()
                                                                            : QStringLiteral(""));
                });
            !found)
            return fail(found.error());
    }

    // 4. Answer and apply, in request order.
    QHash<QString, QString> rejectedNow; // id -> the rejection this batch remembered for it
    QList<qint64> acceptedSeqs;
    result.acks.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const protocol::ScanEvent &event = events.at(i);
        const QString &key = keys.at(i);
        protocol::EventAck ack {event.id, protocol::AckStatus::Accepted, {}};
        QString refusal = refusals.at(i);

        if (refusal.isEmpty()) {
            bool stored = allStored;
            if (!stored && storedBefore.contains(key)) {
                // The first answer stands: duplicate if it was accepted, else the same rejection.
                ack.status = protocol::AckStatus::Duplicate;
                refusal = firstAnswers.contains(key) ? firstAnswers.value(key) : rejectedNow.value(key);
            } else if (!stored) {
                // One by one: a repeat within the batch, or a row another server stores right now,
                // is recognised by the conflict.
                QVariantList values;
                values.reserve(kEventColumns);
                eventValues(values, i);
                auto inserted = runBatch(eventInsertSql(1), values);
                if (!inserted)
                    return fail(inserted.error());
                stored = inserted.value()->numRowsAffected() == 1;
                inserted.value()->finish();
                if (!stored) {
                    // Which constraint held it back? The same id means it was stored first
                    // (earlier in this batch, or by another server just now).
                    auto sameId = scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE id = ?"), {key});
                    if (!sameId)
                        return fail(sameId.error());
                    if (sameId.value() > 0) {
                        ack.status = protocol::AckStatus::Duplicate;
                        auto first = run(
                            QStringLiteral("SELECT status, reason FROM event_answers WHERE event_id = ?"),
                            {key});
                        if (!first)
                            return fail(first.error());
                        if (first.value()->next()
                            && first.value()->value(0).toString() == QLatin1String("rejected"))
                            refusal = first.value()->value(1).toString();
                        first.value()->finish();
                    } else {
                        auto other = run(QStringLiteral("SELECT id FROM events WHERE device = ? AND seq = ?"),
                            {deviceId, event.sequence});
                        if (!other)
                            return fail(other.error());
                        const QString otherId
                            = other.value()->next() ? other.value()->value(0).toString() : QString();
                        other.value()->finish();
                        refusal
                            = QStringLiteral("sequence number %1 of device %2 is already used by event %3")
                                  .arg(event.sequence)
                                  .arg(deviceId, otherId);
                    }
                }
            }
            if (stored && event.result == QLatin1String("accepted")) {
                // Applied exactly once: only the request that stored the event applies it, inside
                // the same transaction. A conflict undoes the partial effects (savepoint), keeps
                // the event for review and answers it as rejected.
                auto applied = applyEvent(event, deviceId, now);
                if (!applied)
                    return fail(applied.error());
                refusal = applied.value();
            }
        }
        if (!refusal.isEmpty()) {
            ack.status = protocol::AckStatus::Rejected;
            ack.reason = refusal;
        }

        if (ack.status == protocol::AckStatus::Duplicate) {
            ++result.duplicates;
        } else if (ack.status == protocol::AckStatus::Accepted) {
            // An accepted event's answer is its row in events (a repeat conflicts and finds no
            // rejection): only rejections need remembering, which keeps a new event at its share
            // of one INSERT on the common path.
            ++result.accepted;
            acceptedSeqs.append(event.sequence);
        } else {
            auto answered = run(
                QStringLiteral("INSERT INTO event_answers (event_id, device, seq, status, reason, "
                               "answered_at) VALUES (?, ?, ?, 'rejected', ?, ?) ON CONFLICT DO NOTHING"),
                {key, deviceId, event.sequence, text(ack.reason), now});
            if (!answered)
                return fail(answered.error());
            answered.value()->finish();
            if (!rejectedNow.contains(key))
                rejectedNow.insert(key, ack.reason);
            ++result.rejected;
            qCInfo(lcServerStore).noquote()
                << "rejected event" << key << "of device" << deviceId << ":" << ack.reason;
        }
        result.acks.append(ack);
    }

    // Gaps: for each run of events accepted now, is the sequence number just below it stored?
    // One indexed lookup per run, not per event.
    std::sort(acceptedSeqs.begin(), acceptedSeqs.end());
    const QSet<qint64> acceptedSet(acceptedSeqs.cbegin(), acceptedSeqs.cend());
    for (const qint64 seq : std::as_const(acceptedSeqs)) {
        if (seq <= 1 || acceptedSet.contains(seq - 1))
            continue;
        auto below
            = scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device = ? AND seq < ?"),
                {deviceId, seq});
        if (!below)
            return fail(below.error());
        if (below.value() < seq - 1)
            result.gaps.append({below.value() + 1, seq - 1});
    }

    if (auto committed = commit(); !committed)
        return fail(committed.error());
    for (const SequenceGap &gap : std::as_const(result.gaps))
        qCWarning(lcServerStore).noquote()
            << "device" << deviceId << "sequence gap: events" << gap.from << "to" << gap.to << "are missing";
    return result;
}

Expected<ServerStore::EventPage> ServerStore::events(const QString &device, qint64 after, int limit)
{
    static const QString columns = QStringLiteral(
        "SELECT id, device, seq, operator, task, step, raw, aim, source, kind, fields, result, reason, "
        "device_time, received_at FROM events ");
    EventPage page;
    auto total = device.isEmpty()
        ? scalar(QStringLiteral("SELECT COUNT(*) FROM events"))
        : scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE device = ?"), {device});
    if (!total)
        return Error {total.error()};
    page.total = total.value();

    auto q = device.isEmpty()
        ? run(columns + QStringLiteral("WHERE seq > ? ORDER BY device, seq LIMIT ?"), {after, limit})
        : run(columns + QStringLiteral("WHERE device = ? AND seq > ? ORDER BY device, seq LIMIT ?"),
            {device, after, limit});
    if (!q)
        return Error {q.error()};
    QSqlQuery *query = q.value();
    while (query->next()) {
        StoredEvent stored;
        protocol::ScanEvent &e = stored.event;
        e.id = QUuid::fromString(query->value(0).toString());
        e.deviceId = query->value(1).toString();
        e.sequence = query->value(2).toLongLong();
        e.operatorId = query->value(3).toString();
        e.task = query->value(4).toString();
        e.step = query->value(5).toString();
        e.raw = query->value(6).toString();
        e.aim = query->value(7).toString();
        e.source = query->value(8).toString();
        e.kind = query->value(9).toString();
        e.fields = QJsonDocument::fromJson(query->value(10).toString().toUtf8()).object();
        e.result = query->value(11).toString();
        e.reason = query->value(12).toString();
        e.deviceTime = parseTimestamp(query->value(13));
        stored.receivedAt = parseTimestamp(query->value(14));
        page.events.append(std::move(stored));
    }
    query->finish();
    return page;
}

Expected<qint64> ServerStore::eventCount()
{
    return scalar(QStringLiteral("SELECT COUNT(*) FROM events"));
}

Expected<bool> ServerStore::seedIfEmpty(const WarehouseData &data)
{
    static const QString countAll
        = QStringLiteral("SELECT (SELECT COUNT(*) FROM products) + (SELECT COUNT(*) FROM locations) + "
                         "(SELECT COUNT(*) FROM operators) + (SELECT COUNT(*) FROM orders)");
    auto existing = scalar(countAll);
    if (!existing)
        return Error {existing.error()};
    if (existing.value() > 0)
        return false;

    // Hash PINs before the transaction: PBKDF2 is slow on purpose and must not hold the write
    // lock. The hashes are independent, so they use all cores.
    const QList<QString> pinHashes = QtConcurrent::blockingMapped<QList<QString>>(
        data.operators, [](const WarehouseData::Operator &op) { return pinhash::hash(op.pin); });

    if (auto began = begin(); !began)
        return Error {began.error()};
    auto fail = [this](const QString &why) -> Expected<bool> {
        rollback();
        return Error {QStringLiteral("cannot load the warehouse data: %1").arg(why)};
    };
    if (isPostgres()) {
        auto lock = run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kSeedLock));
        if (!lock)
            return fail(lock.error());
        lock.value()->finish();
    }
    // Checked again inside the transaction: another server process may have seeded meanwhile.
    existing = scalar(countAll);
    if (!existing)
        return fail(existing.error());
    if (existing.value() > 0) {
        rollback();
        return false;
    }

    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    QHash<QString, qint64> locationIds;
    QHash<QString, qint64> productIds;
    for (const auto &l : data.locations) {
        auto q = run(
            QStringLiteral("INSERT INTO locations (code, zone, walk_sequence) VALUES (?, ?, ?) RETURNING id"),
            {l.code, text(l.zone), l.walkSequence});
        if (!q)
            return fail(QStringLiteral("location %1: %2").arg(l.code, q.error()));
        locationIds.insert(l.code, returnedId(q.value()));
    }
    for (const auto &p : data.products) {
        auto q = run(QStringLiteral("INSERT INTO products (gtin, sku, name, lot_tracked, expiry_tracked, "
                                    "serial_tracked) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
            {p.gtin, p.sku, p.name, int(p.lotTracked), int(p.expiryTracked), int(p.serialTracked)});
        if (!q)
            return fail(QStringLiteral("product %1: %2").arg(p.gtin, q.error()));
        productIds.insert(p.gtin, returnedId(q.value()));
    }
    for (const auto &s : data.stock) {
        auto q = run(QStringLiteral("INSERT INTO stock (location_id, product_id, quantity) VALUES (?, ?, ?) "
                                    "ON CONFLICT (location_id, product_id) DO UPDATE SET "
                                    "quantity = stock.quantity + excluded.quantity"),
            {locationIds.value(s.location), productIds.value(s.gtin), s.quantity});
        if (!q)
            return fail(QStringLiteral("stock of %1 at %2: %3").arg(s.gtin, s.location, q.error()));
    }
    for (qsizetype i = 0; i < data.operators.size(); ++i) {
        const auto &op = data.operators.at(i);
        auto q
            = run(QStringLiteral("INSERT INTO operators (badge, name, role, pin_hash) VALUES (?, ?, ?, ?)"),
                {op.badge, op.name, op.role, pinHashes.at(i)});
        if (!q)
            return fail(QStringLiteral("operator %1: %2").arg(op.badge, q.error()));
    }
    for (const auto &tote : data.totes) {
        auto q = run(QStringLiteral("INSERT INTO totes (code) VALUES (?) ON CONFLICT DO NOTHING"), {tote});
        if (!q)
            return fail(QStringLiteral("tote %1: %2").arg(tote, q.error()));
    }
    for (const auto &c : data.cartons) {
        auto q = run(
            QStringLiteral("INSERT INTO carton_types (code, name, length_mm, width_mm, height_mm, tare_kg) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            {c.code, c.name, c.lengthMm, c.widthMm, c.heightMm, c.tareKg});
        if (!q)
            return fail(QStringLiteral("carton type %1: %2").arg(c.code, q.error()));
    }
    for (const auto &o : data.orders) {
        auto q = run(QStringLiteral("INSERT INTO orders (number, customer, status, created_at, updated_at) "
                                    "VALUES (?, ?, ?, ?, ?) RETURNING id"),
            {o.number, o.customer, o.status, now, now});
        if (!q)
            return fail(QStringLiteral("order %1: %2").arg(o.number, q.error()));
        const qint64 orderId = returnedId(q.value());
        for (const auto &line : o.lines) {
            auto l = run(QStringLiteral("INSERT INTO order_lines (order_id, line, product_id, ordered) "
                                        "VALUES (?, ?, ?, ?)"),
                {orderId, line.line, productIds.value(line.gtin), line.quantity});
            if (!l)
                return fail(
                    QStringLiteral("order %1 line %2: %3").arg(o.number).arg(line.line).arg(l.error()));
        }
        auto h = run(QStringLiteral("INSERT INTO order_status_history (order_id, status, at, source) "
                                    "VALUES (?, ?, ?, ?)"),
            {orderId, o.status, now, QStringLiteral("import")});
        if (!h)
            return fail(QStringLiteral("order %1 history: %2").arg(o.number, h.error()));
    }
    if (auto t = seedTasks(now); !t)
        return fail(QStringLiteral("pick waves: %1").arg(t.error()));
    if (auto c = seedChanges(now); !c)
        return fail(QStringLiteral("change log: %1").arg(c.error()));
    auto meta = run(QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('seeded_from', ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {data.warehouseCode.isEmpty() ? QStringLiteral("import") : data.warehouseCode});
    if (!meta)
        return fail(meta.error());
    if (auto committed = commit(); !committed)
        return Error {QStringLiteral("cannot load the warehouse data: %1").arg(committed.error())};
    qCInfo(lcServerStore).noquote() << "loaded warehouse" << data.warehouseCode << ":"
                                    << data.locations.size() << "locations," << data.products.size()
                                    << "products," << data.orders.size() << "orders";
    return true;
}

namespace {

const QString kOrderSummaryColumns = QStringLiteral(
    "SELECT o.number, o.customer, o.status, o.created_at, o.updated_at, "
    "(SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id), "
    "(SELECT COALESCE(SUM(l.ordered), 0) FROM order_lines l WHERE l.order_id = o.id) FROM orders o ");

ServerStore::OrderSummary readOrderSummary(const QSqlQuery &q)
{
    ServerStore::OrderSummary s;
    s.number = q.value(0).toString();
    s.customer = q.value(1).toString();
    s.status = q.value(2).toString();
    s.createdAt = parseTimestamp(q.value(3));
    s.updatedAt = parseTimestamp(q.value(4));
    s.lines = q.value(5).toInt();
    s.units = q.value(6).toLongLong();
    return s;
}

} // namespace

Expected<QList<ServerStore::OrderSummary>> ServerStore::orders(const QString &status)
{
    auto q = status.isEmpty()
        ? run(kOrderSummaryColumns + QStringLiteral("ORDER BY o.number"))
        : run(kOrderSummaryColumns + QStringLiteral("WHERE o.status = ? ORDER BY o.number"), {status});
    if (!q)
        return Error {q.error()};
    QList<OrderSummary> list;
    while (q.value()->next())
        list.append(readOrderSummary(*q.value()));
    q.value()->finish();
    return list;
}

Expected<std::optional<ServerStore::OrderDetail>> ServerStore::order(const QString &number)
{
    auto q = run(kOrderSummaryColumns + QStringLiteral("WHERE o.number = ?"), {number});
    if (!q)
        return Error {q.error()};
    if (!q.value()->next()) {
        q.value()->finish();
        return std::optional<OrderDetail>();
    }
    OrderDetail detail;
    detail.summary = readOrderSummary(*q.value());
    q.value()->finish();

    auto lines
        = run(QStringLiteral("SELECT l.line, p.gtin, p.sku, p.name, l.ordered, l.picked, l.packed "
                             "FROM order_lines l JOIN orders o ON o.id = l.order_id "
                             "JOIN products p ON p.id = l.product_id WHERE o.number = ? ORDER BY l.line"),
            {number});
    if (!lines)
        return Error {lines.error()};
    while (lines.value()->next()) {
        const QSqlQuery &r = *lines.value();
        detail.lines.append(
            {r.value(0).toInt(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                r.value(4).toLongLong(), r.value(5).toLongLong(), r.value(6).toLongLong()});
    }
    lines.value()->finish();

    auto history = run(QStringLiteral("SELECT h.status, h.at, h.source FROM order_status_history h "
                                      "JOIN orders o ON o.id = h.order_id WHERE o.number = ? ORDER BY h.id"),
        {number});
    if (!history)
        return Error {history.error()};
    while (history.value()->next()) {
        const QSqlQuery &r = *history.value();
        detail.history.append({r.value(0).toString(), parseTimestamp(r.value(1)), r.value(2).toString()});
    }
    history.value()->finish();
    return std::optional<OrderDetail>(std::move(detail));
}

Expected<QList<WarehouseData::Product>> ServerStore::products()
{
    auto q = run(
        QStringLiteral("SELECT gtin, sku, name, lot_tracked, expiry_tracked, serial_tracked FROM products "
                       "ORDER BY sku, gtin"));
    if (!q)
        return Error {q.error()};
    QList<WarehouseData::Product> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        list.append({r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toBool(),
            r.value(4).toBool(), r.value(5).toBool()});
    }
    q.value()->finish();
    return list;
}

Expected<QList<ServerStore::LocationRow>> ServerStore::locations()
{
    auto q = run(QStringLiteral(
        "SELECT l.code, l.zone, l.walk_sequence, p.gtin, s.quantity FROM locations l "
        "LEFT JOIN stock s ON s.location_id = l.id LEFT JOIN products p ON p.id = s.product_id "
        "ORDER BY l.walk_sequence, l.code, p.gtin"));
    if (!q)
        return Error {q.error()};
    QList<LocationRow> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        const QString code = r.value(0).toString();
        if (list.isEmpty() || list.constLast().code != code)
            list.append({code, r.value(1).toString(), r.value(2).toInt(), {}});
        if (!r.value(3).isNull())
            list.last().stock.append({r.value(3).toString(), r.value(4).toLongLong()});
    }
    q.value()->finish();
    return list;
}

Expected<QString> ServerStore::operatorPinHash(const QString &badge)
{
    auto q = run(QStringLiteral("SELECT pin_hash FROM operators WHERE badge = ?"), {badge});
    if (!q)
        return Error {q.error()};
    QString hash;
    if (q.value()->next())
        hash = q.value()->value(0).toString();
    q.value()->finish();
    return hash;
}

// --- applying events ------------------------------------------------------------------------

namespace {

struct OrderRef
{
    qint64 id = 0;
    QString status;
};

// Position in the journey; -1 for cancelled and unknown statuses.
int statusRank(const QString &status)
{
    static const QStringList forward = {QStringLiteral("received"), QStringLiteral("processing"),
        QStringLiteral("picked"), QStringLiteral("packed"), QStringLiteral("labeled"),
        QStringLiteral("shipped"), QStringLiteral("in transit"), QStringLiteral("out for delivery"),
        QStringLiteral("delivered"), QStringLiteral("delivery failed"), QStringLiteral("returned")};
    return int(forward.indexOf(status));
}

QString fieldText(const QJsonObject &fields, const char *name)
{
    const QJsonValue v = fields.value(QLatin1String(name));
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return {};
}

// A positive whole number from a JSON number or numeric string; 0 when missing or bad.
qint64 fieldCount(const QJsonObject &fields, const char *name)
{
    const QJsonValue v = fields.value(QLatin1String(name));
    qint64 n = 0;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            n = qint64(d);
    } else if (v.isString()) {
        n = v.toString().toLongLong();
    }
    return n > 0 && n <= 1000000 ? n : 0;
}

} // namespace

Expected<QString> ServerStore::applyEvent(
    const protocol::ScanEvent &event, const QString &deviceId, const QString &now)
{
    const QString action = event.fields.value(QLatin1String("action")).toString();
    static const QStringList applied = {QStringLiteral("pick"), QStringLiteral("short"),
        QStringLiteral("bind-tote"), QStringLiteral("close-carton"), QStringLiteral("damage")};
    if (!applied.contains(action))
        return QString(); // store only
    if (auto q = command(QStringLiteral("SAVEPOINT apply_event")); !q)
        return Error {q.error()};
    auto outcome = applyAction(event, deviceId, now);
    if (!outcome)
        return outcome; // the caller rolls the whole batch back
    if (!outcome.value().isEmpty()) {
        if (auto q = command(QStringLiteral("ROLLBACK TO SAVEPOINT apply_event")); !q)
            return Error {q.error()};
    }
    if (auto q = command(QStringLiteral("RELEASE SAVEPOINT apply_event")); !q)
        return Error {q.error()};
    if (!outcome.value().isEmpty()) {
        if (auto e = addException(QStringLiteral("rejected"), event, deviceId, outcome.value(), now); !e)
            return Error {e.error()};
    }
    return outcome;
}

Expected<void> ServerStore::addException(const QString &kind, const protocol::ScanEvent &event,
    const QString &deviceId, const QString &reason, const QString &now)
{
    const QJsonObject &f = event.fields;
    auto q = run(
        QStringLiteral("INSERT INTO exceptions (kind, event_id, device, operator, order_number, line, "
                       "gtin, location, quantity, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {kind, eventKey(event.id), deviceId, text(event.operatorId), text(fieldText(f, "order").left(64)),
            fieldText(f, "line").toInt(), text(fieldText(f, "gtin").left(64)),
            text(fieldText(f, "location").left(64)), fieldCount(f, "quantity"), reason, now});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return {};
}

Expected<void> ServerStore::setStatus(
    qint64 orderId, const QString &from, const QString &to, const QString &source, const QString &now)
{
    // Conditional on the status we read: a concurrent writer that moved it first wins, and the
    // history gets exactly one row per transition.
    auto q = run(QStringLiteral("UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = ?"),
        {to, now, orderId, from});
    if (!q)
        return Error {q.error()};
    const bool moved = q.value()->numRowsAffected() == 1;
    q.value()->finish();
    if (!moved)
        return {};
    auto h = run(
        QStringLiteral("INSERT INTO order_status_history (order_id, status, at, source) VALUES (?, ?, ?, ?)"),
        {orderId, to, now, source});
    if (!h)
        return Error {h.error()};
    h.value()->finish();
    return {};
}

Expected<void> ServerStore::updatePickedStatus(qint64 orderId, const QString &source, const QString &now)
{
    if (auto s = setStatus(orderId, QStringLiteral("received"), QStringLiteral("processing"), source, now);
        !s)
        return s;
    auto open
        = scalar(QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE order_id = ? AND picked < ordered "
                                "AND shorted = 0"),
            {orderId});
    if (!open)
        return Error {open.error()};
    if (open.value() == 0)
        return setStatus(orderId, QStringLiteral("processing"), QStringLiteral("picked"), source, now);
    return {};
}

Expected<QString> ServerStore::applyAction(
    const protocol::ScanEvent &event, const QString &deviceId, const QString &now)
{
    const QJsonObject &f = event.fields;
    const QString action = f.value(QLatin1String("action")).toString();
    const QString source = eventKey(event.id);
    const QString number = fieldText(f, "order");
    if (number.isEmpty())
        return QStringLiteral("the event names no order");

    OrderRef order;
    {
        // Locks the order row on PostgreSQL, so concurrent events of one order (on other server
        // processes) apply one after the other and each sees the other's line counts when it
        // decides the status. SQLite's single writer gives the same for free.
        auto q
            = run(isPostgres() ? QStringLiteral("SELECT id, status FROM orders WHERE number = ? FOR UPDATE")
                               : QStringLiteral("SELECT id, status FROM orders WHERE number = ?"),
                {number});
        if (!q)
            return Error {q.error()};
        if (q.value()->next())
            order = {q.value()->value(0).toLongLong(), q.value()->value(1).toString()};
        q.value()->finish();
    }
    if (order.id == 0)
        return QStringLiteral("order %1 does not exist").arg(number.left(64));
    if (order.status == QLatin1String("cancelled"))
        return QStringLiteral("order %1 is cancelled").arg(number);
    const int rank = statusRank(order.status);
    const bool pickStep = action == QLatin1String("pick") || action == QLatin1String("short")
        || action == QLatin1String("bind-tote");
    // Picking is over once the order is packed; packing once it is labeled.
    if (pickStep && rank >= statusRank(QStringLiteral("packed")))
        return QStringLiteral("order %1 is already %2; picks are no longer accepted")
            .arg(number, order.status);
    if (!pickStep && action != QLatin1String("damage") && rank >= statusRank(QStringLiteral("labeled")))
        return QStringLiteral("order %1 is already %2; packing is no longer accepted")
            .arg(number, order.status);

    if (action == QLatin1String("damage")) {
        const QString reason = fieldText(f, "reason");
        if (auto e = addException(QStringLiteral("damage"), event, deviceId,
                reason.isEmpty() ? QStringLiteral("damaged") : reason.left(200), now);
            !e)
            return Error {e.error()};
        return QString();
    }

    if (action == QLatin1String("bind-tote")) {
        const QString tote = fieldText(f, "tote");
        if (tote.isEmpty() || tote.size() > 64)
            return QStringLiteral("the bind-tote event for order %1 names no tote").arg(number);
        auto q = run(
            QStringLiteral("UPDATE orders SET tote = ?, updated_at = ? WHERE id = ?"), {tote, now, order.id});
        if (!q)
            return Error {q.error()};
        q.value()->finish();
        if (auto s
            = setStatus(order.id, QStringLiteral("received"), QStringLiteral("processing"), source, now);
            !s)
            return Error {s.error()};
        if (auto c = appendOrderChange(order.id, now); !c)
            return Error {c.error()};
        return QString();
    }

    if (action == QLatin1String("close-carton")) {
        const QString carton = fieldText(f, "carton");
        const QString cartonType = fieldText(f, "cartonType");
        if (carton.isEmpty() || carton.size() > 64)
            return QStringLiteral("the close-carton event for order %1 names no carton").arg(number);
        auto typeKnown
            = scalar(QStringLiteral("SELECT COUNT(*) FROM carton_types WHERE code = ?"), {cartonType});
        if (!typeKnown)
            return Error {typeKnown.error()};
        if (typeKnown.value() == 0)
            return QStringLiteral("unknown carton type '%1'").arg(cartonType.left(64));
        auto exists = scalar(QStringLiteral("SELECT COUNT(*) FROM cartons WHERE code = ?"), {carton});
        if (!exists)
            return Error {exists.error()};
        if (exists.value() > 0)
            return QStringLiteral("carton %1 is already closed").arg(carton);
        const QJsonArray items = f.value(QLatin1String("items")).toArray();
        if (items.isEmpty())
            return QStringLiteral("carton %1 holds no items").arg(carton);
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const int line = fieldText(item, "line").toInt();
            const QString gtin = fieldText(item, "gtin");
            const qint64 quantity = fieldCount(item, "quantity");
            if (line <= 0 || quantity <= 0)
                return QStringLiteral("carton %1 has an item without a valid line and quantity").arg(carton);
            auto q
                = run(QStringLiteral("SELECT p.gtin, l.picked, l.packed FROM order_lines l JOIN products p "
                                     "ON p.id = l.product_id WHERE l.order_id = ? AND l.line = ?"),
                    {order.id, line});
            if (!q)
                return Error {q.error()};
            if (!q.value()->next()) {
                q.value()->finish();
                return QStringLiteral("order %1 has no line %2").arg(number).arg(line);
            }
            const QString lineGtin = q.value()->value(0).toString();
            const qint64 picked = q.value()->value(1).toLongLong();
            const qint64 packed = q.value()->value(2).toLongLong();
            q.value()->finish();
            if (!gtin.isEmpty() && gtin != lineGtin)
                return QStringLiteral("wrong item: line %1 of order %2 is %3, the carton lists %4")
                    .arg(line)
                    .arg(number, lineGtin, gtin.left(64));
            auto u = run(
                QStringLiteral("UPDATE order_lines SET packed = packed + ? WHERE order_id = ? AND line = ? "
                               "AND packed + ? <= picked"),
                {quantity, order.id, line, quantity});
            if (!u)
                return Error {u.error()};
            const bool ok = u.value()->numRowsAffected() == 1;
            u.value()->finish();
            if (!ok)
                return QStringLiteral(
                    "line %1 of order %2: packing %3 more would pass the %4 picked (%5 packed)")
                    .arg(line)
                    .arg(number)
                    .arg(quantity)
                    .arg(picked)
                    .arg(packed);
        }
        auto c = run(
            QStringLiteral("INSERT INTO cartons (code, order_id, carton_type, weight_kg, items, event_id, "
                           "closed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            {carton, order.id, cartonType, qMax(0.0, f.value(QLatin1String("weightKg")).toDouble()),
                QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)), source, now});
        if (!c)
            return Error {c.error()};
        const bool inserted = c.value()->numRowsAffected() == 1;
        c.value()->finish();
        if (!inserted)
            return QStringLiteral("carton %1 is already closed").arg(carton);
        // Packed when the picking is done and every picked unit is in a carton.
        auto left = scalar(QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE order_id = ? AND "
                                          "(packed < picked OR (picked < ordered AND shorted = 0))"),
            {order.id});
        if (!left)
            return Error {left.error()};
        if (left.value() == 0)
            if (auto s = setStatus(order.id, QStringLiteral("picked"), QStringLiteral("packed"), source, now);
                !s)
                return Error {s.error()};
        if (auto ch = appendOrderChange(order.id, now); !ch)
            return Error {ch.error()};
        return QString();
    }

    // pick and short name a line, its product and a location.
    const int line = fieldText(f, "line").toInt();
    const QString gtin = fieldText(f, "gtin");
    const QString location = fieldText(f, "location");
    const qint64 quantity = fieldCount(f, "quantity");
    if (line <= 0)
        return QStringLiteral("the %1 event for order %2 names no line").arg(action, number);
    qint64 ordered = 0, picked = 0, productId = 0;
    QString lineGtin;
    {
        auto q = run(
            QStringLiteral("SELECT p.gtin, l.ordered, l.picked, p.id FROM order_lines l JOIN products p "
                           "ON p.id = l.product_id WHERE l.order_id = ? AND l.line = ?"),
            {order.id, line});
        if (!q)
            return Error {q.error()};
        const bool found = q.value()->next();
        if (found) {
            lineGtin = q.value()->value(0).toString();
            ordered = q.value()->value(1).toLongLong();
            picked = q.value()->value(2).toLongLong();
            productId = q.value()->value(3).toLongLong();
        }
        q.value()->finish();
        if (!found)
            return QStringLiteral("order %1 has no line %2").arg(number).arg(line);
    }
    if (gtin.isEmpty())
        return QStringLiteral("the %1 event names no GTIN").arg(action);
    if (gtin != lineGtin)
        return QStringLiteral("wrong item: scanned %1, line %2 of order %3 wants %4")
            .arg(gtin.left(64))
            .arg(line)
            .arg(number, lineGtin);

    if (action == QLatin1String("short")) {
        auto q = run(
            QStringLiteral("UPDATE order_lines SET shorted = shorted + ? WHERE order_id = ? AND line = ?"),
            {qMax<qint64>(quantity, 1), order.id, line});
        if (!q)
            return Error {q.error()};
        q.value()->finish();
        const QString reason = fieldText(f, "reason");
        if (auto e = addException(QStringLiteral("short"), event, deviceId,
                reason.isEmpty() ? QStringLiteral("short") : reason.left(200), now);
            !e)
            return Error {e.error()};
        if (auto st = updatePickedStatus(order.id, source, now); !st)
            return Error {st.error()};
        if (auto c = appendOrderChange(order.id, now); !c)
            return Error {c.error()};
        return QString();
    }

    // pick
    if (quantity <= 0)
        return QStringLiteral("the pick for line %1 of order %2 has no valid quantity").arg(line).arg(number);
    qint64 locationId = 0;
    {
        auto q = run(QStringLiteral("SELECT id FROM locations WHERE code = ?"), {location});
        if (!q)
            return Error {q.error()};
        if (q.value()->next())
            locationId = q.value()->value(0).toLongLong();
        q.value()->finish();
    }
    if (locationId == 0)
        return QStringLiteral("location '%1' does not exist").arg(location.left(64));
    // Both guards are conditional updates: the database decides, so two servers racing for the
    // last units cannot both win.
    auto line_
        = run(QStringLiteral("UPDATE order_lines SET picked = picked + ? WHERE order_id = ? AND line = ? "
                             "AND picked + ? <= ordered"),
            {quantity, order.id, line, quantity});
    if (!line_)
        return Error {line_.error()};
    const bool lineOk = line_.value()->numRowsAffected() == 1;
    line_.value()->finish();
    if (!lineOk)
        return QStringLiteral("over-pick: line %1 of order %2 wants %3, %4 already picked, this pick adds %5")
            .arg(line)
            .arg(number)
            .arg(ordered)
            .arg(picked)
            .arg(quantity);
    auto stock = run(QStringLiteral("UPDATE stock SET quantity = quantity - ? WHERE location_id = ? AND "
                                    "product_id = ? AND quantity >= ?"),
        {quantity, locationId, productId, quantity});
    if (!stock)
        return Error {stock.error()};
    const bool stockOk = stock.value()->numRowsAffected() == 1;
    stock.value()->finish();
    if (!stockOk) {
        auto have
            = scalar(QStringLiteral("SELECT COALESCE(SUM(quantity), 0) FROM stock WHERE location_id = ? AND "
                                    "product_id = ?"),
                {locationId, productId});
        if (!have)
            return Error {have.error()};
        return QStringLiteral("no stock: location %1 holds %2 of %3, the pick takes %4")
            .arg(location)
            .arg(have.value())
            .arg(gtin)
            .arg(quantity);
    }
    const QString tote = fieldText(f, "tote");
    if (!tote.isEmpty() && tote.size() <= 64) {
        auto q
            = run(QStringLiteral("UPDATE orders SET tote = ? WHERE id = ? AND tote = ''"), {tote, order.id});
        if (!q)
            return Error {q.error()};
        q.value()->finish();
    }
    if (auto st = updatePickedStatus(order.id, source, now); !st)
        return Error {st.error()};
    if (auto c = appendOrderChange(order.id, now); !c)
        return Error {c.error()};
    return QString();
}

Expected<QList<ServerStore::ExceptionRow>> ServerStore::exceptions(qint64 after, int limit)
{
    auto q = run(
        QStringLiteral("SELECT id, kind, event_id, device, operator, order_number, line, gtin, location, "
                       "quantity, reason, at FROM exceptions WHERE id > ? ORDER BY id LIMIT ?"),
        {after, limit});
    if (!q)
        return Error {q.error()};
    QList<ExceptionRow> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        list.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toString(), r.value(4).toString(), r.value(5).toString(), r.value(6).toInt(),
            r.value(7).toString(), r.value(8).toString(), r.value(9).toLongLong(), r.value(10).toString(),
            parseTimestamp(r.value(11))});
    }
    q.value()->finish();
    return list;
}

// --- change log -----------------------------------------------------------------------------

Expected<void> ServerStore::appendChange(
    const QString &type, const QString &key, const QJsonObject &data, const QString &now)
{
    if (isPostgres()) {
        auto lock = run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kChangeLogLock));
        if (!lock)
            return Error {lock.error()};
        lock.value()->finish();
    }
    auto q
        = run(QStringLiteral("INSERT INTO changes (type, key, op, data, at) VALUES (?, ?, 'upsert', ?, ?)"),
            {type, key, QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), now});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return {};
}

Expected<void> ServerStore::appendOrderChange(qint64 orderId, const QString &now)
{
    auto q = run(QStringLiteral("SELECT number, customer, status, tote FROM orders WHERE id = ?"), {orderId});
    if (!q)
        return Error {q.error()};
    if (!q.value()->next()) {
        q.value()->finish();
        return {};
    }
    QJsonObject data {{QLatin1String("number"), q.value()->value(0).toString()},
        {QLatin1String("customer"), q.value()->value(1).toString()},
        {QLatin1String("status"), q.value()->value(2).toString()},
        {QLatin1String("tote"), q.value()->value(3).toString()}};
    q.value()->finish();
    auto l
        = run(QStringLiteral("SELECT l.line, p.gtin, p.name, l.ordered, l.picked, l.packed, l.shorted FROM "
                             "order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? "
                             "ORDER BY l.line"),
            {orderId});
    if (!l)
        return Error {l.error()};
    QJsonArray lines;
    while (l.value()->next()) {
        const QSqlQuery &r = *l.value();
        lines.append(QJsonObject {{QLatin1String("line"), r.value(0).toInt()},
            {QLatin1String("gtin"), r.value(1).toString()}, {QLatin1String("name"), r.value(2).toString()},
            {QLatin1String("ordered"), r.value(3).toLongLong()},
            {QLatin1String("picked"), r.value(4).toLongLong()},
            {QLatin1String("packed"), r.value(5).toLongLong()},
            {QLatin1String("shorted"), r.value(6).toLongLong()}});
    }
    l.value()->finish();
    data.insert(QLatin1String("lines"), lines);
    return appendChange(QStringLiteral("order"), data.value(QLatin1String("number")).toString(), data, now);
}

Expected<void> ServerStore::appendTaskChange(const QString &taskId, const QString &now)
{
    auto q = run(QStringLiteral("SELECT kind, status, assignee FROM tasks WHERE id = ?"), {taskId});
    if (!q)
        return Error {q.error()};
    if (!q.value()->next()) {
        q.value()->finish();
        return {};
    }
    QJsonObject data {{QLatin1String("id"), taskId}, {QLatin1String("kind"), q.value()->value(0).toString()},
        {QLatin1String("status"), q.value()->value(1).toString()},
        {QLatin1String("assignee"), q.value()->value(2).toString()}};
    q.value()->finish();
    auto l
        = run(QStringLiteral("SELECT o.number, t.line, p.gtin, loc.code, loc.walk_sequence, t.quantity FROM "
                             "task_lines t JOIN orders o ON o.id = t.order_id JOIN order_lines ol ON "
                             "ol.order_id = t.order_id AND ol.line = t.line JOIN products p ON p.id = "
                             "ol.product_id JOIN locations loc ON loc.id = t.location_id WHERE t.task_id = ? "
                             "ORDER BY t.position"),
            {taskId});
    if (!l)
        return Error {l.error()};
    QJsonArray lines;
    QStringList orders;
    while (l.value()->next()) {
        const QSqlQuery &r = *l.value();
        const QString number = r.value(0).toString();
        if (!orders.contains(number))
            orders.append(number);
        lines.append(QJsonObject {{QLatin1String("order"), number},
            {QLatin1String("line"), r.value(1).toInt()}, {QLatin1String("gtin"), r.value(2).toString()},
            {QLatin1String("location"), r.value(3).toString()},
            {QLatin1String("walkSequence"), r.value(4).toInt()},
            {QLatin1String("quantity"), r.value(5).toLongLong()}});
    }
    l.value()->finish();
    orders.sort();
    data.insert(QLatin1String("orders"), QJsonArray::fromStringList(orders));
    data.insert(QLatin1String("lines"), lines);
    return appendChange(QStringLiteral("task"), taskId, data, now);
}

Expected<QList<ServerStore::Change>> ServerStore::changes(qint64 after, int limit)
{
    auto q
        = run(QStringLiteral("SELECT id, type, key, op, data FROM changes WHERE id > ? ORDER BY id LIMIT ?"),
            {after, limit});
    if (!q)
        return Error {q.error()};
    QList<Change> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        list.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toString(), QJsonDocument::fromJson(r.value(4).toString().toUtf8()).object()});
    }
    q.value()->finish();
    return list;
}

// --- tasks ----------------------------------------------------------------------------------

Expected<QList<ServerStore::TaskRow>> ServerStore::taskRows(const QString &status, const QString &id)
{
    // One statement text per filter (prepared once each): no "? = ''" tricks PostgreSQL cannot type.
    const QString where = !id.isEmpty() ? QStringLiteral(" WHERE t.id = ?")
        : !status.isEmpty()             ? QStringLiteral(" WHERE t.status = ?")
                                        : QString();
    const QVariant filter = !id.isEmpty() ? QVariant(id) : QVariant(status);
    const QString sql = QStringLiteral(
        "SELECT t.id, t.kind, t.status, t.assignee, t.created_at, "
        "(SELECT COUNT(*) FROM task_lines l WHERE l.task_id = t.id), "
        "CASE WHEN t.assignee = '' THEN '' "
        "WHEN EXISTS (SELECT 1 FROM operators o WHERE o.badge = t.assignee) THEN 'operator' "
        "WHEN EXISTS (SELECT 1 FROM devices d WHERE d.id = t.assignee) THEN 'device' ELSE '' END "
        "FROM tasks t%1 ORDER BY t.id")
                            .arg(where);
    auto q = where.isEmpty() ? run(sql) : run(sql, {filter});
    if (!q)
        return Error {q.error()};
    QList<TaskRow> list;
    QHash<QString, qsizetype> byId;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        byId.insert(r.value(0).toString(), list.size());
        list.append(
            {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                r.value(6).toString(), {}, r.value(5).toInt(), parseTimestamp(r.value(4))});
    }
    q.value()->finish();
    const QString orderWhere = !id.isEmpty() ? QStringLiteral(" WHERE l.task_id = ?")
        : !status.isEmpty()                  ? QStringLiteral(" WHERE t.status = ?")
                                             : QString();
    const QString orderSql
        = QStringLiteral("SELECT DISTINCT l.task_id, o.number FROM task_lines l JOIN tasks t "
                         "ON t.id = l.task_id JOIN orders o ON o.id = l.order_id%1 "
                         "ORDER BY l.task_id, o.number")
              .arg(orderWhere);
    auto o = orderWhere.isEmpty() ? run(orderSql) : run(orderSql, {filter});
    if (!o)
        return Error {o.error()};
    while (o.value()->next()) {
        const auto it = byId.constFind(o.value()->value(0).toString());
        if (it != byId.constEnd())
            list[it.value()].orders.append(o.value()->value(1).toString());
    }
    o.value()->finish();
    return list;
}

Expected<QList<ServerStore::TaskRow>> ServerStore::tasks(const QString &status)
{
    return taskRows(status, {});
}

Expected<ServerStore::Assignment> ServerStore::assignTask(const QString &taskId, const QString &assignee)
{
    Assignment result;
    if (auto began = begin(); !began)
        return Error {began.error()};
    auto fail = [this](const QString &why) -> Expected<Assignment> {
        rollback();
        return Error {why};
    };
    auto found = taskRows({}, taskId);
    if (!found)
        return fail(found.error());
    if (found->isEmpty()) {
        rollback();
        result.outcome = Assignment::Outcome::NoSuchTask;
        return result;
    }
    result.task = found->first();
    if (!assignee.isEmpty()) {
        auto known = scalar(QStringLiteral("SELECT (SELECT COUNT(*) FROM operators WHERE badge = ?) + "
                                           "(SELECT COUNT(*) FROM devices WHERE id = ?)"),
            {assignee, assignee});
        if (!known)
            return fail(known.error());
        if (known.value() == 0) {
            rollback();
            result.outcome = Assignment::Outcome::UnknownAssignee;
            return result;
        }
    }
    if (result.task.status != QLatin1String("open")) {
        rollback();
        result.outcome = Assignment::Outcome::NotOpen;
        return result;
    }
    if (result.task.assignee != assignee) {
        const QString now = timestamp(QDateTime::currentDateTimeUtc());
        auto u = run(QStringLiteral("UPDATE tasks SET assignee = ? WHERE id = ?"), {assignee, taskId});
        if (!u)
            return fail(u.error());
        u.value()->finish();
        if (auto c = appendTaskChange(taskId, now); !c)
            return fail(c.error());
    }
    if (auto committed = commit(); !committed)
        return Error {committed.error()};
    auto now = taskRows({}, taskId);
    if (!now)
        return Error {now.error()};
    if (!now->isEmpty())
        result.task = now->first();
    return result;
}

// --- pick waves -------------------------------------------------------------------------------

Expected<void> ServerStore::seedTasks(const QString &now)
{
    // Waves of kOrdersPerWave open orders; every line is taken from the location holding enough of
    // its product (the first on the walk), and a wave's lines follow the walk sequence.
    constexpr int kOrdersPerWave = 4;
    struct Line
    {
        qint64 orderId;
        int line;
        qint64 locationId;
        int walk;
        qint64 quantity;
    };
    QList<QPair<qint64, QList<Line>>> orders; // order id, lines
    {
        auto q = run(
            QStringLiteral("SELECT o.id, l.line, l.product_id, l.ordered FROM orders o JOIN order_lines l "
                           "ON l.order_id = o.id WHERE o.status IN ('received', 'processing') "
                           "ORDER BY o.number, l.line"));
        if (!q)
            return Error {q.error()};
        QList<std::array<qint64, 4>> rows;
        while (q.value()->next())
            rows.append({q.value()->value(0).toLongLong(), q.value()->value(1).toLongLong(),
                q.value()->value(2).toLongLong(), q.value()->value(3).toLongLong()});
        q.value()->finish();
        for (const auto &row : std::as_const(rows)) {
            auto loc
                = run(QStringLiteral("SELECT s.location_id, l.walk_sequence FROM stock s JOIN locations l ON "
                                     "l.id = s.location_id WHERE s.product_id = ? AND s.quantity > 0 "
                                     "ORDER BY CASE WHEN s.quantity >= ? THEN 0 ELSE 1 END, l.walk_sequence, "
                                     "l.code LIMIT 1"),
                    {row[2], row[3]});
            if (!loc)
                return Error {loc.error()};
            const bool found = loc.value()->next();
            const qint64 locationId = found ? loc.value()->value(0).toLongLong() : 0;
            const int walk = found ? loc.value()->value(1).toInt() : 0;
            loc.value()->finish();
            if (!found)
                continue; // nothing to pick from: the line waits for stock
            if (orders.isEmpty() || orders.constLast().first != row[0])
                orders.append(qMakePair(row[0], QList<Line>()));
            orders.last().second.append(Line {row[0], int(row[1]), locationId, walk, row[3]});
        }
    }
    for (qsizetype first = 0, wave = 1; first < orders.size(); first += kOrdersPerWave, ++wave) {
        const QString id = QStringLiteral("WAVE-%1").arg(wave, 4, 10, QLatin1Char('0'));
        QList<Line> lines;
        for (qsizetype i = first; i < qMin(first + kOrdersPerWave, orders.size()); ++i)
            lines += orders.at(i).second;
        std::stable_sort(
            lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.walk < b.walk; });
        auto t = run(QStringLiteral("INSERT INTO tasks (id, kind, status, assignee, created_at) VALUES "
                                    "(?, 'pick', 'open', '', ?)"),
            {id, now});
        if (!t)
            return Error {t.error()};
        t.value()->finish();
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const Line &l = lines.at(i);
            auto q = run(
                QStringLiteral("INSERT INTO task_lines (task_id, position, order_id, line, location_id, "
                               "quantity) VALUES (?, ?, ?, ?, ?, ?)"),
                {id, i + 1, l.orderId, l.line, l.locationId, l.quantity});
            if (!q)
                return Error {q.error()};
            q.value()->finish();
        }
    }
    return {};
}

Expected<void> ServerStore::seedChanges(const QString &now)
{
    // The first page a device downloads: every entity once, in the order a device needs them
    // (products and locations before the orders and tasks that refer to them).
    {
        auto products = this->products();
        if (!products)
            return Error {products.error()};
        for (const auto &p : std::as_const(products.value()))
            if (auto c = appendChange(QStringLiteral("product"), p.gtin,
                    {{QLatin1String("gtin"), p.gtin}, {QLatin1String("sku"), p.sku},
                        {QLatin1String("name"), p.name}, {QLatin1String("lotTracked"), p.lotTracked},
                        {QLatin1String("expiryTracked"), p.expiryTracked},
                        {QLatin1String("serialTracked"), p.serialTracked}},
                    now);
                !c)
                return c;
    }
    {
        auto locations = this->locations();
        if (!locations)
            return Error {locations.error()};
        for (const auto &l : std::as_const(locations.value()))
            if (auto c = appendChange(QStringLiteral("location"), l.code,
                    {{QLatin1String("code"), l.code}, {QLatin1String("zone"), l.zone},
                        {QLatin1String("walkSequence"), l.walkSequence}},
                    now);
                !c)
                return c;
    }
    auto collect = [this](const QString &sql, int columns) -> Expected<QList<QStringList>> {
        auto q = run(sql);
        if (!q)
            return Error {q.error()};
        QList<QStringList> rows;
        while (q.value()->next()) {
            QStringList row;
            for (int i = 0; i < columns; ++i)
                row.append(q.value()->value(i).toString());
            rows.append(row);
        }
        q.value()->finish();
        return rows;
    };
    auto operators
        = collect(QStringLiteral("SELECT badge, name, role, pin_hash FROM operators ORDER BY badge"), 4);
    if (!operators)
        return Error {operators.error()};
    for (const QStringList &o : std::as_const(operators.value()))
        if (auto c = appendChange(QStringLiteral("operator"), o.at(0),
                {{QLatin1String("badge"), o.at(0)}, {QLatin1String("name"), o.at(1)},
                    {QLatin1String("role"), o.at(2)}, {QLatin1String("pinHash"), o.at(3)}},
                now);
            !c)
            return c;
    auto cartons = collect(
        QStringLiteral(
            "SELECT code, name, length_mm, width_mm, height_mm, tare_kg FROM carton_types ORDER BY code"),
        6);
    if (!cartons)
        return Error {cartons.error()};
    QJsonArray cartonCodes;
    for (const QStringList &c : std::as_const(cartons.value())) {
        cartonCodes.append(c.at(0));
        if (auto a = appendChange(QStringLiteral("carton"), c.at(0),
                {{QLatin1String("code"), c.at(0)}, {QLatin1String("name"), c.at(1)},
                    {QLatin1String("lengthMm"), c.at(2).toInt()}, {QLatin1String("widthMm"), c.at(3).toInt()},
                    {QLatin1String("heightMm"), c.at(4).toInt()},
                    {QLatin1String("tareKg"), c.at(5).toDouble()}},
                now);
            !a)
            return a;
    }
    auto orders = collect(QStringLiteral("SELECT id FROM orders ORDER BY number"), 1);
    if (!orders)
        return Error {orders.error()};
    for (const QStringList &o : std::as_const(orders.value()))
        if (auto c = appendOrderChange(o.at(0).toLongLong(), now); !c)
            return c;
    auto tasks = collect(QStringLiteral("SELECT id FROM tasks ORDER BY id"), 1);
    if (!tasks)
        return Error {tasks.error()};
    for (const QStringList &t : std::as_const(tasks.value()))
        if (auto c = appendTaskChange(t.at(0), now); !c)
            return c;
    // The demo scheme's barcode patterns (DOMAIN.md), so devices classify scans offline.
    const QJsonObject config {
        {QLatin1String("classifier"),
            QJsonObject {{QLatin1String("location"), QStringLiteral("^[A-Z]-\\d{2}-\\d{2}$")},
                {QLatin1String("tote"), QStringLiteral("^TOTE-\\d{4}$")},
                {QLatin1String("badge"), QStringLiteral("^OP-\\d{4}$")},
                {QLatin1String("order"), QStringLiteral("^SO-\\d{6}$")}}},
        {QLatin1String("cartons"), cartonCodes}};
    return appendChange(QStringLiteral("config"), QStringLiteral("device"), config, now);
}

// --- authentication ---------------------------------------------------------------------------

namespace {

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

Expected<void> ServerStore::addEnrolmentCode(const QString &code)
{
    auto q = run(
        QStringLiteral("INSERT INTO enrolment_codes (code, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"),
        {code, timestamp(QDateTime::currentDateTimeUtc())});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return {};
}

Expected<QString> ServerStore::enrol(const QString &code, const QString &device, const QString &name)
{
    auto valid = scalar(QStringLiteral("SELECT COUNT(*) FROM enrolment_codes WHERE code = ?"), {code});
    if (!valid)
        return Error {valid.error()};
    if (valid.value() == 0)
        return QString();
    const QString token = newToken();
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    // One row per device: a new enrolment replaces the token hash, which revokes the old token.
    auto q = run(QStringLiteral("INSERT INTO devices (id, name, first_seen, last_seen, token_hash) VALUES "
                                "(?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                                "token_hash = excluded.token_hash, last_seen = excluded.last_seen"),
        {device, text(name), now, now, tokenHash(token)});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return token;
}

Expected<qint64> ServerStore::lastSequence(const QString &device)
{
    auto stored
        = scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device = ?"), {device});
    if (!stored)
        return stored;
    auto refused = scalar(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM event_answers WHERE device = ?"), {device});
    if (!refused)
        return refused;
    return qMax(stored.value(), refused.value());
}

Expected<ServerStore::Principal> ServerStore::authenticate(const QString &token)
{
    Principal who;
    if (token.isEmpty() || token.size() > 256)
        return who;
    const QString hash = tokenHash(token);
    auto d = run(QStringLiteral("SELECT id FROM devices WHERE token_hash = ?"), {hash});
    if (!d)
        return Error {d.error()};
    if (d.value()->next())
        who = {Principal::Kind::Device, d.value()->value(0).toString(), {}};
    d.value()->finish();
    if (who.kind != Principal::Kind::None)
        return who;
    auto o = run(QStringLiteral("SELECT o.badge, o.role FROM operator_tokens t JOIN operators o ON o.badge = "
                                "t.badge WHERE t.token_hash = ?"),
        {hash});
    if (!o)
        return Error {o.error()};
    if (o.value()->next())
        who = {Principal::Kind::Operator, o.value()->value(0).toString(), o.value()->value(1).toString()};
    o.value()->finish();
    return who;
}

Expected<ServerStore::LoginResult> ServerStore::login(const QString &badge, const QString &pin)
{
    LoginResult result;
    const QDateTime nowTime = QDateTime::currentDateTimeUtc();
    const QString now = timestamp(nowTime);
    int failures = 0;
    QDateTime lockedUntil, nextAttempt;
    {
        auto q = run(
            QStringLiteral("SELECT failures, locked_until, next_attempt FROM login_failures WHERE badge = ?"),
            {badge});
        if (!q)
            return Error {q.error()};
        if (q.value()->next()) {
            failures = q.value()->value(0).toInt();
            lockedUntil = parseTimestamp(q.value()->value(1));
            nextAttempt = parseTimestamp(q.value()->value(2));
        }
        q.value()->finish();
    }
    // Locked, or too soon after the last failure: refused without looking at the PIN, so
    // guessing costs wall-clock time however fast the guesser is.
    const QDateTime until = lockedUntil.isValid() && lockedUntil > nowTime ? lockedUntil
        : nextAttempt.isValid() && nextAttempt > nowTime                   ? nextAttempt
                                                                           : QDateTime();
    if (until.isValid()) {
        result.outcome = LoginResult::Outcome::Locked;
        result.lockedSeconds = qMax<qint64>(1, (nowTime.msecsTo(until) + 999) / 1000);
        result.failures = failures;
        return result;
    }
    auto stored = operatorPinHash(badge);
    if (!stored)
        return Error {stored.error()};
    if (!stored.value().isEmpty() && pinhash::verify(pin, stored.value())) {
        const QString token = newToken();
        auto d = run(QStringLiteral("DELETE FROM login_failures WHERE badge = ?"), {badge});
        if (!d)
            return Error {d.error()};
        d.value()->finish();
        auto t = run(
            QStringLiteral("INSERT INTO operator_tokens (token_hash, badge, created_at) VALUES (?, ?, ?)"),
            {tokenHash(token), badge, now});
        if (!t)
            return Error {t.error()};
        t.value()->finish();
        auto o = run(QStringLiteral("SELECT role, name FROM operators WHERE badge = ?"), {badge});
        if (!o)
            return Error {o.error()};
        if (o.value()->next()) {
            result.role = o.value()->value(0).toString();
            result.name = o.value()->value(1).toString();
        }
        o.value()->finish();
        result.outcome = LoginResult::Outcome::Ok;
        result.token = token;
        return result;
    }
    ++failures;
    const bool lock = failures >= kMaxPinFailures;
    // Delays double per failure (base, 2×base, 4×base ...) until the lockout.
    const qint64 delayMs = qint64(m_loginDelayMs) << qMin(failures - 1, 10);
    // The table holds only recent failures: a badge's count starts again once its last failure
    // (and any lockout) is older than the lockout window, so guessing many badges cannot grow it.
    auto pruned
        = run(QStringLiteral("DELETE FROM login_failures WHERE locked_until < ? AND next_attempt < ?"),
            {now, timestamp(nowTime.addSecs(-kLockoutSeconds))});
    if (!pruned)
        return Error {pruned.error()};
    pruned.value()->finish();
    bool record = true;
    if (stored.value().isEmpty()) {
        // An unknown badge is answered exactly like a wrong PIN (it does not tell which badges
        // exist) and counted like one, up to a cap: the per-address request limit bounds one
        // client, the cap bounds all of them together.
        auto rows = scalar(QStringLiteral("SELECT COUNT(*) FROM login_failures"));
        if (!rows)
            return Error {rows.error()};
        record = rows.value() < m_maxLoginFailureRows;
    }
    auto u = !record
        ? Expected<QSqlQuery *>(nullptr)
        : run(
            QStringLiteral("INSERT INTO login_failures (badge, failures, locked_until, next_attempt) VALUES "
                           "(?, ?, ?, ?) ON CONFLICT (badge) DO UPDATE SET failures = excluded.failures, "
                           "locked_until = excluded.locked_until, next_attempt = excluded.next_attempt"),
            {badge.left(64), lock ? 0 : failures,
                lock ? timestamp(nowTime.addSecs(kLockoutSeconds)) : QStringLiteral(""),
                timestamp(nowTime.addMSecs(delayMs))});
    if (!u)
        return Error {u.error()};
    if (u.value())
        u.value()->finish();
    result.failures = failures;
    if (lock) {
        result.outcome = LoginResult::Outcome::Locked;
        result.lockedSeconds = kLockoutSeconds;
    }
    return result;
}

Expected<QList<ServerStore::DeviceRow>> ServerStore::devices()
{
    // Sequence numbers received: stored events and refusals remembered without a row (UNION
    // counts a number once).
    auto q = run(QStringLiteral(
        "SELECT d.id, d.name, d.token_hash <> '', d.first_seen, d.last_seen, COALESCE(r.last_seq, 0), "
        "COALESCE(r.received, 0) FROM devices d LEFT JOIN (SELECT device, MAX(seq) AS last_seq, COUNT(*) AS "
        "received FROM (SELECT device, seq FROM events UNION SELECT device, seq FROM event_answers) AS seqs "
        "GROUP BY device) AS r ON r.device = d.id ORDER BY d.id"));
    if (!q)
        return Error {q.error()};
    QList<DeviceRow> list;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        list.append(
            {r.value(0).toString(), r.value(1).toString(), r.value(2).toBool(), parseTimestamp(r.value(3)),
                parseTimestamp(r.value(4)), r.value(5).toLongLong(), r.value(6).toLongLong()});
    }
    q.value()->finish();
    return list;
}

Expected<ServerStore::FloorCounts> ServerStore::floorCounts(const QDateTime &activeSince)
{
    FloorCounts counts;
    auto grouped = [this](const QString &sql, QList<std::pair<QString, qint64>> *into) -> Expected<void> {
        auto q = run(sql);
        if (!q)
            return Error {q.error()};
        while (q.value()->next())
            into->append({q.value()->value(0).toString(), q.value()->value(1).toLongLong()});
        q.value()->finish();
        return {};
    };
    if (auto read
        = grouped(QStringLiteral("SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status"),
            &counts.ordersByStatus);
        !read)
        return Error {read.error()};
    if (auto read
        = grouped(QStringLiteral("SELECT kind, COUNT(*) FROM exceptions GROUP BY kind ORDER BY kind"),
            &counts.exceptionsByKind);
        !read)
        return Error {read.error()};
    auto enrolled = scalar(QStringLiteral("SELECT COUNT(*) FROM devices WHERE token_hash <> ''"));
    if (!enrolled)
        return Error {enrolled.error()};
    counts.devicesEnrolled = enrolled.value();
    auto active = scalar(QStringLiteral("SELECT COUNT(*) FROM devices WHERE last_seen >= ?"),
        {timestamp(activeSince.toUTC())});
    if (!active)
        return Error {active.error()};
    counts.devicesActive = active.value();
    return counts;
}

// --- orders import ----------------------------------------------------------------------------

Expected<QList<ServerStore::RowError>> ServerStore::importOrders(const QList<ImportOrder> &orders)
{
    QList<RowError> errors;
    if (auto began = begin(); !began)
        return Error {began.error()};
    auto fail = [this](const QString &why) -> Expected<QList<RowError>> {
        rollback();
        return Error {why};
    };
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    for (const ImportOrder &item : orders) {
        const WarehouseData::Order &o = item.order;
        auto exists = scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE number = ?"), {o.number});
        if (!exists)
            return fail(exists.error());
        if (exists.value() > 0) {
            errors.append({item.row, QStringLiteral("order %1 already exists").arg(o.number)});
            continue;
        }
        QList<qint64> productIds;
        for (const auto &line : o.lines) {
            auto id = scalar(
                QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM products WHERE gtin = ?"), {line.gtin});
            if (!id)
                return fail(id.error());
            if (id.value() == 0)
                errors.append({item.row,
                    QStringLiteral("order %1 line %2: unknown GTIN %3")
                        .arg(o.number)
                        .arg(line.line)
                        .arg(line.gtin)});
            productIds.append(id.value());
        }
        if (!errors.isEmpty())
            continue; // keep checking the rest so the admin sees every problem at once
        auto q = run(QStringLiteral("INSERT INTO orders (number, customer, status, created_at, updated_at) "
                                    "VALUES (?, ?, 'received', ?, ?) RETURNING id"),
            {o.number, o.customer, now, now});
        if (!q)
            return fail(q.error());
        const qint64 orderId = returnedId(q.value());
        q.value()->finish();
        for (qsizetype i = 0; i < o.lines.size(); ++i) {
            auto l
                = run(QStringLiteral("INSERT INTO order_lines (order_id, line, product_id, ordered) VALUES "
                                     "(?, ?, ?, ?)"),
                    {orderId, o.lines.at(i).line, productIds.at(i), o.lines.at(i).quantity});
            if (!l)
                return fail(l.error());
            l.value()->finish();
        }
        auto h = run(QStringLiteral("INSERT INTO order_status_history (order_id, status, at, source) VALUES "
                                    "(?, 'received', ?, 'import')"),
            {orderId, now});
        if (!h)
            return fail(h.error());
        h.value()->finish();
        if (auto c = appendOrderChange(orderId, now); !c)
            return fail(c.error());
    }
    if (!errors.isEmpty()) {
        rollback();
        return errors;
    }
    if (auto committed = commit(); !committed)
        return Error {committed.error()};
    return errors;
}

} // namespace dockhand::server
