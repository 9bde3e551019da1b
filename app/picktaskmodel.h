#pragma once

#include "devicecache.h"

#include <QAbstractListModel>

namespace dockhand {

// The pick tasks (waves / batches) the logged-in picker may start, from the offline cache.
class PickTaskModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // "WAVE-0001"
        StatusRole, // open / in-progress
        AssigneeRole, // badge or empty (anyone)
        OrderCountRole, // orders in the batch
        LineCountRole, // lines in the batch
        UnitCountRole, // units to pick in total
        OrdersRole, // "SO-100001, SO-100002"
    };
    Q_ENUM(Role)

    explicit PickTaskModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QList<PickTask> &tasks);
    const PickTask &at(int row) const { return m_tasks.at(row); }

signals:
    void countChanged();

private:
    QList<PickTask> m_tasks;
};

} // namespace dockhand
