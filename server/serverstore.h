#pragma once

#include "expected.h"
#include "protocol.h"
#include "serveroptions.h"
#include "warehousedata.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
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
    static constexpr int kSchemaVersion = 2;

    static Expected<std::unique_ptr<ServerStore>> open(
        const DatabaseLocation &location, const QString &connectionName = QStringLiteral("dockhand-server"));
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    QString dialectName() const; // "sqlite" or "postgresql"
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

    struct ExceptionRow
    {
        qint64 id = 0;
        QString kind; // short / damage / rejected
        QString eventId;
        QString device;
        QString operatorId;
        QString order;
        int line = 0;
        QString gtin;
        QString location;
        qint64 quantity = 0;
        QString reason;
        QDateTime at;
    };
    // Newest last; id > after, at most `limit`.
    Expected<QList<ExceptionRow>> exceptions(qint64 after, int limit);

    // --- orders import -----------------------------------------------------------------------
    struct ImportOrder
    {
        int row = 0; // 1-based position in the upload (CSV: line number) for error messages
        WarehouseData::Order order;
    };
    struct RowError
    {
        int row = 0;
        QString message;
    };
    // All or nothing: imports every order in one transaction, or none and returns why per row
    // (unknown GTIN, order number already taken). An empty list means imported.
    Expected<QList<RowError>> importOrders(const QList<ImportOrder> &orders);

    // --- change log (GET /v1/sync) ----------------------------------------------------------
    struct Change
    {
        qint64 id = 0;
        QString type;
        QString key;
        QString op;
        QJsonObject data;
    };
    // Changes with id > after, at most `limit`.
    Expected<QList<Change>> changes(qint64 after, int limit);

    // --- tasks (supervisors assign them) -------------------------------------------------------
    struct TaskRow
    {
        QString id;
        QString kind; // pick
        QString status; // open / done / cancelled
        QString assignee; // operator badge or device id; empty = anyone may take it
        QString assigneeKind; // "operator", "device", or empty
        QStringList orders; // order numbers, sorted
        int lines = 0;
        QDateTime createdAt;
    };
    // Every task by id; `status` filters when not empty.
    Expected<QList<TaskRow>> tasks(const QString &status);
    struct Assignment
    {
        enum class Outcome {
            Assigned, // stored, and in the change log for the devices
            NoSuchTask,
            UnknownAssignee, // neither an operator's badge nor an enrolled device's id
            NotOpen, // the task is done or cancelled
        };
        Outcome outcome = Outcome::Assigned;
        TaskRow task; // Assigned: as it is now; NotOpen: as it is
    };
    // Gives task `taskId` to an operator (badge) or a device (id), or to anyone (empty), and
    // appends it to the change log in the same transaction so every device downloads it.
    Expected<Assignment> assignTask(const QString &taskId, const QString &assignee);

    // --- authentication ---------------------------------------------------------------------
    Expected<void> addEnrolmentCode(const QString &code);
    // Gives `device` a new token (revoking its old one) when `code` is a valid enrolment code.
    // The value is the token in clear; empty when the code is not valid.
    Expected<QString> enrol(const QString &code, const QString &device, const QString &name);
    // The highest sequence number this server holds for `device` (stored or refused), 0 if none:
    // a device that starts a new queue numbers its scans after it.
    Expected<qint64> lastSequence(const QString &device);
    struct Principal
    {
        enum class Kind { None, Device, Operator };
        Kind kind = Kind::None;
        QString id; // device id or operator badge
        QString role; // operator role; empty for devices
    };
    Expected<Principal> authenticate(const QString &token);
    struct LoginResult
    {
        enum class Outcome { Ok, WrongPin, Locked };
        Outcome outcome = Outcome::WrongPin;
        QString token; // Ok
        QString role; // Ok
        QString name; // Ok
        int failures = 0; // WrongPin: failures so far
        qint64 lockedSeconds = 0; // Locked: seconds left
    };
    // After kMaxPinFailures wrong PINs the badge is locked for kLockoutSeconds.
    static constexpr int kMaxPinFailures = 5;
    static constexpr int kLockoutSeconds = 15 * 60;
    Expected<LoginResult> login(const QString &badge, const QString &pin);
    struct DeviceRow
    {
        QString id;
        QString name;
        bool enrolled = false;
        QDateTime firstSeen;
        QDateTime lastSeen;
        qint64 lastSeq = 0; // the highest sequence number received (stored or refused)
        qint64 received = 0; // how many of 1..lastSeq were received
        qint64 missing() const { return lastSeq - received; } // scans lost or not arrived
    };
    // Every device with what it delivered; reads all events (an admin's list, not a hot path).
    Expected<QList<DeviceRow>> devices();

    // Counts over the whole database, for /metrics: every server on one PostgreSQL reports the
    // same figures, so they describe the floor, not one process.
    struct FloorCounts
    {
        QList<std::pair<QString, qint64>> ordersByStatus; // statuses with at least one order
        QList<std::pair<QString, qint64>> exceptionsByKind; // short / damage / rejected, ever raised
        qint64 devicesEnrolled = 0;
        qint64 devicesActive = 0; // enrolled or uploaded events since the given time
    };
    Expected<FloorCounts> floorCounts(const QDateTime &activeSince);
    // Base of the growing wait after a wrong PIN (tests make it short).
    void setLoginDelayMs(int ms) { m_loginDelayMs = ms; }
    // At most this many rows of recent login failures are kept for badges that do not exist.
    static constexpr int kMaxLoginFailureRows = 10000;
    void setMaxLoginFailureRows(int rows) { m_maxLoginFailureRows = rows; }

    // Fault injection for tests: the n-th statement from now (1 = the next one) fails as if the
    // disk had failed. 0 switches it off.
    void failStatement(int n) { m_failCountdown = n; }

private:
    ServerStore(DatabaseLocation location, QString connectionName);
    QSqlDatabase database() const { return QSqlDatabase::database(m_connectionName, false); }
    Expected<void> configure();
    bool isPostgres() const;
    Expected<IngestResult> ingestOnce(const QString &deviceId, const QList<protocol::ScanEvent> &events);
    Expected<void> migrate();
    Expected<void> begin();
    Expected<void> commit();
    void rollback();

    // Prepares `sql` once (cached by its text), binds `values` by position and runs it.
    Expected<QSqlQuery *> run(const QString &sql, std::initializer_list<QVariant> values = {});
    // The same for multi-row statements, whose parameters are named ":b0", ":b1", ... in order.
    Expected<QSqlQuery *> runBatch(const QString &sql, const QVariantList &values);
    Expected<QSqlQuery *> execute(const QString &sql, const QVariant *values, qsizetype count, bool named);
    // Runs `sql` unprepared (transaction control); fault injection counts it like run().
    Expected<void> command(const QString &sql);
    Expected<qint64> scalar(const QString &sql, std::initializer_list<QVariant> values = {});

    // Applies one stored event (docs/protocol.md); inside the ingest transaction. The value is
    // empty when applied and the rejection reason on a conflict (effects undone).
    Expected<QString> applyEvent(
        const protocol::ScanEvent &event, const QString &deviceId, const QString &now);
    Expected<QString> applyAction(
        const protocol::ScanEvent &event, const QString &deviceId, const QString &now);
    Expected<void> addException(const QString &kind, const protocol::ScanEvent &event,
        const QString &deviceId, const QString &reason, const QString &now);
    Expected<void> setStatus(
        qint64 orderId, const QString &from, const QString &to, const QString &source, const QString &now);
    Expected<void> updatePickedStatus(qint64 orderId, const QString &source, const QString &now);
    Expected<void> appendChange(
        const QString &type, const QString &key, const QJsonObject &data, const QString &now);
    Expected<void> appendOrderChange(qint64 orderId, const QString &now);
    Expected<void> appendTaskChange(const QString &taskId, const QString &now);
    // Tasks with `status` (any when empty), or the one task `id` when given.
    Expected<QList<TaskRow>> taskRows(const QString &status, const QString &id);
    Expected<void> seedTasks(const QString &now);
    Expected<void> seedChanges(const QString &now);

    DatabaseLocation m_location;
    QString m_connectionName;
    QHash<QString, QSqlQuery *> m_statements;
    int m_failCountdown = 0;
    int m_loginDelayMs = 1000;
    int m_maxLoginFailureRows = kMaxLoginFailureRows;
    bool m_retryable = false; // the last failed statement was a deadlock / serialization failure
};

// A failed query in words an admin can act on (disk full, read-only, locked ...).
QString describeSqlError(const QSqlError &error);

} // namespace dockhand::server
