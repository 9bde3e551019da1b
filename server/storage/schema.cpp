#include "storage/schema.h"

#include "storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <initializer_list>
#include <iterator>

namespace dockhand::server {

namespace {

// Numbered migrations for the SQLite dialect: entry i brings the schema from version i to i + 1.
// Never edit a released entry; append one. A PostgreSQL dialect gets its own list with the same
// numbering (same tables and constraints, its own types), selected in migrate().
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
    // 2 -> 3: each device's count of stored events, kept by the upload that stores them, so
    // counting the events (GET /v1/health, GET /v1/events) does not read the whole table.
    {
        "ALTER TABLE devices ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0 CHECK (event_count >= 0)",
        "UPDATE devices SET event_count = (SELECT COUNT(*) FROM events WHERE events.device = devices.id)",
    },
    // 3 -> 4: master data as a site imports it (POST /v1/import/{kind}, dockhand-server import):
    // a product's unit weight and dimensions, a location's check digits, stock per lot where the
    // product is lot-tracked (stock.quantity is then the sum of its lots), a record of every
    // import with who made it, and API keys for the systems that talk to the server.
    {
        "ALTER TABLE products ADD COLUMN unit_weight_kg REAL NOT NULL DEFAULT 0 CHECK (unit_weight_kg >= 0)",
        "ALTER TABLE products ADD COLUMN length_mm INTEGER NOT NULL DEFAULT 0 CHECK (length_mm >= 0)",
        "ALTER TABLE products ADD COLUMN width_mm INTEGER NOT NULL DEFAULT 0 CHECK (width_mm >= 0)",
        "ALTER TABLE products ADD COLUMN height_mm INTEGER NOT NULL DEFAULT 0 CHECK (height_mm >= 0)",
        "ALTER TABLE locations ADD COLUMN check_digits TEXT NOT NULL DEFAULT ''",
        "CREATE TABLE stock_lots ("
        "  location_id INTEGER NOT NULL REFERENCES locations (id),"
        "  product_id INTEGER NOT NULL REFERENCES products (id),"
        "  lot TEXT NOT NULL CHECK (lot <> ''),"
        "  expiry TEXT NOT NULL DEFAULT '',"
        "  quantity INTEGER NOT NULL CHECK (quantity >= 0),"
        "  PRIMARY KEY (location_id, product_id, lot))",
        // Stock promised to orders at intake (orders/reservations.h): available to promise is
        // on hand (the sum of the product's stock) minus products.reserved, which is the sum of
        // its open lines' order_lines.reserved. An order that could not be fully reserved is
        // held (orders.backordered) until stock arrives.
        "ALTER TABLE products ADD COLUMN reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0)",
        "ALTER TABLE order_lines ADD COLUMN reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0)",
        "ALTER TABLE orders ADD COLUMN backordered INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX orders_backordered ON orders (backordered, id)",
        // The first answer to each Idempotency-Key of a caller (POST /v1/orders): a repeat gets
        // it again; the same key with another body is refused.
        "CREATE TABLE idempotency_keys ("
        "  caller TEXT NOT NULL,"
        "  key TEXT NOT NULL,"
        "  request_hash TEXT NOT NULL,"
        "  status INTEGER NOT NULL DEFAULT 0,"
        "  answer TEXT NOT NULL DEFAULT '',"
        "  created_at TEXT NOT NULL,"
        "  PRIMARY KEY (caller, key))",
        // Machine credentials (access/apikeys.h): only the key's SHA-256 is stored.
        "CREATE TABLE api_keys ("
        "  id TEXT PRIMARY KEY,"
        "  name TEXT NOT NULL,"
        "  scopes TEXT NOT NULL,"
        "  key_hash TEXT NOT NULL UNIQUE,"
        "  created_by TEXT NOT NULL DEFAULT '',"
        "  created_at TEXT NOT NULL,"
        "  last_used_at TEXT NOT NULL DEFAULT '',"
        "  revoked_at TEXT NOT NULL DEFAULT '')",
        "CREATE TABLE master_data_imports ("
        "  id INTEGER PRIMARY KEY,"
        "  kind TEXT NOT NULL,"
        "  actor TEXT NOT NULL,"
        "  created INTEGER NOT NULL,"
        "  updated INTEGER NOT NULL,"
        "  unchanged INTEGER NOT NULL,"
        "  at TEXT NOT NULL)",
    },
};
static_assert(std::size(kSqliteMigrations) == kSchemaVersion);

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

} // namespace

int schemaVersion(Database &database)
{
    QSqlQuery q(database.connection());
    if (database.isPostgres()) {
        // PostgreSQL has no user_version: a one-column table holds it. Created under the
        // migration lock: two servers starting together would otherwise race on the catalog.
        QSqlDatabase db = database.connection();
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

Expected<void> migrate(Database &database)
{
    int version = schemaVersion(database);
    if (version < 0)
        return Error {database.isPostgres()
                ? QStringLiteral("cannot read the schema version of %1").arg(database.describe())
                : QStringLiteral("cannot read the schema version of %1 (is it an SQLite database?)")
                      .arg(database.describe())};
    if (version > kSchemaVersion)
        return Error {
            QStringLiteral("the database %1 was written by a newer dockhand-server (schema %2, this build "
                           "knows %3)")
                .arg(database.describe())
                .arg(version)
                .arg(kSchemaVersion)};
    QSqlDatabase db = database.connection();
    for (; version < kSchemaVersion; ++version) {
        if (!db.transaction())
            return Error {QStringLiteral("cannot upgrade the database %1: %2")
                              .arg(database.describe(), describeSqlError(db.lastError()))};
        QString error;
        if (database.isPostgres()) {
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
            if (!q.exec(database.isPostgres() ? postgresDdl(sql) : QString::fromLatin1(sql)))
                error = describeSqlError(q.lastError());
        }
        if (error.isEmpty()) {
            QSqlQuery q(db);
            if (!q.exec(database.isPostgres()
                        ? QStringLiteral("INSERT INTO dockhand_schema (version) VALUES (%1)").arg(version + 1)
                        : QStringLiteral("PRAGMA user_version=%1").arg(version + 1)))
                error = describeSqlError(q.lastError());
        }
        if (!error.isEmpty() || !db.commit()) {
            if (error.isEmpty())
                error = describeSqlError(db.lastError());
            db.rollback();
            return Error {QStringLiteral("cannot upgrade the database %1 to schema %2: %3")
                              .arg(database.describe())
                              .arg(version + 1)
                              .arg(error)};
        }
        qCInfo(lcServerStore) << "database schema upgraded to version" << version + 1;
    }
    return {};
}

} // namespace dockhand::server
