#pragma once

#include "actions.h"

#include "expected.h"
#include "ingest/orderrules.h"
#include "protocol.h"

#include <QString>

namespace dockhand::server {

class ChangeLog;
class Database;

// Applies one stored event to the orders, stock, cartons and exceptions (docs/protocol.md),
// inside the ingest transaction. The rules it follows are orderrules.h; the database decides
// every race with conditional updates and the order row's lock.
class EventApplier
{
public:
    EventApplier(Database &db, ChangeLog &changes) : m_db(db), m_changes(changes) { }

    // The value is empty when applied (or when the event's action changes nothing) and the
    // rejection reason on a conflict (effects undone by a savepoint, a "rejected" exception
    // recorded).
    Expected<QString> applyEvent(
        const protocol::ScanEvent &event, const QString &deviceId, const QString &now);

private:
    Expected<QString> applyAction(protocol::Action action, const protocol::ScanEvent &event,
        const QString &deviceId, const QString &now);
    Expected<void> addException(const QString &kind, const protocol::ScanEvent &event,
        const QString &deviceId, const QString &reason, const QString &now);
    Expected<void> setStatus(
        qint64 orderId, const QString &from, const QString &to, const QString &source, const QString &now);
    Expected<void> updatePickedStatus(qint64 orderId, const QString &source, const QString &now);
    Expected<QList<orderrules::LineProgress>> lineProgress(qint64 orderId);

    Database &m_db;
    ChangeLog &m_changes;
};

} // namespace dockhand::server
