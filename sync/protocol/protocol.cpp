#include "protocol.h"

namespace dockhand::protocol {

namespace {

// Strict readers: a wrong type is an error naming the field, not a silent default.
bool readString(const QJsonObject &o, QLatin1StringView key, QString *out, QString *error, bool required)
{
    const auto v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required && error)
            *error = QStringLiteral("field '%1' is missing").arg(key);
        return !required;
    }
    if (!v.isString()) {
        if (error)
            *error = QStringLiteral("field '%1' must be a string").arg(key);
        return false;
    }
    *out = v.toString();
    return true;
}

bool readUuid(const QJsonObject &o, QLatin1StringView key, QUuid *out, QString *error)
{
    QString s;
    if (!readString(o, key, &s, error, true))
        return false;
    *out = QUuid::fromString(s);
    if (out->isNull()) {
        if (error)
            *error = QStringLiteral("field '%1' is not a UUID: %2").arg(key, s.left(64));
        return false;
    }
    return true;
}

} // namespace

QString deviceIdProblem(const QString &id)
{
    if (id.trimmed() != id)
        return QStringLiteral("device id '%1' starts or ends with a space").arg(id.left(128));
    for (const QChar c : id) {
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format
            || category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            return QStringLiteral("device id must not hold control characters (found U+%1)")
                .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')));
    }
    return {};
}

QJsonObject ScanEvent::toJson() const
{
    return {
        {QLatin1String("id"), id.toString(QUuid::WithoutBraces)},
        {QLatin1String("device"), deviceId},
        {QLatin1String("seq"), sequence},
        {QLatin1String("operator"), operatorId},
        {QLatin1String("task"), task},
        {QLatin1String("step"), step},
        {QLatin1String("raw"), raw},
        {QLatin1String("aim"), aim},
        {QLatin1String("source"), source},
        {QLatin1String("kind"), kind},
        {QLatin1String("fields"), fields},
        {QLatin1String("result"), result},
        {QLatin1String("reason"), reason},
        {QLatin1String("deviceTime"), deviceTime.toUTC().toString(Qt::ISODateWithMs)},
    };
}

std::optional<ScanEvent> ScanEvent::fromJson(const QJsonObject &json, QString *error)
{
    ScanEvent e;
    if (!readUuid(json, QLatin1String("id"), &e.id, error))
        return std::nullopt;
    if (!readString(json, QLatin1String("device"), &e.deviceId, error, true))
        return std::nullopt;
    // JSON readers keep integers exactly only up to 2^53 - 1; a larger one would be stored as a
    // neighbouring number, so it is refused rather than changed.
    constexpr double kMaxSequence = 9007199254740991.0;
    const auto seq = json.value(QLatin1String("seq"));
    if (!seq.isDouble() || seq.toDouble() < 1 || seq.toDouble() > kMaxSequence
        || seq.toDouble() != double(seq.toInteger())) {
        if (error)
            *error = QStringLiteral("field 'seq' must be a positive integer (at most 9007199254740991)");
        return std::nullopt;
    }
    e.sequence = seq.toInteger();
    QString time;
    if (!readString(json, QLatin1String("operator"), &e.operatorId, error, false)
        || !readString(json, QLatin1String("task"), &e.task, error, false)
        || !readString(json, QLatin1String("step"), &e.step, error, true)
        || !readString(json, QLatin1String("raw"), &e.raw, error, true)
        || !readString(json, QLatin1String("aim"), &e.aim, error, false)
        || !readString(json, QLatin1String("source"), &e.source, error, false)
        || !readString(json, QLatin1String("kind"), &e.kind, error, false)
        || !readString(json, QLatin1String("result"), &e.result, error, true)
        || !readString(json, QLatin1String("reason"), &e.reason, error, false)
        || !readString(json, QLatin1String("deviceTime"), &time, error, true))
        return std::nullopt;
    // Unknown fields are refused, not dropped: a field the server does not know would be data the
    // device believes it delivered. (Counted: the seven required ones are there by now.)
    static const QLatin1StringView optional[]
        = {QLatin1String("operator"), QLatin1String("task"), QLatin1String("aim"), QLatin1String("source"),
            QLatin1String("kind"), QLatin1String("reason"), QLatin1String("fields")};
    qsizetype known = 7;
    for (const QLatin1StringView key : optional)
        known += json.contains(key);
    if (json.size() != known) {
        static const QStringList allowed {QStringLiteral("id"), QStringLiteral("device"),
            QStringLiteral("seq"), QStringLiteral("operator"), QStringLiteral("task"), QStringLiteral("step"),
            QStringLiteral("raw"), QStringLiteral("aim"), QStringLiteral("source"), QStringLiteral("kind"),
            QStringLiteral("fields"), QStringLiteral("result"), QStringLiteral("reason"),
            QStringLiteral("deviceTime")};
        for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
            if (!allowed.contains(it.key())) {
                if (error)
                    *error = QStringLiteral("unknown field '%1' (allowed: %2)")
                                 .arg(it.key().left(64), allowed.join(QLatin1String(", ")));
                return std::nullopt;
            }
        }
    }
    const auto fields = json.value(QLatin1String("fields"));
    if (!fields.isUndefined() && !fields.isNull() && !fields.isObject()) {
        if (error)
            *error = QStringLiteral("field 'fields' must be an object");
        return std::nullopt;
    }
    e.fields = fields.toObject();
    e.deviceTime = QDateTime::fromString(time, Qt::ISODateWithMs);
    if (!e.deviceTime.isValid()) {
        if (error)
            *error = QStringLiteral("field 'deviceTime' is not an ISO 8601 time: %1").arg(time.left(64));
        return std::nullopt;
    }
    // Without an offset the time would be read in whatever zone the reader is in.
    if (e.deviceTime.timeSpec() == Qt::LocalTime) {
        if (error)
            *error = QStringLiteral("field 'deviceTime' has no UTC offset (end it with Z, e.g. "
                                    "2026-11-22T08:30:01.250Z): %1")
                         .arg(time.left(64));
        return std::nullopt;
    }
    e.deviceTime = e.deviceTime.toUTC();
    if (e.result != QLatin1String("accepted") && e.result != QLatin1String("refused")) {
        if (error)
            *error = QStringLiteral("field 'result' must be 'accepted' or 'refused'");
        return std::nullopt;
    }
    return e;
}

QString ackStatusName(AckStatus status)
{
    switch (status) {
    case AckStatus::Accepted:
        return QStringLiteral("accepted");
    case AckStatus::Duplicate:
        return QStringLiteral("duplicate");
    case AckStatus::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<AckStatus> ackStatusFromName(QStringView name)
{
    if (name == u"accepted")
        return AckStatus::Accepted;
    if (name == u"duplicate")
        return AckStatus::Duplicate;
    if (name == u"rejected")
        return AckStatus::Rejected;
    return std::nullopt;
}

QJsonObject EventAck::toJson() const
{
    QJsonObject o {{QLatin1String("id"), id.toString(QUuid::WithoutBraces)},
        {QLatin1String("status"), ackStatusName(status)}};
    if (!reason.isEmpty())
        o.insert(QLatin1String("reason"), reason);
    return o;
}

std::optional<EventAck> EventAck::fromJson(const QJsonObject &json, QString *error)
{
    EventAck ack;
    QString status;
    if (!readUuid(json, QLatin1String("id"), &ack.id, error)
        || !readString(json, QLatin1String("status"), &status, error, true)
        || !readString(json, QLatin1String("reason"), &ack.reason, error, false))
        return std::nullopt;
    const auto parsed = ackStatusFromName(status);
    if (!parsed) {
        if (error)
            *error = QStringLiteral("unknown status '%1'").arg(status.left(32));
        return std::nullopt;
    }
    ack.status = *parsed;
    return ack;
}

QJsonObject UploadRequest::toJson() const
{
    QJsonArray array;
    for (const auto &e : events)
        array.append(e.toJson());
    return {{QLatin1String("device"), deviceId}, {QLatin1String("events"), array}};
}

std::optional<UploadRequest> UploadRequest::fromJson(const QJsonObject &json, QString *error)
{
    UploadRequest request;
    if (!readString(json, QLatin1String("device"), &request.deviceId, error, true))
        return std::nullopt;
    const auto events = json.value(QLatin1String("events"));
    if (!events.isArray()) {
        if (error)
            *error = QStringLiteral("field 'events' must be an array");
        return std::nullopt;
    }
    const auto array = events.toArray();
    if (array.size() > kMaxEventsPerBatch) {
        if (error)
            *error = QStringLiteral("a batch holds at most %1 events, got %2")
                         .arg(kMaxEventsPerBatch)
                         .arg(array.size());
        return std::nullopt;
    }
    request.events.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            if (error)
                *error = QStringLiteral("events[%1] must be an object").arg(i);
            return std::nullopt;
        }
        QString why;
        auto event = ScanEvent::fromJson(array.at(i).toObject(), &why);
        if (!event) {
            if (error)
                *error = QStringLiteral("events[%1]: %2").arg(i).arg(why);
            return std::nullopt;
        }
        if (event->deviceId != request.deviceId) {
            if (error)
                *error = QStringLiteral("events[%1] belongs to device '%2', not '%3'")
                             .arg(i)
                             .arg(event->deviceId.left(64), request.deviceId.left(64));
            return std::nullopt;
        }
        request.events.append(std::move(*event));
    }
    return request;
}

QJsonObject UploadResponse::toJson() const
{
    QJsonArray array;
    for (const auto &r : results)
        array.append(r.toJson());
    return {{QLatin1String("results"), array}};
}

std::optional<UploadResponse> UploadResponse::fromJson(const QJsonObject &json, QString *error)
{
    const auto results = json.value(QLatin1String("results"));
    if (!results.isArray()) {
        if (error)
            *error = QStringLiteral("field 'results' must be an array");
        return std::nullopt;
    }
    UploadResponse response;
    for (const auto &v : results.toArray()) {
        if (!v.isObject()) {
            if (error)
                *error = QStringLiteral("results must hold objects");
            return std::nullopt;
        }
        auto ack = EventAck::fromJson(v.toObject(), error);
        if (!ack)
            return std::nullopt;
        response.results.append(std::move(*ack));
    }
    return response;
}

} // namespace dockhand::protocol
