#include "serverstore.h"

#include "seeding/warehouseseed.h"

namespace dockhand::server {

ServerStore::ServerStore(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_changes(*m_db)
    , m_applier(*m_db, m_changes)
    , m_events(*m_db, m_applier)
    , m_orders(*m_db, m_changes)
    , m_tasks(*m_db, m_changes)
    , m_access(*m_db)
    , m_floor(*m_db)
    , m_masterData(*m_db, m_changes)
{ }

ServerStore::~ServerStore() = default;

Expected<std::unique_ptr<ServerStore>> ServerStore::open(
    const DatabaseLocation &location, const QString &connectionName)
{
    auto db = Database::open(location, connectionName);
    if (!db)
        return Error {db.error()};
    std::unique_ptr<ServerStore> store(new ServerStore(std::move(db.value())));
    if (auto migrated = migrate(*store->m_db); !migrated)
        return Error {migrated.error()};
    qCDebug(lcServerStore).noquote() << "database"
                                     << (location.kind == DatabaseLocation::Kind::PostgreSql
                                                ? location.describe()
                                                : location.sqlitePath)
                                     << "at schema version" << kSchemaVersion;
    return store;
}

Expected<bool> ServerStore::seedIfEmpty(const WarehouseData &data)
{
    return dockhand::server::seedIfEmpty(*m_db, m_tasks, m_changes, data);
}

} // namespace dockhand::server
