#pragma once

#include "access/accessstore.h"
#include "changelog/changelog.h"
#include "expected.h"
#include "floor/floorstore.h"
#include "ingest/eventapply.h"
#include "ingest/eventstore.h"
#include "masterdata/masterdatastore.h"
#include "orders/orderstore.h"
#include "serveroptions.h"
#include "storage/database.h"
#include "storage/schema.h"
#include "tasks/taskstore.h"
#include "warehousedata.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace dockhand::server {

// The server's storage in one object: it owns the one database connection (storage/) and the
// stores over it, one per domain — events and their application (ingest/), orders and import
// (orders/), master-data import (masterdata/), tasks (tasks/), the change log (changelog/), enrolment and
// login (access/), the floor's exceptions, devices and counts (floor/). The API and the tests reach them
// through it; every call goes to the store whose folder names it. Correctness rules live in the schema, not
// in this process's memory: the event id is a primary key, (device, seq) is unique, stock cannot go negative.
// That is what lets several server processes share one PostgreSQL database.
//
// Not thread-safe: one ServerStore per thread. The server opens one per request worker
// (http/requestworkers.h), each on its own connection to the same database.
class ServerStore
{
public:
    static constexpr int kSchemaVersion = dockhand::server::kSchemaVersion;

    // Opens the database and brings its schema up to date.
    static Expected<std::unique_ptr<ServerStore>> open(
        const DatabaseLocation &location, const QString &connectionName = QStringLiteral("dockhand-server"));
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    Database &database() { return *m_db; }
    EventStore &eventStore() { return m_events; }
    OrderStore &orderStore() { return m_orders; }
    TaskStore &taskStore() { return m_tasks; }
    ChangeLog &changeLog() { return m_changes; }
    AccessStore &accessStore() { return m_access; }
    FloorStore &floorStore() { return m_floor; }
    MasterDataStore &masterDataStore() { return m_masterData; }

    QString dialectName() const { return m_db->dialectName(); } // "sqlite" or "postgresql"
    QString describe() const { return m_db->describe(); }
    int schemaVersion() { return dockhand::server::schemaVersion(*m_db); }

    // --- events (ingest/eventstore.h) ---------------------------------------------------------
    using SequenceGap = EventStore::SequenceGap;
    using IngestResult = EventStore::IngestResult;
    using StoredEvent = EventStore::StoredEvent;
    using EventPage = EventStore::EventPage;
    Expected<IngestResult> ingest(const QString &deviceId, const QList<protocol::ScanEvent> &events)
    {
        return m_events.ingest(deviceId, events);
    }
    Expected<EventPage> events(const QString &device, qint64 after, int limit)
    {
        return m_events.events(device, after, limit);
    }
    Expected<qint64> eventCount() { return m_events.eventCount(); }
    Expected<qint64> lastSequence(const QString &device) { return m_events.lastSequence(device); }

    // --- warehouse data (seeding/warehouseseed.h, orders/orderstore.h) -------------------------
    Expected<bool> seedIfEmpty(const WarehouseData &data);
    using OrderSummary = OrderStore::OrderSummary;
    using OrderLineRow = OrderStore::OrderLineRow;
    using StatusChange = OrderStore::StatusChange;
    using OrderDetail = OrderStore::OrderDetail;
    using LocationRow = OrderStore::LocationRow;
    Expected<QList<OrderSummary>> orders(const QString &status) { return m_orders.orders(status); }
    Expected<std::optional<OrderDetail>> order(const QString &number) { return m_orders.order(number); }
    Expected<QList<WarehouseData::Product>> products() { return m_orders.products(); }
    Expected<QList<LocationRow>> locations() { return m_orders.locations(); }
    using ImportOrder = dockhand::server::ImportOrder;
    using RowError = dockhand::server::RowError;
    Expected<QList<RowError>> importOrders(const QList<ImportOrder> &orders)
    {
        return m_orders.importOrders(orders);
    }

    // --- change log (changelog/changelog.h) ---------------------------------------------------
    using Change = ChangeLog::Change;
    Expected<QList<Change>> changes(qint64 after, int limit) { return m_changes.changes(after, limit); }

    // --- tasks (tasks/taskstore.h) ------------------------------------------------------------
    using TaskRow = TaskStore::TaskRow;
    using Assignment = TaskStore::Assignment;
    Expected<QList<TaskRow>> tasks(const QString &status) { return m_tasks.tasks(status); }
    Expected<Assignment> assignTask(const QString &taskId, const QString &assignee)
    {
        return m_tasks.assignTask(taskId, assignee);
    }

    // --- access (access/accessstore.h) --------------------------------------------------------
    using Principal = AccessStore::Principal;
    using LoginResult = AccessStore::LoginResult;
    static constexpr int kMaxPinFailures = AccessStore::kMaxPinFailures;
    static constexpr int kLockoutSeconds = AccessStore::kLockoutSeconds;
    static constexpr int kMaxLoginFailureRows = AccessStore::kMaxLoginFailureRows;
    Expected<void> addEnrolmentCode(const QString &code) { return m_access.addEnrolmentCode(code); }
    Expected<QString> enrol(const QString &code, const QString &device, const QString &name)
    {
        return m_access.enrol(code, device, name);
    }
    Expected<Principal> authenticate(const QString &token) { return m_access.authenticate(token); }
    Expected<QString> operatorPinHash(const QString &badge) { return m_access.operatorPinHash(badge); }
    Expected<LoginResult> login(const QString &badge, const QString &pin)
    {
        return m_access.login(badge, pin);
    }
    void setLoginDelayMs(int ms) { m_access.setLoginDelayMs(ms); }
    void setMaxLoginFailureRows(int rows) { m_access.setMaxLoginFailureRows(rows); }

    // --- the floor (floor/floorstore.h) -------------------------------------------------------
    using ExceptionRow = FloorStore::ExceptionRow;
    using DeviceRow = FloorStore::DeviceRow;
    using FloorCounts = FloorStore::FloorCounts;
    Expected<QList<ExceptionRow>> exceptions(qint64 after, int limit)
    {
        return m_floor.exceptions(after, limit);
    }
    Expected<QList<DeviceRow>> devices() { return m_floor.devices(); }
    Expected<FloorCounts> floorCounts(const QDateTime &activeSince)
    {
        return m_floor.floorCounts(activeSince);
    }

private:
    explicit ServerStore(std::unique_ptr<Database> db);

    std::unique_ptr<Database> m_db; // first: the stores below refer to it
    ChangeLog m_changes;
    EventApplier m_applier;
    EventStore m_events;
    OrderStore m_orders;
    TaskStore m_tasks;
    AccessStore m_access;
    FloorStore m_floor;
    MasterDataStore m_masterData;
};

} // namespace dockhand::server
