#include "http/api.h"

#include "http/parameters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace dockhand::server {

ApiResponse Api::postEvents(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    if (call.request.body.trimmed().isEmpty())
        return ApiResponse::error(400,
            QStringLiteral("request body is empty; expected a JSON object "
                           "{\"device\": ..., \"events\": [...]}"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiResponse::error(400,
            QStringLiteral("malformed JSON at byte %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
    if (!doc.isObject())
        return ApiResponse::error(400,
            QStringLiteral("request body must be a JSON object "
                           "{\"device\": ..., \"events\": [...]}"));
    const QJsonObject json = doc.object();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (it.key() != QLatin1String("device") && it.key() != QLatin1String("events"))
            return ApiResponse::error(
                400, QStringLiteral("unknown field '%1' (allowed: device, events)").arg(it.key().left(64)));
    }
    const QJsonValue events = json.value(QLatin1String("events"));
    if (events.isArray() && events.toArray().size() > protocol::kMaxEventsPerBatch)
        return ApiResponse::error(413,
            QStringLiteral("a batch holds at most %1 events, got %2")
                .arg(protocol::kMaxEventsPerBatch)
                .arg(events.toArray().size()));
    QString why;
    const auto upload = protocol::UploadRequest::fromJson(json, &why);
    if (!upload)
        return ApiResponse::error(400, why);
    if (upload->deviceId.trimmed().isEmpty())
        return ApiResponse::error(400, QStringLiteral("field 'device' must not be empty"));
    if (upload->deviceId.size() > 128)
        return ApiResponse::error(400, QStringLiteral("field 'device' is longer than 128 characters"));

    if (call.caller.kind != ServerStore::Principal::Kind::Device)
        return ApiResponse::error(
            403, QStringLiteral("events are uploaded with a device token, not an operator's"));
    if (upload->deviceId != call.caller.id)
        return ApiResponse::error(403,
            QStringLiteral("this token belongs to device %1; it may not upload events of device %2")
                .arg(call.caller.id, upload->deviceId.left(128)));
    for (qsizetype i = 0; i < upload->events.size(); ++i)
        if (upload->events.at(i).deviceId != call.caller.id)
            return ApiResponse::error(403,
                QStringLiteral(
                    "events[%1] belongs to device %2; this token may upload only device %3's events")
                    .arg(i)
                    .arg(upload->events.at(i).deviceId.left(128), call.caller.id));

    auto stored = call.store.eventStore().ingest(upload->deviceId, upload->events);
    if (!stored)
        return storageError(QStringLiteral("cannot store the events"), stored.error());
    m_metrics.countEvents(stored->accepted, stored->duplicates, stored->rejected);

    // The answers as protocol::UploadResponse::toJson writes them, built from one object per
    // status whose id is replaced: inserting keys into a new QJsonObject per event costs more
    // than storing the event.
    QJsonArray results;
    static_assert(int(protocol::AckStatus::Rejected) == 2, "one answer object per status");
    QJsonObject answers[3];
    for (const auto status :
        {protocol::AckStatus::Accepted, protocol::AckStatus::Duplicate, protocol::AckStatus::Rejected})
        answers[int(status)] = protocol::EventAck {QUuid(), status, {}}.toJson();
    for (const protocol::EventAck &ack : std::as_const(stored->acks)) {
        if (!ack.reason.isEmpty()) {
            results.append(ack.toJson());
            continue;
        }
        QJsonObject answer = answers[int(ack.status)];
        answer[QLatin1String("id")] = ack.id.toString(QUuid::WithoutBraces);
        results.append(answer);
    }
    QJsonObject body {{QLatin1String("results"), results}};
    QJsonArray gaps;
    for (const auto &gap : std::as_const(stored->gaps))
        gaps.append(QJsonObject {{QLatin1String("from"), gap.from}, {QLatin1String("to"), gap.to}});
    body.insert(QLatin1String("gaps"), gaps);
    qCInfo(lcServerApi).noquote() << "device" << upload->deviceId << "uploaded" << upload->events.size()
                                  << "events: accepted" << stored->accepted << "duplicate"
                                  << stored->duplicates << "rejected" << stored->rejected;
    return {200, body, {}};
}

ApiResponse Api::getEvents(Call &call)
{
    if (auto bad
        = checkQuery(call.request, {QLatin1String("device"), QLatin1String("after"), QLatin1String("limit")}))
        return *bad;
    ApiResponse error;
    const auto page = pageParameters(call.request, &error);
    if (!page)
        return error;
    QString device = call.request.query.queryItemValue(QStringLiteral("device"), QUrl::FullyDecoded);
    // A device reads only its own events; supervisors and admins read everyone's.
    if (call.caller.kind == ServerStore::Principal::Kind::Device) {
        if (device.isEmpty())
            device = call.caller.id;
        if (device != call.caller.id)
            return ApiResponse::error(403,
                QStringLiteral("device %1 may read only its own events, not device %2's")
                    .arg(call.caller.id, device.left(128)));
    } else if (!isSupervisor(call)) {
        return ApiResponse::error(403,
            QStringLiteral("reading events is for devices and supervisors; %1 is a %2")
                .arg(call.caller.id, call.caller.role));
    }
    auto read = call.store.eventStore().events(device, page->after, page->limit);
    if (!read)
        return storageError(QStringLiteral("cannot read the events"), read.error());
    QJsonArray events;
    for (const auto &stored : std::as_const(read->events)) {
        QJsonObject e = stored.event.toJson();
        e.insert(QLatin1String("receivedAt"), isoTime(stored.receivedAt));
        events.append(e);
    }
    return {200, QJsonObject {{QLatin1String("events"), events}, {QLatin1String("total"), read->total}}, {}};
}

} // namespace dockhand::server
