#include "http/api.h"

#include "http/parameters.h"

#ifndef DOCKHAND_VERSION
#define DOCKHAND_VERSION "unknown"
#endif

namespace dockhand::server {

ApiResponse Api::health(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    auto count = call.store.eventStore().eventCount();
    if (!count) {
        ApiResponse r = storageError(QStringLiteral("the database does not answer"), count.error());
        r.body.insert(QLatin1String("status"), QStringLiteral("error"));
        r.body.insert(QLatin1String("database"), call.store.dialectName());
        return r;
    }
    return {200,
        QJsonObject {{QLatin1String("status"), QStringLiteral("ok")},
            {QLatin1String("database"), call.store.dialectName()}, {QLatin1String("events"), count.value()},
            {QLatin1String("schema"), ServerStore::kSchemaVersion},
            {QLatin1String("version"), QLatin1String(DOCKHAND_VERSION)}},
        {}};
}

ApiResponse Api::metrics(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    const auto floor
        = call.store.floorStore().floorCounts(QDateTime::currentDateTimeUtc().addSecs(-kActiveWindowSeconds));
    ApiResponse r;
    r.text = m_metrics.text(floor, call.store.dialectName());
    return r;
}

} // namespace dockhand::server
