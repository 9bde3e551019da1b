#include "picklinemodel.h"

namespace dockhand {

PickLineModel::PickLineModel(QObject *parent) : QAbstractListModel(parent) { }

int PickLineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QString PickLineModel::statusName(PickLineItem::Status status)
{
    switch (status) {
    case PickLineItem::Status::Open:
        return QStringLiteral("open");
    case PickLineItem::Status::Picked:
        return QStringLiteral("picked");
    case PickLineItem::Status::Short:
        return QStringLiteral("short");
    }
    return {};
}

QVariant PickLineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PickLineItem &item = m_items.at(index.row());
    switch (role) {
    case OrderRole:
        return item.line.order;
    case LineRole:
        return item.line.line;
    case GtinRole:
        return item.line.gtin;
    case ProductNameRole:
        return item.productName.isEmpty() ? item.line.gtin : item.productName;
    case LocationRole:
        return item.line.location;
    case QuantityRole:
        return item.line.quantity;
    case PickedRole:
        return item.picked;
    case ToteRole:
        return item.tote;
    case StatusRole:
        return statusName(item.status);
    case ShortReasonRole:
        return item.shortReason;
    case CurrentRole:
        return index.row() == m_current;
    default:
        return {};
    }
}

QHash<int, QByteArray> PickLineModel::roleNames() const
{
    return {
        {OrderRole, "order"},
        {LineRole, "line"},
        {GtinRole, "gtin"},
        {ProductNameRole, "productName"},
        {LocationRole, "location"},
        {QuantityRole, "quantity"},
        {PickedRole, "picked"},
        {ToteRole, "tote"},
        {StatusRole, "status"},
        {ShortReasonRole, "shortReason"},
        {CurrentRole, "current"},
    };
}

void PickLineModel::reset(const QList<PickLineItem> &items)
{
    beginResetModel();
    m_items = items;
    m_current = -1;
    endResetModel();
    emit countChanged();
    emit currentRowChanged();
}

void PickLineModel::update(int row, const PickLineItem &item)
{
    if (row < 0 || row >= m_items.size())
        return;
    m_items[row] = item;
    emit dataChanged(index(row), index(row));
}

void PickLineModel::moveToEnd(int row)
{
    const int last = int(m_items.size()) - 1;
    if (row < 0 || row >= last)
        return;
    beginMoveRows({}, row, row, {}, last + 1);
    m_items.append(m_items.takeAt(row));
    endMoveRows();
    if (m_current == row)
        m_current = last;
    else if (m_current > row)
        --m_current;
    emit currentRowChanged();
}

void PickLineModel::setCurrentRow(int row)
{
    if (row == m_current)
        return;
    const int old = m_current;
    m_current = row;
    if (old >= 0 && old < m_items.size())
        emit dataChanged(index(old), index(old), {CurrentRole});
    if (row >= 0 && row < m_items.size())
        emit dataChanged(index(row), index(row), {CurrentRole});
    emit currentRowChanged();
}

} // namespace dockhand
