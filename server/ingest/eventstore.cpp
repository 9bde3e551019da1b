#include "ingest/eventstore.h"

#include "ingest/eventapply.h"
#include "ingest/eventfields.h"
#include "ingest/storedsequences.h"
#include "storage/batch.h"
#include "storage/database.h"
#include "storage/timestamps.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

namespace dockhand::server {

namespace {

constexpr qsizetype kMaxRawLength = 8192;

// Columns of the events table, as eventInsertSql binds them.
constexpr int kEventColumns = 15;
static_assert(64 * kEventColumns <= kMaxBatchParameters);

QString eventInsertSql(int rows)
{
    QString sql = QStringLiteral(
        "INSERT INTO events (id, device, seq, operator, task, step, raw, aim, source, kind, fields, result, "
        "reason, device_time, received_at) VALUES ");
    sql.reserve(sql.size() + rows * (kEventColumns * 7 + 4) + 64);
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            sql += QLatin1String(", ");
        sql += QLatin1Char('(') + placeholderList(r * kEventColumns, kEventColumns) + QLatin1Char(')');
    }
    sql += QLatin1String(" ON CONFLICT DO NOTHING");
    return sql;
}

} // namespace

EventStore::EventStore(Database &db, EventApplier &applier)
    : m_db(db), m_applier(applier), m_known(std::make_shared<StoredSequences>())
{ }

EventStore::~EventStore() = default;

void EventStore::shareStoredSequences(std::shared_ptr<StoredSequences> known)
{
    if (known)
        m_known = std::move(known);
}

Expected<EventStore::IngestResult> EventStore::ingest(
    const QString &deviceId, const QList<protocol::ScanEvent> &events)
{
    // Two server processes on one PostgreSQL may deadlock on the same stock rows; the database
    // aborts one transaction, which is then simply run again.
    return m_db.retrying("event batch", [&] { return ingestOnce(deviceId, events); });
}

Expected<EventStore::IngestResult> EventStore::ingestOnce(
    const QString &deviceId, const QList<protocol::ScanEvent> &events)
{
    IngestResult result;
    if (events.isEmpty())
        return result;
    const QString now = timestamp(QDateTime::currentDateTimeUtc());

    // Any failure below rolls back the whole batch: the device gets an error and resends it,
    // and nothing was half-stored.
    auto fail = [this](const QString &why) -> Expected<IngestResult> {
        m_db.rollback();
        qCWarning(lcServerStore).noquote() << "event batch not stored:" << why;
        return Error {why};
    };

    // 1. Checks the protocol parser does not make. They depend only on the event, so a repeat
    //    gets the same refusal.
    const qsizetype count = events.size();
    QStringList keys;
    keys.reserve(count);
    QStringList refusals(count);
    QList<qsizetype> candidates; // the events to store, in request order
    candidates.reserve(count);
    QSet<QString> candidateIds;
    QSet<qint64> candidateSeqs;
    bool allDistinct = true;
    for (qsizetype i = 0; i < count; ++i) {
        const protocol::ScanEvent &event = events.at(i);
        keys.append(eventKey(event.id));
        if (event.raw.size() > kMaxRawLength) {
            refusals[i] = QStringLiteral("raw scan is %1 characters long; at most %2 are accepted")
                              .arg(event.raw.size())
                              .arg(kMaxRawLength);
            continue;
        }
        candidates.append(i);
        if (allDistinct) {
            allDistinct = !candidateIds.contains(keys.last()) && !candidateSeqs.contains(event.sequence);
            candidateIds.insert(keys.last());
            candidateSeqs.insert(event.sequence);
        }
    }

    // The device's row is locked first (uploads of one device wait for each other here) and
    // touched; its count of stored events rises in the same statement by `expected`, the events
    // the common case below will store (0 when the batch takes its events one by one, which
    // counts them at the end instead).
    auto start = [&](qint64 expected) -> Expected<void> {
        if (auto began = m_db.begin(); !began)
            return began;
        auto q = m_db.run(
            QStringLiteral("INSERT INTO devices (id, first_seen, last_seen, event_count) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, "
                           "event_count = devices.event_count + excluded.event_count"),
            {deviceId, now, now, expected});
        if (!q)
            return Error {q.error()};
        q.value()->finish();
        return {};
    };
    bool allStored = allDistinct && !candidates.isEmpty();
    if (auto started = start(allStored ? candidates.size() : 0); !started) {
        qCWarning(lcServerStore).noquote() << "event batch not stored:" << started.error();
        m_db.rollback();
        return Error {started.error()};
    }

    auto eventValues = [&](QVariantList &values, qsizetype i) {
        const protocol::ScanEvent &event = events.at(i);
        values << keys.at(i) << deviceId << event.sequence << text(event.operatorId) << text(event.task)
               << text(event.step) << text(event.raw) << text(event.aim) << text(event.source)
               << text(event.kind)
               << QString::fromUtf8(QJsonDocument(event.fields).toJson(QJsonDocument::Compact))
               << text(event.result) << text(event.reason) << timestamp(event.deviceTime) << now;
    };

    // 2. The common case: every event is new. They are stored with a few multi-row INSERTs; the
    //    unique constraints still decide (a prior SELECT could race with another server), and
    //    if any row was held back the batch starts over and takes its events one by one.
    bool counted = allStored; // start() counted them (undone below if the batch starts over)
    for (qsizetype done = 0; allStored && done < candidates.size();) {
        const int rows = chunkRows(candidates.size() - done);
        QVariantList values;
        values.reserve(rows * kEventColumns);
        for (int r = 0; r < rows; ++r)
            eventValues(values, candidates.at(done + r));
        auto inserted = m_db.runBatch(eventInsertSql(rows), values);
        if (!inserted)
            return fail(inserted.error());
        allStored = inserted.value()->numRowsAffected() == rows;
        inserted.value()->finish();
        done += rows;
    }
    if (!allStored && allDistinct && !candidates.isEmpty()) {
        m_db.rollback(); // the count start() raised goes too: the end of the batch counts instead
        counted = false;
        if (auto started = start(0); !started)
            return fail(started.error());
    }

    // 3. Otherwise some events were stored before (a device resending after a lost answer is
    //    the usual case): which ones, and the first answers they got, looked up at once.
    QSet<QString> storedBefore;
    QHash<QString, QString> firstAnswers; // id -> reason of its remembered rejection ('' if none)
    if (!allStored && !candidates.isEmpty()) {
        QVariantList ids;
        for (const qsizetype i : std::as_const(candidates))
            ids.append(keys.at(i));
        auto selectIn = [this](const QString &sql, const QVariantList &keys,
                            const std::function<void(QSqlQuery *)> &row) -> Expected<void> {
            for (qsizetype done = 0; done < keys.size();) {
                const int rows = chunkRows(keys.size() - done);
                auto q = m_db.runBatch(sql.arg(placeholderList(0, rows)), keys.mid(done, rows));
                if (!q)
                    return Error {q.error()};
                while (q.value()->next())
                    row(q.value());
                q.value()->finish();
                done += rows;
            }
            return {};
        };
        if (auto found = selectIn(QStringLiteral("SELECT id FROM events WHERE id IN (%1)"), ids,
                [&](QSqlQuery *q) { storedBefore.insert(q->value(0).toString()); });
            !found)
            return fail(found.error());
        QVariantList repeated;
        for (const QVariant &id : std::as_const(ids))
            if (storedBefore.contains(id.toString()))
                repeated.append(id);
        if (auto found = selectIn(
                QStringLiteral("SELECT event_id, status, reason FROM event_answers WHERE event_id IN (%1)"),
                repeated,
                [&](QSqlQuery *q) {
                    firstAnswers.insert(q->value(0).toString(),
                        q->value(1).toString() == QLatin1String("rejected") ? q->value(2).toString()
                                                                            : QStringLiteral(""));
                });
            !found)
            return fail(found.error());
    }

    // 4. Answer and apply, in request order.
    QHash<QString, QString> rejectedNow; // id -> the rejection this batch remembered for it
    QList<qint64> acceptedSeqs;
    qint64 storedNow = 0; // rows this batch added to events
    qint64 highestStored = 0; // the highest sequence number among them
    result.acks.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const protocol::ScanEvent &event = events.at(i);
        const QString &key = keys.at(i);
        protocol::EventAck ack {event.id, protocol::AckStatus::Accepted, {}};
        QString refusal = refusals.at(i);

        if (refusal.isEmpty()) {
            bool stored = allStored;
            if (!stored && storedBefore.contains(key)) {
                // The first answer stands: duplicate if it was accepted, else the same rejection.
                ack.status = protocol::AckStatus::Duplicate;
                refusal = firstAnswers.contains(key) ? firstAnswers.value(key) : rejectedNow.value(key);
            } else if (!stored) {
                // One by one: a repeat within the batch, or a row another server stores right now,
                // is recognised by the conflict.
                QVariantList values;
                values.reserve(kEventColumns);
                eventValues(values, i);
                auto inserted = m_db.runBatch(eventInsertSql(1), values);
                if (!inserted)
                    return fail(inserted.error());
                stored = inserted.value()->numRowsAffected() == 1;
                inserted.value()->finish();
                if (!stored) {
                    // Which constraint held it back? The same id means it was stored first
                    // (earlier in this batch, or by another server just now).
                    auto sameId
                        = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE id = ?"), {key});
                    if (!sameId)
                        return fail(sameId.error());
                    if (sameId.value() > 0) {
                        ack.status = protocol::AckStatus::Duplicate;
                        auto first = m_db.run(
                            QStringLiteral("SELECT status, reason FROM event_answers WHERE event_id = ?"),
                            {key});
                        if (!first)
                            return fail(first.error());
                        if (first.value()->next()
                            && first.value()->value(0).toString() == QLatin1String("rejected"))
                            refusal = first.value()->value(1).toString();
                        first.value()->finish();
                    } else {
                        auto other
                            = m_db.run(QStringLiteral("SELECT id FROM events WHERE device = ? AND seq = ?"),
                                {deviceId, event.sequence});
                        if (!other)
                            return fail(other.error());
                        const QString otherId
                            = other.value()->next() ? other.value()->value(0).toString() : QString();
                        other.value()->finish();
                        refusal
                            = QStringLiteral("sequence number %1 of device %2 is already used by event %3")
                                  .arg(event.sequence)
                                  .arg(deviceId, otherId);
                    }
                }
            }
            if (stored) {
                ++storedNow;
                highestStored = qMax(highestStored, event.sequence);
            }
            if (stored && event.result == QLatin1String("accepted")) {
                // Applied exactly once: only the request that stored the event applies it, inside
                // the same transaction. A conflict undoes the partial effects (savepoint), keeps
                // the event for review and answers it as rejected.
                auto applied = m_applier.applyEvent(event, deviceId, now);
                if (!applied)
                    return fail(applied.error());
                refusal = applied.value();
            }
        }
        if (!refusal.isEmpty()) {
            ack.status = protocol::AckStatus::Rejected;
            ack.reason = refusal;
        }

        if (ack.status == protocol::AckStatus::Duplicate) {
            ++result.duplicates;
        } else if (ack.status == protocol::AckStatus::Accepted) {
            // An accepted event's answer is its row in events (a repeat conflicts and finds no
            // rejection): only rejections need remembering, which keeps a new event at its share
            // of one INSERT on the common path.
            ++result.accepted;
            acceptedSeqs.append(event.sequence);
        } else {
            auto answered = m_db.run(
                QStringLiteral("INSERT INTO event_answers (event_id, device, seq, status, reason, "
                               "answered_at) VALUES (?, ?, ?, 'rejected', ?, ?) ON CONFLICT DO NOTHING"),
                {key, deviceId, event.sequence, text(ack.reason), now});
            if (!answered)
                return fail(answered.error());
            answered.value()->finish();
            if (!rejectedNow.contains(key))
                rejectedNow.insert(key, ack.reason);
            ++result.rejected;
            qCInfo(lcServerStore).noquote()
                << "rejected event" << key << "of device" << deviceId << ":" << ack.reason;
        }
        result.acks.append(ack);
    }

    // Gaps: for each run of events accepted now, is the sequence number just below it stored?
    // One indexed lookup per run, not per event, and none where this process committed that
    // number itself (an upload continuing the device's last one).
    std::sort(acceptedSeqs.begin(), acceptedSeqs.end());
    const QSet<qint64> acceptedSet(acceptedSeqs.cbegin(), acceptedSeqs.cend());
    for (const qint64 seq : std::as_const(acceptedSeqs)) {
        if (seq <= 1 || acceptedSet.contains(seq - 1) || m_known->knows(deviceId, seq - 1))
            continue;
        auto below = m_db.scalar(
            QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device = ? AND seq < ?"),
            {deviceId, seq});
        if (!below)
            return fail(below.error());
        if (below.value() < seq - 1)
            result.gaps.append({below.value() + 1, seq - 1});
    }

    // The device's count of stored events, kept in the row this transaction already holds (see
    // start()), so counting every event (GET /v1/health) reads one row per device, not the
    // whole table, and no two devices' uploads wait for each other on a shared counter.
    Q_ASSERT(!counted || storedNow == candidates.size());
    if (storedNow > 0 && !counted) {
        auto raised
            = m_db.run(QStringLiteral("UPDATE devices SET event_count = event_count + ? WHERE id = ?"),
                {storedNow, deviceId});
        if (!raised)
            return fail(raised.error());
        raised.value()->finish();
    }

    if (auto committed = m_db.commit(); !committed)
        return fail(committed.error());
    if (storedNow > 0)
        m_known->remember(deviceId, highestStored);
    for (const SequenceGap &gap : std::as_const(result.gaps))
        qCWarning(lcServerStore).noquote()
            << "device" << deviceId << "sequence gap: events" << gap.from << "to" << gap.to << "are missing";
    return result;
}

Expected<EventStore::EventPage> EventStore::events(const QString &device, qint64 after, int limit)
{
    static const QString columns = QStringLiteral(
        "SELECT id, device, seq, operator, task, step, raw, aim, source, kind, fields, result, reason, "
        "device_time, received_at FROM events ");
    EventPage page;
    auto total = device.isEmpty()
        ? eventCount()
        : m_db.scalar(
            QStringLiteral("SELECT COALESCE(MAX(event_count), 0) FROM devices WHERE id = ?"), {device});
    if (!total)
        return Error {total.error()};
    page.total = total.value();

    auto q = device.isEmpty()
        ? m_db.run(columns + QStringLiteral("WHERE seq > ? ORDER BY device, seq LIMIT ?"), {after, limit})
        : m_db.run(columns + QStringLiteral("WHERE device = ? AND seq > ? ORDER BY device, seq LIMIT ?"),
            {device, after, limit});
    if (!q)
        return Error {q.error()};
    QSqlQuery *query = q.value();
    while (query->next()) {
        StoredEvent stored;
        protocol::ScanEvent &e = stored.event;
        e.id = QUuid::fromString(query->value(0).toString());
        e.deviceId = query->value(1).toString();
        e.sequence = query->value(2).toLongLong();
        e.operatorId = query->value(3).toString();
        e.task = query->value(4).toString();
        e.step = query->value(5).toString();
        e.raw = query->value(6).toString();
        e.aim = query->value(7).toString();
        e.source = query->value(8).toString();
        e.kind = query->value(9).toString();
        e.fields = QJsonDocument::fromJson(query->value(10).toString().toUtf8()).object();
        e.result = query->value(11).toString();
        e.reason = query->value(12).toString();
        e.deviceTime = parseTimestamp(query->value(13));
        stored.receivedAt = parseTimestamp(query->value(14));
        page.events.append(std::move(stored));
    }
    query->finish();
    return page;
}

Expected<qint64> EventStore::eventCount()
{
    return m_db.scalar(QStringLiteral("SELECT COALESCE(SUM(event_count), 0) FROM devices"));
}

Expected<qint64> EventStore::lastSequence(const QString &device)
{
    auto stored
        = m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device = ?"), {device});
    if (!stored)
        return stored;
    auto refused = m_db.scalar(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM event_answers WHERE device = ?"), {device});
    if (!refused)
        return refused;
    return qMax(stored.value(), refused.value());
}

} // namespace dockhand::server
