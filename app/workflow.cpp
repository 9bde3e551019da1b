#include "workflow.h"

#include "scanrecorder.h"

namespace dockhand {

Workflow::Workflow(QString step, ScanRecorder *recorder, const FloorData *data, QObject *parent)
    : QObject(parent), m_step(std::move(step)), m_recorder(recorder), m_data(data)
{ }

QDate Workflow::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

bool Workflow::record(
    const Scan *scan, const QString &task, QJsonObject fields, bool accept, const QString &message)
{
    if (!m_recorder) {
        const QString text = tr("Scan NOT saved: no scan queue. Scan it again later.");
        emit notSaved(text);
        return false;
    }
    if (!m_recorder->record(scan, m_step, task, std::move(fields), accept, message)) {
        emit notSaved(lastMessage());
        return false;
    }
    if (accept)
        emit accepted(message);
    else
        emit refused(message);
    return accept;
}

void Workflow::refuseAction(const QString &message)
{
    // No event (nothing was scanned), but the same banner and the same refusal sound.
    if (Feedback *f = feedback())
        f->show(m_step, Feedback::kRefused, message);
    emit refused(message);
}

Feedback *Workflow::feedback() const
{
    return m_recorder ? m_recorder->feedback() : nullptr;
}

QString Workflow::lastResult() const
{
    const Feedback *f = feedback();
    return f ? f->result() : QString();
}

QString Workflow::lastMessage() const
{
    const Feedback *f = feedback();
    return f ? f->message() : QString();
}

int Workflow::feedbackSerial() const
{
    const Feedback *f = feedback();
    return f ? f->serial() : 0;
}

void Workflow::setPrompt(const QString &prompt)
{
    if (prompt == m_prompt)
        return;
    m_prompt = prompt;
    emit promptChanged();
}

QString Workflow::productName(const QString &gtin) const
{
    if (m_data) {
        if (const auto p = m_data->product(gtin); p && !p->name.isEmpty())
            return p->name;
    }
    return gtin;
}

QList<protocol::ScanEvent> Workflow::acceptedForTask(const QString &task) const
{
    return m_recorder ? m_recorder->acceptedForTask(task, m_step) : QList<protocol::ScanEvent>();
}

} // namespace dockhand
