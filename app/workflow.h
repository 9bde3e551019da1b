#pragma once

#include "floordata.h"
#include "protocol.h"
#include "scan.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace dockhand {

class ScanService;

// What every floor workflow shares: the feedback the screens show and the one way to record an
// event. A workflow changes its state only after its event is committed to the durable queue, so
// "accepted" on screen always means "on disk" (the app's one rule).
class Workflow : public QObject
{
    Q_OBJECT
    // What to do next, in the operator's words ("Scan location A-01-02").
    Q_PROPERTY(QString prompt READ prompt NOTIFY promptChanged)
    // "accepted", "refused", "not-saved" (scan again) or empty before the first scan.
    Q_PROPERTY(QString lastResult READ lastResult NOTIFY feedbackChanged)
    // The banner text for lastResult: what was accepted, or why it was refused and what to do.
    Q_PROPERTY(QString lastMessage READ lastMessage NOTIFY feedbackChanged)
    // Counts up on every feedback, so the UI can replay a sound even when the text repeats.
    Q_PROPERTY(int feedbackSerial READ feedbackSerial NOTIFY feedbackChanged)
public:
    Workflow(QString step, ScanService *scans, const FloorData *data, QObject *parent = nullptr);

    QString prompt() const { return m_prompt; }
    QString lastResult() const { return m_lastResult; }
    QString lastMessage() const { return m_lastMessage; }
    int feedbackSerial() const { return m_feedbackSerial; }
    QString step() const { return m_step; }

    // Handles one decoded scan routed to this workflow (invalid scans included: they are refused
    // and recorded like any other refusal).
    virtual void handleScan(const Scan &scan) = 0;

    // The date lots expire against; defaults to today. For tests.
    void setToday(QDate today) { m_today = today; }
    QDate today() const;

signals:
    void promptChanged();
    void feedbackChanged();
    // After the accepted event is committed: the UI plays the good sound and shows green.
    void accepted(const QString &message);
    // After the refused event is committed: the UI plays the error sound and shows red.
    void refused(const QString &message);
    // The event could not be committed; nothing changed and the operator must scan again.
    void notSaved(const QString &message);

protected:
    // Commits one event (action and fields in `fields`, the scan's own data merged in when there
    // is a scan) and gives the feedback. Returns true only when the event is on disk and
    // `accept` was true: the caller then moves the state on.
    bool record(
        const Scan *scan, const QString &task, QJsonObject fields, bool accept, const QString &message);
    // Refuses a button or keypad action that was not possible (no scan, so no event).
    void refuseAction(const QString &message);
    void setPrompt(const QString &prompt);
    const FloorData *data() const { return m_data; }
    ScanService *scans() const { return m_scans; }
    // What this device accepted earlier for `task` in this workflow's step (see ScanService).
    QList<protocol::ScanEvent> acceptedForTask(const QString &task) const;
    // The product's name for messages, or the GTIN when the product is not cached.
    QString productName(const QString &gtin) const;

private:
    void setFeedback(const QString &result, const QString &message);

    QString m_step;
    ScanService *m_scans;
    const FloorData *m_data;
    QString m_prompt;
    QString m_lastResult;
    QString m_lastMessage;
    int m_feedbackSerial = 0;
    QDate m_today;
};

} // namespace dockhand
