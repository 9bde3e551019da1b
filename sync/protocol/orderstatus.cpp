#include "orderstatus.h"

#include <array>
#include <utility>

namespace dockhand::protocol {

namespace {

// The one table of order statuses: wire name by journey order.
constexpr std::array<std::pair<OrderStatus, const char *>, 12> kStatuses {{
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
    for (const auto &[s, name] : kStatuses) {
        if (s == status)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<OrderStatus> orderStatusFromWire(const QString &name)
{
    for (const auto &[s, wire] : kStatuses) {
        if (name == QLatin1String(wire))
            return s;
    }
    return std::nullopt;
}

const QStringList &orderStatuses()
{
    static const QStringList names = [] {
        QStringList list;
        for (const auto &entry : kStatuses)
            list.append(QString::fromLatin1(entry.second));
        return list;
    }();
    return names;
}

int orderStatusRank(const QString &name)
{
    return int(orderStatuses().indexOf(name));
}

} // namespace dockhand::protocol
