#pragma once

#include "expected.h"
#include "orders/importparsers.h"
#include "warehousedata.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace dockhand::server {

class ChangeLog;
class Database;

// Orders and the master data they refer to, as supervisors and devices read them (orders with
// their lines and status history, products, locations with their stock), and the import of new
// orders into the database.
class OrderStore
{
public:
    OrderStore(Database &db, ChangeLog &changes) : m_db(db), m_changes(changes) { }

    struct OrderSummary
    {
        QString number;
        QString customer;
        QString status;
        int lines = 0;
        qint64 units = 0; // sum of ordered quantities
        QDateTime createdAt;
        QDateTime updatedAt;
    };
    struct OrderLineRow
    {
        int line = 0;
        QString gtin;
        QString sku;
        QString name;
        qint64 ordered = 0;
        qint64 picked = 0;
        qint64 packed = 0;
    };
    struct StatusChange
    {
        QString status;
        QDateTime at;
        QString source;
    };
    struct OrderDetail
    {
        OrderSummary summary;
        QList<OrderLineRow> lines;
        QList<StatusChange> history; // oldest first
    };
    struct LocationRow
    {
        QString code;
        QString zone;
        int walkSequence = 0;
        QList<QPair<QString, qint64>> stock; // gtin, quantity
        QString checkDigits;
    };

    Expected<QList<OrderSummary>> orders(const QString &status);
    // nullopt value when no such order.
    Expected<std::optional<OrderDetail>> order(const QString &number);
    Expected<QList<WarehouseData::Product>> products();
    Expected<QList<LocationRow>> locations(); // in walk order

    // All or nothing: imports every order in one transaction, or none and returns why per row
    // (unknown GTIN, order number already taken). An empty list means imported.
    Expected<QList<RowError>> importOrders(const QList<ImportOrder> &orders);

private:
    Database &m_db;
    ChangeLog &m_changes;
};

} // namespace dockhand::server
