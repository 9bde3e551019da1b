// The supervisor's review list: real pick and pack workflows write their events into a real queue;
// the list shows the short pick, the damaged item, the goods refused at pick and pack and the
// event the server rejected, and leaves out plain refusals such as a location scanned first.

#include "packworkflow.h"
#include "pickworkflow.h"
#include "reviewmodel.h"
#include "workflowtestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace dockhand;
using namespace dockhand::test;

class TestReviewModel : public QObject
{
    Q_OBJECT

private:
    static QStringList column(const ReviewModel &model, int role)
    {
        QStringList values;
        for (int row = 0; row < model.rowCount(); ++row)
            values.append(model.index(row).data(role).toString());
        return values;
    }

private slots:
    void showsWhatASupervisorReviews()
    {
        QueueFixture f;
        f.scans.setOperator(QStringLiteral("OP-1001"));
        f.data.addTask(
            {QStringLiteral("T-1"), QStringLiteral("open"), QString(), {QStringLiteral("SO-100001")},
                {{QStringLiteral("SO-100001"), 1, kGtinA, QStringLiteral("A-01-01"), 10, 3}}});
        f.data.addOrder({QStringLiteral("SO-100002"), QStringLiteral("Ada"), QStringLiteral("picked"),
            QStringLiteral("TOTE-0002"), {{1, kGtinB, QStringLiteral("Red plate"), 1, 1, 0}}});

        ReviewModel model(&f.data);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQueue(f.queue.get());
        model.setActive(true);
        QCOMPARE(model.rowCount(), 0);

        PickWorkflow pick(&f.scans, &f.data);
        pick.setOperator(QStringLiteral("OP-1001"));
        QVERIFY(pick.startTask(QStringLiteral("T-1")));
        pick.handleScan(f.scan(kGtinA)); // location first: a plain refusal, not an exception
        pick.handleScan(f.scan(QStringLiteral("A-01-01")));
        pick.handleScan(f.scan(kGtinB)); // wrong product
        pick.handleScan(f.scan(kGtinA));
        pick.shortPick(QStringLiteral("not-found")); // 2 of 3 missing

        PackWorkflow pack(&f.scans, &f.data);
        pack.handleScan(f.scan(QStringLiteral("TOTE-0002")));
        pack.handleScan(f.scan(kGtinStranger)); // not in this order
        pack.flagDamage(1, QStringLiteral("packaging"));

        // The queue changed while the list was open: it reads again.
        model.queueChanged();
        QCOMPARE(column(model, ReviewModel::CategoryRole),
            (QStringList {QStringLiteral("damage"), QStringLiteral("refused"), QStringLiteral("short"),
                QStringLiteral("refused")}));
        QCOMPARE(
            model.index(0).data(ReviewModel::TitleRole).toString(), QStringLiteral("Set aside: Red plate"));
        QCOMPARE(
            model.index(0).data(ReviewModel::ReasonRole).toString(), QStringLiteral("packaging damaged"));
        QCOMPARE(model.index(0).data(ReviewModel::DetailRole).toString(),
            QStringLiteral("Order SO-100002 line 1"));
        QCOMPARE(model.index(1).data(ReviewModel::TitleRole).toString(), QStringLiteral("At packing"));
        QVERIFY(model.index(1)
                    .data(ReviewModel::ReasonRole)
                    .toString()
                    .startsWith(QStringLiteral("NOT IN THIS ORDER")));
        QCOMPARE(
            model.index(2).data(ReviewModel::TitleRole).toString(), QStringLiteral("Short 2 × Blue mug"));
        QCOMPARE(model.index(2).data(ReviewModel::ReasonRole).toString(), QStringLiteral("not found"));
        QCOMPARE(model.index(2).data(ReviewModel::DetailRole).toString(),
            QStringLiteral("Order SO-100001 line 1 · at A-01-01 · task T-1"));
        QCOMPARE(model.index(2).data(ReviewModel::OperatorRole).toString(), QStringLiteral("OP-1001"));
        QCOMPARE(model.index(2).data(ReviewModel::SyncStateRole).toString(), QStringLiteral("pending"));
        QCOMPARE(model.index(3).data(ReviewModel::TitleRole).toString(), QStringLiteral("At picking"));
        QVERIFY(
            model.index(3).data(ReviewModel::ReasonRole).toString().contains(QStringLiteral("Red plate")));

        // The server rejects the short pick (say, the order was cancelled meanwhile): it shows as such.
        const auto latest = f.queue->latest(20).value();
        QUuid shortId;
        for (const auto &q : latest) {
            if (q.event.fields.value(QStringLiteral("action")).toString() == QLatin1String("short"))
                shortId = q.event.id;
        }
        QVERIFY(!shortId.isNull());
        QVERIFY(f.queue
                    ->applyAcks({{shortId, protocol::AckStatus::Rejected,
                        QStringLiteral("order SO-100001 is cancelled")}})
                    .ok());
        model.queueChanged();
        QCOMPARE(model.index(2).data(ReviewModel::CategoryRole).toString(), QStringLiteral("rejected"));
        QCOMPARE(model.index(2).data(ReviewModel::ReasonRole).toString(),
            QStringLiteral("order SO-100001 is cancelled"));
        QCOMPARE(model.index(2).data(ReviewModel::SyncStateRole).toString(), QStringLiteral("rejected"));

        // Filters and their counts.
        const QVariantMap counts = model.counts();
        QCOMPARE(counts.value(QStringLiteral("all")).toInt(), 4);
        QCOMPARE(counts.value(QStringLiteral("refused")).toInt(), 2);
        QCOMPARE(counts.value(QStringLiteral("rejected")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("short")).toInt(), 0);
        model.setFilter(QStringLiteral("refused"));
        QCOMPARE(model.rowCount(), 2);
        model.setFilter(QStringLiteral("damage"));
        QCOMPARE(model.rowCount(), 1);
        model.setFilter(QString());
        QCOMPARE(model.rowCount(), 4);
    }

    void plainRefusalsDoNotCrowdOutExceptions()
    {
        // The list holds the newest `capacity` exceptions; plain refusals after them (products
        // scanned once the batch is done) must not push them out.
        QueueFixture f;
        f.scans.setOperator(QStringLiteral("OP-1001"));
        f.data.addTask(
            {QStringLiteral("T-1"), QStringLiteral("open"), QString(), {QStringLiteral("SO-100001")},
                {{QStringLiteral("SO-100001"), 1, kGtinA, QStringLiteral("A-01-01"), 10, 3}}});
        ReviewModel model(&f.data, 2);
        model.setQueue(f.queue.get());
        model.setActive(true);
        PickWorkflow pick(&f.scans, &f.data);
        pick.setOperator(QStringLiteral("OP-1001"));
        QVERIFY(pick.startTask(QStringLiteral("T-1")));
        pick.handleScan(f.scan(QStringLiteral("A-01-01")));
        pick.shortPick(QStringLiteral("not-found"));
        QCOMPARE(pick.state(), PickWorkflow::State::Summary);
        for (int i = 0; i < 5; ++i)
            pick.handleScan(f.scan(kGtinA)); // "batch T-1 is done"
        model.queueChanged();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.counts().value(QStringLiteral("short")).toInt(), 1);
    }

    void closedListReadsOnOpening()
    {
        QueueFixture f;
        f.scans.setOperator(QStringLiteral("OP-1002"));
        f.data.addOrder({QStringLiteral("SO-100002"), QStringLiteral("Ada"), QStringLiteral("picked"),
            QStringLiteral("TOTE-0002"), {{1, kGtinB, QStringLiteral("Red plate"), 1, 1, 0}}});
        ReviewModel model(&f.data);
        model.setQueue(f.queue.get());
        PackWorkflow pack(&f.scans, &f.data);
        pack.handleScan(f.scan(QStringLiteral("TOTE-0002")));
        pack.handleScan(f.scan(kGtinA));
        model.queueChanged();
        QCOMPARE(model.rowCount(), 0); // not open: nothing read yet
        QSignalSpy counted(&model, &ReviewModel::countChanged);
        model.setActive(true);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(counted.size(), 1);
        // Without storage the list is empty, not broken.
        model.setQueue(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReviewModel)
#include "tst_reviewmodel.moc"
