#pragma once

#include "expected.h"
#include "warehousedata.h"

namespace dockhand::server {

class ChangeLog;
class Database;
class TaskStore;

// Loads `data` (the demo warehouse or an import) in one transaction if the database holds no
// warehouse data yet (no products, locations, operators or orders): master data, stock,
// operators with their PIN hashes, orders, the pick waves, and the first page of the change log.
// Returns whether it loaded: seeding is idempotent, and runs once when servers start together.
Expected<bool> seedIfEmpty(Database &db, TaskStore &tasks, ChangeLog &changes, const WarehouseData &data);

} // namespace dockhand::server
