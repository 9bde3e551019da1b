#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace dockhand::protocol {

// What an event's `fields.action` says the operator did. Device and server name actions only
// through this enum; the wire names are in one table (actions.cpp). A new step (label,
// dispatch, return) adds its actions here first.
enum class Action {
    Login, // a badge scanned at the login screen (accepted: logged in)
    Logout,
    VerifyLocation, // the picker is at the line's location
    Pick, // units of a line taken (count in `quantity`)
    Short, // a line cannot be picked in full (reason, quantity found)
    BindTote, // the picked units of an order go into this tote
    OpenOrder, // the packer opened an order (by tote or order number)
    VerifyItem, // a unit checked into the carton
    ChooseCarton,
    CloseCarton, // the carton is closed, with its type and weight
    Damage, // a unit found damaged at packing
};

// "login", "logout", "verify-location", "pick", "short", "bind-tote", "open-order",
// "verify-item", "choose-carton", "close-carton", "damage".
QString wireName(Action action);
std::optional<Action> actionFromWire(const QString &name);
// The action an event's fields carry, or nothing (a plain scan, or an action this version does
// not know).
std::optional<Action> actionOf(const QJsonObject &fields);

// The keys of an event's `fields` that carry meaning for the server (the scan's parsed data,
// such as gtin or lot, is merged in by the recorder under the same names).
enum class Field {
    Action,
    Task,
    Badge,
    Order,
    Line,
    Gtin,
    Location,
    Tote,
    Quantity,
    Lot,
    Expiry,
    Serial,
    Reason,
    Carton,
    CartonType,
    WeightKg,
    Items,
    Count,
    // What the scanner layer read from the barcode (every scan's fields; see docs/protocol.md).
    Symbology,
    Sscc,
    Code,
    Hri,
    Elements,
    Ai, // of one of the elements
    Value, // of one of the elements
};

// "action", "task", "badge", "order", "line", "gtin", "location", "tote", "quantity", "lot", "expiry",
// "serial", "reason", "carton", "cartonType", "weightKg", "items", "count", "symbology", "sscc",
// "code", "hri", "elements", "ai", "value".
QString wireName(Field field);
std::optional<Field> fieldFromWire(const QString &name);

// Why a picker shorted a line: the reasons a short pick event carries.
enum class ShortReason {
    NotFound,
    Damaged,
    Insufficient,
    WrongItem,
};

// "not-found", "damaged", "insufficient", "wrong-item".
QString wireName(ShortReason reason);
// Every short-pick reason's wire name, in the order the picker is offered them.
const QStringList &shortReasons();

// Why a packer flagged a unit as damaged.
enum class DamageReason {
    Damaged,
    Packaging,
    WrongItem,
};

// "damaged", "packaging", "wrong-item".
QString wireName(DamageReason reason);
const QStringList &damageReasons();

} // namespace dockhand::protocol
