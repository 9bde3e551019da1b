#pragma once

#include "expected.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace dockhand::server {

// A warehouse's master data and open orders as one importable value: the demo file today,
// the orders/master-data import (JSON) of issue 4 later. Parsing validates everything up front
// so an import is all-or-nothing and its error names the bad record.
struct WarehouseData
{
    struct Location
    {
        QString code;
        QString zone;
        int walkSequence = 0;
        QString checkDigits; // empty, or the digits printed on the location's label
    };
    struct Product
    {
        QString gtin; // 14 digits, check digit verified
        QString sku;
        QString name;
        bool lotTracked = false;
        bool expiryTracked = false;
        bool serialTracked = false;
        double unitWeightKg = 0; // 0: not known
        int lengthMm = 0; // 0: not known
        int widthMm = 0;
        int heightMm = 0;
    };
    struct Stock
    {
        QString location;
        QString gtin;
        qint64 quantity = 0;
        QString lot; // lot-tracked products: the lot this quantity is of; otherwise empty
        QString expiry; // YYYY-MM-DD when known
    };
    struct Operator
    {
        QString badge;
        QString name;
        QString role; // picker / packer / supervisor / admin
        QString pin; // clear text only in the import file; stored hashed. Empty: keep the stored one
    };
    struct Carton
    {
        QString code;
        QString name;
        int lengthMm = 0;
        int widthMm = 0;
        int heightMm = 0;
        double tareKg = 0;
    };
    struct OrderLine
    {
        int line = 0;
        QString gtin;
        qint64 quantity = 0;
    };
    struct Order
    {
        QString number;
        QString customer;
        QString status;
        QList<OrderLine> lines;
    };

    QString warehouseCode;
    QString warehouseName;
    QList<Location> locations;
    QList<Product> products;
    QList<Stock> stock;
    QList<Operator> operators;
    QStringList totes;
    QList<Carton> cartons;
    QList<Order> orders;

    static Expected<WarehouseData> fromJson(const QJsonObject &json);
    // The demo warehouse compiled into the server (resources/demo/warehouse.json).
    static Expected<WarehouseData> demo();
};

// GS1 mod-10 check: weights 3,1,3,... from the rightmost data digit.
bool isValidGtin14(QStringView gtin);

// EAN-8, UPC-A (12 digits), EAN-13 and GTIN-14 name the same product once left-padded with zeros
// to 14 digits (the check digit is the same in every length). The 14-digit form of `gtin`, or nothing when it
// is not 8, 12, 13 or 14 digits with a valid check digit.
std::optional<QString> gtin14(QStringView gtin);
// The refusal for a GTIN that gtin14() does not take, for import and data-file errors.
QString gtinError(QStringView gtin);

const QStringList &operatorRoles();

} // namespace dockhand::server
