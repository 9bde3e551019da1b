#include "http/api.h"

#include "http/parameters.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace dockhand::server {

namespace {

QJsonObject taskJson(const ServerStore::TaskRow &t)
{
    return {{QLatin1String("id"), t.id}, {QLatin1String("kind"), t.kind}, {QLatin1String("status"), t.status},
        {QLatin1String("assignee"), t.assignee}, {QLatin1String("assigneeKind"), t.assigneeKind},
        {QLatin1String("orders"), QJsonArray::fromStringList(t.orders)}, {QLatin1String("lines"), t.lines},
        {QLatin1String("createdAt"), isoTime(t.createdAt)}};
}

} // namespace

ApiResponse Api::listTasks(Call &call)
{
    if (auto bad = checkQuery(call.request, {QLatin1String("status")}))
        return *bad;
    const QString status = call.request.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    static const QStringList statuses {
        QStringLiteral("open"), QStringLiteral("done"), QStringLiteral("cancelled")};
    if (call.request.query.hasQueryItem(QStringLiteral("status")) && !statuses.contains(status))
        return ApiResponse::error(400,
            QStringLiteral("unknown task status '%1' (known: %2)")
                .arg(status.left(40), statuses.join(QLatin1String(", "))));
    auto rows = call.store.taskStore().tasks(status);
    if (!rows)
        return storageError(QStringLiteral("cannot read the tasks"), rows.error());
    QJsonArray list;
    for (const auto &t : std::as_const(rows.value()))
        list.append(taskJson(t));
    return {200, QJsonObject {{QLatin1String("tasks"), list}, {QLatin1String("total"), list.size()}}, {}, {}};
}

ApiResponse Api::assignTask(Call &call)
{
    const QString taskId = call.args.value(0);
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    ApiResponse error;
    const QString shape
        = QStringLiteral("{\"assignee\": \"<operator badge or device id, or empty for anyone>\"}");
    const auto json = jsonObjectBody(call.request, shape, &error);
    if (!json)
        return error;
    if (!json->contains(QLatin1String("assignee")))
        return ApiResponse::error(400,
            QStringLiteral(
                "field 'assignee' is required: an operator's badge, a device id, or \"\" for anyone"));
    const auto fields = stringFields(*json, {}, {QStringLiteral("assignee")}, &error);
    if (!fields)
        return error;
    const QString assignee = fields->value(QStringLiteral("assignee")).trimmed();
    auto result = call.store.taskStore().assignTask(taskId, assignee);
    if (!result)
        return storageError(QStringLiteral("cannot assign the task"), result.error());
    using Outcome = ServerStore::Assignment::Outcome;
    switch (result->outcome) {
    case Outcome::NoSuchTask:
        return ApiResponse::error(404, QStringLiteral("task '%1' not found").arg(taskId.left(64)));
    case Outcome::UnknownAssignee:
        return ApiResponse::error(400,
            QStringLiteral("'%1' is neither an operator's badge nor an enrolled device's id").arg(assignee));
    case Outcome::NotOpen:
        return ApiResponse::error(409,
            QStringLiteral("task %1 is %2; only open tasks can be assigned")
                .arg(taskId, result->task.status));
    case Outcome::Assigned:
        break;
    }
    qCInfo(lcServerApi).noquote() << call.caller.id << "assigned task" << taskId << "to"
                                  << (assignee.isEmpty() ? QStringLiteral("anyone") : assignee);
    return {200, taskJson(result->task), {}, {}};
}

} // namespace dockhand::server
