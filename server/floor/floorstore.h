#pragma once

#include "expected.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

namespace dockhand::server {

class Database;

// What supervisors watch on the floor: the exceptions raised by applying events (short, damage,
// rejected), every device with what it delivered, and the counts /metrics reports.
class FloorStore
{
public:
    explicit FloorStore(Database &db) : m_db(db) { }

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

private:
    Database &m_db;
};

} // namespace dockhand::server
