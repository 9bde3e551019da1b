#pragma once

#include "expected.h"
#include "sqlconnection.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace dockhand {

// Owns one SQLite connection to the device's local database (scan queue and caches).
// Each thread that touches the database opens its own LocalStore on the same file:
// the UI thread appends scans, the sync thread reads and acknowledges them (WAL lets both work).
class LocalStore
{
public:
    static constexpr int kSchemaVersion = 3;

    // What open() had to do beyond opening. A damaged database is moved aside, never deleted:
    // it may hold scans that never reached the server.
    struct OpenReport
    {
        QString movedAsideTo; // non-empty when the old file failed its integrity check
        QString message; // operator-readable description of what happened
    };

    // Opens (creating if needed) the database at `path`, applies pragmas and migrations.
    static Expected<std::unique_ptr<LocalStore>> open(
        const QString &path, const QString &connectionName, OpenReport *report = nullptr);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    QSqlDatabase database() const { return m_connection.database(); }
    QString path() const { return m_path; }

    // The statement `sql`, prepared once on this connection and reused (cached by its text).
    QSqlQuery *prepared(const QString &sql, QString *error);

    Expected<void> begin();
    Expected<void> commit();
    void rollback();

    int schemaVersion();

    // Runs a write statement (INSERT/UPDATE/DELETE) through the fault-injection point.
    // On failure returns false and sets `error` to describeSqlError()'s words.
    bool execWrite(QSqlQuery *query, QString *error);
    bool execWrite(const QString &sql, QString *error);

    // Small key/value settings of this device (device token, download cursor ...).
    QString meta(const QString &key);
    Expected<void> setMeta(const QString &key, const QString &value); // empty value removes the key

    // Every database write (statement or commit, over every connection in this process) is a
    // pass of the fault point faults::kDeviceWrite ("device-write", see faults.h): armed, the
    // chosen write fails as if the storage had failed. Counts one write; returns an error when
    // this is the one chosen to fail.
    static Expected<void> writePoint();

    // Creates a database at an older schema `version` (0 = empty file), for upgrade tests.
    static Expected<void> createAtVersion(const QString &path, int version);

private:
    LocalStore(QString path, const QString &connectionName);
    Expected<void> migrate();

    QString m_path;
    sql::Connection m_connection; // the connection and its prepared statements (support/sql)
};

// Describes a failed query in words an operator can act on (storage full, read-only, locked ...):
// sql::describeError for the device's storage.
QString describeSqlError(const QSqlError &error);

} // namespace dockhand
