#pragma once

#include "devicecache.h"

#include <QAbstractListModel>

namespace dockhand {

// One line of the batch being picked, as the picker's screen shows it.
struct PickLineItem
{
    enum class Status {
        Open, // still to pick (or partly picked)
        Picked, // every unit picked
        Short, // closed short with a reason
    };
    PickLine line;
    QString productName;
    QString tote; // the tote the line's order is bound to (batch picking)
    int picked = 0;
    int shortQuantity = 0;
    QString shortReason;
    Status status = Status::Open;
};

// The lines of the current pick batch in walk order (skipped lines move to the end).
class PickLineModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int currentRow READ currentRow NOTIFY currentRowChanged) // -1 when none
public:
    enum Role {
        OrderRole = Qt::UserRole + 1, // "SO-100001"
        LineRole, // the order's line number
        GtinRole, // GTIN-14
        ProductNameRole, // cached product name (the GTIN when unknown)
        LocationRole, // "A-01-02"
        QuantityRole, // units to pick
        PickedRole, // units picked so far
        ToteRole, // tote of the line's order, empty without batch picking
        StatusRole, // "open", "picked" or "short"
        ShortReasonRole, // reason code of a short pick
        CurrentRole, // true for the line being picked now
    };
    Q_ENUM(Role)

    explicit PickLineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QList<PickLineItem> &items);
    const PickLineItem &at(int row) const { return m_items.at(row); }
    const QList<PickLineItem> &items() const { return m_items; }
    void update(int row, const PickLineItem &item);
    // Moves a line to the end of the walk (skip).
    void moveToEnd(int row);
    int currentRow() const { return m_current; }
    void setCurrentRow(int row);

    static QString statusName(PickLineItem::Status status);

signals:
    void countChanged();
    void currentRowChanged();

private:
    QList<PickLineItem> m_items;
    int m_current = -1;
};

} // namespace dockhand
