#include "http/api.h"

#include "http/parameters.h"

#include <QJsonArray>

namespace dockhand::server {

ApiResponse Api::listExceptions(Call &call)
{
    if (auto bad = checkQuery(call.request, {QLatin1String("after"), QLatin1String("limit")}))
        return *bad;
    ApiResponse error;
    const auto page = pageParameters(call.request, &error);
    if (!page)
        return error;
    auto rows = call.store.floorStore().exceptions(page->after, page->limit);
    if (!rows)
        return storageError(QStringLiteral("cannot read the exceptions"), rows.error());
    QJsonArray list;
    for (const auto &e : std::as_const(rows.value()))
        list.append(QJsonObject {{QLatin1String("id"), e.id}, {QLatin1String("kind"), e.kind},
            {QLatin1String("event"), e.eventId}, {QLatin1String("device"), e.device},
            {QLatin1String("operator"), e.operatorId}, {QLatin1String("order"), e.order},
            {QLatin1String("line"), e.line}, {QLatin1String("gtin"), e.gtin},
            {QLatin1String("location"), e.location}, {QLatin1String("quantity"), e.quantity},
            {QLatin1String("reason"), e.reason}, {QLatin1String("at"), isoTime(e.at)}});
    return {200, QJsonObject {{QLatin1String("exceptions"), list}}, {}, {}};
}

ApiResponse Api::listDevices(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    auto rows = call.store.floorStore().devices();
    if (!rows)
        return storageError(QStringLiteral("cannot read the devices"), rows.error());
    QJsonArray list;
    for (const auto &d : std::as_const(rows.value()))
        list.append(QJsonObject {{QLatin1String("id"), d.id}, {QLatin1String("name"), d.name},
            {QLatin1String("enrolled"), d.enrolled}, {QLatin1String("firstSeen"), isoTime(d.firstSeen)},
            {QLatin1String("lastSeen"), isoTime(d.lastSeen)}, {QLatin1String("lastSeq"), d.lastSeq},
            {QLatin1String("missing"), d.missing()}});
    return {
        200, QJsonObject {{QLatin1String("devices"), list}, {QLatin1String("total"), list.size()}}, {}, {}};
}

} // namespace dockhand::server
