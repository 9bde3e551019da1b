// sql::Connection and sql::describeError on real SQLite files: statements prepared once, failures
// worded for the device's or the server's reader, a file that is no database refused clearly.

#include "sqlconnection.h"

#include <QFile>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

class TestSqlConnection : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void preparesEachStatementOnce()
    {
        sql::Connection connection(QStringLiteral("tst-prepare"), sql::Storage::Device);
        QVERIFY(connection.openSqlite(
            m_dir.filePath(QStringLiteral("prepare.db")), {QStringLiteral("PRAGMA journal_mode=WAL")}));
        QVERIFY(connection.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")));
        auto first = connection.prepared(QStringLiteral("INSERT INTO t (v) VALUES (?)"));
        auto again = connection.prepared(QStringLiteral("INSERT INTO t (v) VALUES (?)"));
        QVERIFY(first && again);
        QCOMPARE(first.value(), again.value());
        auto other = connection.prepared(QStringLiteral("SELECT COUNT(*) FROM t"));
        QVERIFY(other);
        QVERIFY(other.value() != first.value());

        QVERIFY(connection.begin());
        for (int v = 0; v < 3; ++v) {
            first.value()->bindValue(0, v);
            QVERIFY(first.value()->exec());
        }
        connection.rollback();
        QVERIFY(connection.begin());
        first.value()->bindValue(0, 7);
        QVERIFY(first.value()->exec());
        QVERIFY(connection.commit());
        QVERIFY(other.value()->exec() && other.value()->next());
        QCOMPARE(other.value()->value(0).toInt(), 1); // the rolled-back rows are gone
        other.value()->finish();
    }

    void aBadStatementSaysWhy()
    {
        sql::Connection connection(QStringLiteral("tst-bad"), sql::Storage::Server);
        QVERIFY(connection.openSqlite(m_dir.filePath(QStringLiteral("bad.db")), {}));
        const auto bad = connection.prepared(QStringLiteral("SELECT v FROM nowhere"));
        QVERIFY(!bad);
        QVERIFY2(bad.error().contains(QLatin1String("nowhere")), qPrintable(bad.error()));
    }

    void aFileThatIsNoDatabaseIsRefused_data()
    {
        QTest::addColumn<int>("storage");
        QTest::newRow("device") << int(sql::Storage::Device);
        QTest::newRow("server") << int(sql::Storage::Server);
    }
    void aFileThatIsNoDatabaseIsRefused()
    {
        QFETCH(int, storage);
        const QString path = m_dir.filePath(QStringLiteral("notes-%1.txt").arg(storage));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        sql::Connection connection(QStringLiteral("tst-notadb-%1").arg(storage), sql::Storage(storage));
        const auto opened = connection.openSqlite(path, {QStringLiteral("PRAGMA journal_mode=WAL")});
        QVERIFY(!opened);
        QCOMPARE(opened.error(), QStringLiteral("the file is not an SQLite database"));
    }

    void aReadOnlyDatabaseIsNamedForItsReader()
    {
        const QString path = m_dir.filePath(QStringLiteral("readonly.db"));
        {
            sql::Connection writer(QStringLiteral("tst-ro-make"), sql::Storage::Device);
            QVERIFY(writer.openSqlite(path, {}));
            QVERIFY(writer.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")));
        }
        for (const auto storage : {sql::Storage::Device, sql::Storage::Server}) {
            const QString name = QStringLiteral("tst-ro-%1").arg(int(storage));
            sql::Connection reader(name, storage);
            QSqlDatabase db = reader.add(QStringLiteral("QSQLITE"));
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QVERIFY(db.open());
            const auto written = reader.exec(QStringLiteral("INSERT INTO t (v) VALUES (1)"));
            QVERIFY(!written);
            QCOMPARE(written.error(),
                storage == sql::Storage::Device ? QStringLiteral("the device storage is read-only")
                                                : QStringLiteral("the server's database is read-only"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSqlConnection)
#include "tst_sqlconnection.moc"
