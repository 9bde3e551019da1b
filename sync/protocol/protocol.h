#pragma once

// Wire types of the device <-> server protocol, shared by both sides so they can never drift.
// The JSON shape is documented in docs/api/openapi.yaml; change both together.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace dockhand::protocol {

inline constexpr int kMaxEventsPerBatch = 500;

// Why `id` cannot name a device, or empty when it can: a device id shows up in logs, lists and
// URLs, so it must be printable (no control characters) and must not start or end with a space.
// Devices check their configured id with it, the server checks enrolments.
QString deviceIdProblem(const QString &id);

// One accepted or refused scan, as the device records it and the server stores it.
struct ScanEvent
{
    QUuid id; // made on the device; the server's idempotency key
    QString deviceId;
    qint64 sequence = 0; // per device, 1, 2, 3 ... without gaps
    QString operatorId;
    QString task; // pick batch, order or carton the scan belongs to; may be empty
    QString step; // workflow step: "home", "pick", "pack", "label", "dispatch"
    QString raw; // the scanned text (GS as U+001D)
    QString aim;
    QString source; // serial / wedge / camera / manual
    QString kind; // product / sscc / location / tote / order / badge / unknown
    QJsonObject fields; // parsed data: gtin, lot, expiry, elements ...
    QString result; // "accepted" or "refused" on the device
    QString reason; // why it was refused, in the operator's words
    QDateTime deviceTime; // UTC

    QJsonObject toJson() const;
    // Reads an event; on failure returns nullopt and sets `error` to what is wrong.
    static std::optional<ScanEvent> fromJson(const QJsonObject &json, QString *error);
};

// The server's answer for one event.
enum class AckStatus {
    Accepted, // stored now
    Duplicate, // stored before; the first answer stands
    Rejected, // the server refuses it (reason says why); it stays visible on the device
};

QString ackStatusName(AckStatus status);
std::optional<AckStatus> ackStatusFromName(QStringView name);

struct EventAck
{
    QUuid id;
    AckStatus status = AckStatus::Accepted;
    QString reason;

    QJsonObject toJson() const;
    static std::optional<EventAck> fromJson(const QJsonObject &json, QString *error);
};

// POST /v1/events
struct UploadRequest
{
    QString deviceId;
    QList<ScanEvent> events;

    QJsonObject toJson() const;
    static std::optional<UploadRequest> fromJson(const QJsonObject &json, QString *error);
};

struct UploadResponse
{
    QList<EventAck> results; // one per uploaded event, in the same order

    QJsonObject toJson() const;
    static std::optional<UploadResponse> fromJson(const QJsonObject &json, QString *error);
};

} // namespace dockhand::protocol
