#include "scanservice.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcScan, "dockhand.scan")

namespace dockhand {

QJsonObject scanFields(const Scan &scan)
{
    QJsonObject f;
    const auto put = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            f.insert(QLatin1String(key), value);
    };
    put("symbology", scan.symbology);
    put("gtin", scan.gtin);
    put("sscc", scan.sscc);
    put("code", scan.code);
    put("lot", scan.lot);
    put("serial", scan.serial);
    put("hri", scan.hri);
    if (scan.expiry.isValid())
        f.insert(QLatin1String("expiry"), scan.expiry.toString(Qt::ISODate));
    if (scan.count > 0)
        f.insert(QLatin1String("count"), scan.count);
    if (!scan.elements.isEmpty()) {
        QJsonArray elements;
        for (const auto &e : scan.elements)
            elements.append(QJsonObject {{QLatin1String("ai"), e.ai}, {QLatin1String("value"), e.value}});
        f.insert(QLatin1String("elements"), elements);
    }
    return f;
}

QString ScanService::describe(const Scan &scan)
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

ScanService::ScanService(ScanDecoder decoder, QObject *parent)
    : QObject(parent), m_decoder(std::move(decoder))
{ }

std::optional<QueuedEvent> ScanService::handle(const RawScan &raw)
{
    const Scan scan = m_decoder.decode(raw);
    protocol::ScanEvent event;
    event.operatorId = m_operator;
    event.step = m_step;
    event.raw = scan.text.isEmpty() ? QString::fromLatin1(raw.data.toPercentEncoding()) : scan.text;
    event.aim = raw.aim;
    event.source = scanSourceName(raw.source);
    event.kind = scanKindName(scan.kind);
    event.fields = scanFields(scan);
    event.result = scan.valid ? QStringLiteral("accepted") : QStringLiteral("refused");
    event.reason = scan.valid ? QString() : scan.error;
    event.deviceTime = raw.time.isValid() ? raw.time : QDateTime::currentDateTimeUtc();

    QString display = event.raw;
    display.replace(QChar(0x1d), QStringLiteral("<GS>"));

    if (!m_queue && m_recover) {
        const QString why = m_recover();
        if (!m_queue) {
            setFeedback(QStringLiteral("not-saved"),
                tr("Scan NOT saved: %1. Scan it again when this is fixed.").arg(why), display);
            return std::nullopt;
        }
    }
    if (!m_queue) {
        setFeedback(
            QStringLiteral("not-saved"), tr("Scan NOT saved: no scan queue. Scan it again later."), display);
        return std::nullopt;
    }
    auto committed = m_queue->append(std::move(event));
    if (!committed) {
        qCWarning(lcScan).noquote() << committed.error();
        setFeedback(QStringLiteral("not-saved"), committed.error(), display);
        return std::nullopt;
    }
    QueuedEvent queued {std::move(committed.value()), EventState::Pending, {}};
    // Feedback only now: the event is on disk.
    if (scan.valid)
        setFeedback(QStringLiteral("accepted"), describe(scan), display);
    else
        setFeedback(QStringLiteral("refused"), scan.error, display);
    emit recorded(queued);
    return queued;
}

std::optional<QueuedEvent> ScanService::commit(protocol::ScanEvent event, const QString &message)
{
    if (event.operatorId.isEmpty())
        event.operatorId = m_operator;
    if (!event.deviceTime.isValid())
        event.deviceTime = QDateTime::currentDateTimeUtc();
    QString display = event.raw;
    display.replace(QChar(0x1d), QStringLiteral("<GS>"));
    if (!m_queue && m_recover)
        m_recover();
    if (!m_queue) {
        setFeedback(
            QStringLiteral("not-saved"), tr("Scan NOT saved: no scan queue. Scan it again later."), display);
        return std::nullopt;
    }
    const QString result = event.result;
    auto committed = m_queue->append(std::move(event));
    if (!committed) {
        qCWarning(lcScan).noquote() << committed.error();
        setFeedback(QStringLiteral("not-saved"), committed.error(), display);
        return std::nullopt;
    }
    QueuedEvent queued {std::move(committed.value()), EventState::Pending, {}};
    // Feedback only now: the event is on disk.
    setFeedback(result, message, display);
    emit recorded(queued);
    return queued;
}

void ScanService::setFeedback(const QString &result, const QString &message, const QString &text)
{
    m_lastResult = result;
    m_lastMessage = message;
    m_lastText = text;
    ++m_feedbackSerial;
    emit feedbackChanged();
}

QList<protocol::ScanEvent> ScanService::acceptedForTask(const QString &task, const QString &step) const
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
