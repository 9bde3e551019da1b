#include "picktaskmodel.h"

namespace dockhand {

PickTaskModel::PickTaskModel(QObject *parent) : QAbstractListModel(parent) { }

int PickTaskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

QVariant PickTaskModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PickTask &task = m_tasks.at(index.row());
    switch (role) {
    case IdRole:
        return task.id;
    case StatusRole:
        return task.status;
    case AssigneeRole:
        return task.assignee;
    case OrderCountRole:
        return int(task.orders.size());
    case LineCountRole:
        return int(task.lines.size());
    case UnitCountRole: {
        int units = 0;
        for (const auto &l : task.lines)
            units += l.quantity;
        return units;
    }
    case OrdersRole:
        return task.orders.join(QStringLiteral(", "));
    default:
        return {};
    }
}

QHash<int, QByteArray> PickTaskModel::roleNames() const
{
    return {
        {IdRole, "taskId"},
        {StatusRole, "status"},
        {AssigneeRole, "assignee"},
        {OrderCountRole, "orderCount"},
        {LineCountRole, "lineCount"},
        {UnitCountRole, "unitCount"},
        {OrdersRole, "orders"},
    };
}

void PickTaskModel::reset(const QList<PickTask> &tasks)
{
    beginResetModel();
    m_tasks = tasks;
    endResetModel();
    emit countChanged();
}

} // namespace dockhand
