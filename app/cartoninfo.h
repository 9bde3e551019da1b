#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantList>

namespace dockhand {

// One item line in a closed carton.
struct CartonItem
{
    Q_GADGET
    Q_PROPERTY(int line MEMBER line)
    Q_PROPERTY(QString gtin MEMBER gtin)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(int quantity MEMBER quantity)
public:
    int line = 0;
    QString gtin;
    QString name;
    int quantity = 0;
    bool operator==(const CartonItem &) const = default;
};

// A carton closed at the pack station: the seam to labeling, which needs nothing else.
struct CartonInfo
{
    Q_GADGET
    Q_PROPERTY(QString order MEMBER order)
    Q_PROPERTY(QString cartonId MEMBER cartonId)
    Q_PROPERTY(QString cartonType MEMBER cartonType)
    Q_PROPERTY(double weightKg MEMBER weightKg)
    Q_PROPERTY(int index MEMBER index)
    Q_PROPERTY(QVariantList items READ itemList) // [CartonItem] for QML
    Q_PROPERTY(bool lastOfOrder MEMBER lastOfOrder)
public:
    QString order; // "SO-100001"
    QString cartonId; // "SO-100001-1"
    QString cartonType; // "BOX-M"
    double weightKg = 0;
    int index = 0; // 1, 2, ... within the order
    QList<CartonItem> items;
    bool lastOfOrder = false; // every unit of the order is packed with this carton

    QVariantList itemList() const
    {
        QVariantList list;
        for (const CartonItem &item : items)
            list.append(QVariant::fromValue(item));
        return list;
    }
};

} // namespace dockhand

Q_DECLARE_METATYPE(dockhand::CartonItem)
Q_DECLARE_METATYPE(dockhand::CartonInfo)
