#pragma once

#include "expected.h"
#include "serveroptions.h"
#include "sqlconnection.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>

class QSqlError;
class QSqlQuery;

Q_DECLARE_LOGGING_CATEGORY(lcServerStore)

namespace dockhand::server {

// Advisory lock keys (PostgreSQL): schema upgrades and seeding run once across processes, and
// change-log appends are serialized so change ids become visible in id order (a device's cursor
// can never skip a change committed late with a smaller id).
constexpr int kMigrateLock = 4801;
constexpr int kSeedLock = 4802;
constexpr int kChangeLogLock = 4803;

// The database connection a ServerStore's stores share, and the only place that runs SQL: it
// opens the connection (SQLite or PostgreSQL) over sql::Connection (which caches every prepared
// statement by its text), counts the server-statement fault point, and tells whether the last
// failure may be retried. The stores (events, orders, tasks, change log,
// access, floor) are thin classes over one Database, owned once by ServerStore.
//
// Not thread-safe: one Database per thread (a Qt SQL connection belongs to the thread that
// opened it); the request workers each own one.
class Database
{
public:
    // Connects (SQLite: creates the file and its folder, sets WAL and the busy timeout); the
    // schema is brought up to date separately (schema.h).
    static Expected<std::unique_ptr<Database>> open(
        const DatabaseLocation &location, const QString &connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const { return m_connection.database(); }
    const DatabaseLocation &location() const { return m_location; }
    QString dialectName() const; // "sqlite" or "postgresql"
    QString describe() const { return m_location.describe(); }
    bool isPostgres() const;

    Expected<void> begin();
    Expected<void> commit();
    void rollback();
    // A number for the transaction begin() opened, new for each one (and again after a ROLLBACK
    // TO SAVEPOINT, which drops the locks taken since); 0 outside a transaction. Lets a store
    // take a transaction-scoped lock once per transaction.
    quint64 transaction() const { return m_transaction; }

    // Prepares `sql` once (cached by its text), binds `values` by position and runs it.
    Expected<QSqlQuery *> run(const QString &sql, std::initializer_list<QVariant> values = {});
    // The same for multi-row statements, whose parameters are named ":b0", ":b1", ... in order.
    Expected<QSqlQuery *> runBatch(const QString &sql, const QVariantList &values);
    // Runs `sql` unprepared (transaction control); it is a fault-injection pass like run().
    Expected<void> command(const QString &sql);
    Expected<qint64> scalar(const QString &sql, std::initializer_list<QVariant> values = {});

    // Whether the last failed statement was a deadlock / serialization failure (PostgreSQL
    // 40P01 / 40001): the transaction may be run again as a whole.
    bool retryable() const { return m_retryable; }
    void clearRetryable() { m_retryable = false; }
    // Runs `transaction` (one whole transaction, returning an Expected) and runs it again, up to
    // 5 times in all, while it fails as a deadlock / serialization failure; `what` names it in
    // the log line of each retry.
    template<typename Transaction>
    auto retrying(const char *what, Transaction &&transaction) -> decltype(transaction())
    {
        for (int attempt = 1;; ++attempt) {
            clearRetryable();
            auto result = transaction();
            if (result || !retryable() || attempt == 5)
                return result;
            qCInfo(lcServerStore) << what << "retried after a deadlock / serialization failure, attempt"
                                  << attempt;
        }
    }

    // Every statement (run, runBatch, command) is a pass of the fault point
    // faults::kServerStatement ("server-statement", support/faults.h): armed, the chosen
    // statement fails as if the disk had failed.

private:
    Database(DatabaseLocation location, const QString &connectionName);
    Expected<QSqlQuery *> execute(const QString &sql, const QVariant *values, qsizetype count, bool named);

    DatabaseLocation m_location;
    sql::Connection m_connection; // the connection and its prepared statements (support/sql)
    bool m_retryable = false; // the last failed statement was a deadlock / serialization failure
    quint64 m_transactions = 0; // begun on this connection
    quint64 m_transaction = 0; // the open one's number, or 0
};

// A failed query in words an admin can act on (disk full, read-only, locked ...):
// sql::describeError for the server's storage.
QString describeSqlError(const QSqlError &error);

// Empty optional fields arrive as null QStrings, which the driver would bind as SQL NULL;
// the schema says NOT NULL DEFAULT '', so bind an empty string instead.
QString text(const QString &value);

// The id of an INSERT ... RETURNING id (lastInsertId does not work with QPSQL).
qint64 returnedId(QSqlQuery *q);

} // namespace dockhand::server
