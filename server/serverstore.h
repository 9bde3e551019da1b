#pragma once

#include "expected.h"
#include "protocol.h"
#include "serveroptions.h"
#include "warehousedata.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>
#include <optional>

class QSqlError;
class QSqlQuery;

namespace dockhand::server {

// The only class that speaks SQL. It owns one database connection and every statement the
// server runs, so a second dialect (PostgreSQL, issue 4) is added here and nowhere else.
// Correctness rules live in the schema, not in this process's memory: the event id is a primary
// key, (device, seq) is unique, stock cannot go negative. That is what lets several server
// processes share one PostgreSQL database later.
//
// Not thread-safe: one ServerStore per thread (the HTTP handlers run on the event loop).
class ServerStore
{
public:
    static constexpr int kSchemaVersion = 1;

    static Expected<std::unique_ptr<ServerStore>> open(
        const DatabaseLocation &location, const QString &connectionName = QStringLiteral("dockhand-server"));
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    QString dialectName() const; // "sqlite" (later "postgresql")
    QString describe() const { return m_location.describe(); }
    int schemaVersion();

    // --- events -----------------------------------------------------------------------------
    struct SequenceGap
    {
        qint64 from = 0; // first missing sequence number
        qint64 to = 0; // last missing sequence number (inclusive)
    };
    struct IngestResult
    {
        QList<protocol::EventAck> acks; // one per event, in request order
        QList<SequenceGap> gaps; // missing sequence numbers just below events accepted now
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
    };
    // Stores a batch of one device's events in one transaction. Each event id is answered once
    // and that first answer is kept: a repeat of an accepted event is "duplicate", a repeat of a
    // rejected one gets the same rejection. On a database error nothing of the batch is stored.
    Expected<IngestResult> ingest(const QString &deviceId, const QList<protocol::ScanEvent> &events);

    struct StoredEvent
    {
        protocol::ScanEvent event;
        QDateTime receivedAt;
    };
    struct EventPage
    {
        QList<StoredEvent> events; // ordered by device, seq
        qint64 total = 0; // all stored events of `device` (or of all devices)
    };
    // Events with seq > after, of one device (or all when empty), at most `limit`.
    Expected<EventPage> events(const QString &device, qint64 after, int limit);
    Expected<qint64> eventCount();

    // --- warehouse data ---------------------------------------------------------------------
    // Loads `data` in one transaction if the database holds no warehouse data yet (no products,
    // locations, operators or orders). Returns whether it loaded: seeding is idempotent.
    Expected<bool> seedIfEmpty(const WarehouseData &data);

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
    };

    Expected<QList<OrderSummary>> orders(const QString &status);
    // nullopt value when no such order.
    Expected<std::optional<OrderDetail>> order(const QString &number);
    Expected<QList<WarehouseData::Product>> products();
    Expected<QList<LocationRow>> locations(); // in walk order
    Expected<QString> operatorPinHash(const QString &badge); // empty when unknown

    // Fault injection for tests: the n-th statement from now (1 = the next one) fails as if the
    // disk had failed. 0 switches it off.
    void failStatement(int n) { m_failCountdown = n; }

private:
    ServerStore(DatabaseLocation location, QString connectionName);
    QSqlDatabase database() const { return QSqlDatabase::database(m_connectionName, false); }
    Expected<void> configure();
    Expected<void> migrate();
    Expected<void> begin();
    Expected<void> commit();
    void rollback();

    // Prepares `sql` once (cached by its text), binds `values` by position and runs it.
    Expected<QSqlQuery *> run(const QString &sql, std::initializer_list<QVariant> values = {});
    Expected<qint64> scalar(const QString &sql, std::initializer_list<QVariant> values = {});

    DatabaseLocation m_location;
    QString m_connectionName;
    QHash<QString, QSqlQuery *> m_statements;
    int m_failCountdown = 0;
};

// A failed query in words an admin can act on (disk full, read-only, locked ...).
QString describeSqlError(const QSqlError &error);

} // namespace dockhand::server
