#include "scanqueue.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace dockhand {

namespace {
// QtSql binds a null QString as SQL NULL; the queue's text columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QString(u""_qs) : s;
}

constexpr auto kColumns
    = "seq, id, device, operator, task, step, raw, aim, source, kind, fields, result, reason, "
      "device_time, state, server_reason";
} // namespace

QString eventStateName(EventState state)
{
    switch (state) {
    case EventState::Pending:
        return QStringLiteral("pending");
    case EventState::Acknowledged:
        return QStringLiteral("synced");
    case EventState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

ScanQueue::ScanQueue(LocalStore *store, QString deviceId)
    : m_store(store), m_deviceId(std::move(deviceId)) { }

Expected<protocol::ScanEvent> ScanQueue::append(protocol::ScanEvent event)
{
    QString error;
    QSqlQuery *insert = m_store->prepared(
        QStringLiteral(
            "INSERT INTO scan_events (id, device, operator, task, step, raw, aim, source, kind, fields, "
            "result, reason, device_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        &error);
    if (!insert)
        return Error {QStringLiteral("Scan not saved: %1").arg(error)};
    if (event.id.isNull())
        event.id = QUuid::createUuid();
    event.deviceId = m_deviceId;
    if (!event.deviceTime.isValid())
        event.deviceTime = QDateTime::currentDateTimeUtc();
    const QVariant values[] = {
        event.id.toString(QUuid::WithoutBraces),
        text(event.deviceId),
        text(event.operatorId),
        text(event.task),
        text(event.step),
        text(event.raw),
        text(event.aim),
        text(event.source),
        text(event.kind),
        QString::fromUtf8(QJsonDocument(event.fields).toJson(QJsonDocument::Compact)),
        text(event.result),
        text(event.reason),
        event.deviceTime.toUTC().toString(Qt::ISODateWithMs),
    };
    for (int i = 0; i < int(std::size(values)); ++i)
        insert->bindValue(i, values[i]);
    // A single autocommit INSERT is one durable transaction (synchronous=FULL): when exec()
    // returns true the scan is on disk.
    if (QString why; !m_store->execWrite(insert, &why)) {
        insert->finish();
        return Error {QStringLiteral("Scan not saved: %1. Scan again once this is fixed.").arg(why)};
    }
    event.sequence = insert->lastInsertId().toLongLong();
    insert->finish();
    return event;
}

QueuedEvent ScanQueue::readRow(const QSqlQuery &q) const
{
    QueuedEvent row;
    auto &e = row.event;
    e.sequence = q.value(0).toLongLong();
    e.id = QUuid::fromString(q.value(1).toString());
    e.deviceId = q.value(2).toString();
    e.operatorId = q.value(3).toString();
    e.task = q.value(4).toString();
    e.step = q.value(5).toString();
    e.raw = q.value(6).toString();
    e.aim = q.value(7).toString();
    e.source = q.value(8).toString();
    e.kind = q.value(9).toString();
    e.fields = QJsonDocument::fromJson(q.value(10).toByteArray()).object();
    e.result = q.value(11).toString();
    e.reason = q.value(12).toString();
    e.deviceTime = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
    row.state = EventState(q.value(14).toInt());
    row.serverReason = q.value(15).toString();
    return row;
}

Expected<QList<protocol::ScanEvent>> ScanQueue::pendingBatch(int maxEvents, qint64 maxBytes)
{
    QString error;
    QSqlQuery *q
        = m_store->prepared(QStringLiteral("SELECT %1 FROM scan_events WHERE state = 0 ORDER BY seq LIMIT ?")
                                .arg(QLatin1String(kColumns)),
            &error);
    if (!q)
        return Error {error};
    q->bindValue(0, maxEvents);
    if (!q->exec())
        return Error {describeSqlError(q->lastError())};
    QList<protocol::ScanEvent> batch;
    qint64 bytes = 0;
    while (q->next()) {
        auto row = readRow(*q);
        bytes += row.event.raw.size() + 400; // JSON overhead of one event, roughly
        if (!batch.isEmpty() && bytes > maxBytes)
            break;
        batch.append(std::move(row.event));
    }
    q->finish();
    return batch;
}

Expected<void> ScanQueue::applyAcks(const QList<protocol::EventAck> &acks)
{
    if (acks.isEmpty())
        return {};
    QString error;
    QSqlQuery *q = m_store->prepared(
        QStringLiteral("UPDATE scan_events SET state = ?, server_reason = ?, acked_at = ? WHERE id = ?"),
        &error);
    if (!q)
        return Error {error};
    if (auto began = m_store->begin(); !began)
        return began;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const auto &ack : acks) {
        const EventState state
            = ack.status == protocol::AckStatus::Rejected ? EventState::Rejected : EventState::Acknowledged;
        q->bindValue(0, int(state));
        q->bindValue(1, text(ack.reason));
        q->bindValue(2, now);
        q->bindValue(3, ack.id.toString(QUuid::WithoutBraces));
        if (QString why; !m_store->execWrite(q, &why)) {
            q->finish();
            m_store->rollback();
            return Error {why};
        }
    }
    q->finish();
    return m_store->commit();
}

Expected<qint64> ScanQueue::continueAfter(qint64 serverLastSeq)
{
    static const QString kSettled = QStringLiteral("sequence_settled");
    if (m_store->meta(kSettled) == QLatin1String("1"))
        return 0;
    QString error;
    auto scalar = [&](const QString &sql, qint64 *out) {
        QSqlQuery *q = m_store->prepared(sql, &error);
        if (!q)
            return false;
        if (!q->exec() || !q->next()) {
            error = describeSqlError(q->lastError());
            q->finish();
            return false;
        }
        *out = q->value(0).toLongLong();
        q->finish();
        return true;
    };
    auto write = [&](const QString &sql, const QVariantList &values = {}) {
        QSqlQuery *q = m_store->prepared(sql, &error);
        if (!q)
            return false;
        for (int i = 0; i < values.size(); ++i)
            q->bindValue(i, values.at(i));
        const bool ok = m_store->execWrite(q, &error);
        q->finish();
        return ok;
    };
    if (auto began = m_store->begin(); !began)
        return Error {began.error()};
    qint64 answered = 0;
    qint64 first = 0;
    qint64 last = 0;
    qint64 counted = 0;
    if (!scalar(QStringLiteral("SELECT COUNT(*) FROM scan_events WHERE state <> 0"), &answered)
        || !scalar(QStringLiteral("SELECT COALESCE(MIN(seq), 0) FROM scan_events"), &first)
        || !scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM scan_events"), &last)
        || !scalar(
            QStringLiteral("SELECT COUNT(*) FROM sqlite_sequence WHERE name = 'scan_events'"), &counted)) {
        m_store->rollback();
        return Error {error};
    }
    qint64 moved = 0;
    if (answered == 0) {
        // Every scan here is unsent. Shift them all by one offset (through negative numbers, so
        // no two rows ever share a number on the way), then let numbering go on from the top.
        const qint64 offset = first > 0 && first <= serverLastSeq ? serverLastSeq - first + 1 : 0;
        if (offset > 0) {
            if (!write(QStringLiteral("UPDATE scan_events SET seq = -seq"))
                || !write(QStringLiteral("UPDATE scan_events SET seq = ? - seq"), {offset})) {
                m_store->rollback();
                return Error {error};
            }
            moved = last - first + 1;
        }
        const qint64 floor = qMax(serverLastSeq, last + offset);
        const bool counterSet = counted > 0
            ? write(QStringLiteral("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'scan_events'"),
                {floor})
            : write(
                QStringLiteral("INSERT INTO sqlite_sequence (name, seq) VALUES ('scan_events', ?)"), {floor});
        if (!counterSet) {
            m_store->rollback();
            return Error {error};
        }
    }
    if (auto settled = m_store->setMeta(kSettled, QStringLiteral("1")); !settled) {
        m_store->rollback();
        return Error {settled.error()};
    }
    if (auto committed = m_store->commit(); !committed)
        return Error {committed.error()};
    return moved;
}

Expected<qint64> ScanQueue::backlog()
{
    QString error;
    QSqlQuery *q
        = m_store->prepared(QStringLiteral("SELECT count(*) FROM scan_events WHERE state = 0"), &error);
    if (!q)
        return Error {error};
    if (!q->exec() || !q->next())
        return Error {describeSqlError(q->lastError())};
    const qint64 n = q->value(0).toLongLong();
    q->finish();
    return n;
}

Expected<qint64> ScanQueue::count()
{
    QString error;
    QSqlQuery *q = m_store->prepared(QStringLiteral("SELECT count(*) FROM scan_events"), &error);
    if (!q)
        return Error {error};
    if (!q->exec() || !q->next())
        return Error {describeSqlError(q->lastError())};
    const qint64 n = q->value(0).toLongLong();
    q->finish();
    return n;
}

Expected<QList<QueuedEvent>> ScanQueue::select(const QString &where, const QVariantList &values)
{
    QString error;
    QSqlQuery *q = m_store->prepared(
        QStringLiteral("SELECT %1 FROM scan_events %2").arg(QLatin1String(kColumns), where), &error);
    if (!q)
        return Error {error};
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, values.at(i));
    if (!q->exec())
        return Error {describeSqlError(q->lastError())};
    QList<QueuedEvent> rows;
    while (q->next())
        rows.append(readRow(*q));
    q->finish();
    return rows;
}

Expected<QList<QueuedEvent>> ScanQueue::latest(int limit)
{
    return select(QStringLiteral("ORDER BY seq DESC LIMIT ?"), {limit});
}

Expected<QList<QueuedEvent>> ScanQueue::acceptedForTask(const QString &task, const QString &step)
{
    return select(
        QStringLiteral("WHERE task = ? AND step = ? AND result = 'accepted' ORDER BY seq"), {task, step});
}

Expected<QList<QueuedEvent>> ScanQueue::exceptions(int limit)
{
    return select(
        QStringLiteral("WHERE state = 2 "
                       "OR (result = 'accepted' AND json_extract(fields, '$.action') IN ('short', 'damage')) "
                       "OR (result = 'refused' AND kind = 'product' AND ("
                       "    (step = 'pick' AND json_extract(fields, '$.action') = 'pick' "
                       "     AND json_extract(fields, '$.line') IS NOT NULL) "
                       "    OR (step = 'pack' AND json_extract(fields, '$.action') = 'verify-item'))) "
                       "ORDER BY seq DESC LIMIT ?"),
        {limit});
}

} // namespace dockhand
