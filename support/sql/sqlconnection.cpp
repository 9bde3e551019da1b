#include "sqlconnection.h"

#include <QSqlError>

namespace dockhand::sql {

QString describeError(const QSqlError &error, Storage storage)
{
    const bool device = storage == Storage::Device;
    // SQLite primary result codes (the low byte of the extended code): 13 FULL, 8 READONLY,
    // 5 BUSY, 10 IOERR, 11 CORRUPT, 14 CANTOPEN, 26 NOTADB.
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case 13:
        return device ? QStringLiteral("the device storage is full")
                      : QStringLiteral("the server's disk is full");
    case 8:
        return device ? QStringLiteral("the device storage is read-only")
                      : QStringLiteral("the server's database is read-only");
    case 5:
        return QStringLiteral("the database is busy (locked by another process)");
    case 10:
        return device ? QStringLiteral("the device storage failed to read or write (I/O error)")
                      : QStringLiteral("the server's disk failed to read or write (I/O error)");
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

Connection::~Connection()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    {
        QSqlDatabase db = database();
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Expected<void> Connection::openSqlite(const QString &path, const QStringList &pragmas)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    // Waits instead of failing at once while another connection (a second thread, a backup
    // tool, the sqlite3 shell) holds the write lock briefly.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return Error {describe(db.lastError())};
    for (const QString &pragma : pragmas) {
        if (auto done = exec(pragma); !done)
            return done;
    }
    return {};
}

QSqlDatabase Connection::add(const QString &driver)
{
    return QSqlDatabase::addDatabase(driver, m_name);
}

Expected<QSqlQuery *> Connection::prepared(const QString &sql)
{
    if (QSqlQuery *cached = m_statements.value(sql))
        return cached;
    auto *query = new QSqlQuery(database());
    if (!query->prepare(sql)) {
        const QString error = describe(query->lastError());
        delete query;
        return Error {error};
    }
    m_statements.insert(sql, query);
    return query;
}

Expected<void> Connection::exec(const QString &sql)
{
    QSqlQuery q(database());
    if (!q.exec(sql))
        return Error {describe(q.lastError())};
    return {};
}

Expected<void> Connection::begin()
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return Error {describe(db.lastError())};
    return {};
}

Expected<void> Connection::commit()
{
    QSqlDatabase db = database();
    if (!db.commit()) {
        const QString error = describe(db.lastError());
        db.rollback();
        return Error {error};
    }
    return {};
}

void Connection::rollback()
{
    database().rollback();
}

} // namespace dockhand::sql
