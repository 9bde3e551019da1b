#include "http/api.h"

#include "http/parameters.h"

#include "download.h"

#include <QJsonArray>

namespace dockhand::server {

ApiResponse Api::sync(Call &call)
{
    if (auto bad = checkQuery(call.request, {QLatin1String("cursor"), QLatin1String("limit")}))
        return *bad;
    ApiResponse error;
    const auto limit = integerParameter(call.request, QLatin1String("limit"), 500, 1, 1000, &error);
    if (!limit)
        return error;
    // The cursor is opaque to devices; today it is the last change id as text.
    const QString cursorText
        = call.request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
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
    auto changes = call.store.changeLog().changes(after, int(*limit) + 1);
    if (!changes)
        return storageError(QStringLiteral("cannot read the changes"), changes.error());
    const bool more = changes->size() > *limit;
    if (more)
        changes->removeLast();
    protocol::SyncPage page;
    for (const auto &c : std::as_const(changes.value())) {
        page.changes.append(protocol::Change {c.type, c.key,
            c.op == QLatin1String("delete") ? protocol::Change::Op::Delete : protocol::Change::Op::Upsert,
            c.data}
                                .toJson());
        after = c.id;
    }
    page.cursor = QString::number(after);
    page.more = more;
    return {200, page.toJson(), {}, {}};
}

} // namespace dockhand::server
