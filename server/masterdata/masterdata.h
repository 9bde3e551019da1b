#pragma once

#include "masterdata/tablefile.h"
#include "warehousedata.h"

#include <QList>
#include <QString>

#include <optional>

// The master data a site imports (POST /v1/import/{kind}, dockhand-server import): one kind per
// file, its columns named in the header row (CSV) or as object keys (JSON), upserted by the
// kind's key. Parsing here checks every cell on its own (types, ranges, GTIN check digits, cells
// a spreadsheet would run as a formula) and keys repeated within the file; what needs the
// database (a stock row's location and product) is MasterDataStore's.
namespace dockhand::server {

enum class MasterDataKind { Products, Locations, Stock, Operators, CartonTypes, Totes };

// "products", "locations", "stock", "operators", "carton-types", "totes".
QString masterDataKindName(MasterDataKind kind);
std::optional<MasterDataKind> masterDataKind(const QString &name);
const QList<MasterDataKind> &masterDataKinds();

struct MasterDataColumn
{
    QString name; // as documented: "walkSequence"
    bool required = false;
};
// The columns of `kind`, key column(s) first.
const QList<MasterDataColumn> &masterDataColumns(MasterDataKind kind);

// The records of one file, of one kind (the other lists stay empty), with each record's row.
struct MasterDataFile
{
    MasterDataKind kind = MasterDataKind::Products;
    QList<int> rows; // the row of each record, in file order
    QList<WarehouseData::Product> products; // GTINs in 14-digit form
    QList<WarehouseData::Location> locations;
    QList<WarehouseData::Stock> stock;
    QList<WarehouseData::Operator> operators;
    QList<WarehouseData::Carton> cartons;
    QStringList totes;
    QList<RowError> errors; // when not empty nothing may be imported
    QString error; // the file as a whole is not an import of this kind

    qsizetype size() const { return rows.size(); }
};

MasterDataFile parseMasterData(MasterDataKind kind, const QByteArray &body, TableFormat format);

// Why a text cell must not be stored as it is, or empty: a cell that starts with = + - @ or a
// tab / carriage return is run as a formula by spreadsheets that later open an export of it.
QString formulaCellError(const QString &column, const QString &value);

} // namespace dockhand::server
