// Master-data import benchmark: a site's whole catalogue loaded through the import
// (parseMasterData + MasterDataStore: upsert by key, change-log entry per record, one
// transaction per file) next to plain INSERTs of the same rows into an empty database of the
// same kind, in the same run — 100,000 products, 20,000 locations and 100,000 stock rows by
// default. On an SQLite file, then on a private PostgreSQL cluster (skipped, with a message, when
// one cannot be started). Also: the same files imported again (every record unchanged), and a
// dry run of the products.
//
// Usage: bench_import [products=100000] [locations=20000]
// (or DOCKHAND_BENCH_PRODUCTS, DOCKHAND_BENCH_LOCATIONS).

#include "masterdata/masterdata.h"
#include "masterdata/masterdatastore.h"
#include "pgcluster.h"
#include "serverstore.h"
#include "storage/batch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>

using namespace dockhand;
using namespace dockhand::server;

namespace {

QTextStream out(stdout);

int setting(int argc, char **argv, int index, const char *env, int fallback)
{
    if (argc > index)
        return QByteArray(argv[index]).toInt();
    const QByteArray fromEnv = qgetenv(env);
    return fromEnv.isEmpty() ? fallback : fromEnv.toInt();
}

// A valid GTIN-13 for `n`: 12 digits of n, then the GS1 check digit.
QByteArray gtin13(int n)
{
    const QByteArray body = QByteArray::number(400000000000LL + n).rightJustified(12, '0');
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (body.at(11 - i) - '0') * (i % 2 == 0 ? 3 : 1);
    return body + QByteArray::number((10 - sum % 10) % 10);
}

QByteArray locationCode(int n)
{
    return QByteArray("L-") + QByteArray::number(n).rightJustified(6, '0');
}

struct Files
{
    QByteArray products;
    QByteArray locations;
    QByteArray stock;
};

Files makeFiles(int products, int locations)
{
    Files f;
    f.products = "gtin;sku;name;lotTracked;unitWeightKg;lengthMm;widthMm;heightMm\n";
    for (int i = 0; i < products; ++i)
        f.products += gtin13(i) + ";SKU-" + QByteArray::number(i) + ";\"Product " + QByteArray::number(i)
            + ", boxed\";no;0," + QByteArray::number(i % 900 + 100) + ";120;80;40\n";
    f.locations = "code,zone,walkSequence,checkDigits\n";
    for (int i = 0; i < locations; ++i)
        f.locations += locationCode(i) + ',' + char('A' + i % 8) + ',' + QByteArray::number(i * 10) + ','
            + QByteArray::number(i % 100).rightJustified(2, '0') + '\n';
    f.stock = "location,gtin,quantity\n";
    for (int i = 0; i < products; ++i)
        f.stock
            += locationCode(i % locations) + ',' + gtin13(i) + ',' + QByteArray::number(i % 50 + 1) + '\n';
    return f;
}

struct Timed
{
    double seconds = 0;
    QString error;
};

Timed importFile(
    ServerStore &store, MasterDataKind kind, const QByteArray &body, bool dryRun, ImportReport *report)
{
    QElapsedTimer timer;
    timer.start();
    const MasterDataFile file = parseMasterData(kind, body, TableFormat::Csv);
    auto done = store.masterDataStore().import(file, dryRun, QStringLiteral("bench"));
    Timed t {timer.nsecsElapsed() / 1e9, {}};
    if (!done)
        t.error = done.error();
    else if (!done->ok())
        t.error
            = QStringLiteral("row %1: %2").arg(done->errors.first().row).arg(done->errors.first().message);
    else if (report)
        *report = done.value();
    return t;
}

// The baseline: the same rows as plain multi-row INSERTs (64 rows per statement, as the import
// writes) in one transaction per table, with no parsing, checks, upsert or change log: what the
// database itself costs.
Timed rawInserts(ServerStore &store, int products, int locations)
{
    Database &db = store.database();
    QElapsedTimer timer;
    timer.start();
    // One table per transaction, as the import does.
    auto table
        = [&db](const QString &head, int columns, int rows, const std::function<QVariantList(int)> &row) {
              if (auto began = db.begin(); !began)
                  return began.error();
              BatchInsert insert(db, head, QString(), columns);
              for (int i = 0; i < rows; ++i)
                  if (auto added = insert.add(row(i)); !added) {
                      db.rollback();
                      return added.error();
                  }
              if (auto done = insert.finish(); !done) {
                  db.rollback();
                  return done.error();
              }
              auto committed = db.commit();
              return committed ? QString() : committed.error();
          };
    QString error = table(QStringLiteral("INSERT INTO products (gtin, sku, name, unit_weight_kg, length_mm, "
                                         "width_mm, height_mm)"),
        7, products, [](int i) {
            return QVariantList {QString::fromLatin1("0" + gtin13(i)), QStringLiteral("SKU-%1").arg(i),
                QStringLiteral("Product %1, boxed").arg(i), (i % 900 + 100) / 1000.0, 120, 80, 40};
        });
    if (error.isEmpty())
        error = table(QStringLiteral("INSERT INTO locations (code, zone, walk_sequence, check_digits)"), 4,
            locations, [](int i) {
                return QVariantList {QString::fromLatin1(locationCode(i)), QString(QChar(u'A' + i % 8)),
                    i * 10, QString::number(i % 100).rightJustified(2, u'0')};
            });
    if (error.isEmpty())
        error = table(QStringLiteral("INSERT INTO stock (location_id, product_id, quantity)"), 3, products,
            [locations](int i) {
                return QVariantList {i % locations + 1, i + 1, i % 50 + 1};
            });
    return Timed {timer.nsecsElapsed() / 1e9, error};
}

bool run(const QString &name, const DatabaseLocation &importDb, const DatabaseLocation &rawDb,
    const Files &files, int products, int locations)
{
    auto store = ServerStore::open(importDb, QStringLiteral("bench-import"));
    auto raw = ServerStore::open(rawDb, QStringLiteral("bench-raw"));
    if (!store || !raw) {
        out << "bench_import: " << name << ": " << (store ? raw.error() : store.error()) << "\n";
        return false;
    }
    const Timed baseline = rawInserts(*raw.value(), products, locations);
    if (!baseline.error.isEmpty()) {
        out << "bench_import: " << name << ": raw inserts failed: " << baseline.error << "\n";
        return false;
    }
    ImportReport report;
    const Timed dry = importFile(*store.value(), MasterDataKind::Products, files.products, true, &report);
    const Timed p = importFile(*store.value(), MasterDataKind::Products, files.products, false, &report);
    const Timed l = importFile(*store.value(), MasterDataKind::Locations, files.locations, false, &report);
    const Timed s = importFile(*store.value(), MasterDataKind::Stock, files.stock, false, &report);
    for (const Timed *t : {&dry, &p, &l, &s})
        if (!t->error.isEmpty()) {
            out << "bench_import: " << name << ": import failed: " << t->error << "\n";
            return false;
        }
    const Timed again = importFile(*store.value(), MasterDataKind::Products, files.products, false, &report);
    if (!again.error.isEmpty() || report.unchanged != products) {
        out << "bench_import: " << name << ": the second import did not find every product unchanged\n";
        return false;
    }
    const double total = p.seconds + l.seconds + s.seconds;
    const int rows = 2 * products + locations;
    out << QStringLiteral("bench_import [%1]: %2 products + %3 locations + %4 stock rows\n")
               .arg(name)
               .arg(products)
               .arg(locations)
               .arg(products);
    out << QStringLiteral("  import (parse, check, upsert, change log):  %1 s  (%2 rows/s)   products %3 s, "
                          "locations %4 s, stock %5 s\n")
               .arg(total, 0, 'f', 2)
               .arg(rows / total, 0, 'f', 0)
               .arg(p.seconds, 0, 'f', 2)
               .arg(l.seconds, 0, 'f', 2)
               .arg(s.seconds, 0, 'f', 2);
    out << QStringLiteral(
        "  baseline: raw INSERTs of the same rows:      %1 s  (%2 rows/s)   import / raw = %3x\n")
               .arg(baseline.seconds, 0, 'f', 2)
               .arg(rows / baseline.seconds, 0, 'f', 0)
               .arg(total / baseline.seconds, 0, 'f', 2);
    out << QStringLiteral("  products dry run: %1 s; products again, all unchanged: %2 s\n")
               .arg(dry.seconds, 0, 'f', 2)
               .arg(again.seconds, 0, 'f', 2);
    out.flush();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qputenv("QT_LOGGING_RULES", "*.debug=false\n*.info=false");
    const int products = qMax(1, setting(argc, argv, 1, "DOCKHAND_BENCH_PRODUCTS", 100000));
    const int locations = qMax(1, setting(argc, argv, 2, "DOCKHAND_BENCH_LOCATIONS", 20000));
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    QElapsedTimer timer;
    timer.start();
    const Files files = makeFiles(products, locations);
    out << QStringLiteral("bench_import: files made in %1 s (%2 MB of CSV)\n")
               .arg(timer.nsecsElapsed() / 1e9, 0, 'f', 2)
               .arg((files.products.size() + files.locations.size() + files.stock.size()) / 1e6, 0, 'f', 1);

    DatabaseLocation sqliteImport, sqliteRaw;
    sqliteImport.sqlitePath = dir.filePath(QStringLiteral("import.db"));
    sqliteRaw.sqlitePath = dir.filePath(QStringLiteral("raw.db"));
    if (!run(QStringLiteral("SQLite"), sqliteImport, sqliteRaw, files, products, locations))
        return 1;

    testing::PgCluster cluster;
    QString why;
    if (!cluster.start(dir.path(), &why)) {
        out << "bench_import [PostgreSQL]: skipped: PostgreSQL cannot be started (" << why << ")\n";
        return 0;
    }
    {
        QSqlDatabase admin
            = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
        admin.setHostName(QStringLiteral("127.0.0.1"));
        admin.setPort(cluster.port());
        admin.setUserName(QStringLiteral("postgres"));
        admin.setDatabaseName(QStringLiteral("postgres"));
        QSqlQuery q(admin);
        if (!admin.open() || !q.exec(QStringLiteral("CREATE DATABASE raw"))) {
            out << "bench_import [PostgreSQL]: cannot create a database: " << admin.lastError().text()
                << q.lastError().text() << "\n";
            return 1;
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    const auto pgImport = DatabaseLocation::parse(cluster.url());
    const auto pgRaw = DatabaseLocation::parse(cluster.url(QStringLiteral("raw")));
    if (!pgImport || !pgRaw)
        return 1;
    const bool ok
        = run(QStringLiteral("PostgreSQL"), pgImport.value(), pgRaw.value(), files, products, locations);
    cluster.stop();
    return ok ? 0 : 1;
}
