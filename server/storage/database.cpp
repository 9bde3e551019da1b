#include "storage/database.h"

#include "faults.h"
#include "sqlconnection.h"

#include "storage/batch.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

Q_LOGGING_CATEGORY(lcServerStore, "dockhand.server.store")

namespace dockhand::server {

QString describeSqlError(const QSqlError &error)
{
    return sql::describeError(error, sql::Storage::Server);
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

qint64 returnedId(QSqlQuery *q)
{
    const qint64 id = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return id;
}

Database::Database(DatabaseLocation location, const QString &connectionName)
    : m_location(std::move(location)), m_connection(connectionName, sql::Storage::Server)
{ }

Database::~Database() = default;

Expected<std::unique_ptr<Database>> Database::open(
    const DatabaseLocation &location, const QString &connectionName)
{
    if (location.kind == DatabaseLocation::Kind::PostgreSql) {
        const QUrl url(location.url);
        std::unique_ptr<Database> store(new Database(location, connectionName));
        QSqlDatabase db = store->m_connection.add(QStringLiteral("QPSQL"));
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

    // WAL + synchronous=NORMAL: a commit costs no fsync of the main file, so batches of events
    // commit fast; a power cut can lose the last commits but never corrupts the database, and the
    // devices resend whatever was not acknowledged. (The device queue uses FULL: it is the only
    // copy.) WAL also lets the request workers' readers read while the writer writes.
    std::unique_ptr<Database> store(new Database(location, connectionName));
    if (auto opened = store->m_connection.openSqlite(path,
            {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=NORMAL"),
                QStringLiteral("PRAGMA foreign_keys=ON")});
        !opened)
        return Error {QStringLiteral("cannot open the database %1: %2").arg(path, opened.error())};
    return store;
}

QString Database::dialectName() const
{
    return m_location.kind == DatabaseLocation::Kind::PostgreSql ? QStringLiteral("postgresql")
                                                                 : QStringLiteral("sqlite");
}

bool Database::isPostgres() const
{
    return m_location.kind == DatabaseLocation::Kind::PostgreSql;
}

Expected<void> Database::begin()
{
    auto began = m_connection.begin();
    if (began)
        m_transaction = ++m_transactions;
    return began;
}

Expected<void> Database::commit()
{
    m_transaction = 0;
    return m_connection.commit();
}

void Database::rollback()
{
    m_transaction = 0;
    m_connection.rollback();
}

Expected<QSqlQuery *> Database::run(const QString &sql, std::initializer_list<QVariant> values)
{
    return execute(sql, values.begin(), qsizetype(values.size()), false);
}

Expected<QSqlQuery *> Database::runBatch(const QString &sql, const QVariantList &values)
{
    return execute(sql, values.constData(), values.size(), true);
}

Expected<QSqlQuery *> Database::execute(
    const QString &sql, const QVariant *values, qsizetype count, bool named)
{
    auto prepared = m_connection.prepared(sql);
    if (!prepared)
        return Error {prepared.error()};
    QSqlQuery *query = prepared.value();
    if (faults::pass(faults::kServerStatement))
        return Error {QStringLiteral("the server database failed to read or write (injected fault)")};
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

Expected<void> Database::command(const QString &sql)
{
    // Not prepared: PostgreSQL cannot PREPARE transaction control (SAVEPOINT ...).
    if (faults::pass(faults::kServerStatement))
        return Error {QStringLiteral("the server database failed to read or write (injected fault)")};
    QSqlQuery q(connection());
    if (!q.exec(sql)) {
        const QString native = q.lastError().nativeErrorCode();
        m_retryable = native == QLatin1String("40001") || native == QLatin1String("40P01");
        return Error {describeSqlError(q.lastError())};
    }
    // Locks taken since a savepoint are gone once it is rolled back to: the transaction counts
    // as a new one for the stores that remember having locked in it.
    if (m_transaction != 0 && sql.startsWith(QLatin1String("ROLLBACK TO"), Qt::CaseInsensitive))
        m_transaction = ++m_transactions;
    return {};
}

Expected<qint64> Database::scalar(const QString &sql, std::initializer_list<QVariant> values)
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

} // namespace dockhand::server
