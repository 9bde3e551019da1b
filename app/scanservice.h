#pragma once

#include "scan.h"
#include "scanqueue.h"

#include <QObject>

namespace dockhand {

// Takes raw scans from every source, decodes them, records each one in the durable queue and
// tells the operator the result. The rule it keeps: "accepted" is said only after the commit.
class ScanService : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString lastResult READ lastResult NOTIFY feedbackChanged)
    Q_PROPERTY(QString lastMessage READ lastMessage NOTIFY feedbackChanged)
    Q_PROPERTY(QString lastText READ lastText NOTIFY feedbackChanged)
    Q_PROPERTY(int feedbackSerial READ feedbackSerial NOTIFY feedbackChanged)
public:
    explicit ScanService(ScanDecoder decoder, QObject *parent = nullptr);

    // The queue may be missing (storage failed); scans are then refused as "not saved".
    void setQueue(ScanQueue *queue) { m_queue = queue; }
    void setOperator(const QString &operatorId) { m_operator = operatorId; }
    void setStep(const QString &step) { m_step = step; }
    QString operatorId() const { return m_operator; }
    // This device's id (a supervisor may assign tasks to it); empty while storage is not open.
    QString deviceId() const { return m_queue ? m_queue->deviceId() : QString(); }
    const ScanDecoder &decoder() const { return m_decoder; }
    // Called when no queue is available, to try opening storage again; returns the reason it failed.
    void setStorageRecovery(std::function<QString()> recover) { m_recover = std::move(recover); }

    // "accepted", "refused" or "not-saved" (the scan is lost and must be scanned again).
    QString lastResult() const { return m_lastResult; }
    QString lastMessage() const { return m_lastMessage; }
    QString lastText() const { return m_lastText; }
    int feedbackSerial() const { return m_feedbackSerial; }

    // Processes one scan to the end (decode, commit, feedback) and returns the committed event,
    // or nothing when it could not be saved.
    std::optional<QueuedEvent> handle(const RawScan &raw);

    // Commits an event a workflow made (the operator filled in) and shows `message` as the
    // feedback for its result; nothing when it could not be saved (the feedback then says so).
    std::optional<QueuedEvent> commit(protocol::ScanEvent event, const QString &message);

    // The events this device accepted for `task` in `step`, oldest first, leaving out those the
    // server rejected: what a workflow replays to resume a task after a restart. Empty when
    // storage is not open.
    QList<protocol::ScanEvent> acceptedForTask(const QString &task, const QString &step) const;

    // What a valid scan is, in the operator's words ("Location A-01-02").
    static QString describe(const Scan &scan);

signals:
    void recorded(const dockhand::QueuedEvent &event);
    void feedbackChanged();

private:
    void setFeedback(const QString &result, const QString &message, const QString &text);

    ScanDecoder m_decoder;
    ScanQueue *m_queue = nullptr;
    QString m_operator;
    QString m_step = QStringLiteral("home");
    std::function<QString()> m_recover;
    QString m_lastResult;
    QString m_lastMessage;
    QString m_lastText;
    int m_feedbackSerial = 0;
};

// The parsed part of a scan as stored in the event's `fields`.
QJsonObject scanFields(const Scan &scan);

} // namespace dockhand
