#pragma once

#include "expected.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace dockhand::server {

class ChangeLog;
class Database;

// Pick tasks: the waves made when the warehouse is loaded (waves.cpp), the list supervisors
// read, and assigning a task to an operator, a device or anyone.
class TaskStore
{
public:
    TaskStore(Database &db, ChangeLog &changes) : m_db(db), m_changes(changes) { }

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

    // Makes the pick waves of the open orders; inside the caller's transaction.
    Expected<void> seedTasks(const QString &now);

private:
    // Tasks with `status` (any when empty), or the one task `id` when given.
    Expected<QList<TaskRow>> taskRows(const QString &status, const QString &id);

    Database &m_db;
    ChangeLog &m_changes;
};

} // namespace dockhand::server
