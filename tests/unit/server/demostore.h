#pragma once

// A ServerStore on a new SQLite file holding the demo warehouse with only its admin (fewer PINs
// to hash; tst_auth covers the roles) and the enrolment code TEST, for the server's unit tests.

#include "serverstore.h"
#include "warehousedata.h"

#include <memory>

namespace dockhand::testing {

struct DemoStore
{
    std::unique_ptr<server::ServerStore> store; // null when opening or seeding failed
    server::WarehouseData::Operator admin;
    QString error; // why store is null
};

inline DemoStore openDemoStore(const QString &path, const QString &connectionName)
{
    DemoStore made;
    server::DatabaseLocation location;
    location.sqlitePath = path;
    auto store = server::ServerStore::open(location, connectionName);
    if (!store) {
        made.error = store.error();
        return made;
    }
    auto demo = server::WarehouseData::demo();
    if (!demo) {
        made.error = demo.error();
        return made;
    }
    demo->operators.removeIf(
        [](const server::WarehouseData::Operator &o) { return o.role != QLatin1String("admin"); });
    if (demo->operators.isEmpty()) {
        made.error = QStringLiteral("the demo warehouse has no admin");
        return made;
    }
    if (auto seeded = store.value()->seedIfEmpty(demo.value()); !seeded || !seeded.value()) {
        made.error = seeded ? QStringLiteral("the database already held warehouse data") : seeded.error();
        return made;
    }
    if (auto added = store.value()->addEnrolmentCode(QStringLiteral("TEST")); !added) {
        made.error = added.error();
        return made;
    }
    made.admin = demo->operators.first();
    made.store = std::move(store.value());
    return made;
}

} // namespace dockhand::testing
