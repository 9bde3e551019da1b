#include "http/api.h"

#include "http/parameters.h"

#include <QJsonArray>

namespace dockhand::server {

ApiResponse Api::sync(const ApiRequest &request)
{
    if (auto bad = checkQuery(request, {QLatin1String("cursor"), QLatin1String("limit")}))
        return *bad;
    ApiResponse error;
    const auto limit = integerParameter(request, QLatin1String("limit"), 500, 1, 1000, &error);
    if (!limit)
        return error;
    // The cursor is opaque to devices; today it is the last change id as text.
    const QString cursorText = request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    qint64 after = 0;
    if (!cursorText.isEmpty()) {
        bool ok = false;
        after = cursorText.toLongLong(&ok);
        if (!ok || after < 0)
            return ApiResponse::error(400,
                QStringLiteral("cursor '%1' is not one this server issued; start again with an empty cursor")
                    .arg(cursorText.left(32)));
    }
    // One more than asked tells whether there is more without a second query.
    auto changes = m_store->changes(after, int(*limit) + 1);
    if (!changes)
        return storageError(QStringLiteral("cannot read the changes"), changes.error());
    const bool more = changes->size() > *limit;
    if (more)
        changes->removeLast();
    QJsonArray list;
    for (const auto &c : std::as_const(changes.value())) {
        list.append(QJsonObject {{QLatin1String("type"), c.type}, {QLatin1String("key"), c.key},
            {QLatin1String("op"), c.op}, {QLatin1String("data"), c.data}});
        after = c.id;
    }
    return {200,
        QJsonObject {{QLatin1String("cursor"), QString::number(after)}, {QLatin1String("more"), more},
            {QLatin1String("changes"), list}},
        {}, {}};
}

} // namespace dockhand::server
