#pragma once

#include "actions.h"

#include <QList>
#include <QString>

#include <optional>

// The order rules events are applied by, as plain functions over plain values: which actions
// change orders, which statuses still take picks or packing, and when the lines of an order
// make it picked or packed. The event applier (eventapply.cpp) reads the values from the
// database, asks these functions, and writes what they decide with conditional updates.
namespace dockhand::server::orderrules {

// The actions whose events change orders (pick, short, bind-tote, close-carton, damage); the
// events of any other action, or of none, are only stored.
bool isAppliedAction(std::optional<protocol::Action> action);

// pick, short and bind-tote belong to picking; close-carton to packing; damage to neither.
bool isPickStep(protocol::Action action);

// Why an event with `action` may not apply to order `number` at `status`; empty when it may.
// A cancelled order takes nothing; picking is over once the order is packed, packing once it
// is labeled (by the statuses' rank, protocol/orderstatus.h); damage is recorded at any status
// but cancelled.
QString statusRefusal(protocol::Action action, const QString &number, const QString &status);

// The counts of one order line.
struct LineProgress
{
    qint64 ordered = 0;
    qint64 picked = 0;
    qint64 packed = 0;
    qint64 shorted = 0;
};

// A line is done with picking when all of it was picked or it was shorted.
bool linePicked(const LineProgress &line);
// The order moves from processing to picked when every line is done with picking.
bool pickingDone(const QList<LineProgress> &lines);
// The order moves from picked to packed when the picking is done and every picked unit is in a
// carton.
bool packingDone(const QList<LineProgress> &lines);

// Units a short event marks as missing on its line: its quantity, at least 1.
qint64 shortedUnits(qint64 quantity);

// The reason an exception is recorded with: the event's own (at most 200 characters), or
// `fallback` when it gives none.
QString exceptionReason(const QString &reason, const QString &fallback);

} // namespace dockhand::server::orderrules
