#pragma once

#include "expected.h"
#include "localstore.h"
#include "protocol.h"

#include <QList>

namespace dockhand {

// Where an event stands between the device and the server.
enum class EventState {
    Pending = 0, // committed on the device, not yet confirmed by the server
    Acknowledged = 1, // the server has it (accepted now or as a duplicate)
    Rejected = 2, // the server refused it; kept for the operator and supervisor to see
};

QString eventStateName(EventState state);

struct QueuedEvent
{
    protocol::ScanEvent event;
    EventState state = EventState::Pending;
    QString serverReason; // the server's reason for a rejection
};

// The scan-event outbox on one LocalStore connection. append() returns only after the event is
// durably committed, so a caller may give positive feedback exactly when it returns a value.
class ScanQueue
{
public:
    ScanQueue(LocalStore *store, QString deviceId);

    // Gives the event its id (if it has none), device and next sequence number, and commits it.
    Expected<protocol::ScanEvent> append(protocol::ScanEvent event);

    // Oldest pending events, at most `maxEvents` and about `maxBytes` of JSON (never fewer than one).
    Expected<QList<protocol::ScanEvent>> pendingBatch(int maxEvents, qint64 maxBytes);

    // Records the server's answers in one transaction.
    Expected<void> applyAcks(const QList<protocol::EventAck> &acks);

    // A new queue (a new or wiped device, or one started after a damaged queue was moved aside)
    // numbers its scans from 1, while the server may hold this device's scans up to
    // `serverLastSeq` from before: the same numbers on other scans would be refused. Called with
    // the number the server reports at enrolment, before anything is sent: the scans not yet
    // sent move up past it, in their order, and numbering goes on after them. Only once per
    // queue, and never once the server has answered anything from it (its numbers are the
    // server's then). Returns how many scans were renumbered.
    Expected<qint64> continueAfter(qint64 serverLastSeq);

    Expected<qint64> backlog();
    Expected<QList<QueuedEvent>> latest(int limit);
    // The events this device accepted for `task` in `step`, oldest first, with their server state:
    // what a workflow replays to resume a task after a restart.
    Expected<QList<QueuedEvent>> acceptedForTask(const QString &task, const QString &step);
    // The newest events that need a supervisor, newest first, at most `limit`: rejected by the
    // server, short picks and damage, and goods refused at pick (against a line) or at pack.
    // Refusals such as "scan the location first" are not among them. (ReviewModel::categoryOf
    // names the kind of each; the two must agree.)
    Expected<QList<QueuedEvent>> exceptions(int limit);
    Expected<qint64> count();

    QString deviceId() const { return m_deviceId; }

private:
    QueuedEvent readRow(const class QSqlQuery &q) const;
    // Events by a statement prepared once under `name`: "SELECT <columns> FROM scan_events <where>".
    Expected<QList<QueuedEvent>> select(const QString &where, const QVariantList &values);

    LocalStore *m_store;
    QString m_deviceId;
};

} // namespace dockhand
