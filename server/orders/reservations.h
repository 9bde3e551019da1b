#pragma once

#include "expected.h"

#include <QList>
#include <QString>

// Stock promised to orders, so no unit is promised twice ("no overselling"): each order line is
// reserved against the product's available stock when the order arrives. Available to promise =
// on hand (the sum of the product's stock over all locations) − reserved (products.reserved, the
// sum of its lines' order_lines.reserved). A pick takes its units off the shelf and releases as
// many of the line's reservation, in the same transaction; a short releases what the line still
// held; a cancelled order releases everything. An order whose lines could not all be reserved is
// held as backordered (orders.backordered) with its missing units, and is reserved first, in
// order of arrival, when stock is added.
//
// Every call runs inside the caller's transaction. On PostgreSQL the products concerned are
// locked (SELECT ... FOR UPDATE, in id order, so two intakes never deadlock): intakes of the
// same product by several connections or server processes take turns, and each sees what the
// others reserved. On SQLite the single writer does the same.
namespace dockhand::server {

class Database;

struct LineReservation
{
    int line = 0;
    QString gtin;
    qint64 ordered = 0;
    qint64 reserved = 0; // units of this line now promised
    qint64 missing = 0; // units still to find: ordered − picked − shorted − reserved
};

struct OrderReservation
{
    qint64 orderId = 0;
    QString number;
    QString status;
    bool backordered = false;
    QList<LineReservation> lines; // in line order
};

class Reservations
{
public:
    explicit Reservations(Database &db) : m_db(db) { }

    // Reserves what each open line of the order still needs, as far as stock allows, and holds
    // the order as backordered when any line stays short (or lets it go when none does).
    Expected<OrderReservation> reserveOrder(qint64 orderId);
    // The order's reservation as it stands.
    Expected<OrderReservation> reservation(qint64 orderId);
    // Gives back up to `units` of a line's reservation (all of it when units < 0).
    Expected<void> release(qint64 orderId, int line, qint64 units);
    // Reserves for the backordered orders that wait for any of `productIds`, oldest first;
    // returns the orders that are no longer backordered.
    Expected<QList<qint64>> fillBackorders(const QList<qint64> &productIds);

    // Locks the products (PostgreSQL: FOR UPDATE, in id order) until the transaction ends.
    Expected<void> lockProducts(QList<qint64> productIds);

private:
    Database &m_db;
};

} // namespace dockhand::server
