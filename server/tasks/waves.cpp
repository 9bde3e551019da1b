#include "tasks/taskstore.h"

#include "storage/database.h"

#include <QPair>
#include <QSqlQuery>

#include <algorithm>
#include <array>

namespace dockhand::server {

Expected<void> TaskStore::seedTasks(const QString &now)
{
    // Waves of kOrdersPerWave open orders; every line is taken from the location holding enough of
    // its product (the first on the walk), and a wave's lines follow the walk sequence.
    constexpr int kOrdersPerWave = 4;
    struct Line
    {
        qint64 orderId;
        int line;
        qint64 locationId;
        int walk;
        qint64 quantity;
    };
    QList<QPair<qint64, QList<Line>>> orders; // order id, lines
    {
        auto q = m_db.run(
            QStringLiteral("SELECT o.id, l.line, l.product_id, l.ordered FROM orders o JOIN order_lines l "
                           "ON l.order_id = o.id WHERE o.status IN ('received', 'processing') "
                           "ORDER BY o.number, l.line"));
        if (!q)
            return Error {q.error()};
        QList<std::array<qint64, 4>> rows;
        while (q.value()->next())
            rows.append({q.value()->value(0).toLongLong(), q.value()->value(1).toLongLong(),
                q.value()->value(2).toLongLong(), q.value()->value(3).toLongLong()});
        q.value()->finish();
        for (const auto &row : std::as_const(rows)) {
            auto loc = m_db.run(
                QStringLiteral("SELECT s.location_id, l.walk_sequence FROM stock s JOIN locations l ON "
                               "l.id = s.location_id WHERE s.product_id = ? AND s.quantity > 0 "
                               "ORDER BY CASE WHEN s.quantity >= ? THEN 0 ELSE 1 END, l.walk_sequence, "
                               "l.code LIMIT 1"),
                {row[2], row[3]});
            if (!loc)
                return Error {loc.error()};
            const bool found = loc.value()->next();
            const qint64 locationId = found ? loc.value()->value(0).toLongLong() : 0;
            const int walk = found ? loc.value()->value(1).toInt() : 0;
            loc.value()->finish();
            if (!found)
                continue; // nothing to pick from: the line waits for stock
            if (orders.isEmpty() || orders.constLast().first != row[0])
                orders.append(qMakePair(row[0], QList<Line>()));
            orders.last().second.append(Line {row[0], int(row[1]), locationId, walk, row[3]});
        }
    }
    for (qsizetype first = 0, wave = 1; first < orders.size(); first += kOrdersPerWave, ++wave) {
        const QString id = QStringLiteral("WAVE-%1").arg(wave, 4, 10, QLatin1Char('0'));
        QList<Line> lines;
        for (qsizetype i = first; i < qMin(first + kOrdersPerWave, orders.size()); ++i)
            lines += orders.at(i).second;
        std::stable_sort(
            lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.walk < b.walk; });
        auto t = m_db.run(QStringLiteral("INSERT INTO tasks (id, kind, status, assignee, created_at) VALUES "
                                         "(?, 'pick', 'open', '', ?)"),
            {id, now});
        if (!t)
            return Error {t.error()};
        t.value()->finish();
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const Line &l = lines.at(i);
            auto q = m_db.run(
                QStringLiteral("INSERT INTO task_lines (task_id, position, order_id, line, location_id, "
                               "quantity) VALUES (?, ?, ?, ?, ?, ?)"),
                {id, i + 1, l.orderId, l.line, l.locationId, l.quantity});
            if (!q)
                return Error {q.error()};
            q.value()->finish();
        }
    }
    return {};
}

} // namespace dockhand::server
