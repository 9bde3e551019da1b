#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dockhand::protocol {

// What devices download (GET /v1/sync): pages of changes, each one entity of the warehouse as a
// typed snapshot. The server writes these with toJson(); the device reads them with fromJson(),
// which is lenient by design (a missing field keeps its default, unknown fields are ignored), so a
// newer server can add fields without breaking older devices. docs/protocol.md describes the JSON.

// GTINs arrive as 8, 12, 13 or 14 digits; the floor keys them as GTIN-14 (zeros in front).
QString gtin14(const QString &gtin);

struct Product // change type "product", key = GTIN-14
{
    QString gtin; // 14 digits
    QString sku;
    QString name;
    bool lotTracked = false;
    bool expiryTracked = false;
    bool serialTracked = false;
    double unitWeightKg = 0; // 0: not known
    int lengthMm = 0; // 0: not known
    int widthMm = 0;
    int heightMm = 0;

    QJsonObject toJson() const;
    static Product fromJson(const QJsonObject &json);
    bool operator==(const Product &) const = default;
};

struct Location // "location", key = code
{
    QString code; // "A-01-02"
    QString zone;
    int walkSequence = 0;
    QString checkDigits = {}; // printed on the location's label for a spoken or typed check; may be empty

    QJsonObject toJson() const;
    static Location fromJson(const QJsonObject &json);
    bool operator==(const Location &) const = default;
};

struct Operator // "operator", key = badge
{
    QString badge; // "OP-1001"
    QString name;
    QString role; // picker / packer / supervisor / admin
    QString pinHash; // "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" (pin.h), checked offline

    QJsonObject toJson() const;
    static Operator fromJson(const QJsonObject &json);
    bool operator==(const Operator &) const = default;
};

struct OrderLine
{
    int line = 0;
    QString gtin;
    QString name;
    int ordered = 0;
    int picked = 0;
    int packed = 0;
    int shorted = 0;

    bool operator==(const OrderLine &) const = default;
};

struct Order // "order", key = number
{
    QString number; // "SO-100001"
    QString customer;
    QString status; // an order status (orderstatus.h)
    QString tote; // the tote the order was picked into, when known
    QList<OrderLine> lines;

    QJsonObject toJson() const;
    static Order fromJson(const QJsonObject &json);
    bool operator==(const Order &) const = default;
};

// One line of a pick task: take `quantity` of `gtin` from `location` for `order`'s line `line`.
struct TaskLine
{
    QString order;
    int line = 0;
    QString gtin;
    QString location;
    int walkSequence = 0;
    int quantity = 0;

    bool operator==(const TaskLine &) const = default;
};

struct Task // "task", key = id: a pick batch (wave) of one or more orders
{
    QString id; // "WAVE-0001"
    QString status; // open / in-progress / done
    QString assignee; // operator badge or device id; empty = anyone
    QStringList orders;
    QList<TaskLine> lines; // in walk sequence
    QString kind = QStringLiteral("pick");

    QJsonObject toJson() const;
    // Lines come back in walk order (ties in the server's order): the picker walks once.
    static Task fromJson(const QJsonObject &json);
    bool operator==(const Task &) const = default;
};

struct Carton // "carton", key = code: a carton type the packer may choose
{
    QString code; // "BOX-M"
    QString name;
    int lengthMm = 0;
    int widthMm = 0;
    int heightMm = 0;
    double tareKg = 0;

    QJsonObject toJson() const;
    static Carton fromJson(const QJsonObject &json);
    bool operator==(const Carton &) const = default;
};

struct DeviceConfig // "config", key "device": the site's settings for every device
{
    // {"location": regex, "tote": ..., "badge": ..., "order": ...}: the site's label scheme.
    QJsonObject classifier;
    QStringList cartons; // carton type codes, in the order the packer is offered them
    QString scalePattern; // the pack-station scale's line format; empty: the default
    QJsonObject toJson() const;
    static DeviceConfig fromJson(const QJsonObject &json);
    bool operator==(const DeviceConfig &) const = default;
};

// One change of the log: an entity upserted (with its snapshot in `data`) or deleted.
struct Change
{
    enum class Op { Upsert, Delete };
    QString type; // "product", "location", "operator", "order", "task", "carton", "config", ...
    QString key;
    Op op = Op::Upsert;
    QJsonObject data; // the snapshot's toJson() for an upsert

    QJsonObject toJson() const;
    // Nothing for a change without type or key or with an unknown op: the device skips it (a
    // newer server may send kinds of data an older device has no use for).
    static std::optional<Change> fromJson(const QJsonObject &json);
    bool operator==(const Change &) const = default;
};

// One page of GET /v1/sync: the changes after the device's cursor, the cursor to ask with next,
// and whether more is waiting.
struct SyncPage
{
    QString cursor; // opaque to devices
    bool more = false;
    QJsonArray changes; // Change::toJson() each, in log order

    QJsonObject toJson() const;
    // Fails (with `error`) only when the page has no cursor or no list of changes.
    static std::optional<SyncPage> fromJson(const QJsonObject &json, QString *error);
};

} // namespace dockhand::protocol
