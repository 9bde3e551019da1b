#include "http/api.h"

#include "http/parameters.h"

#include <QJsonArray>

namespace dockhand::server {

ApiResponse Api::listProducts(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    auto products = call.store.orderStore().products();
    if (!products)
        return storageError(QStringLiteral("cannot read the products"), products.error());
    QJsonArray list;
    for (const auto &p : std::as_const(products.value()))
        list.append(QJsonObject {{QLatin1String("gtin"), p.gtin}, {QLatin1String("sku"), p.sku},
            {QLatin1String("name"), p.name}, {QLatin1String("lotTracked"), p.lotTracked},
            {QLatin1String("expiryTracked"), p.expiryTracked},
            {QLatin1String("serialTracked"), p.serialTracked}});
    return {200, QJsonObject {{QLatin1String("products"), list}, {QLatin1String("total"), list.size()}}, {}};
}

ApiResponse Api::listLocations(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    auto locations = call.store.orderStore().locations();
    if (!locations)
        return storageError(QStringLiteral("cannot read the locations"), locations.error());
    QJsonArray list;
    for (const auto &l : std::as_const(locations.value())) {
        QJsonArray stock;
        for (const auto &s : l.stock)
            stock.append(
                QJsonObject {{QLatin1String("gtin"), s.first}, {QLatin1String("quantity"), s.second}});
        list.append(QJsonObject {{QLatin1String("code"), l.code}, {QLatin1String("zone"), l.zone},
            {QLatin1String("walkSequence"), l.walkSequence}, {QLatin1String("stock"), stock}});
    }
    return {200, QJsonObject {{QLatin1String("locations"), list}, {QLatin1String("total"), list.size()}}, {}};
}

} // namespace dockhand::server
