#pragma once

#include "expected.h"

namespace dockhand::server {

class Database;

// The tables, constraints and indexes every rule of the server relies on, created by numbered
// migrations (SQLite: PRAGMA user_version; PostgreSQL: the table dockhand_schema).
constexpr int kSchemaVersion = 4;

// The schema version the database is at; -1 when it cannot be read.
int schemaVersion(Database &db);
// Brings the schema up to kSchemaVersion, one transaction per migration; refuses a database
// written by a newer server. Several servers starting together upgrade it once.
Expected<void> migrate(Database &db);

} // namespace dockhand::server
