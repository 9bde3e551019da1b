#include "floordata.h"

#include <algorithm>

namespace dockhand {

namespace {
template<typename T> std::optional<T> find(const QHash<QString, T> &hash, const QString &key)
{
    const auto it = hash.constFind(key);
    if (it == hash.constEnd())
        return std::nullopt;
    return *it;
}
} // namespace

std::optional<CachedProduct> MemoryFloorData::product(const QString &gtin14) const
{
    return find(m_products, gtin14);
}

std::optional<CachedLocation> MemoryFloorData::location(const QString &code) const
{
    return find(m_locations, code);
}

std::optional<CachedOperator> MemoryFloorData::operatorByBadge(const QString &badge) const
{
    return find(m_operators, badge);
}

std::optional<CachedOrder> MemoryFloorData::order(const QString &number) const
{
    return find(m_orders, number);
}

std::optional<CachedOrder> MemoryFloorData::orderByTote(const QString &tote) const
{
    for (const auto &o : m_orders) {
        if (!tote.isEmpty() && o.tote == tote)
            return o;
    }
    return std::nullopt;
}

QList<CachedOrder> MemoryFloorData::ordersEndingWith(const QString &suffix) const
{
    QList<CachedOrder> found;
    for (const auto &o : m_orders) {
        if (!suffix.isEmpty() && o.number.endsWith(suffix))
            found.append(o);
    }
    std::sort(found.begin(), found.end(),
        [](const CachedOrder &a, const CachedOrder &b) { return a.number < b.number; });
    return found;
}

std::optional<PickTask> MemoryFloorData::pickTask(const QString &id) const
{
    for (const auto &t : m_tasks) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

void MemoryFloorData::clear()
{
    m_products.clear();
    m_locations.clear();
    m_operators.clear();
    m_orders.clear();
    m_tasks.clear();
    m_cartons.clear();
}

std::optional<CachedProduct> CacheFloorData::product(const QString &gtin14) const
{
    return m_cache ? m_cache->product(gtin14) : std::nullopt;
}

std::optional<CachedLocation> CacheFloorData::location(const QString &code) const
{
    return m_cache ? m_cache->location(code) : std::nullopt;
}

std::optional<CachedOperator> CacheFloorData::operatorByBadge(const QString &badge) const
{
    return m_cache ? m_cache->operatorByBadge(badge) : std::nullopt;
}

std::optional<CachedOrder> CacheFloorData::order(const QString &number) const
{
    return m_cache ? m_cache->order(number) : std::nullopt;
}

std::optional<CachedOrder> CacheFloorData::orderByTote(const QString &tote) const
{
    return m_cache ? m_cache->orderByTote(tote) : std::nullopt;
}

QList<CachedOrder> CacheFloorData::ordersEndingWith(const QString &suffix) const
{
    return m_cache ? m_cache->ordersEndingWith(suffix) : QList<CachedOrder>();
}

QList<PickTask> CacheFloorData::pickTasks() const
{
    return m_cache ? m_cache->pickTasks() : QList<PickTask>();
}

std::optional<PickTask> CacheFloorData::pickTask(const QString &id) const
{
    return m_cache ? m_cache->pickTask(id) : std::nullopt;
}

QList<CartonType> CacheFloorData::cartonTypes() const
{
    return m_cache ? m_cache->cartonTypes() : QList<CartonType>();
}

} // namespace dockhand
