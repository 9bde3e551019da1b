#include "serverstore.h"

#include "pinhash.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

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
};
static_assert(std::size(kSqliteMigrations) == ServerStore::kSchemaVersion);

// Longest raw scan the server keeps; anything longer is not a barcode but noise or an attack.
constexpr qsizetype kMaxRawLength = 8192;

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
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

QString eventKey(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
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
    if (location.kind == DatabaseLocation::Kind::PostgreSql)
        return Error {
            QStringLiteral("PostgreSQL databases (%1) are not yet supported by this dockhand-server; "
                           "use an SQLite file path")
                .arg(location.describe())};

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

int ServerStore::schemaVersion()
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Expected<void> ServerStore::migrate()
{
    int version = schemaVersion();
    if (version < 0)
        return Error {QStringLiteral("cannot read the schema version of %1 (is it an SQLite database?)")
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
        for (const char *sql : kSqliteMigrations[version]) {
            QSqlQuery q(db);
            if (!q.exec(QString::fromLatin1(sql))) {
                error = describeSqlError(q.lastError());
                break;
            }
        }
        if (error.isEmpty()) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1)))
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
    int position = 0;
    for (const QVariant &value : values)
        query->bindValue(position++, value);
    if (!query->exec()) {
        const QString error = describeSqlError(query->lastError());
        query->finish();
        return Error {error};
    }
    return query;
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
    IngestResult result;
    if (events.isEmpty())
        return result;
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    if (auto began = begin(); !began)
        return Error {began.error()};

    // Any failure below rolls back the whole batch: the device gets an error and resends it,
    // and nothing was half-stored.
    auto fail = [this](const QString &why) -> Expected<IngestResult> {
        rollback();
        qCWarning(lcServerStore).noquote() << "event batch not stored:" << why;
        return Error {why};
    };

    if (auto q = run(QStringLiteral("INSERT INTO devices (id, first_seen, last_seen) VALUES (?, ?, ?) "
                                    "ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen"),
            {deviceId, now, now});
        !q)
        return fail(q.error());

    QList<qint64> acceptedSeqs;
    result.acks.reserve(events.size());
    for (const protocol::ScanEvent &event : events) {
        const QString key = eventKey(event.id);
        protocol::EventAck ack {event.id, protocol::AckStatus::Accepted, {}};

        // 1. Answered before (in an earlier batch or earlier in this one)? The first answer stands.
        auto previous
            = run(QStringLiteral("SELECT status, reason FROM event_answers WHERE event_id = ?"), {key});
        if (!previous)
            return fail(previous.error());
        if (previous.value()->next()) {
            const bool wasAccepted = previous.value()->value(0).toString() == QLatin1String("accepted");
            ack.status = wasAccepted ? protocol::AckStatus::Duplicate : protocol::AckStatus::Rejected;
            ack.reason = previous.value()->value(1).toString();
            previous.value()->finish();
            if (wasAccepted)
                ++result.duplicates;
            else
                ++result.rejected;
            result.acks.append(ack);
            continue;
        }
        previous.value()->finish();

        // 2. Checks the protocol parser does not make.
        QString refusal;
        if (event.raw.size() > kMaxRawLength)
            refusal = QStringLiteral("raw scan is %1 characters long; at most %2 are accepted")
                          .arg(event.raw.size())
                          .arg(kMaxRawLength);

        // 3. Insert. The unique constraints decide, not a prior SELECT, so two servers racing
        //    on one database cannot both store the event.
        if (refusal.isEmpty()) {
            auto inserted = run(
                QStringLiteral(
                    "INSERT INTO events (id, device, seq, operator, task, step, raw, aim, source, kind, "
                    "fields, result, reason, device_time, received_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                {key, deviceId, event.sequence, text(event.operatorId), text(event.task), text(event.step),
                    text(event.raw), text(event.aim), text(event.source), text(event.kind),
                    QString::fromUtf8(QJsonDocument(event.fields).toJson(QJsonDocument::Compact)),
                    text(event.result), text(event.reason), timestamp(event.deviceTime), now});
            if (!inserted)
                return fail(inserted.error());
            const bool stored = inserted.value()->numRowsAffected() == 1;
            inserted.value()->finish();
            if (!stored) {
                // Which constraint held it back? The same id means another server stored it first.
                auto sameId = scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE id = ?"), {key});
                if (!sameId)
                    return fail(sameId.error());
                if (sameId.value() > 0) {
                    ack.status = protocol::AckStatus::Duplicate;
                } else {
                    auto other = run(QStringLiteral("SELECT id FROM events WHERE device = ? AND seq = ?"),
                        {deviceId, event.sequence});
                    if (!other)
                        return fail(other.error());
                    const QString otherId
                        = other.value()->next() ? other.value()->value(0).toString() : QString();
                    other.value()->finish();
                    refusal = QStringLiteral("sequence number %1 of device %2 is already used by event %3")
                                  .arg(event.sequence)
                                  .arg(deviceId, otherId);
                }
            }
        }
        if (!refusal.isEmpty()) {
            ack.status = protocol::AckStatus::Rejected;
            ack.reason = refusal;
        }

        if (ack.status == protocol::AckStatus::Duplicate) {
            ++result.duplicates;
        } else {
            const bool accepted = ack.status == protocol::AckStatus::Accepted;
            auto answered
                = run(QStringLiteral("INSERT INTO event_answers (event_id, device, seq, status, reason, "
                                     "answered_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                    {key, deviceId, event.sequence,
                        accepted ? QStringLiteral("accepted") : QStringLiteral("rejected"), text(ack.reason),
                        now});
            if (!answered)
                return fail(answered.error());
            answered.value()->finish();
            if (accepted) {
                ++result.accepted;
                acceptedSeqs.append(event.sequence);
            } else {
                ++result.rejected;
                qCInfo(lcServerStore).noquote()
                    << "rejected event" << key << "of device" << deviceId << ":" << ack.reason;
            }
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
        auto q = run(QStringLiteral("INSERT INTO locations (code, zone, walk_sequence) VALUES (?, ?, ?)"),
            {l.code, text(l.zone), l.walkSequence});
        if (!q)
            return fail(QStringLiteral("location %1: %2").arg(l.code, q.error()));
        locationIds.insert(l.code, q.value()->lastInsertId().toLongLong());
    }
    for (const auto &p : data.products) {
        auto q = run(QStringLiteral("INSERT INTO products (gtin, sku, name, lot_tracked, expiry_tracked, "
                                    "serial_tracked) VALUES (?, ?, ?, ?, ?, ?)"),
            {p.gtin, p.sku, p.name, int(p.lotTracked), int(p.expiryTracked), int(p.serialTracked)});
        if (!q)
            return fail(QStringLiteral("product %1: %2").arg(p.gtin, q.error()));
        productIds.insert(p.gtin, q.value()->lastInsertId().toLongLong());
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
                                    "VALUES (?, ?, ?, ?, ?)"),
            {o.number, o.customer, o.status, now, now});
        if (!q)
            return fail(QStringLiteral("order %1: %2").arg(o.number, q.error()));
        const qint64 orderId = q.value()->lastInsertId().toLongLong();
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

} // namespace dockhand::server
