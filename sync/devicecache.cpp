#include "devicecache.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcCache, "dockhand.sync.cache")

namespace dockhand {

namespace {

const QString kCursorKey = QStringLiteral("sync_cursor");

using protocol::gtin14;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

DeviceCache::DeviceCache(LocalStore *store) : m_store(store) { }

Expected<void> DeviceCache::applyChanges(const QJsonArray &changes, const QString &cursor)
{
    QString error;
    QSqlQuery *upsert = m_store->prepared(
        QStringLiteral("INSERT OR REPLACE INTO cache_entities (type, key, data, tote) VALUES (?, ?, ?, ?)"),
        &error);
    QSqlQuery *remove = upsert
        ? m_store->prepared(QStringLiteral("DELETE FROM cache_entities WHERE type = ? AND key = ?"), &error)
        : nullptr;
    if (!upsert || !remove)
        return Error {QStringLiteral("Cannot update the device cache: %1").arg(error)};
    if (auto began = m_store->begin(); !began)
        return Error {QStringLiteral("Cannot update the device cache: %1").arg(began.error())};
    for (const auto &value : changes) {
        const std::optional<protocol::Change> change = protocol::Change::fromJson(value.toObject());
        if (!change) {
            // A change this build does not understand is skipped, not fatal: a newer server may
            // send kinds of data an older device has no use for.
            const QJsonObject raw = value.toObject();
            qCWarning(lcCache) << "skipping a change the device does not understand:" << str(raw, "type")
                               << str(raw, "key") << str(raw, "op");
            continue;
        }
        const QString key = change->type == QLatin1String("product") ? gtin14(change->key) : change->key;
        QSqlQuery *q = change->op == protocol::Change::Op::Delete ? remove : upsert;
        q->bindValue(0, change->type);
        q->bindValue(1, key);
        if (q == upsert) {
            q->bindValue(2, QString::fromUtf8(QJsonDocument(change->data).toJson(QJsonDocument::Compact)));
            q->bindValue(
                3, change->type == QLatin1String("order") ? str(change->data, "tote") : QString(u""_qs));
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
        QStringLiteral("SELECT data FROM cache_entities WHERE type = ? AND key = ?"), &error);
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
        QStringLiteral("SELECT data FROM cache_entities WHERE type = ? ORDER BY key"), &error);
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
    CachedProduct product = protocol::Product::fromJson(*o);
    if (str(*o, "gtin").isEmpty())
        product.gtin = gtin14(gtin);
    return product;
}

std::optional<CachedLocation> DeviceCache::location(const QString &code) const
{
    const auto o = entity(QStringLiteral("location"), code);
    if (!o)
        return std::nullopt;
    CachedLocation location = protocol::Location::fromJson(*o);
    if (location.code.isEmpty())
        location.code = code;
    return location;
}

std::optional<CachedOperator> DeviceCache::operatorByBadge(const QString &badge) const
{
    const auto o = entity(QStringLiteral("operator"), badge);
    if (!o)
        return std::nullopt;
    return protocol::Operator::fromJson(*o);
}

QList<CachedOperator> DeviceCache::operators() const
{
    QList<CachedOperator> list;
    for (const auto &o : entities(QStringLiteral("operator")))
        list.append(protocol::Operator::fromJson(o));
    return list;
}

std::optional<CachedOrder> DeviceCache::order(const QString &number) const
{
    const auto o = entity(QStringLiteral("order"), number);
    if (!o)
        return std::nullopt;
    return protocol::Order::fromJson(*o);
}

std::optional<CachedOrder> DeviceCache::orderByTote(const QString &tote) const
{
    if (tote.isEmpty())
        return std::nullopt;
    QString error;
    QSqlQuery *q = m_store->prepared(
        QStringLiteral(
            "SELECT data FROM cache_entities WHERE type = 'order' AND tote = ? ORDER BY key LIMIT 1"),
        &error);
    if (!q)
        return std::nullopt;
    q->bindValue(0, tote);
    std::optional<CachedOrder> found;
    if (q->exec() && q->next())
        found = protocol::Order::fromJson(QJsonDocument::fromJson(q->value(0).toByteArray()).object());
    q->finish();
    return found;
}

QList<CachedOrder> DeviceCache::ordersEndingWith(const QString &suffix) const
{
    QList<CachedOrder> found;
    if (suffix.isEmpty())
        return found;
    QString error;
    QSqlQuery *q = m_store->prepared(
        QStringLiteral("SELECT data FROM cache_entities WHERE type = 'order' AND substr(key, ?) = ? "
                       "ORDER BY key LIMIT 20"),
        &error);
    if (!q)
        return found;
    q->bindValue(0, -suffix.size()); // substr from the end: the last N characters
    q->bindValue(1, suffix);
    if (q->exec()) {
        while (q->next())
            found.append(
                protocol::Order::fromJson(QJsonDocument::fromJson(q->value(0).toByteArray()).object()));
    }
    q->finish();
    return found;
}

QList<PickTask> DeviceCache::pickTasks() const
{
    QList<PickTask> list;
    for (const auto &o : entities(QStringLiteral("task"))) {
        PickTask task = protocol::Task::fromJson(o);
        if (task.kind == QLatin1String("pick"))
            list.append(std::move(task));
    }
    return list;
}

std::optional<PickTask> DeviceCache::pickTask(const QString &id) const
{
    const auto o = entity(QStringLiteral("task"), id);
    if (!o)
        return std::nullopt;
    return protocol::Task::fromJson(*o);
}

QList<CartonType> DeviceCache::cartonTypes() const
{
    QList<CartonType> list;
    for (const auto &o : entities(QStringLiteral("carton")))
        list.append(protocol::Carton::fromJson(o));
    return list;
}

QJsonObject DeviceCache::config() const
{
    return entity(QStringLiteral("config"), QStringLiteral("device")).value_or(QJsonObject {});
}

} // namespace dockhand
