#include "http/api.h"

#include "http/parameters.h"
#include "masterdata/masterdata.h"

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
            {QLatin1String("serialTracked"), p.serialTracked},
            {QLatin1String("unitWeightKg"), p.unitWeightKg}, {QLatin1String("lengthMm"), p.lengthMm},
            {QLatin1String("widthMm"), p.widthMm}, {QLatin1String("heightMm"), p.heightMm}});
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
            {QLatin1String("walkSequence"), l.walkSequence}, {QLatin1String("checkDigits"), l.checkDigits},
            {QLatin1String("stock"), stock}});
    }
    return {200, QJsonObject {{QLatin1String("locations"), list}, {QLatin1String("total"), list.size()}}, {}};
}

namespace {

QJsonArray rowErrors(const QList<RowError> &errors)
{
    QJsonArray list;
    for (qsizetype i = 0; i < errors.size() && i < Api::kMaxRowErrors; ++i)
        list.append(QJsonObject {
            {QLatin1String("row"), errors.at(i).row}, {QLatin1String("error"), errors.at(i).message}});
    return list;
}

} // namespace

ApiResponse Api::importMasterData(Call &call)
{
    if (auto bad = checkQuery(call.request, {QLatin1String("dryRun")}))
        return *bad;
    const QString kindName = call.args.value(0);
    const auto kind = masterDataKind(kindName);
    if (!kind) {
        QStringList names;
        for (const MasterDataKind k : masterDataKinds())
            names.append(masterDataKindName(k));
        return ApiResponse::error(404,
            QStringLiteral("there is no master data called '%1'; the kinds are %2")
                .arg(kindName.left(40), names.join(QLatin1String(", "))));
    }
    const QString dryRunText = call.request.query.queryItemValue(QStringLiteral("dryRun")).toLower();
    if (!dryRunText.isEmpty() && dryRunText != QLatin1String("true") && dryRunText != QLatin1String("false"))
        return ApiResponse::error(
            400, QStringLiteral("dryRun must be true or false, not '%1'").arg(dryRunText.left(16)));
    const bool dryRun = dryRunText == QLatin1String("true");
    const QByteArray type = call.request.contentType.trimmed().toLower();
    const bool csv = type.startsWith("text/csv");
    if (!csv && !type.isEmpty() && !type.startsWith("application/json"))
        return ApiResponse::error(415,
            QStringLiteral("Content-Type %1 is not an import; send text/csv (a spreadsheet's CSV, UTF-8) or "
                           "application/json")
                .arg(QString::fromLatin1(type.left(60))));

    const MasterDataFile file
        = parseMasterData(*kind, call.request.body, csv ? TableFormat::Csv : TableFormat::Json);
    if (!file.error.isEmpty())
        return ApiResponse::error(400, QStringLiteral("%1: %2").arg(kindName, file.error));
    auto done = call.store.masterDataStore().import(file, dryRun, call.caller.id);
    if (!done)
        return storageError(QStringLiteral("cannot import the %1").arg(kindName), done.error());
    const ImportReport &report = done.value();
    const QList<RowError> &errors = report.errors;
    if (!errors.isEmpty()) {
        ApiResponse r = ApiResponse::error(400,
            QStringLiteral("%1 row(s) of the %2 are wrong; nothing was imported (first: row %3: %4)")
                .arg(errors.size())
                .arg(kindName)
                .arg(errors.first().row)
                .arg(errors.first().message));
        r.body.insert(QLatin1String("errors"), rowErrors(errors));
        r.body.insert(QLatin1String("errorCount"), errors.size());
        r.body.insert(QLatin1String("dryRun"), dryRun);
        return r;
    }
    if (!dryRun)
        qCInfo(lcServerApi).noquote()
            << call.caller.id << "imported" << kindName << ":" << report.created << "created,"
            << report.updated << "updated," << report.unchanged << "unchanged";
    // Stock that arrived lets backordered orders go (reservations.h): named for the admin.
    return {200,
        QJsonObject {{QLatin1String("kind"), kindName}, {QLatin1String("dryRun"), dryRun},
            {QLatin1String("rows"), file.size()}, {QLatin1String("created"), report.created},
            {QLatin1String("updated"), report.updated}, {QLatin1String("unchanged"), report.unchanged},
            {QLatin1String("backordersReleased"), QJsonArray::fromStringList(report.backordersReleased)}},
        {}};
}

} // namespace dockhand::server
