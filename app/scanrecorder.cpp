#include "scanrecorder.h"

#include "actions.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcScan, "dockhand.app.scan")

namespace dockhand {

QJsonObject scanFields(const Scan &scan)
{
    using protocol::Field;
    using protocol::wireName;
    QJsonObject f;
    const auto put = [&](Field key, const QString &value) {
        if (!value.isEmpty())
            f.insert(wireName(key), value);
    };
    put(Field::Symbology, scan.symbology);
    put(Field::Gtin, scan.gtin);
    put(Field::Sscc, scan.sscc);
    put(Field::Code, scan.code);
    put(Field::Lot, scan.lot);
    put(Field::Serial, scan.serial);
    put(Field::Hri, scan.hri);
    if (scan.expiry.isValid())
        f.insert(wireName(Field::Expiry), scan.expiry.toString(Qt::ISODate));
    if (scan.count > 0)
        f.insert(wireName(Field::Count), scan.count);
    if (!scan.elements.isEmpty()) {
        QJsonArray elements;
        for (const auto &e : scan.elements)
            elements.append(QJsonObject {{wireName(Field::Ai), e.ai}, {wireName(Field::Value), e.value}});
        f.insert(wireName(Field::Elements), elements);
    }
    return f;
}

QString ScanRecorder::describe(const Scan &scan)
{
    switch (scan.kind) {
    case ScanKind::Product: {
        QString text = tr("Product %1").arg(scan.gtin);
        if (!scan.lot.isEmpty())
            text += tr(", lot %1").arg(scan.lot);
        if (scan.expiry.isValid())
            text += tr(", expires %1").arg(scan.expiry.toString(Qt::ISODate));
        return text;
    }
    case ScanKind::Sscc:
        return tr("Shipping unit (SSCC) %1").arg(scan.sscc);
    case ScanKind::Location:
        return tr("Location %1").arg(scan.code);
    case ScanKind::Tote:
        return tr("Tote %1").arg(scan.code);
    case ScanKind::Order:
        return tr("Order %1").arg(scan.code);
    case ScanKind::Badge:
        return tr("Operator badge %1").arg(scan.code);
    case ScanKind::Unknown:
        break;
    }
    return tr("Scan recorded (not a known label type)");
}

ScanRecorder::ScanRecorder(Feedback *feedback, QObject *parent) : QObject(parent), m_feedback(feedback) { }

std::optional<QueuedEvent> ScanRecorder::record(const Scan *scan, const QString &step, const QString &task,
    QJsonObject fields, bool accept, const QString &message)
{
    protocol::ScanEvent event;
    event.operatorId = m_operator;
    event.step = step;
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
    } else {
        // A keypad or button action: no scan behind it.
        event.source = QStringLiteral("manual");
        event.kind = QStringLiteral("unknown");
    }
    event.deviceTime = scan && scan->raw.time.isValid() ? scan->raw.time : QDateTime::currentDateTimeUtc();
    event.fields = fields;
    event.result = accept ? Feedback::kAccepted : Feedback::kRefused;
    event.reason = accept ? QString() : message;

    QString display = event.raw;
    display.replace(QChar(0x1d), QStringLiteral("<GS>"));

    if (!m_queue) {
        const QString why = m_recover ? m_recover() : QString();
        if (!m_queue) {
            const QString text = why.isEmpty()
                ? tr("Scan NOT saved: no scan queue. Scan it again later.")
                : tr("Scan NOT saved: %1. Scan it again when this is fixed.").arg(why);
            if (m_feedback)
                m_feedback->show(step, Feedback::kNotSaved, text, display);
            return std::nullopt;
        }
    }
    auto committed = m_queue->append(std::move(event));
    if (!committed) {
        qCWarning(lcScan).noquote() << committed.error();
        m_failing = true;
        emit storageFailed(committed.error());
        if (m_feedback)
            m_feedback->show(step, Feedback::kNotSaved, committed.error(), display);
        return std::nullopt;
    }
    if (m_failing) {
        m_failing = false;
        emit storageRecovered();
    }
    QueuedEvent queued {std::move(committed.value()), EventState::Pending, {}};
    // Feedback only now: the event is on disk.
    if (m_feedback)
        m_feedback->show(step, accept ? Feedback::kAccepted : Feedback::kRefused, message, display);
    emit recorded(queued);
    return queued;
}

QList<protocol::ScanEvent> ScanRecorder::acceptedForTask(const QString &task, const QString &step) const
{
    QList<protocol::ScanEvent> events;
    if (!m_queue || task.isEmpty())
        return events;
    const auto rows = m_queue->acceptedForTask(task, step);
    if (!rows.ok())
        return events;
    for (const QueuedEvent &row : rows.value()) {
        if (row.state != EventState::Rejected)
            events.append(row.event);
    }
    return events;
}

} // namespace dockhand
