#pragma once

#include "warehousedata.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Orders import (POST /v1/orders/import) as pure functions: the uploaded bytes in, the orders
// they hold or what is wrong with them out. No database: the import itself (unknown GTINs,
// numbers already taken) is OrderStore::importOrders.
namespace dockhand::server {

struct ImportOrder
{
    int row = 0; // 1-based position in the upload (CSV: line number) for error messages
    WarehouseData::Order order;
};

struct RowError
{
    int row = 0;
    QString message;
};

struct ImportParse
{
    QList<ImportOrder> orders; // in upload order; status "received", GTINs in 14-digit form
    QList<RowError> errors; // per row; when not empty nothing may be imported
    QString error; // the upload as a whole is not an import (malformed JSON ...); no rows then
};

// number,customer,line,gtin,quantity — one order line per row, rows of one order together; the
// header row says the separator (comma, semicolon or tab). A byte order mark is skipped.
ImportParse parseOrdersCsv(const QByteArray &body);

// One order, a JSON array of orders, or {"orders": [...]}; each {"number", "customer", "lines":
// [{"line", "gtin", "quantity"}]}.
ImportParse parseOrdersJson(const QByteArray &body);

// Splits one CSV record (RFC 4180 quotes, no embedded newlines) at `separator`.
QStringList csvFields(const QString &line, QChar separator);

} // namespace dockhand::server
