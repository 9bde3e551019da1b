#include "workflow.h"

#include "scanservice.h"

namespace dockhand {

Workflow::Workflow(QString step, ScanService *scans, const FloorData *data, QObject *parent)
    : QObject(parent), m_step(std::move(step)), m_scans(scans), m_data(data)
{ }

QDate Workflow::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

bool Workflow::record(
    const Scan *scan, const QString &task, QJsonObject fields, bool accept, const QString &message)
{
    protocol::ScanEvent event;
    event.step = m_step;
    event.task = task;
    if (scan) {
        // The workflow's own fields win over the parsed scan's (e.g. the count actually used).
        const QJsonObject parsed = scanFields(*scan);
        for (auto it = parsed.begin(); it != parsed.end(); ++it) {
            if (!fields.contains(it.key()))
                fields.insert(it.key(), it.value());
        }
        event.raw
            = scan->text.isEmpty() ? QString::fromLatin1(scan->raw.data.toPercentEncoding()) : scan->text;
        event.aim = scan->raw.aim;
        event.source = scanSourceName(scan->raw.source);
        event.kind = scanKindName(scan->kind);
        if (scan->raw.time.isValid())
            event.deviceTime = scan->raw.time;
    } else {
        // A keypad or button action: no scan behind it.
        event.source = QStringLiteral("manual");
        event.kind = QStringLiteral("unknown");
    }
    event.fields = fields;
    event.result = accept ? QStringLiteral("accepted") : QStringLiteral("refused");
    event.reason = accept ? QString() : message;

    if (!m_scans) {
        setFeedback(QStringLiteral("not-saved"), tr("Scan NOT saved: no scan queue. Scan it again later."));
        emit notSaved(m_lastMessage);
        return false;
    }
    const auto committed = m_scans->commit(std::move(event), message);
    if (!committed) {
        setFeedback(QStringLiteral("not-saved"), m_scans->lastMessage());
        emit notSaved(m_lastMessage);
        return false;
    }
    setFeedback(accept ? QStringLiteral("accepted") : QStringLiteral("refused"), message);
    if (accept)
        emit accepted(message);
    else
        emit refused(message);
    return accept;
}

void Workflow::refuseAction(const QString &message)
{
    setFeedback(QStringLiteral("refused"), message);
    emit refused(message);
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

void Workflow::setFeedback(const QString &result, const QString &message)
{
    m_lastResult = result;
    m_lastMessage = message;
    ++m_feedbackSerial;
    emit feedbackChanged();
}

QList<protocol::ScanEvent> Workflow::acceptedForTask(const QString &task) const
{
    return m_scans ? m_scans->acceptedForTask(task, m_step) : QList<protocol::ScanEvent>();
}

} // namespace dockhand
