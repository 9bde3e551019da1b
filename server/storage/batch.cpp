#include "storage/batch.h"

#include "storage/database.h"

#include <QSqlQuery>

#include <QStringList>

namespace dockhand::server {

int chunkRows(qsizetype left)
{
    for (const int rows : {64, 16, 4})
        if (left >= rows)
            return rows;
    return 1;
}

const QString &batchPlaceholder(qsizetype i)
{
    static const QStringList names = [] {
        QStringList list;
        for (int n = 0; n < kMaxBatchParameters; ++n)
            list.append(QStringLiteral(":b%1").arg(n));
        return list;
    }();
    return names.at(i);
}

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

BatchInsert::BatchInsert(Database &db, QString head, QString tail, int columns)
    : m_db(db), m_head(std::move(head)), m_tail(std::move(tail)), m_columns(columns)
{ }

Expected<void> BatchInsert::add(const QVariantList &row)
{
    m_values += row;
    if (m_values.size() >= 64 * m_columns)
        return write(64);
    return {};
}

Expected<void> BatchInsert::finish()
{
    while (!m_values.isEmpty())
        if (auto w = write(chunkRows(m_values.size() / m_columns)); !w)
            return w;
    return {};
}

Expected<void> BatchInsert::write(int rows)
{
    QString &sql = m_sql[rows];
    if (sql.isEmpty()) {
        sql = m_head + QLatin1String(" VALUES ");
        for (int r = 0; r < rows; ++r) {
            if (r > 0)
                sql += QLatin1String(", ");
            sql += QLatin1Char('(') + placeholderList(r * m_columns, m_columns) + QLatin1Char(')');
        }
        if (!m_tail.isEmpty())
            sql += QLatin1Char(' ') + m_tail;
    }
    auto q = m_db.runBatch(sql, m_values.mid(0, rows * m_columns));
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    m_values.remove(0, rows * m_columns);
    m_written += rows;
    return {};
}

} // namespace dockhand::server
