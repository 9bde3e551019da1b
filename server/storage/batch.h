#pragma once

#include <QString>

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

} // namespace dockhand::server
