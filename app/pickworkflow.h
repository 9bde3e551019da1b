#pragma once

#include "actions.h"

#include "picklinemodel.h"
#include "picktaskmodel.h"
#include "workflow.h"

#include <QDateTime>
#include <QSet>

namespace dockhand {

// Picking on the handheld, scan by scan: choose a task, bind each order of a batch to a tote,
// then walk the lines (location, product, quantity, tote). Every accepted or refused scan and
// every exception is an event (step "pick", fields.action as in docs/protocol.md). Works from
// the offline cache only.
class PickWorkflow : public dockhand::Workflow
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(dockhand::PickTaskModel *tasks READ tasks CONSTANT) // tasks this picker may start
    Q_PROPERTY(dockhand::PickLineModel *lines READ lines CONSTANT) // the batch's lines, walk order
    Q_PROPERTY(QString taskId READ taskId NOTIFY stateChanged) // the batch being picked
    Q_PROPERTY(bool batch READ batch NOTIFY stateChanged) // several orders, one tote each
    // The order waiting for its tote while binding (state BindTotes).
    Q_PROPERTY(QString bindingOrder READ bindingOrder NOTIFY stateChanged)
    // The current line, for the big display (empty strings / 0 when there is none).
    Q_PROPERTY(QString currentOrder READ currentOrder NOTIFY currentChanged)
    Q_PROPERTY(QString currentLocation READ currentLocation NOTIFY currentChanged)
    Q_PROPERTY(QString currentGtin READ currentGtin NOTIFY currentChanged)
    Q_PROPERTY(QString currentProductName READ currentProductName NOTIFY currentChanged)
    Q_PROPERTY(int currentQuantity READ currentQuantity NOTIFY currentChanged)
    Q_PROPERTY(int currentPicked READ currentPicked NOTIFY currentChanged)
    Q_PROPERTY(QString currentTote READ currentTote NOTIFY currentChanged)
    // What the product still needs before it counts (state ScanDetails): "lot", "expiry", "serial".
    Q_PROPERTY(QStringList missingDetails READ missingDetails NOTIFY currentChanged)
    // Reason codes for shortPick(): not-found, damaged, insufficient, wrong-item.
    Q_PROPERTY(QStringList shortReasons READ shortReasons CONSTANT)
    // End of batch (state Summary).
    Q_PROPERTY(int linesPicked READ linesPicked NOTIFY stateChanged)
    Q_PROPERTY(int linesShort READ linesShort NOTIFY stateChanged)
    Q_PROPERTY(int elapsedSeconds READ elapsedSeconds NOTIFY stateChanged)
    // Totes to hand to packing: [{tote, order}].
    Q_PROPERTY(QVariantList totes READ totes NOTIFY stateChanged)
public:
    enum class State {
        NoTask, // choose a task from the list (or nobody logged in)
        BindTotes, // batch picking: scan a tote label for each order in turn
        ScanLocation, // go to the line's location and scan its label
        ScanProduct, // scan the product (the first unit of the line)
        ScanDetails, // the product needs a lot / expiry / serial the scan did not carry
        ScanQuantity, // keep scanning units (or type the quantity) until the line is complete
        ScanTote, // batch picking: scan the tote the line's units went into
        Summary, // the batch is done: lines picked and short, totes for packing
    };
    Q_ENUM(State)

    PickWorkflow(ScanRecorder *recorder, const FloorData *data, QObject *parent = nullptr);

    State state() const { return m_state; }
    PickTaskModel *tasks() { return &m_tasks; }
    PickLineModel *lines() { return &m_lines; }
    QString taskId() const { return m_task.id; }
    bool batch() const { return m_task.orders.size() > 1; }
    QString bindingOrder() const;
    QString currentOrder() const;
    QString currentLocation() const;
    QString currentGtin() const;
    QString currentProductName() const;
    int currentQuantity() const;
    int currentPicked() const;
    QString currentTote() const;
    QStringList missingDetails() const { return m_missing; }
    static QStringList shortReasons();
    int linesPicked() const;
    int linesShort() const;
    int elapsedSeconds() const;
    QVariantList totes() const;

    // Whose tasks to list (the logged-in badge); empty logs out: back to NoTask, no tasks.
    void setOperator(const QString &badge);
    // Reloads the task list from the cache (after a sync).
    Q_INVOKABLE void refreshTasks();
    // Starts a task from the list; a batch of several orders goes to BindTotes first.
    Q_INVOKABLE bool startTask(const QString &taskId);
    void handleScan(const Scan &scan) override;
    void retranslate() override { updatePrompt(); }
    // Keypad: `quantity` more units of the current product (bulk), in ScanQuantity.
    Q_INVOKABLE void enterQuantity(int quantity);
    // Keypad: the details the product is missing (state ScanDetails); expiry as yyyy-MM-dd.
    Q_INVOKABLE void enterDetails(const QString &lot, const QString &expiry, const QString &serial);
    // Closes the current line short by what is missing, with a reason from shortReasons.
    Q_INVOKABLE void shortPick(const QString &reason);
    // Moves the current line (nothing picked yet) to the end of the walk.
    Q_INVOKABLE void skipLine();
    // Leaves the summary (or abandons a task nothing was picked in): back to the task list.
    Q_INVOKABLE void finish();

    // The clock for the summary's time. For tests.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

signals:
    void stateChanged();
    void currentChanged();
    // The batch is done (state Summary).
    void batchFinished();

private:
    struct PendingUnit // a product scan waiting for its lot / expiry / serial
    {
        QString lot;
        QDate expiry;
        QString serial;
        int count = 1;
    };

    void setState(State state);
    void updatePrompt();
    void onBindTote(const Scan &scan);
    void onLocation(const Scan &scan);
    void onProduct(const Scan &scan);
    void onDetails(const Scan &scan);
    void onTote(const Scan &scan);
    // Records `count` units of the current line; returns false when refused or not saved.
    bool pickUnits(const Scan *scan, int count, const PendingUnit &unit);
    void lineClosed();
    // A task's lines in walk order with what this device already accepted for it replayed onto
    // them (picked, short, skipped, totes): after an app restart mid-batch the picker goes on
    // where they stopped instead of picking the lines again.
    struct Progress
    {
        QList<PickLineItem> items; // product names not filled in
        QHash<QString, QString> toteByOrder;
        QString verifiedLocation;
        QDateTime started; // the task's first event; invalid when nothing was recorded
        int awaitingTote = -1; // the row picked into a batch whose tote scan is missing
        bool done = false; // every line closed and in its tote
    };
    Progress replay(const PickTask &task) const;
    void advance();
    int firstOpenRow() const;
    QJsonObject lineFields(protocol::Action action) const;
    QStringList missingFor(const PendingUnit &unit) const;
    QString toteOf(const QString &order) const;

    State m_state = State::NoTask;
    QString m_operator;
    PickTaskModel m_tasks;
    PickLineModel m_lines;
    PickTask m_task;
    QHash<QString, QString> m_toteByOrder;
    int m_bindIndex = 0;
    QString m_verifiedLocation; // the location scanned last: lines at the same place skip it
    PendingUnit m_pending;
    QStringList m_missing;
    QDateTime m_started;
    QDateTime m_finished;
    std::function<QDateTime()> m_clock;
    // Tasks finished on this device: hidden until the cache says so too (next sync), so a batch
    // is never picked twice.
    QSet<QString> m_finishedHere;
};

} // namespace dockhand
