#include "warehousedata.h"

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

    double number(QLatin1StringView key)
    {
        const QJsonValue v = m_object.value(key);
        if (!v.isDouble() || v.toDouble() < 0) {
            fail(QStringLiteral("field '%1' must be a number >= 0").arg(key));
            return 0;
        }
        return v.toDouble();
    }

    bool boolean(QLatin1StringView key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return false;
        if (!v.isBool())
            fail(QStringLiteral("field '%1' must be true or false").arg(key));
        return v.toBool();
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

    QSet<QString> locationCodes;
    for (qsizetype i = 0; i < locations->size(); ++i) {
        RecordReader r(locations->at(i).toObject(), QStringLiteral("locations[%1]").arg(i));
        Location l {r.string(QLatin1String("code")), r.string(QLatin1String("zone"), false),
            int(r.integer(QLatin1String("walkSequence"), 0))};
        if (locationCodes.contains(l.code))
            r.fail(QStringLiteral("location %1 appears twice").arg(l.code));
        if (!r.error().isEmpty())
            return Error {r.error()};
        locationCodes.insert(l.code);
        data.locations.append(l);
    }

    QSet<QString> gtins;
    for (qsizetype i = 0; i < products->size(); ++i) {
        RecordReader r(products->at(i).toObject(), QStringLiteral("products[%1]").arg(i));
        Product p;
        p.gtin = r.string(QLatin1String("gtin"));
        p.sku = r.string(QLatin1String("sku"));
        p.name = r.string(QLatin1String("name"));
        p.lotTracked = r.boolean(QLatin1String("lotTracked"));
        p.expiryTracked = r.boolean(QLatin1String("expiryTracked"));
        p.serialTracked = r.boolean(QLatin1String("serialTracked"));
        if (const auto normal = gtin14(p.gtin))
            p.gtin = *normal;
        else if (r.error().isEmpty())
            r.fail(gtinError(p.gtin));
        if (gtins.contains(p.gtin))
            r.fail(QStringLiteral("GTIN %1 appears twice").arg(p.gtin));
        if (!r.error().isEmpty())
            return Error {r.error()};
        gtins.insert(p.gtin);
        data.products.append(p);
    }

    for (qsizetype i = 0; i < stock->size(); ++i) {
        RecordReader r(stock->at(i).toObject(), QStringLiteral("stock[%1]").arg(i));
        Stock s {r.string(QLatin1String("location")), r.string(QLatin1String("gtin")),
            r.integer(QLatin1String("quantity"), 0)};
        s.gtin = gtin14(s.gtin).value_or(s.gtin);
        if (r.error().isEmpty() && !locationCodes.contains(s.location))
            r.fail(QStringLiteral("unknown location %1").arg(s.location));
        if (r.error().isEmpty() && !gtins.contains(s.gtin))
            r.fail(QStringLiteral("unknown product GTIN %1").arg(s.gtin));
        if (!r.error().isEmpty())
            return Error {r.error()};
        data.stock.append(s);
    }

    for (qsizetype i = 0; i < operators->size(); ++i) {
        RecordReader r(operators->at(i).toObject(), QStringLiteral("operators[%1]").arg(i));
        Operator o {r.string(QLatin1String("badge")), r.string(QLatin1String("name")),
            r.string(QLatin1String("role")), r.string(QLatin1String("pin"))};
        if (r.error().isEmpty() && !operatorRoles().contains(o.role))
            r.fail(QStringLiteral("role '%1' is not one of %2")
                       .arg(o.role, operatorRoles().join(QLatin1String(", "))));
        if (!r.error().isEmpty())
            return Error {r.error()};
        data.operators.append(o);
    }

    for (qsizetype i = 0; i < totes->size(); ++i) {
        const QString code = totes->at(i).toString().trimmed();
        if (code.isEmpty())
            return Error {QStringLiteral("totes[%1] must be a non-empty string").arg(i)};
        data.totes.append(code);
    }

    for (qsizetype i = 0; i < cartons->size(); ++i) {
        RecordReader r(cartons->at(i).toObject(), QStringLiteral("cartons[%1]").arg(i));
        Carton c;
        c.code = r.string(QLatin1String("code"));
        c.name = r.string(QLatin1String("name"));
        c.lengthMm = int(r.integer(QLatin1String("lengthMm"), 1));
        c.widthMm = int(r.integer(QLatin1String("widthMm"), 1));
        c.heightMm = int(r.integer(QLatin1String("heightMm"), 1));
        c.tareKg = r.number(QLatin1String("tareKg"));
        if (!r.error().isEmpty())
            return Error {r.error()};
        data.cartons.append(c);
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
