#include "warehousedata.h"

#include "masterdata/masterdata.h"
#include "orderstatus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace dockhand::server {

namespace {

// Reads typed fields of one record and remembers the first problem with the record's name,
// so the import error says e.g. "orders[3].lines[1]: field 'quantity' must be a positive integer".
class RecordReader
{
public:
    RecordReader(const QJsonObject &object, QString where) : m_object(object), m_where(std::move(where)) { }

    QString string(QLatin1StringView key, bool required = true)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QStringLiteral("field '%1' is missing").arg(key));
            return {};
        }
        if (!v.isString()) {
            fail(QStringLiteral("field '%1' must be a string").arg(key));
            return {};
        }
        const QString s = v.toString().trimmed();
        if (required && s.isEmpty())
            fail(QStringLiteral("field '%1' must not be empty").arg(key));
        return s;
    }

    qint64 integer(QLatin1StringView key, qint64 minimum)
    {
        const QJsonValue v = m_object.value(key);
        if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < minimum) {
            fail(QStringLiteral("field '%1' must be an integer >= %2").arg(key).arg(minimum));
            return minimum;
        }
        return v.toInteger();
    }

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2").arg(m_where, message);
    }
    const QString &error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_where;
    QString m_error;
};

Expected<QJsonArray> arrayOf(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined())
        return QJsonArray();
    if (!v.isArray())
        return Error {QStringLiteral("'%1' must be an array").arg(key)};
    return v.toArray();
}

} // namespace

std::optional<QString> gtin14(QStringView gtin)
{
    if (gtin.size() != 8 && gtin.size() != 12 && gtin.size() != 13 && gtin.size() != 14)
        return std::nullopt;
    const QString padded = QString(14 - gtin.size(), QLatin1Char('0')) + gtin.toString();
    if (!isValidGtin14(padded))
        return std::nullopt;
    return padded;
}

QString gtinError(QStringView gtin)
{
    return QStringLiteral("GTIN '%1' is not a GTIN-8, -12, -13 or -14 with a valid check digit")
        .arg(gtin.left(32));
}

bool isValidGtin14(QStringView gtin)
{
    if (gtin.size() != 14)
        return false;
    int sum = 0;
    for (int i = 0; i < 14; ++i) {
        const QChar c = gtin.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        if (i < 13)
            sum += (c.unicode() - '0') * ((i % 2 == 0) ? 3 : 1);
    }
    return (10 - sum % 10) % 10 == gtin.at(13).unicode() - '0';
}

const QStringList &operatorRoles()
{
    static const QStringList roles {QStringLiteral("picker"), QStringLiteral("packer"),
        QStringLiteral("supervisor"), QStringLiteral("admin")};
    return roles;
}

Expected<WarehouseData> WarehouseData::fromJson(const QJsonObject &json)
{
    WarehouseData data;
    const QJsonObject warehouse = json.value(QLatin1String("warehouse")).toObject();
    data.warehouseCode = warehouse.value(QLatin1String("code")).toString();
    data.warehouseName = warehouse.value(QLatin1String("name")).toString();

    // Each section: read records, then check cross references once all sections are read.
    auto locations = arrayOf(json, QLatin1String("locations"));
    auto products = arrayOf(json, QLatin1String("products"));
    auto stock = arrayOf(json, QLatin1String("stock"));
    auto operators = arrayOf(json, QLatin1String("operators"));
    auto totes = arrayOf(json, QLatin1String("totes"));
    auto cartons = arrayOf(json, QLatin1String("cartons"));
    auto orders = arrayOf(json, QLatin1String("orders"));
    for (const auto *section : {&locations, &products, &stock, &operators, &totes, &cartons, &orders}) {
        if (!section->ok())
            return Error {section->error()};
    }

    // The master data is read as an import of each kind would read it (masterdata.h): the demo
    // warehouse is loaded through the same path as a site's own files.
    auto section = [](const QJsonArray &records, MasterDataKind kind,
                       QLatin1StringView name) -> Expected<MasterDataFile> {
        MasterDataFile file
            = parseMasterData(kind, QJsonDocument(records).toJson(QJsonDocument::Compact), TableFormat::Json);
        if (!file.errors.isEmpty())
            return Error {QStringLiteral("%1[%2]: %3")
                              .arg(name)
                              .arg(file.errors.first().row - 1)
                              .arg(file.errors.first().message)};
        if (!file.error.isEmpty() && !records.isEmpty())
            return Error {QStringLiteral("%1: %2").arg(name, file.error)};
        return file;
    };
    auto locationFile = section(locations.value(), MasterDataKind::Locations, QLatin1String("locations"));
    auto productFile = section(products.value(), MasterDataKind::Products, QLatin1String("products"));
    auto stockFile = section(stock.value(), MasterDataKind::Stock, QLatin1String("stock"));
    auto operatorFile = section(operators.value(), MasterDataKind::Operators, QLatin1String("operators"));
    auto toteFile = section(totes.value(), MasterDataKind::Totes, QLatin1String("totes"));
    auto cartonFile = section(cartons.value(), MasterDataKind::CartonTypes, QLatin1String("cartons"));
    for (const auto *file : {&locationFile, &productFile, &stockFile, &operatorFile, &toteFile, &cartonFile})
        if (!file->ok())
            return Error {file->error()};
    data.locations = locationFile->locations;
    data.products = productFile->products;
    data.stock = stockFile->stock;
    data.operators = operatorFile->operators;
    data.totes = toteFile->totes;
    data.cartons = cartonFile->cartons;
    QSet<QString> locationCodes, gtins;
    for (const auto &l : std::as_const(data.locations))
        locationCodes.insert(l.code);
    for (const auto &p : std::as_const(data.products))
        gtins.insert(p.gtin);
    for (qsizetype i = 0; i < data.stock.size(); ++i) {
        const Stock &s = data.stock.at(i);
        if (!locationCodes.contains(s.location))
            return Error {QStringLiteral("stock[%1]: unknown location %2").arg(i).arg(s.location)};
        if (!gtins.contains(s.gtin))
            return Error {QStringLiteral("stock[%1]: unknown product GTIN %2").arg(i).arg(s.gtin)};
    }

    QSet<QString> orderNumbers;
    for (qsizetype i = 0; i < orders->size(); ++i) {
        const QString where = QStringLiteral("orders[%1]").arg(i);
        const QJsonObject object = orders->at(i).toObject();
        RecordReader r(object, where);
        Order o;
        o.number = r.string(QLatin1String("number"));
        o.customer = r.string(QLatin1String("customer"));
        o.status = r.string(QLatin1String("status"), false);
        if (o.status.isEmpty())
            o.status = QStringLiteral("received");
        if (r.error().isEmpty() && !protocol::orderStatuses().contains(o.status))
            r.fail(QStringLiteral("unknown status '%1'").arg(o.status.left(40)));
        if (orderNumbers.contains(o.number))
            r.fail(QStringLiteral("order %1 appears twice").arg(o.number));
        const QJsonValue lines = object.value(QLatin1String("lines"));
        if (!lines.isArray() || lines.toArray().isEmpty())
            r.fail(QStringLiteral("field 'lines' must be a non-empty array"));
        if (!r.error().isEmpty())
            return Error {r.error()};
        QSet<int> lineNumbers;
        const QJsonArray lineArray = lines.toArray();
        for (qsizetype j = 0; j < lineArray.size(); ++j) {
            RecordReader lr(lineArray.at(j).toObject(), QStringLiteral("%1.lines[%2]").arg(where).arg(j));
            OrderLine line {int(lr.integer(QLatin1String("line"), 1)), lr.string(QLatin1String("gtin")),
                lr.integer(QLatin1String("quantity"), 1)};
            line.gtin = gtin14(line.gtin).value_or(line.gtin);
            if (lr.error().isEmpty() && !gtins.contains(line.gtin))
                lr.fail(QStringLiteral("unknown product GTIN %1").arg(line.gtin));
            if (lineNumbers.contains(line.line))
                lr.fail(QStringLiteral("line number %1 appears twice").arg(line.line));
            if (!lr.error().isEmpty())
                return Error {lr.error()};
            lineNumbers.insert(line.line);
            o.lines.append(line);
        }
        orderNumbers.insert(o.number);
        data.orders.append(o);
    }
    return data;
}

Expected<WarehouseData> WarehouseData::demo()
{
    QFile file(QStringLiteral(":/dockhand-server/demo/warehouse.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error {
            QStringLiteral("the demo warehouse is missing from this build (%1)").arg(file.fileName())};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return Error {
            QStringLiteral("the demo warehouse file is not a JSON object: %1").arg(parseError.errorString())};
    auto data = fromJson(doc.object());
    if (!data)
        return Error {QStringLiteral("the demo warehouse file is invalid: %1").arg(data.error())};
    return data;
}

} // namespace dockhand::server
