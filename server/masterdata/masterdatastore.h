#pragma once

#include "expected.h"
#include "masterdata/masterdata.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace dockhand::server {

class ChangeLog;
class Database;

// What one import did, or would do (a dry run): records created, changed and found as they
// already were, and every refused row with its reason. With any refused row nothing changed.
struct ImportReport
{
    MasterDataKind kind = MasterDataKind::Products;
    bool dryRun = false;
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    QList<RowError> errors;
    // Stock: the backordered orders this stock let go (fully reserved now), oldest first.
    QStringList backordersReleased = {};

    bool ok() const { return errors.isEmpty(); }
};

// The import of one master-data file into the database: every record upserted by its key in one
// transaction (all or nothing), each created or changed entity appended to the change log the
// devices download, and the import recorded with who made it (master_data_imports). What only
// the database can tell is checked here: a stock row's location and product, a lot given for a
// product that is not lot-tracked (or missing for one that is), a SKU another product holds, an
// import that would leave the site without an administrator.
class MasterDataStore
{
public:
    MasterDataStore(Database &db, ChangeLog &changes) : m_db(db), m_changes(changes) { }

    // Commits when every row is good and `dryRun` is false; otherwise rolls back, so a dry run
    // reports exactly what the import would do and changes nothing. Rows `file` holds errors for
    // are refused with those errors, and the other rows are still checked against the database.
    Expected<ImportReport> import(const MasterDataFile &file, bool dryRun, const QString &actor);
    // The same inside the caller's transaction (the demo data set loads several kinds in one);
    // `pinHashes` from hashPins(file), made before the transaction.
    Expected<ImportReport> importInTransaction(
        const MasterDataFile &file, const QString &actor, const QStringList &pinHashes);
    // The hash of each operator record's PIN (empty where none is given), on all cores: the
    // hash is slow on purpose and must not hold the write lock.
    static QStringList hashPins(const MasterDataFile &file);

private:
    Expected<void> importProducts(const MasterDataFile &file, ImportReport &report, const QString &now);
    Expected<void> importLocations(const MasterDataFile &file, ImportReport &report, const QString &now);
    Expected<void> importStock(const MasterDataFile &file, ImportReport &report);
    Expected<void> importOperators(
        const MasterDataFile &file, ImportReport &report, const QString &now, const QStringList &pinHashes);
    Expected<void> importCartons(const MasterDataFile &file, ImportReport &report, const QString &now);
    Expected<void> importTotes(const MasterDataFile &file, ImportReport &report);

    // Whether the record at `index` of `file` was refused by the parser (and is left out).
    bool refused(const MasterDataFile &file, qsizetype index) const
    {
        return m_refusedRows.contains(file.rows.at(index));
    }

    Database &m_db;
    ChangeLog &m_changes;
    QSet<int> m_refusedRows; // of the import being made
};

} // namespace dockhand::server
