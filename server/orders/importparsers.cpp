#include "orders/importparsers.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace dockhand::server {

namespace {

// Checks an imported line; its GTIN is stored in the 14-digit form devices look products up by.
QString checkOrderLine(WarehouseData::OrderLine &l)
{
    if (l.line <= 0)
        return QStringLiteral("line must be a positive whole number");
    const auto gtin = gtin14(l.gtin);
    if (!gtin)
        return gtinError(l.gtin);
    l.gtin = *gtin;
    if (l.quantity <= 0 || l.quantity > 100000)
        return QStringLiteral("quantity must be a whole number from 1 to 100000");
    return {};
}

ImportParse parsedError(const QString &why)
{
    ImportParse parsed;
    parsed.error = why;
    return parsed;
}

} // namespace

QStringList csvFields(const QString &line, QChar separator)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == separator) {
            fields.append(field.trimmed());
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field.trimmed());
    return fields;
}

ImportParse parseOrdersCsv(const QByteArray &body)
{
    ImportParse parsed;
    QList<ImportOrder> &orders = parsed.orders;
    QList<RowError> &errors = parsed.errors;
    // Spreadsheets write commas, semicolons (where the comma is the decimal sign) or tabs: the
    // header row says which.
    const QStringList lines = QString::fromUtf8(body).split(QLatin1Char('\n'));
    QHash<QString, qsizetype> byNumber;
    QChar separator = QLatin1Char(',');
    int row = 0;
    for (QString text : lines) {
        ++row;
        text = text.trimmed();
        if (row == 1 && text.startsWith(QChar(0xfeff))) // a byte order mark, as Excel writes
            text = text.mid(1).trimmed();
        if (text.isEmpty())
            continue;
        if (row == 1) {
            static const QLatin1String header("number,customer,line,gtin,quantity");
            bool known = false;
            for (const QChar candidate :
                {QChar(QLatin1Char(',')), QChar(QLatin1Char(';')), QChar(QLatin1Char('\t'))}) {
                if (csvFields(text, candidate).join(QLatin1Char(',')).toLower() == header) {
                    separator = candidate;
                    known = true;
                    break;
                }
            }
            if (!known)
                errors.append({row,
                    QStringLiteral("the first row must be the header number,customer,line,gtin,quantity "
                                   "(separated by commas, semicolons or tabs), not '%1'")
                        .arg(text.left(80))});
            continue;
        }
        const QStringList f = csvFields(text, separator);
        if (f.size() != 5) {
            errors.append({row, QStringLiteral("expected 5 fields, got %1").arg(f.size())});
            continue;
        }
        bool lineOk = false, quantityOk = false;
        WarehouseData::OrderLine line {f.at(2).toInt(&lineOk), f.at(3), f.at(4).toLongLong(&quantityOk)};
        QString why = f.at(0).isEmpty() || f.at(0).size() > 64
            ? QStringLiteral("order number must be 1 to 64 characters")
            : f.at(1).isEmpty()      ? QStringLiteral("customer must not be empty")
            : !lineOk || !quantityOk ? QStringLiteral("line and quantity must be whole numbers")
                                     : checkOrderLine(line);
        if (!why.isEmpty()) {
            errors.append({row, why});
            continue;
        }
        auto it = byNumber.find(f.at(0));
        if (it == byNumber.end()) {
            it = byNumber.insert(f.at(0), orders.size());
            orders.append({row, {f.at(0), f.at(1), QStringLiteral("received"), {}}});
        }
        auto &order = orders[it.value()].order;
        for (const auto &existing : std::as_const(order.lines))
            if (existing.line == line.line)
                why = QStringLiteral("order %1 has line %2 twice").arg(order.number).arg(line.line);
        if (!why.isEmpty())
            errors.append({row, why});
        else
            order.lines.append(line);
    }
    if (orders.isEmpty() && errors.isEmpty())
        errors.append({1, QStringLiteral("the CSV holds no order rows")});
    return parsed;
}

ImportParse parseOrdersJson(const QByteArray &body)
{
    ImportParse parsed;
    QList<ImportOrder> &orders = parsed.orders;
    QList<RowError> &errors = parsed.errors;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return parsedError(QStringLiteral("malformed JSON at byte %1: %2 (send text/csv for CSV)")
                               .arg(parseError.offset)
                               .arg(parseError.errorString()));
    // One order on its own is a batch of one.
    const bool single = doc.isObject() && !doc.object().contains(QLatin1String("orders"))
        && doc.object().contains(QLatin1String("number"));
    const QJsonArray array = single ? QJsonArray {doc.object()}
        : doc.isArray()             ? doc.array()
                                    : doc.object().value(QLatin1String("orders")).toArray();
    if (!single && !doc.isArray() && !doc.object().value(QLatin1String("orders")).isArray())
        return parsedError(QStringLiteral(
            "expected an order, a JSON array of orders or {\"orders\": [...]} "
            "(each {\"number\", \"customer\", \"lines\": [{\"line\", \"gtin\", \"quantity\"}]})"));
    if (array.isEmpty())
        return parsedError(QStringLiteral("the import holds no orders"));
    QSet<QString> numbers;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const int row = int(i) + 1;
        const QJsonObject o = array.at(i).toObject();
        WarehouseData::Order order {o.value(QLatin1String("number")).toString(),
            o.value(QLatin1String("customer")).toString(), QStringLiteral("received"), {}};
        QString why;
        if (!array.at(i).isObject())
            why = QStringLiteral("must be a JSON object");
        else if (order.number.isEmpty() || order.number.size() > 64)
            why = QStringLiteral("'number' must be a string of 1 to 64 characters");
        else if (numbers.contains(order.number))
            why = QStringLiteral("order %1 appears twice").arg(order.number);
        else if (order.customer.isEmpty())
            why = QStringLiteral("'customer' must be a non-empty string");
        else if (!o.value(QLatin1String("lines")).isArray()
            || o.value(QLatin1String("lines")).toArray().isEmpty())
            why = QStringLiteral("'lines' must be a non-empty array");
        const QJsonArray lines = o.value(QLatin1String("lines")).toArray();
        for (qsizetype j = 0; why.isEmpty() && j < lines.size(); ++j) {
            const QJsonObject l = lines.at(j).toObject();
            const QJsonValue q = l.value(QLatin1String("quantity"));
            const QJsonValue n = l.value(QLatin1String("line"));
            WarehouseData::OrderLine line {n.isDouble() ? n.toInt() : 0,
                l.value(QLatin1String("gtin")).toString(),
                q.isDouble() && q.toDouble() == double(q.toInteger()) ? q.toInteger() : 0};
            why = checkOrderLine(line);
            for (const auto &existing : std::as_const(order.lines))
                if (existing.line == line.line)
                    why = QStringLiteral("line %1 appears twice").arg(line.line);
            if (!why.isEmpty())
                why = QStringLiteral("lines[%1]: %2").arg(j).arg(why);
            order.lines.append(line);
        }
        if (!why.isEmpty()) {
            errors.append({row, why});
            continue;
        }
        numbers.insert(order.number);
        orders.append({row, order});
    }
    return parsed;
}

} // namespace dockhand::server
