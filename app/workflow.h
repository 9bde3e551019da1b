#pragma once

#include "feedback.h"
#include "floordata.h"
#include "protocol.h"
#include "scan.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace dockhand {

class ScanRecorder;

// What every floor workflow shares: the one way to record an event (the scan recorder) and the
// one feedback the screens show and sound. A workflow changes its state only after its event is
// committed to the durable queue, so "accepted" on screen always means "on disk" (the app's one
// rule).
class Workflow : public QObject
{
    Q_OBJECT
    // What to do next, in the operator's words ("Scan location A-01-02").
    Q_PROPERTY(QString prompt READ prompt NOTIFY promptChanged)
public:
    Workflow(QString step, ScanRecorder *recorder, const FloorData *data, QObject *parent = nullptr);

    QString prompt() const { return m_prompt; }
    QString step() const { return m_step; }
    // The device's feedback as it stands (shared by every workflow; the screens bind to the
    // Feedback object itself).
    QString lastResult() const;
    QString lastMessage() const;
    int feedbackSerial() const;

    // Handles one decoded scan routed to this workflow (invalid scans included: they are refused
    // and recorded like any other refusal).
    virtual void handleScan(const Scan &scan) = 0;

    // Words the prompt again in the current language (after the translator changed).
    virtual void retranslate() { }

    // The date lots expire against; defaults to today. For tests.
    void setToday(QDate today) { m_today = today; }
    QDate today() const;

signals:
    void promptChanged();
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
    ScanRecorder *recorder() const { return m_recorder; }
    // What this device accepted earlier for `task` in this workflow's step (see ScanRecorder).
    QList<protocol::ScanEvent> acceptedForTask(const QString &task) const;
    // The product's name for messages, or the GTIN when the product is not cached.
    QString productName(const QString &gtin) const;

private:
    Feedback *feedback() const;

    QString m_step;
    ScanRecorder *m_recorder;
    const FloorData *m_data;
    QString m_prompt;
    QDate m_today;
};

} // namespace dockhand
