#include "devicecache.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcCache, "dockhand.cache")

namespace dockhand {

namespace {

const QString kCursorKey = QStringLiteral("sync_cursor");

// GTINs arrive as 8, 12, 13 or 14 digits; the cache keys them as GTIN-14 (see DOMAIN.md).
QString gtin14(const QString &gtin)
{
    return gtin.size() < 14 ? gtin.rightJustified(14, QLatin1Char('0')) : gtin;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

int integer(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInt();
}

CachedOrder orderFromJson(const QJsonObject &o)
{
    CachedOrder order;
    order.number = str(o, "number");
    order.customer = str(o, "customer");
    order.status = str(o, "status");
    order.tote = str(o, "tote");
    for (const auto &v : o.value(QLatin1String("lines")).toArray()) {
        const auto l = v.toObject();
        order.lines.append(CachedOrderLine {integer(l, "line"), gtin14(str(l, "gtin")), str(l, "name"),
            integer(l, "ordered"), integer(l, "picked"), integer(l, "packed")});
    }
    return order;
}

PickTask taskFromJson(const QJsonObject &o)
{
    PickTask task;
    task.id = str(o, "id");
    task.status = str(o, "status");
    task.assignee = str(o, "assignee");
    for (const auto &v : o.value(QLatin1String("orders")).toArray())
        task.orders.append(v.toString());
    for (const auto &v : o.value(QLatin1String("lines")).toArray()) {
        const auto l = v.toObject();
        task.lines.append(PickLine {str(l, "order"), integer(l, "line"), gtin14(str(l, "gtin")),
            str(l, "location"), integer(l, "walkSequence"), integer(l, "quantity")});
    }
    // The picker walks the building once: lines in walk order, ties kept in the server's order.
    std::stable_sort(task.lines.begin(), task.lines.end(),
        [](const PickLine &a, const PickLine &b) { return a.walkSequence < b.walkSequence; });
    return task;
}

CachedOperator operatorFromJson(const QJsonObject &o)
{
    return CachedOperator {str(o, "badge"), str(o, "name"), str(o, "role"), str(o, "pinHash")};
}

CartonType cartonFromJson(const QJsonObject &o)
{
    return CartonType {str(o, "code"), str(o, "name"), integer(o, "lengthMm"), integer(o, "widthMm"),
        integer(o, "heightMm"), o.value(QLatin1String("tareKg")).toDouble()};
}

} // namespace

DeviceCache::DeviceCache(LocalStore *store) : m_store(store) { }

Expected<void> DeviceCache::applyChanges(const QJsonArray &changes, const QString &cursor)
{
    QString error;
    QSqlQuery *upsert = m_store->prepared("cache-upsert",
        QStringLiteral("INSERT OR REPLACE INTO cache_entities (type, key, data, tote) VALUES (?, ?, ?, ?)"),
        &error);
    QSqlQuery *remove = upsert ? m_store->prepared("cache-delete",
                            QStringLiteral("DELETE FROM cache_entities WHERE type = ? AND key = ?"), &error)
                               : nullptr;
    if (!upsert || !remove)
        return Error {QStringLiteral("Cannot update the device cache: %1").arg(error)};
    if (auto began = m_store->begin(); !began)
        return Error {QStringLiteral("Cannot update the device cache: %1").arg(began.error())};
    for (const auto &value : changes) {
        const QJsonObject change = value.toObject();
        const QString type = str(change, "type");
        QString key = str(change, "key");
        const QString op = str(change, "op");
        if (type.isEmpty() || key.isEmpty()
            || (op != QLatin1String("upsert") && op != QLatin1String("delete"))) {
            // A change this build does not understand is skipped, not fatal: a newer server may
            // send kinds of data an older device has no use for.
            qCWarning(lcCache) << "skipping a change the device does not understand:" << type << key << op;
            continue;
        }
        if (type == QLatin1String("product"))
            key = gtin14(key);
        QSqlQuery *q = op == QLatin1String("delete") ? remove : upsert;
        q->bindValue(0, type);
        q->bindValue(1, key);
        if (q == upsert) {
            const QJsonObject data = change.value(QLatin1String("data")).toObject();
            q->bindValue(2, QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
            q->bindValue(3, type == QLatin1String("order") ? str(data, "tote") : QString(u""_qs));
        }
        if (!m_store->execWrite(q, &error)) {
            q->finish();
            m_store->rollback();
            return Error {QStringLiteral("Cannot update the device cache: %1").arg(error)};
        }
        q->finish();
    }
    if (auto stored = m_store->setMeta(kCursorKey, cursor); !stored) {
        m_store->rollback();
        return Error {QStringLiteral("Cannot update the device cache: %1").arg(stored.error())};
    }
    if (auto committed = m_store->commit(); !committed)
        return Error {QStringLiteral("Cannot update the device cache: %1").arg(committed.error())};
    return {};
}

QString DeviceCache::cursor() const
{
    return m_store->meta(kCursorKey);
}

std::optional<QJsonObject> DeviceCache::entity(const QString &type, const QString &key) const
{
    QString error;
    QSqlQuery *q = m_store->prepared(
        "cache-get", QStringLiteral("SELECT data FROM cache_entities WHERE type = ? AND key = ?"), &error);
    if (!q)
        return std::nullopt;
    q->bindValue(0, type);
    q->bindValue(1, key);
    std::optional<QJsonObject> found;
    if (q->exec() && q->next())
        found = QJsonDocument::fromJson(q->value(0).toByteArray()).object();
    q->finish();
    return found;
}

QList<QJsonObject> DeviceCache::entities(const QString &type) const
{
    QString error;
    QSqlQuery *q = m_store->prepared(
        "cache-list", QStringLiteral("SELECT data FROM cache_entities WHERE type = ? ORDER BY key"), &error);
    QList<QJsonObject> list;
    if (!q)
        return list;
    q->bindValue(0, type);
    if (q->exec()) {
        while (q->next())
            list.append(QJsonDocument::fromJson(q->value(0).toByteArray()).object());
    }
    q->finish();
    return list;
}

std::optional<CachedProduct> DeviceCache::product(const QString &gtin) const
{
    const auto o = entity(QStringLiteral("product"), gtin14(gtin));
    if (!o)
        return std::nullopt;
    return CachedProduct {gtin14(str(*o, "gtin").isEmpty() ? gtin : str(*o, "gtin")), str(*o, "sku"),
        str(*o, "name"), o->value(QLatin1String("lotTracked")).toBool(),
        o->value(QLatin1String("expiryTracked")).toBool(), o->value(QLatin1String("serialTracked")).toBool()};
}

std::optional<CachedLocation> DeviceCache::location(const QString &code) const
{
    const auto o = entity(QStringLiteral("location"), code);
    if (!o)
        return std::nullopt;
    return CachedLocation {
        str(*o, "code").isEmpty() ? code : str(*o, "code"), str(*o, "zone"), integer(*o, "walkSequence")};
}

std::optional<CachedOperator> DeviceCache::operatorByBadge(const QString &badge) const
{
    const auto o = entity(QStringLiteral("operator"), badge);
    if (!o)
        return std::nullopt;
    return operatorFromJson(*o);
}

QList<CachedOperator> DeviceCache::operators() const
{
    QList<CachedOperator> list;
    for (const auto &o : entities(QStringLiteral("operator")))
        list.append(operatorFromJson(o));
    return list;
}

std::optional<CachedOrder> DeviceCache::order(const QString &number) const
{
    const auto o = entity(QStringLiteral("order"), number);
    if (!o)
        return std::nullopt;
    return orderFromJson(*o);
}

std::optional<CachedOrder> DeviceCache::orderByTote(const QString &tote) const
{
    if (tote.isEmpty())
        return std::nullopt;
    QString error;
    QSqlQuery *q = m_store->prepared("cache-tote",
        QStringLiteral(
            "SELECT data FROM cache_entities WHERE type = 'order' AND tote = ? ORDER BY key LIMIT 1"),
        &error);
    if (!q)
        return std::nullopt;
    q->bindValue(0, tote);
    std::optional<CachedOrder> found;
    if (q->exec() && q->next())
        found = orderFromJson(QJsonDocument::fromJson(q->value(0).toByteArray()).object());
    q->finish();
    return found;
}

QList<CachedOrder> DeviceCache::ordersEndingWith(const QString &suffix) const
{
    QList<CachedOrder> found;
    if (suffix.isEmpty())
        return found;
    QString error;
    QSqlQuery *q = m_store->prepared("cache-order-suffix",
        QStringLiteral("SELECT data FROM cache_entities WHERE type = 'order' AND substr(key, ?) = ? "
                       "ORDER BY key LIMIT 20"),
        &error);
    if (!q)
        return found;
    q->bindValue(0, -suffix.size()); // substr from the end: the last N characters
    q->bindValue(1, suffix);
    if (q->exec()) {
        while (q->next())
            found.append(orderFromJson(QJsonDocument::fromJson(q->value(0).toByteArray()).object()));
    }
    q->finish();
    return found;
}

QList<PickTask> DeviceCache::pickTasks() const
{
    QList<PickTask> list;
    for (const auto &o : entities(QStringLiteral("task"))) {
        if (o.value(QLatin1String("kind")).toString(QStringLiteral("pick")) == QLatin1String("pick"))
            list.append(taskFromJson(o));
    }
    return list;
}

std::optional<PickTask> DeviceCache::pickTask(const QString &id) const
{
    const auto o = entity(QStringLiteral("task"), id);
    if (!o)
        return std::nullopt;
    return taskFromJson(*o);
}

QList<CartonType> DeviceCache::cartonTypes() const
{
    QList<CartonType> list;
    for (const auto &o : entities(QStringLiteral("carton")))
        list.append(cartonFromJson(o));
    return list;
}

QJsonObject DeviceCache::config() const
{
    return entity(QStringLiteral("config"), QStringLiteral("device")).value_or(QJsonObject {});
}

} // namespace dockhand
