#include "orderstatus.h"

#include "wiretable.h"

namespace dockhand::protocol {

namespace {

// The one table of order statuses: wire name by journey order.
constexpr wiretable::Table<OrderStatus, 12> kStatuses {{
    {OrderStatus::Received, "received"},
    {OrderStatus::Processing, "processing"},
    {OrderStatus::Picked, "picked"},
    {OrderStatus::Packed, "packed"},
    {OrderStatus::Labeled, "labeled"},
    {OrderStatus::Shipped, "shipped"},
    {OrderStatus::InTransit, "in transit"},
    {OrderStatus::OutForDelivery, "out for delivery"},
    {OrderStatus::Delivered, "delivered"},
    {OrderStatus::DeliveryFailed, "delivery failed"},
    {OrderStatus::Cancelled, "cancelled"},
    {OrderStatus::Returned, "returned"},
}};

} // namespace

QString wireName(OrderStatus status)
{
    return wiretable::nameOf(kStatuses, status);
}

std::optional<OrderStatus> orderStatusFromWire(const QString &name)
{
    return wiretable::valueOf(kStatuses, name);
}

const QStringList &orderStatuses()
{
    static const QStringList names = wiretable::namesOf(kStatuses);
    return names;
}

int orderStatusRank(const QString &name)
{
    return int(orderStatuses().indexOf(name));
}

} // namespace dockhand::protocol
