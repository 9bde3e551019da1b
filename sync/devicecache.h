#pragma once

#include "download.h"
#include "expected.h"
#include "localstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace dockhand {

// What the floor needs to work offline, downloaded from the server by cursor (GET /v1/sync) and
// kept in the device's SQLite store. The workflows read it; only the sync engine writes it, and
// it stores each page of changes together with the new cursor in one transaction, so a crash
// never skips or repeats a change.

// The cache keeps the protocol's snapshots (sync/protocol/download.h), under the names the
// floor code reads them by.
using CachedProduct = protocol::Product;
using CachedLocation = protocol::Location;
using CachedOperator = protocol::Operator;
using CachedOrderLine = protocol::OrderLine;
using CachedOrder = protocol::Order;
using PickLine = protocol::TaskLine; // take `quantity` of `gtin` from `location` for an order line
using PickTask = protocol::Task; // a pick batch (wave) of one or more orders
using CartonType = protocol::Carton;

class DeviceCache
{
public:
    explicit DeviceCache(LocalStore *store);

    // Applies one page of GET /v1/sync changes and stores `cursor`, in one transaction.
    Expected<void> applyChanges(const QJsonArray &changes, const QString &cursor);
    QString cursor() const;

    std::optional<CachedProduct> product(const QString &gtin14) const;
    std::optional<CachedLocation> location(const QString &code) const;
    std::optional<CachedOperator> operatorByBadge(const QString &badge) const;
    QList<CachedOperator> operators() const;
    std::optional<CachedOrder> order(const QString &number) const;
    std::optional<CachedOrder> orderByTote(const QString &tote) const;
    // Orders whose number ends with `suffix` (at most 20), for order numbers typed in part.
    QList<CachedOrder> ordersEndingWith(const QString &suffix) const;
    QList<PickTask> pickTasks() const;
    std::optional<PickTask> pickTask(const QString &id) const;
    QList<CartonType> cartonTypes() const;
    QJsonObject config() const; // the site's device config (classifier patterns, scale format ...)

private:
    std::optional<QJsonObject> entity(const QString &type, const QString &key) const;
    QList<QJsonObject> entities(const QString &type) const;

    LocalStore *m_store;
};

} // namespace dockhand
