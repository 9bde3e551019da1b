#pragma once

#include "expected.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dockhand::server {

class Database;

// The change log devices download by cursor (GET /v1/sync). Every change is appended in the
// same transaction as the change itself, so a device never misses one; on PostgreSQL appends
// are serialized by an advisory lock so ids become visible in id order. The JSON of each entity
// (product, location, operator, carton, order, task, config) is written here.
class ChangeLog
{
public:
    explicit ChangeLog(Database &db) : m_db(db) { }

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

    Expected<void> appendChange(
        const QString &type, const QString &key, const QJsonObject &data, const QString &now);
    // Many changes at once (an import), in list order, as multi-row statements.
    Expected<void> appendChanges(const QList<Change> &changes, const QString &now);
    // The order as devices hold it (status, tote, every line's counts), read inside the caller's
    // transaction.
    Expected<void> appendOrderChange(qint64 orderId, const QString &now);
    // The task as devices hold it (assignee, status, its lines in walk order).
    Expected<void> appendTaskChange(const QString &taskId, const QString &now);
    // The devices' configuration (the label scheme they classify scans by, the carton types
    // offered to packers), read inside the caller's transaction.
    Expected<void> appendDeviceConfig(const QString &now);
    // Every order and task once, after a warehouse's master data is loaded (whose import
    // appended its own changes). Inside the caller's transaction.
    Expected<void> seedChanges(const QString &now);

private:
    Expected<void> lockAppends();

    Database &m_db;
    quint64 m_lockedIn = 0; // the transaction (Database::transaction) holding the append lock
};

} // namespace dockhand::server
