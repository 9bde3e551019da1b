#pragma once

#include "expected.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

class QSqlError;

namespace dockhand::sql {

// Whose storage an error message speaks of, so that it names what its reader can check: the
// operator's device ("the device storage is full") or the admin's server ("the server's disk is
// full").
enum class Storage { Device, Server };

// A failed statement in words an operator or admin can act on — storage full, read-only, busy,
// I/O error, damaged, not a database — from SQLite's primary result code; any other error (a
// PostgreSQL one) in the driver's own words.
QString describeError(const QSqlError &error, Storage storage);

// One named Qt SQL connection and the statements prepared on it, closed and removed with it: the
// plumbing under the device's LocalStore and the server's Database. A Qt SQL connection belongs
// to the thread that opened it, so each thread that uses a database has its own Connection.
class Connection
{
public:
    Connection(QString name, Storage storage) : m_name(std::move(name)), m_storage(storage) { }
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }
    const QString &name() const { return m_name; }
    QString describe(const QSqlError &error) const { return describeError(error, m_storage); }

    // Opens the SQLite file `path` (created if missing; its folder must exist), waiting up to 5 s
    // when another connection holds the write lock, and runs `pragmas` on it. The error is
    // describe()'s words.
    Expected<void> openSqlite(const QString &path, const QStringList &pragmas);
    // Adds the connection with `driver` ("QPSQL") for the caller to set up and open; invalid when
    // the driver is not installed.
    QSqlDatabase add(const QString &driver);

    // The statement `sql`, prepared on the first call and reused after (cached by its text).
    Expected<QSqlQuery *> prepared(const QString &sql);
    // Runs `sql` unprepared (pragmas, migrations, transaction control PostgreSQL cannot prepare).
    Expected<void> exec(const QString &sql);

    Expected<void> begin();
    // Commits; when that fails, rolls back and says why.
    Expected<void> commit();
    void rollback();

private:
    QString m_name;
    Storage m_storage;
    QHash<QString, QSqlQuery *> m_statements;
};

} // namespace dockhand::sql
