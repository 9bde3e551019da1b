#include "packlinemodel.h"

namespace dockhand {

PackLineModel::PackLineModel(QObject *parent) : QAbstractListModel(parent) { }

int PackLineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant PackLineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PackLineItem &item = m_items.at(index.row());
    switch (role) {
    case LineRole:
        return item.line;
    case GtinRole:
        return item.gtin;
    case NameRole:
        return item.name.isEmpty() ? item.gtin : item.name;
    case ExpectedRole:
        return item.expected;
    case VerifiedRole:
        return item.verified;
    case InCartonRole:
        return item.inCarton;
    case PackedRole:
        return item.packed;
    case DamagedRole:
        return item.damaged;
    case DoneRole:
        return item.done();
    default:
        return {};
    }
}

QHash<int, QByteArray> PackLineModel::roleNames() const
{
    return {
        {LineRole, "line"},
        {GtinRole, "gtin"},
        {NameRole, "name"},
        {ExpectedRole, "expected"},
        {VerifiedRole, "verified"},
        {InCartonRole, "inCarton"},
        {PackedRole, "packed"},
        {DamagedRole, "damaged"},
        {DoneRole, "done"},
    };
}

void PackLineModel::reset(const QList<PackLineItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
    emit countChanged();
}

void PackLineModel::update(int row, const PackLineItem &item)
{
    if (row < 0 || row >= m_items.size())
        return;
    m_items[row] = item;
    emit dataChanged(index(row), index(row));
}

} // namespace dockhand
