#pragma once

#include "expected.h"
#include "orders/importparsers.h"
#include "orders/reservations.h"
#include "warehousedata.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
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
        bool backordered = false; // held: not every unit could be reserved (reservations.h)
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
        qint64 reserved = 0; // units promised to this line and not yet picked
        qint64 shorted = 0;
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

    // A caller's Idempotency-Key for an intake: the first answer to (caller, key) is kept, a
    // repeat with the same body (requestHash) gets it again, another body is refused.
    static constexpr int kIdempotencyKeyDays = 30;
    struct IdempotencyKey
    {
        QString caller; // who sent it (API key id or operator badge): keys are per caller
        QString key;
        QByteArray requestHash; // SHA-256 of the request body
    };
    struct Intake
    {
        QList<RowError> errors; // not empty: nothing was stored
        QList<OrderReservation> orders; // stored and reserved, in the request's order
        QJsonObject answer; // the answer to send (for a repeated key: the first one)
        bool repeated = false; // the key was seen with this body: nothing new was stored
        bool keyReused = false; // the key was seen with another body: refused, nothing stored
        QDateTime keyFirstUsed = {}; // repeated / keyReused: when the key was first used
    };
    // All or nothing: stores every order in one transaction and reserves its lines against
    // available stock in the same transaction (reservations.h), or stores none and says why per
    // row (unknown GTIN, order number already taken). With a key, the answer is kept with it.
    Expected<Intake> intakeOrders(const QList<ImportOrder> &orders, const std::optional<IdempotencyKey> &key);
    // intakeOrders without a key; an empty list means imported.
    Expected<QList<RowError>> importOrders(const QList<ImportOrder> &orders);
    // The answer an intake of `orders` gives ({"orders": [...], "received", "backordered"}).
    static QJsonObject intakeAnswer(const QList<OrderReservation> &orders);

private:
    Expected<Intake> intakeOnce(const QList<ImportOrder> &orders, const std::optional<IdempotencyKey> &key);

    Database &m_db;
    ChangeLog &m_changes;
};

} // namespace dockhand::server
