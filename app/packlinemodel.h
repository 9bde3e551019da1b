#pragma once

#include <QAbstractListModel>

namespace dockhand {

// One line of the order on the pack bench.
struct PackLineItem
{
    int line = 0;
    QString gtin;
    QString name;
    int expected = 0; // units picked for this line (what should be in the tote)
    int verified = 0; // units scanned at the bench, in closed cartons or the open one
    int inCarton = 0; // of `verified`: units in the open carton, not yet closed
    int packed = 0; // units in closed cartons (including ones packed before this session)
    int damaged = 0; // units flagged damaged and set aside
    bool done() const { return verified + damaged >= expected; }
};

// The order's lines with expected and verified counts, for the pack station.
class PackLineModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        LineRole = Qt::UserRole + 1, // the order's line number
        GtinRole, // GTIN-14
        NameRole, // product name
        ExpectedRole, // units that should be packed
        VerifiedRole, // units scanned so far
        InCartonRole, // units in the open carton
        PackedRole, // units in closed cartons
        DamagedRole, // units set aside as damaged
        DoneRole, // every expected unit verified (or set aside)
    };
    Q_ENUM(Role)

    explicit PackLineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QList<PackLineItem> &items);
    const PackLineItem &at(int row) const { return m_items.at(row); }
    const QList<PackLineItem> &items() const { return m_items; }
    void update(int row, const PackLineItem &item);

signals:
    void countChanged();

private:
    QList<PackLineItem> m_items;
};

} // namespace dockhand
