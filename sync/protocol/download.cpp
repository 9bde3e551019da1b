#include "download.h"

#include <algorithm>

namespace dockhand::protocol {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

int integer(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInt();
}

bool flag(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toBool();
}

QLatin1String k(const char *key)
{
    return QLatin1String(key);
}

} // namespace

QString gtin14(const QString &gtin)
{
    return gtin.size() < 14 ? gtin.rightJustified(14, QLatin1Char('0')) : gtin;
}

QJsonObject Product::toJson() const
{
    return {{k("gtin"), gtin}, {k("sku"), sku}, {k("name"), name}, {k("lotTracked"), lotTracked},
        {k("expiryTracked"), expiryTracked}, {k("serialTracked"), serialTracked},
        {k("unitWeightKg"), unitWeightKg}, {k("lengthMm"), lengthMm}, {k("widthMm"), widthMm},
        {k("heightMm"), heightMm}};
}

Product Product::fromJson(const QJsonObject &o)
{
    return {gtin14(str(o, "gtin")), str(o, "sku"), str(o, "name"), flag(o, "lotTracked"),
        flag(o, "expiryTracked"), flag(o, "serialTracked"), o.value(k("unitWeightKg")).toDouble(),
        integer(o, "lengthMm"), integer(o, "widthMm"), integer(o, "heightMm")};
}

QJsonObject Location::toJson() const
{
    return {{k("code"), code}, {k("zone"), zone}, {k("walkSequence"), walkSequence},
        {k("checkDigits"), checkDigits}};
}

Location Location::fromJson(const QJsonObject &o)
{
    return {str(o, "code"), str(o, "zone"), integer(o, "walkSequence"), str(o, "checkDigits")};
}

QJsonObject Operator::toJson() const
{
    return {{k("badge"), badge}, {k("name"), name}, {k("role"), role}, {k("pinHash"), pinHash}};
}

Operator Operator::fromJson(const QJsonObject &o)
{
    return {str(o, "badge"), str(o, "name"), str(o, "role"), str(o, "pinHash")};
}

QJsonObject Order::toJson() const
{
    QJsonArray list;
    for (const OrderLine &l : lines) {
        list.append(QJsonObject {{k("line"), l.line}, {k("gtin"), l.gtin}, {k("name"), l.name},
            {k("ordered"), l.ordered}, {k("picked"), l.picked}, {k("packed"), l.packed},
            {k("shorted"), l.shorted}});
    }
    return {{k("number"), number}, {k("customer"), customer}, {k("status"), status}, {k("tote"), tote},
        {k("lines"), list}};
}

Order Order::fromJson(const QJsonObject &o)
{
    Order order {str(o, "number"), str(o, "customer"), str(o, "status"), str(o, "tote"), {}};
    for (const QJsonValue &v : o.value(k("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        order.lines.append({integer(l, "line"), gtin14(str(l, "gtin")), str(l, "name"), integer(l, "ordered"),
            integer(l, "picked"), integer(l, "packed"), integer(l, "shorted")});
    }
    return order;
}

QJsonObject Task::toJson() const
{
    QJsonArray list;
    for (const TaskLine &l : lines) {
        list.append(QJsonObject {{k("order"), l.order}, {k("line"), l.line}, {k("gtin"), l.gtin},
            {k("location"), l.location}, {k("walkSequence"), l.walkSequence}, {k("quantity"), l.quantity}});
    }
    return {{k("id"), id}, {k("kind"), kind}, {k("status"), status}, {k("assignee"), assignee},
        {k("orders"), QJsonArray::fromStringList(orders)}, {k("lines"), list}};
}

Task Task::fromJson(const QJsonObject &o)
{
    Task task;
    task.id = str(o, "id");
    task.kind = o.value(k("kind")).toString(QStringLiteral("pick"));
    task.status = str(o, "status");
    task.assignee = str(o, "assignee");
    for (const QJsonValue &v : o.value(k("orders")).toArray())
        task.orders.append(v.toString());
    for (const QJsonValue &v : o.value(k("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        task.lines.append({str(l, "order"), integer(l, "line"), gtin14(str(l, "gtin")), str(l, "location"),
            integer(l, "walkSequence"), integer(l, "quantity")});
    }
    std::stable_sort(task.lines.begin(), task.lines.end(),
        [](const TaskLine &a, const TaskLine &b) { return a.walkSequence < b.walkSequence; });
    return task;
}

QJsonObject Carton::toJson() const
{
    return {{k("code"), code}, {k("name"), name}, {k("lengthMm"), lengthMm}, {k("widthMm"), widthMm},
        {k("heightMm"), heightMm}, {k("tareKg"), tareKg}};
}

Carton Carton::fromJson(const QJsonObject &o)
{
    return {str(o, "code"), str(o, "name"), integer(o, "lengthMm"), integer(o, "widthMm"),
        integer(o, "heightMm"), o.value(k("tareKg")).toDouble()};
}

QJsonObject DeviceConfig::toJson() const
{
    QJsonObject o {{k("classifier"), classifier}, {k("cartons"), QJsonArray::fromStringList(cartons)}};
    if (!scalePattern.isEmpty())
        o.insert(k("scale"), QJsonObject {{k("pattern"), scalePattern}});
    return o;
}

DeviceConfig DeviceConfig::fromJson(const QJsonObject &o)
{
    DeviceConfig config;
    config.classifier = o.value(k("classifier")).toObject();
    for (const QJsonValue &v : o.value(k("cartons")).toArray())
        config.cartons.append(v.toString());
    config.scalePattern = o.value(k("scale")).toObject().value(k("pattern")).toString();
    return config;
}

QJsonObject Change::toJson() const
{
    QJsonObject o {{k("type"), type}, {k("key"), key},
        {k("op"), op == Op::Delete ? QStringLiteral("delete") : QStringLiteral("upsert")}};
    o.insert(k("data"), data);
    return o;
}

std::optional<Change> Change::fromJson(const QJsonObject &o)
{
    Change change;
    change.type = str(o, "type");
    change.key = str(o, "key");
    const QString op = str(o, "op");
    if (change.type.isEmpty() || change.key.isEmpty())
        return std::nullopt;
    if (op == QLatin1String("upsert"))
        change.op = Op::Upsert;
    else if (op == QLatin1String("delete"))
        change.op = Op::Delete;
    else
        return std::nullopt;
    change.data = o.value(k("data")).toObject();
    return change;
}

QJsonObject SyncPage::toJson() const
{
    return {{k("cursor"), cursor}, {k("more"), more}, {k("changes"), changes}};
}

std::optional<SyncPage> SyncPage::fromJson(const QJsonObject &o, QString *error)
{
    const QJsonValue cursor = o.value(k("cursor"));
    const QJsonValue changes = o.value(k("changes"));
    if (!(cursor.isString() || cursor.isDouble()) || !changes.isArray()) {
        if (error)
            *error = QStringLiteral("a sync page needs 'cursor' and 'changes'");
        return std::nullopt;
    }
    SyncPage page;
    page.cursor = cursor.isString() ? cursor.toString() : QString::number(cursor.toInteger());
    page.more = o.value(k("more")).toBool();
    page.changes = changes.toArray();
    return page;
}

} // namespace dockhand::protocol
