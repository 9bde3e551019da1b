#pragma once

#include "cartoninfo.h"
#include "packlinemodel.h"
#include "workflow.h"

#include <QVariantList>

namespace dockhand {

// Packing at the pack station: scan a tote or order, verify every item by scanning it, choose a
// carton, weigh it (keypad or scale) and close it; orders may take several cartons. Refusals are
// loud and say what to do, because this check is what the customer relies on. Events: step
// "pack", actions open-order, verify-item, close-carton, damage (docs/protocol.md).
class PackWorkflow : public dockhand::Workflow
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(dockhand::PackLineModel *lines READ lines CONSTANT) // the order's lines
    Q_PROPERTY(QString order READ order NOTIFY stateChanged) // "SO-100001", empty when idle
    Q_PROPERTY(QString customer READ customer NOTIFY stateChanged)
    Q_PROPERTY(QString tote READ tote NOTIFY stateChanged)
    // Carton types to choose from: [{code, name, lengthMm, widthMm, heightMm, tareKg}].
    Q_PROPERTY(QVariantList cartonTypes READ cartonTypes NOTIFY stateChanged)
    Q_PROPERTY(QString cartonType READ cartonType NOTIFY cartonChanged) // chosen for the open carton
    Q_PROPERTY(double weightKg READ weightKg NOTIFY cartonChanged) // 0 until weighed
    Q_PROPERTY(int cartonIndex READ cartonIndex NOTIFY cartonChanged) // 1 for the first carton
    Q_PROPERTY(int unitsInCarton READ unitsInCarton NOTIFY cartonChanged) // verified, not yet closed
    Q_PROPERTY(int cartonsClosed READ cartonsClosed NOTIFY cartonChanged)
    // Reason codes for flagDamage(): damaged, packaging, wrong-item.
    Q_PROPERTY(QStringList damageReasons READ damageReasons CONSTANT)
public:
    enum class State {
        ScanOrder, // scan a tote or an order number to open its order
        ScanItems, // scan each item; the matching line counts up
        ChooseCarton, // the items to ship are verified: choose a carton type (tap or scan its label)
        Weigh, // keypad or scale weight; then Close (or scan the carton label again)
        OrderPacked, // every unit of the order is in a closed carton
    };
    Q_ENUM(State)

    PackWorkflow(ScanRecorder *recorder, const FloorData *data, QObject *parent = nullptr);

    State state() const { return m_state; }
    PackLineModel *lines() { return &m_lines; }
    QString order() const { return m_order.number; }
    QString customer() const { return m_order.customer; }
    QString tote() const { return m_order.tote; }
    QVariantList cartonTypes() const;
    QString cartonType() const { return m_cartonType; }
    double weightKg() const { return m_weightKg; }
    int cartonIndex() const { return m_cartonsClosed + 1; }
    int unitsInCarton() const;
    int cartonsClosed() const { return m_cartonsClosed; }
    static QStringList damageReasons();

    void handleScan(const Scan &scan) override;
    void retranslate() override { updatePrompt(); }
    // Opens an order by number (keypad), as if its label was scanned. Digits alone are enough
    // when they end exactly one order number on the device ("100001" opens SO-100001).
    Q_INVOKABLE void openOrder(const QString &number);
    // Closes a carton with what is verified so far (multi-carton orders): to ChooseCarton.
    Q_INVOKABLE void packPartial();
    // Picks the carton type (ChooseCarton) and goes on to Weigh.
    Q_INVOKABLE void chooseCarton(const QString &code);
    // Keypad weight in kg (Weigh); a stable scale reading arrives through scaleReading().
    Q_INVOKABLE void enterWeight(double kg);
    // Closes the carton (Weigh, with a weight): close-carton event, then cartonClosed().
    Q_INVOKABLE void closeCarton();
    // Back from ChooseCarton / Weigh to scanning items (nothing is lost).
    Q_INVOKABLE void backToItems();
    // Sets one unit of the line aside as damaged, with a reason from damageReasons.
    Q_INVOKABLE void flagDamage(int line, const QString &reason);
    // Leaves the order (OrderPacked, or nothing verified in the open carton): back to ScanOrder.
    Q_INVOKABLE void finish();

    // Drops the open order without events (the operator changed; what was recorded stays).
    void reset();
    // A stable reading from the scale, in kg; used in Weigh (ignored elsewhere).
    void scaleReading(double kg);

signals:
    void stateChanged();
    void cartonChanged();
    // The carton is closed and its event committed: labeling takes it from here.
    void cartonClosed(const dockhand::CartonInfo &carton);

private:
    void setState(State state);
    void updatePrompt();
    void open(const CachedOrder &order, const Scan *scan);
    void onItem(const Scan &scan);
    // A carton-type label scanned while choosing or weighing; false when the scan is not one.
    bool onCartonLabel(const Scan &scan);
    // Closes the carton; `scan` is the carton label that closed it, or null for the button.
    void closeCarton(const Scan *scan);
    int rowOf(const QString &gtin) const;
    bool allVerified() const;

    State m_state = State::ScanOrder;
    PackLineModel m_lines;
    CachedOrder m_order;
    QString m_cartonType;
    double m_weightKg = 0;
    int m_cartonsClosed = 0;
    // Units this station packed per order and line: the cache only learns them at the next sync,
    // and an order scanned again before that must not be packed twice.
    QHash<QString, QHash<int, int>> m_packedHere;
};

} // namespace dockhand
