#include "ingest/orderrules.h"

#include <QStringList>

#include <algorithm>

namespace dockhand::server::orderrules {

int statusRank(const QString &status)
{
    static const QStringList forward = {QStringLiteral("received"), QStringLiteral("processing"),
        QStringLiteral("picked"), QStringLiteral("packed"), QStringLiteral("labeled"),
        QStringLiteral("shipped"), QStringLiteral("in transit"), QStringLiteral("out for delivery"),
        QStringLiteral("delivered"), QStringLiteral("delivery failed"), QStringLiteral("returned")};
    return int(forward.indexOf(status));
}

bool isAppliedAction(const QString &action)
{
    static const QStringList applied = {QStringLiteral("pick"), QStringLiteral("short"),
        QStringLiteral("bind-tote"), QStringLiteral("close-carton"), QStringLiteral("damage")};
    return applied.contains(action);
}

bool isPickStep(const QString &action)
{
    return action == QLatin1String("pick") || action == QLatin1String("short")
        || action == QLatin1String("bind-tote");
}

QString statusRefusal(const QString &action, const QString &number, const QString &status)
{
    if (status == QLatin1String("cancelled"))
        return QStringLiteral("order %1 is cancelled").arg(number);
    const int rank = statusRank(status);
    const bool pickStep = isPickStep(action);
    if (pickStep && rank >= statusRank(QStringLiteral("packed")))
        return QStringLiteral("order %1 is already %2; picks are no longer accepted").arg(number, status);
    if (!pickStep && action != QLatin1String("damage") && rank >= statusRank(QStringLiteral("labeled")))
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
