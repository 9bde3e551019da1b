#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace dockhand::protocol {

// An order's journey through the building and after it, in order. The wire names are what the
// API, the download pages and the database carry; the rank is the position in the list. The
// floor's rules compare ranks: picks are refused from "packed" on, packing from "labeled" on,
// and a cancelled order ranks above both, so no scan moves it on again.
enum class OrderStatus {
    Received, // the shop sent it; nothing done yet
    Processing, // a picker started its wave
    Picked, // every line picked (or shorted)
    Packed, // every unit in a closed carton
    Labeled, // every carton has its shipping label
    Shipped, // handed to the carrier
    InTransit,
    OutForDelivery,
    Delivered,
    DeliveryFailed,
    Cancelled, // the shop or a supervisor called it off; nothing more is done with it
    Returned,
};

// "received", "processing", ..., "in transit", "out for delivery", ..., "cancelled", "returned".
QString wireName(OrderStatus status);
std::optional<OrderStatus> orderStatusFromWire(const QString &name);
// Every status's wire name, in journey order (what the API lists for a bad `status` filter).
const QStringList &orderStatuses();
// The status's place in the journey (0 for received), or -1 for a name that is not a status.
int orderStatusRank(const QString &name);

} // namespace dockhand::protocol
