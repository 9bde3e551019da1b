#pragma once

#include "expected.h"

#include <QHash>
#include <QString>
#include <QVariantList>

namespace dockhand::server {

// A batch runs as multi-row statements of 64, 16, 4 and 1 rows (largest first): a few statements
// (round trips on PostgreSQL) per batch, and only four texts per statement to prepare. (SQLite
// compiles a statement in time that grows with the square of its parameters: 64 rows of 15 are
// cheap to prepare, 256 rows are not.)
int chunkRows(qsizetype left);

// The most parameters a multi-row statement has: 64 rows of an event's 15 columns.
constexpr int kMaxBatchParameters = 64 * 15;

// Names of the parameters of multi-row statements (":b0", ":b1", ...), made once: binding by a
// ready name costs a hash lookup, binding by position formats the position's name per value.
const QString &batchPlaceholder(qsizetype i);

// ":b0, :b1, :b2" for `count` parameters from `first`.
QString placeholderList(int first, int count);

class Database;

// Rows for one INSERT, written as multi-row statements (chunkRows) as they are added:
// `head` is "INSERT INTO t (a, b)", `tail` what follows the VALUES lists ("ON CONFLICT ...").
// Call finish() to write the rows still held. Each statement text is prepared once per
// connection (Database caches it).
class BatchInsert
{
public:
    BatchInsert(Database &db, QString head, QString tail, int columns);

    // `row` holds one value per column.
    Expected<void> add(const QVariantList &row);
    Expected<void> finish();
    qsizetype written() const { return m_written; }

private:
    Expected<void> write(int rows);

    Database &m_db;
    QString m_head;
    QString m_tail;
    int m_columns;
    QVariantList m_values; // the rows held, column by column
    qsizetype m_written = 0;
    QHash<int, QString> m_sql; // by rows per statement
};

} // namespace dockhand::server
