#include "tasks/taskstore.h"

#include "changelog/changelog.h"
#include "storage/database.h"
#include "storage/timestamps.h"

#include <QHash>
#include <QSqlQuery>

namespace dockhand::server {

Expected<QList<TaskStore::TaskRow>> TaskStore::taskRows(const QString &status, const QString &id)
{
    // One statement text per filter (prepared once each): no "? = ''" tricks PostgreSQL cannot type.
    const QString where = !id.isEmpty() ? QStringLiteral(" WHERE t.id = ?")
        : !status.isEmpty()             ? QStringLiteral(" WHERE t.status = ?")
                                        : QString();
    const QVariant filter = !id.isEmpty() ? QVariant(id) : QVariant(status);
    const QString sql = QStringLiteral(
        "SELECT t.id, t.kind, t.status, t.assignee, t.created_at, "
        "(SELECT COUNT(*) FROM task_lines l WHERE l.task_id = t.id), "
        "CASE WHEN t.assignee = '' THEN '' "
        "WHEN EXISTS (SELECT 1 FROM operators o WHERE o.badge = t.assignee) THEN 'operator' "
        "WHEN EXISTS (SELECT 1 FROM devices d WHERE d.id = t.assignee) THEN 'device' ELSE '' END "
        "FROM tasks t%1 ORDER BY t.id")
                            .arg(where);
    auto q = where.isEmpty() ? m_db.run(sql) : m_db.run(sql, {filter});
    if (!q)
        return Error {q.error()};
    QList<TaskRow> list;
    QHash<QString, qsizetype> byId;
    while (q.value()->next()) {
        const QSqlQuery &r = *q.value();
        byId.insert(r.value(0).toString(), list.size());
        list.append(
            {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                r.value(6).toString(), {}, r.value(5).toInt(), parseTimestamp(r.value(4))});
    }
    q.value()->finish();
    const QString orderWhere = !id.isEmpty() ? QStringLiteral(" WHERE l.task_id = ?")
        : !status.isEmpty()                  ? QStringLiteral(" WHERE t.status = ?")
                                             : QString();
    const QString orderSql
        = QStringLiteral("SELECT DISTINCT l.task_id, o.number FROM task_lines l JOIN tasks t "
                         "ON t.id = l.task_id JOIN orders o ON o.id = l.order_id%1 "
                         "ORDER BY l.task_id, o.number")
              .arg(orderWhere);
    auto o = orderWhere.isEmpty() ? m_db.run(orderSql) : m_db.run(orderSql, {filter});
    if (!o)
        return Error {o.error()};
    while (o.value()->next()) {
        const auto it = byId.constFind(o.value()->value(0).toString());
        if (it != byId.constEnd())
            list[it.value()].orders.append(o.value()->value(1).toString());
    }
    o.value()->finish();
    return list;
}

Expected<QList<TaskStore::TaskRow>> TaskStore::tasks(const QString &status)
{
    return taskRows(status, {});
}

Expected<TaskStore::Assignment> TaskStore::assignTask(const QString &taskId, const QString &assignee)
{
    Assignment result;
    if (auto began = m_db.begin(); !began)
        return Error {began.error()};
    auto fail = [this](const QString &why) -> Expected<Assignment> {
        m_db.rollback();
        return Error {why};
    };
    auto found = taskRows({}, taskId);
    if (!found)
        return fail(found.error());
    if (found->isEmpty()) {
        m_db.rollback();
        result.outcome = Assignment::Outcome::NoSuchTask;
        return result;
    }
    result.task = found->first();
    if (!assignee.isEmpty()) {
        auto known = m_db.scalar(QStringLiteral("SELECT (SELECT COUNT(*) FROM operators WHERE badge = ?) + "
                                                "(SELECT COUNT(*) FROM devices WHERE id = ?)"),
            {assignee, assignee});
        if (!known)
            return fail(known.error());
        if (known.value() == 0) {
            m_db.rollback();
            result.outcome = Assignment::Outcome::UnknownAssignee;
            return result;
        }
    }
    if (result.task.status != QLatin1String("open")) {
        m_db.rollback();
        result.outcome = Assignment::Outcome::NotOpen;
        return result;
    }
    if (result.task.assignee != assignee) {
        const QString now = timestamp(QDateTime::currentDateTimeUtc());
        auto u = m_db.run(QStringLiteral("UPDATE tasks SET assignee = ? WHERE id = ?"), {assignee, taskId});
        if (!u)
            return fail(u.error());
        u.value()->finish();
        if (auto c = m_changes.appendTaskChange(taskId, now); !c)
            return fail(c.error());
    }
    if (auto committed = m_db.commit(); !committed)
        return Error {committed.error()};
    auto now = taskRows({}, taskId);
    if (!now)
        return Error {now.error()};
    if (!now->isEmpty())
        result.task = now->first();
    return result;
}

} // namespace dockhand::server
