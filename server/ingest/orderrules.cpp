#include "ingest/orderrules.h"

#include "orderstatus.h"

#include <QStringList>

#include <algorithm>

namespace dockhand::server::orderrules {

bool isAppliedAction(std::optional<protocol::Action> action)
{
    using protocol::Action;
    return action == Action::Pick || action == Action::Short || action == Action::BindTote
        || action == Action::CloseCarton || action == Action::Damage;
}

bool isPickStep(protocol::Action action)
{
    using protocol::Action;
    return action == Action::Pick || action == Action::Short || action == Action::BindTote;
}

QString statusRefusal(protocol::Action action, const QString &number, const QString &status)
{
    using protocol::OrderStatus;
    if (protocol::orderStatusFromWire(status) == OrderStatus::Cancelled)
        return QStringLiteral("order %1 is cancelled").arg(number);
    const int rank = protocol::orderStatusRank(status);
    const bool pickStep = isPickStep(action);
    if (pickStep && rank >= protocol::orderStatusRank(protocol::wireName(OrderStatus::Packed)))
        return QStringLiteral("order %1 is already %2; picks are no longer accepted").arg(number, status);
    if (!pickStep && action != protocol::Action::Damage
        && rank >= protocol::orderStatusRank(protocol::wireName(OrderStatus::Labeled)))
        return QStringLiteral("order %1 is already %2; packing is no longer accepted").arg(number, status);
    return {};
}

bool linePicked(const LineProgress &line)
{
    return line.picked >= line.ordered || line.shorted > 0;
}

bool pickingDone(const QList<LineProgress> &lines)
{
    return std::all_of(lines.cbegin(), lines.cend(), linePicked);
}

bool packingDone(const QList<LineProgress> &lines)
{
    return std::all_of(lines.cbegin(), lines.cend(),
        [](const LineProgress &line) { return linePicked(line) && line.packed >= line.picked; });
}

qint64 shortedUnits(qint64 quantity)
{
    return qMax<qint64>(quantity, 1);
}

QString exceptionReason(const QString &reason, const QString &fallback)
{
    return reason.isEmpty() ? fallback : reason.left(200);
}

} // namespace dockhand::server::orderrules
