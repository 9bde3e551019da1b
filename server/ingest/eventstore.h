#pragma once

#include "expected.h"
#include "protocol.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace dockhand::server {

class Database;
class EventApplier;
class StoredSequences;

// The events devices upload: stored once each in one transaction per batch, answered once
// (accepted, duplicate, or the same rejection again), applied exactly once by the request that
// stored them (EventApplier), and read back page by page.
class EventStore
{
public:
    EventStore(Database &db, EventApplier &applier);
    ~EventStore();

    // What the other stores of this process over the same database have committed (see
    // StoredSequences); by default a store knows only what it committed itself.
    void shareStoredSequences(std::shared_ptr<StoredSequences> known);

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
    // A deadlock or serialization failure (PostgreSQL) runs the batch again, up to 5 times.
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

    // The highest sequence number this server holds for `device` (stored or refused), 0 if none:
    // a device that starts a new queue numbers its scans after it.
    Expected<qint64> lastSequence(const QString &device);

private:
    Expected<IngestResult> ingestOnce(const QString &deviceId, const QList<protocol::ScanEvent> &events);

    Database &m_db;
    EventApplier &m_applier;
    std::shared_ptr<StoredSequences> m_known;
};

} // namespace dockhand::server
