#pragma once

#include "devicecache.h"

#include <QHash>
#include <QList>

#include <optional>

namespace dockhand {

// What the floor workflows read: the offline cache's entities, behind a small interface so the
// workflows never touch SQLite themselves and tests can hand them a few products and orders.
// DeviceCacheFloorData adapts the SQLite DeviceCache; MemoryFloorData holds everything in memory.
class FloorData
{
public:
    virtual ~FloorData() = default;

    virtual std::optional<CachedProduct> product(const QString &gtin14) const = 0;
    virtual std::optional<CachedLocation> location(const QString &code) const = 0;
    virtual std::optional<CachedOperator> operatorByBadge(const QString &badge) const = 0;
    virtual std::optional<CachedOrder> order(const QString &number) const = 0;
    virtual std::optional<CachedOrder> orderByTote(const QString &tote) const = 0;
    // Orders whose number ends with `suffix` (a few at most): for order numbers typed in part.
    virtual QList<CachedOrder> ordersEndingWith(const QString &suffix) const = 0;
    virtual QList<PickTask> pickTasks() const = 0;
    virtual std::optional<PickTask> pickTask(const QString &id) const = 0;
    virtual QList<CartonType> cartonTypes() const = 0;
};

// Everything in memory: for tests, demos and a device whose cache is not open yet.
class MemoryFloorData : public FloorData
{
public:
    std::optional<CachedProduct> product(const QString &gtin14) const override;
    std::optional<CachedLocation> location(const QString &code) const override;
    std::optional<CachedOperator> operatorByBadge(const QString &badge) const override;
    std::optional<CachedOrder> order(const QString &number) const override;
    std::optional<CachedOrder> orderByTote(const QString &tote) const override;
    QList<CachedOrder> ordersEndingWith(const QString &suffix) const override;
    QList<PickTask> pickTasks() const override { return m_tasks; }
    std::optional<PickTask> pickTask(const QString &id) const override;
    QList<CartonType> cartonTypes() const override { return m_cartons; }

    void addProduct(const CachedProduct &p) { m_products.insert(p.gtin, p); }
    void addLocation(const CachedLocation &l) { m_locations.insert(l.code, l); }
    void addOperator(const CachedOperator &o) { m_operators.insert(o.badge, o); }
    void addOrder(const CachedOrder &o) { m_orders.insert(o.number, o); }
    void addTask(const PickTask &t) { m_tasks.append(t); }
    void addCarton(const CartonType &c) { m_cartons.append(c); }
    void clear();

private:
    QHash<QString, CachedProduct> m_products;
    QHash<QString, CachedLocation> m_locations;
    QHash<QString, CachedOperator> m_operators;
    QHash<QString, CachedOrder> m_orders;
    QList<PickTask> m_tasks;
    QList<CartonType> m_cartons;
};

// The device's SQLite cache (DeviceCache) as FloorData. Without a cache (storage not open yet)
// it knows nothing, so the workflows refuse politely instead of crashing.
class CacheFloorData : public FloorData
{
public:
    explicit CacheFloorData(const DeviceCache *cache = nullptr) : m_cache(cache) { }
    void setCache(const DeviceCache *cache) { m_cache = cache; }

    std::optional<CachedProduct> product(const QString &gtin14) const override;
    std::optional<CachedLocation> location(const QString &code) const override;
    std::optional<CachedOperator> operatorByBadge(const QString &badge) const override;
    std::optional<CachedOrder> order(const QString &number) const override;
    std::optional<CachedOrder> orderByTote(const QString &tote) const override;
    QList<CachedOrder> ordersEndingWith(const QString &suffix) const override;
    QList<PickTask> pickTasks() const override;
    std::optional<PickTask> pickTask(const QString &id) const override;
    QList<CartonType> cartonTypes() const override;

private:
    const DeviceCache *m_cache;
};

} // namespace dockhand
