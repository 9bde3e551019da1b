#pragma once

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

struct CachedProduct
{
    QString gtin; // 14 digits
    QString sku;
    QString name;
    bool lotTracked = false;
    bool expiryTracked = false;
    bool serialTracked = false;
};

struct CachedLocation
{
    QString code; // "A-01-02"
    QString zone;
    int walkSequence = 0;
};

struct CachedOperator
{
    QString badge; // "OP-1001"
    QString name;
    QString role; // picker / packer / supervisor / admin
    QString pinHash; // "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>", verified on the device offline
};

struct CachedOrderLine
{
    int line = 0;
    QString gtin;
    QString name;
    int ordered = 0;
    int picked = 0;
    int packed = 0;
};

struct CachedOrder
{
    QString number; // "SO-100001"
    QString customer;
    QString status; // received / processing / picked / packed / labeled / shipped / cancelled ...
    QString tote; // the tote the order was picked into, when known
    QList<CachedOrderLine> lines;
};

// One line of a pick task: take `quantity` of `gtin` from `location` for `order`'s line `line`.
struct PickLine
{
    QString order;
    int line = 0;
    QString gtin;
    QString location;
    int walkSequence = 0;
    int quantity = 0;
};

// A pick batch (wave) of one or more orders, assigned to an operator or device.
struct PickTask
{
    QString id; // "WAVE-0001"
    QString status; // open / in-progress / done
    QString assignee; // operator badge or device id; empty = anyone
    QStringList orders;
    QList<PickLine> lines; // in walk sequence
};

struct CartonType
{
    QString code; // "BOX-M"
    QString name;
    int lengthMm = 0;
    int widthMm = 0;
    int heightMm = 0;
    double tareKg = 0;
};

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
