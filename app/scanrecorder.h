#pragma once

#include "feedback.h"
#include "scan.h"
#include "scanqueue.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

namespace dockhand {

// The one writer of the durable scan queue. Every workflow (home, login, pick, pack) records
// its events here: the event is built once, from the decoded scan and the workflow's fields,
// committed, and only then is the operator told the result (through the shared Feedback). The
// rule it keeps: "accepted" is said only after the commit.
class ScanRecorder : public QObject
{
    Q_OBJECT
public:
    explicit ScanRecorder(Feedback *feedback, QObject *parent = nullptr);

    // The queue may be missing (storage failed); scans are then refused as "not saved".
    void setQueue(ScanQueue *queue) { m_queue = queue; }
    void setOperator(const QString &operatorId) { m_operator = operatorId; }
    QString operatorId() const { return m_operator; }
    // This device's id (a supervisor may assign tasks to it); empty while storage is not open.
    QString deviceId() const { return m_queue ? m_queue->deviceId() : QString(); }
    // Called when no queue is available, to try opening storage again; returns the reason it failed.
    void setStorageRecovery(std::function<QString()> recover) { m_recover = std::move(recover); }
    Feedback *feedback() const { return m_feedback; }

    // Builds the event for one scan (or, with no scan, a keypad or button action) in `step`,
    // commits it and gives the feedback: `message` for its result. `fields` holds the action and
    // what the workflow decided; the scan's parsed data is merged in (the workflow's keys win).
    // Returns the committed event, or nothing when it could not be saved (the feedback then
    // says "not saved" and why).
    std::optional<QueuedEvent> record(const Scan *scan, const QString &step, const QString &task,
        QJsonObject fields, bool accept, const QString &message);

    // The events this device accepted for `task` in `step`, oldest first, leaving out those the
    // server rejected: what a workflow replays to resume a task after a restart. Empty when
    // storage is not open.
    QList<protocol::ScanEvent> acceptedForTask(const QString &task, const QString &step) const;

    // What a valid scan is, in the operator's words ("Location A-01-02").
    static QString describe(const Scan &scan);

signals:
    void recorded(const dockhand::QueuedEvent &event);
    // A commit failed (disk full, storage damaged): the device cannot keep scans right now.
    void storageFailed(const QString &reason);
    // A commit succeeded after a failure.
    void storageRecovered();

private:
    Feedback *m_feedback;
    ScanQueue *m_queue = nullptr;
    QString m_operator;
    std::function<QString()> m_recover;
    bool m_failing = false;
};

// The parsed part of a scan as stored in the event's `fields`.
QJsonObject scanFields(const Scan &scan);

} // namespace dockhand
