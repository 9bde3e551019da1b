#include "storage/batch.h"

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

} // namespace dockhand::server
