#include "pickworkflow.h"

#include "actions.h"
#include "scanrecorder.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace dockhand {

namespace {
const QString kAction = protocol::wireName(protocol::Field::Action);
const QString kTask = protocol::wireName(protocol::Field::Task);
const QString kOrder = protocol::wireName(protocol::Field::Order);
const QString kLine = protocol::wireName(protocol::Field::Line);
const QString kGtin = protocol::wireName(protocol::Field::Gtin);
const QString kLocation = protocol::wireName(protocol::Field::Location);
const QString kQuantity = protocol::wireName(protocol::Field::Quantity);
const QString kTote = protocol::wireName(protocol::Field::Tote);
} // namespace

PickWorkflow::PickWorkflow(ScanRecorder *recorder, const FloorData *data, QObject *parent)
    : Workflow(QStringLiteral("pick"), recorder, data, parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    updatePrompt();
}

QStringList PickWorkflow::shortReasons()
{
    return protocol::shortReasons();
}

QString PickWorkflow::bindingOrder() const
{
    if (m_state != State::BindTotes || m_bindIndex >= m_task.orders.size())
        return {};
    return m_task.orders.at(m_bindIndex);
}

namespace {
const PickLineItem *currentItem(const PickLineModel &model)
{
    const int row = model.currentRow();
    return row >= 0 && row < model.rowCount() ? &model.at(row) : nullptr;
}
} // namespace

QString PickWorkflow::currentOrder() const
{
    const auto *item = currentItem(m_lines);
    return item ? item->line.order : QString();
}

QString PickWorkflow::currentLocation() const
{
    const auto *item = currentItem(m_lines);
    return item ? item->line.location : QString();
}

QString PickWorkflow::currentGtin() const
{
    const auto *item = currentItem(m_lines);
    return item ? item->line.gtin : QString();
}

QString PickWorkflow::currentProductName() const
{
    const auto *item = currentItem(m_lines);
    return item ? item->productName : QString();
}

int PickWorkflow::currentQuantity() const
{
    const auto *item = currentItem(m_lines);
    return item ? item->line.quantity : 0;
}

int PickWorkflow::currentPicked() const
{
    const auto *item = currentItem(m_lines);
    return item ? item->picked : 0;
}

QString PickWorkflow::currentTote() const
{
    const auto *item = currentItem(m_lines);
    return item ? item->tote : QString();
}

int PickWorkflow::linesPicked() const
{
    return int(std::count_if(m_lines.items().begin(), m_lines.items().end(),
        [](const PickLineItem &i) { return i.status == PickLineItem::Status::Picked; }));
}

int PickWorkflow::linesShort() const
{
    return int(std::count_if(m_lines.items().begin(), m_lines.items().end(),
        [](const PickLineItem &i) { return i.status == PickLineItem::Status::Short; }));
}

int PickWorkflow::elapsedSeconds() const
{
    if (!m_started.isValid())
        return 0;
    return int(m_started.secsTo(m_finished.isValid() ? m_finished : m_clock()));
}

QVariantList PickWorkflow::totes() const
{
    QVariantList list;
    for (const QString &order : m_task.orders) {
        const QString tote = m_toteByOrder.value(order);
        if (!tote.isEmpty())
            list.append(QVariantMap {{protocol::wireName(protocol::Field::Tote), tote},
                {protocol::wireName(protocol::Field::Order), order}});
    }
    return list;
}

QString PickWorkflow::toteOf(const QString &order) const
{
    return m_toteByOrder.value(order);
}

void PickWorkflow::setOperator(const QString &badge)
{
    m_operator = badge;
    m_task = {};
    m_toteByOrder.clear();
    m_lines.reset({});
    m_verifiedLocation.clear();
    m_missing.clear();
    m_started = {};
    m_finished = {};
    refreshTasks();
    setState(State::NoTask);
    emit currentChanged();
}

void PickWorkflow::refreshTasks()
{
    QList<PickTask> mine;
    if (!m_operator.isEmpty() && data()) {
        for (const PickTask &task : data()->pickTasks()) {
            if (task.status == QLatin1String("done") || task.lines.isEmpty()
                || m_finishedHere.contains(task.id))
                continue;
            // A supervisor may give a task to an operator (badge) or to this device (its id).
            if (!task.assignee.isEmpty() && task.assignee != m_operator
                && task.assignee != recorder()->deviceId())
                continue;
            if (replay(task).done) { // finished here before the app restarted
                m_finishedHere.insert(task.id);
                continue;
            }
            mine.append(task);
        }
    }
    m_tasks.reset(mine);
    updatePrompt();
}

bool PickWorkflow::startTask(const QString &taskId)
{
    if (m_state != State::NoTask) {
        refuseAction(tr("Finish batch %1 first.").arg(m_task.id));
        return false;
    }
    if (m_operator.isEmpty()) {
        refuseAction(tr("Log in first."));
        return false;
    }
    const auto task = data() ? data()->pickTask(taskId) : std::nullopt;
    if (!task || task->lines.isEmpty() || task->status == QLatin1String("done")
        || m_finishedHere.contains(taskId)) {
        refuseAction(tr("Task %1 is not available on this device: sync and choose again.").arg(taskId));
        return false;
    }
    m_task = *task;
    Progress progress = replay(m_task);
    m_toteByOrder = progress.toteByOrder;
    m_bindIndex = 0;
    while (m_bindIndex < m_task.orders.size() && m_toteByOrder.contains(m_task.orders.at(m_bindIndex)))
        ++m_bindIndex;
    m_verifiedLocation = progress.verifiedLocation;
    m_started = progress.started.isValid() ? progress.started : m_clock();
    m_finished = {};
    // Product names only for the task being picked (replay also runs for every listed task).
    for (PickLineItem &item : progress.items)
        item.productName = productName(item.line.gtin);
    m_lines.reset(progress.items);
    if (batch() && m_bindIndex < m_task.orders.size()) {
        setState(State::BindTotes);
    } else if (progress.awaitingTote >= 0) {
        // Picked before a restart but not yet confirmed into its tote: scan the tote first.
        m_lines.setCurrentRow(progress.awaitingTote);
        setState(State::ScanTote);
        emit currentChanged();
    } else {
        advance();
    }
    return true;
}

PickWorkflow::Progress PickWorkflow::replay(const PickTask &task) const
{
    Progress progress;
    QList<PickLine> lines = task.lines;
    // Walk order: by location sequence, then location, so one location's lines come together.
    std::stable_sort(lines.begin(), lines.end(), [](const PickLine &a, const PickLine &b) {
        return std::tie(a.walkSequence, a.location, a.order, a.line)
            < std::tie(b.walkSequence, b.location, b.order, b.line);
    });
    QList<PickLineItem> &items = progress.items;
    for (const PickLine &line : lines) {
        PickLineItem item;
        item.line = line;
        items.append(item);
    }
    using LineKey = std::pair<QString, int>; // order, line
    const auto rowOf = [&items](const LineKey &key) {
        for (int row = 0; row < items.size(); ++row) {
            if (items.at(row).line.order == key.first && items.at(row).line.line == key.second)
                return row;
        }
        return -1;
    };
    const bool batch = task.orders.size() > 1;
    std::optional<LineKey> awaitingTote; // picked into a batch, its tote scan not recorded yet
    const QList<protocol::ScanEvent> events = acceptedForTask(task.id);
    for (const protocol::ScanEvent &e : events) {
        const QJsonObject &f = e.fields;
        const QString action = f.value(kAction).toString();
        const LineKey key {f.value(kOrder).toString(), f.value(kLine).toInt(-1)};
        if (action == QLatin1String("bind-tote")) {
            if (!f.contains(kLine))
                progress.toteByOrder.insert(key.first, f.value(kTote).toString());
            else if (awaitingTote == key)
                awaitingTote.reset();
            continue;
        }
        if (action == QLatin1String("verify-location")) {
            progress.verifiedLocation = f.value(kLocation).toString();
            continue;
        }
        const int row = rowOf(key);
        if (row < 0)
            continue;
        PickLineItem &item = items[row];
        if (action == QLatin1String("pick")) {
            item.picked
                = std::min(item.line.quantity, item.picked + std::max(1, f.value(kQuantity).toInt(1)));
            if (item.picked >= item.line.quantity) {
                item.status = PickLineItem::Status::Picked;
                if (batch)
                    awaitingTote = key;
            }
        } else if (action == QLatin1String("short")) {
            item.status = PickLineItem::Status::Short;
            item.shortQuantity = f.value(kQuantity).toInt();
            item.shortReason = f.value(protocol::wireName(protocol::Field::Reason)).toString();
            if (batch && item.picked > 0)
                awaitingTote = key;
        } else if (action == QLatin1String("skip")) {
            items.move(row, items.size() - 1);
        }
    }
    for (PickLineItem &item : items)
        item.tote = progress.toteByOrder.value(item.line.order);
    if (!events.isEmpty())
        progress.started = events.first().deviceTime;
    progress.awaitingTote = awaitingTote ? rowOf(*awaitingTote) : -1;
    progress.done = progress.awaitingTote < 0
        && std::none_of(items.cbegin(), items.cend(),
            [](const PickLineItem &i) { return i.status == PickLineItem::Status::Open; });
    return progress;
}

QJsonObject PickWorkflow::lineFields(protocol::Action action) const
{
    QJsonObject f {{kAction, protocol::wireName(action)}, {kTask, m_task.id}};
    if (const auto *item = currentItem(m_lines)) {
        f.insert(kOrder, item->line.order);
        f.insert(kLine, item->line.line);
        f.insert(kGtin, item->line.gtin);
        f.insert(kLocation, item->line.location);
        if (!item->tote.isEmpty())
            f.insert(kTote, item->tote);
    }
    return f;
}

void PickWorkflow::handleScan(const Scan &scan)
{
    switch (m_state) {
    case State::NoTask:
        record(&scan, {}, {{kAction, protocol::wireName(protocol::Action::Pick)}}, false,
            m_operator.isEmpty() ? tr("Log in first.") : tr("Choose a pick task first."));
        return;
    case State::Summary:
        record(&scan, m_task.id, {{kAction, protocol::wireName(protocol::Action::Pick)}, {kTask, m_task.id}},
            false, tr("Batch %1 is done: hand the totes to packing and tap Finish.").arg(m_task.id));
        return;
    case State::BindTotes:
        onBindTote(scan);
        return;
    case State::ScanTote:
        onTote(scan);
        return;
    case State::ScanLocation:
    case State::ScanProduct:
    case State::ScanQuantity:
    case State::ScanDetails:
        break;
    }
    if (!scan.valid) {
        record(&scan, m_task.id,
            lineFields(
                m_state == State::ScanLocation ? protocol::Action::VerifyLocation : protocol::Action::Pick),
            false, scan.error);
        return;
    }
    if (scan.kind == ScanKind::Location) {
        onLocation(scan);
        return;
    }
    if (m_state == State::ScanLocation) {
        QJsonObject f = lineFields(protocol::Action::VerifyLocation);
        record(&scan, m_task.id, f, false,
            tr("Scan the location label %1 first (this was %2).")
                .arg(currentLocation(), ScanRecorder::describe(scan)));
        return;
    }
    if (m_state == State::ScanDetails) {
        onDetails(scan);
        return;
    }
    onProduct(scan);
}

void PickWorkflow::onBindTote(const Scan &scan)
{
    const QString order = bindingOrder();
    QJsonObject f {
        {kAction, protocol::wireName(protocol::Action::BindTote)}, {kTask, m_task.id}, {kOrder, order}};
    if (!scan.valid || scan.kind != ScanKind::Tote) {
        record(&scan, m_task.id, f, false,
            tr("Scan an empty tote label for order %1 (this was %2).")
                .arg(order, scan.valid ? ScanRecorder::describe(scan) : scan.error));
        return;
    }
    const QString tote = scan.code;
    f.insert(kTote, tote);
    for (auto it = m_toteByOrder.constBegin(); it != m_toteByOrder.constEnd(); ++it) {
        if (it.value() == tote) {
            record(&scan, m_task.id, f, false,
                tr("Tote %1 already holds order %2: take another empty tote.").arg(tote, it.key()));
            return;
        }
    }
    if (const auto other = data()->orderByTote(tote); other && !m_task.orders.contains(other->number)
        && (other->status == QLatin1String("processing") || other->status == QLatin1String("picked"))) {
        record(&scan, m_task.id, f, false,
            tr("Tote %1 still holds order %2: take another empty tote.").arg(tote, other->number));
        return;
    }
    if (!record(&scan, m_task.id, f, true, tr("Order %1 goes into tote %2").arg(order, tote)))
        return;
    m_toteByOrder.insert(order, tote);
    QList<PickLineItem> items = m_lines.items();
    for (int row = 0; row < items.size(); ++row) {
        if (items.at(row).line.order == order) {
            PickLineItem item = items.at(row);
            item.tote = tote;
            m_lines.update(row, item);
        }
    }
    ++m_bindIndex;
    if (m_bindIndex < m_task.orders.size()) {
        updatePrompt();
        emit stateChanged();
    } else {
        advance();
    }
}

void PickWorkflow::onLocation(const Scan &scan)
{
    QJsonObject f {{kAction, protocol::wireName(protocol::Action::VerifyLocation)}, {kTask, m_task.id},
        {kLocation, scan.code}};
    const QString expected = currentLocation();
    if (scan.code != expected) {
        f.insert(QStringLiteral("expectedLocation"), expected);
        record(
            &scan, m_task.id, f, false, tr("Wrong location: scanned %1, go to %2.").arg(scan.code, expected));
        return;
    }
    if (!record(&scan, m_task.id, f, true, tr("Location %1: pick %2").arg(expected, currentProductName())))
        return;
    m_verifiedLocation = expected;
    if (m_state == State::ScanLocation)
        setState(currentPicked() > 0 ? State::ScanQuantity : State::ScanProduct);
}

QStringList PickWorkflow::missingFor(const PendingUnit &unit) const
{
    QStringList missing;
    const auto product = data()->product(currentGtin());
    if (!product)
        return missing;
    if (product->lotTracked && unit.lot.isEmpty())
        missing << QStringLiteral("lot");
    if (product->expiryTracked && !unit.expiry.isValid())
        missing << QStringLiteral("expiry");
    if (product->serialTracked && unit.serial.isEmpty())
        missing << QStringLiteral("serial");
    return missing;
}

namespace {
QString missingText(const QStringList &missing)
{
    QStringList words;
    for (const QString &m : missing) {
        if (m == QLatin1String("lot"))
            words << PickWorkflow::tr("lot number");
        else if (m == QLatin1String("expiry"))
            words << PickWorkflow::tr("expiry date");
        else
            words << PickWorkflow::tr("serial number");
    }
    return words.join(QStringLiteral(", "));
}
} // namespace

void PickWorkflow::onProduct(const Scan &scan)
{
    QJsonObject f = lineFields(protocol::Action::Pick);
    if (scan.kind != ScanKind::Product) {
        const QString message = scan.kind == ScanKind::Tote && currentPicked() > 0
            ? tr("Line not complete: pick %1 more of %2 first.")
                  .arg(currentQuantity() - currentPicked())
                  .arg(currentProductName())
            : tr("Scan the product %1 (%2); this was %3.")
                  .arg(currentProductName(), currentGtin(), ScanRecorder::describe(scan));
        record(&scan, m_task.id, f, false, message);
        return;
    }
    if (scan.gtin != currentGtin()) {
        f.insert(kGtin, scan.gtin);
        f.insert(QStringLiteral("expectedGtin"), currentGtin());
        record(&scan, m_task.id, f, false,
            tr("Wrong item: scanned %1 (%2), this line wants %3 (%4).")
                .arg(productName(scan.gtin), scan.gtin, currentProductName(), currentGtin()));
        return;
    }
    if (scan.expiry.isValid() && scan.expiry < today()) {
        record(&scan, m_task.id, f, false,
            tr("Expired: lot %1 expired on %2. Put it back and take another unit.")
                .arg(scan.lot.isEmpty() ? tr("(no lot)") : scan.lot, scan.expiry.toString(Qt::ISODate)));
        return;
    }
    PendingUnit unit {scan.lot, scan.expiry, scan.serial, scan.count > 0 ? scan.count : 1};
    const int remaining = currentQuantity() - currentPicked();
    if (unit.count > remaining) {
        f.insert(kQuantity, unit.count);
        record(&scan, m_task.id, f, false,
            tr("Too many: this line needs only %1 more of %2 (the scan counts %3). Put the extra back.")
                .arg(remaining)
                .arg(currentProductName())
                .arg(unit.count));
        return;
    }
    const auto product = data()->product(currentGtin());
    if (product && product->serialTracked && unit.count > 1) {
        record(&scan, m_task.id, f, false,
            tr("%1 has serial numbers: scan each unit on its own.").arg(currentProductName()));
        return;
    }
    const QStringList missing = missingFor(unit);
    if (!missing.isEmpty()) {
        // Recorded as refused (the unit is not counted yet); the details come next.
        record(&scan, m_task.id, f, false,
            tr("%1 needs its %2: scan the label that shows it, or type it.")
                .arg(currentProductName(), missingText(missing)));
        if (lastResult() != QLatin1String("refused"))
            return;
        m_pending = unit;
        m_missing = missing;
        setState(State::ScanDetails);
        emit currentChanged();
        return;
    }
    pickUnits(&scan, unit.count, unit);
}

void PickWorkflow::onDetails(const Scan &scan)
{
    QJsonObject f = lineFields(protocol::Action::Pick);
    if (scan.kind == ScanKind::Product && scan.gtin != currentGtin()) {
        f.insert(kGtin, scan.gtin);
        record(&scan, m_task.id, f, false,
            tr("Wrong item: scanned %1 (%2), this line wants %3 (%4).")
                .arg(productName(scan.gtin), scan.gtin, currentProductName(), currentGtin()));
        return;
    }
    PendingUnit unit = m_pending;
    bool used = false;
    if (m_missing.contains(QLatin1String("lot")) && !scan.lot.isEmpty()) {
        unit.lot = scan.lot;
        used = true;
    }
    if (m_missing.contains(QLatin1String("expiry")) && scan.expiry.isValid()) {
        unit.expiry = scan.expiry;
        used = true;
    }
    if (m_missing.contains(QLatin1String("serial")) && !scan.serial.isEmpty()) {
        unit.serial = scan.serial;
        used = true;
    }
    // A plain label (Code 128 "L2311A") carries just the text: it is the first missing text field.
    if (!used && scan.kind == ScanKind::Unknown && !scan.text.isEmpty() && scan.elements.isEmpty()) {
        if (m_missing.contains(QLatin1String("lot")))
            unit.lot = scan.text;
        else if (m_missing.contains(QLatin1String("serial")))
            unit.serial = scan.text;
        used = m_missing.contains(QLatin1String("lot")) || m_missing.contains(QLatin1String("serial"));
    }
    if (unit.expiry.isValid() && unit.expiry < today()) {
        record(&scan, m_task.id, f, false,
            tr("Expired: lot %1 expired on %2. Put it back and take another unit.")
                .arg(unit.lot.isEmpty() ? tr("(no lot)") : unit.lot, unit.expiry.toString(Qt::ISODate)));
        return;
    }
    const QStringList missing = missingFor(unit);
    if (!used || !missing.isEmpty()) {
        record(&scan, m_task.id, f, false,
            tr("Still missing: %1 of %2. Scan it or type it.")
                .arg(missingText(missing.isEmpty() ? m_missing : missing), currentProductName()));
        if (used && lastResult() == QLatin1String("refused")) {
            m_pending = unit;
            m_missing = missing;
            updatePrompt();
            emit currentChanged();
        }
        return;
    }
    pickUnits(&scan, unit.count, unit);
}

void PickWorkflow::enterDetails(const QString &lot, const QString &expiry, const QString &serial)
{
    if (m_state != State::ScanDetails) {
        refuseAction(tr("Nothing is waiting for a lot, expiry or serial."));
        return;
    }
    PendingUnit unit = m_pending;
    if (!lot.trimmed().isEmpty())
        unit.lot = lot.trimmed();
    if (!serial.trimmed().isEmpty())
        unit.serial = serial.trimmed();
    QJsonObject f = lineFields(protocol::Action::Pick);
    if (!expiry.trimmed().isEmpty()) {
        const QDate date = QDate::fromString(expiry.trimmed(), Qt::ISODate);
        if (!date.isValid()) {
            record(nullptr, m_task.id, f, false,
                tr("%1 is not a date: type it as year-month-day, e.g. 2027-03-31.").arg(expiry.trimmed()));
            return;
        }
        unit.expiry = date;
    }
    if (unit.expiry.isValid() && unit.expiry < today()) {
        record(nullptr, m_task.id, f, false,
            tr("Expired: lot %1 expired on %2. Put it back and take another unit.")
                .arg(unit.lot.isEmpty() ? tr("(no lot)") : unit.lot, unit.expiry.toString(Qt::ISODate)));
        return;
    }
    const QStringList missing = missingFor(unit);
    if (!missing.isEmpty()) {
        record(nullptr, m_task.id, f, false,
            tr("Still missing: %1 of %2. Scan it or type it.")
                .arg(missingText(missing), currentProductName()));
        return;
    }
    pickUnits(nullptr, unit.count, unit);
}

void PickWorkflow::enterQuantity(int quantity)
{
    if (m_state != State::ScanQuantity) {
        refuseAction(m_state == State::ScanProduct
                ? tr("Scan one unit of %1 first, then type the rest.").arg(currentProductName())
                : tr("There is no quantity to enter now."));
        return;
    }
    QJsonObject f = lineFields(protocol::Action::Pick);
    f.insert(kQuantity, quantity);
    const int remaining = currentQuantity() - currentPicked();
    if (quantity <= 0) {
        record(nullptr, m_task.id, f, false, tr("Type a quantity of 1 or more."));
        return;
    }
    if (quantity > remaining) {
        record(nullptr, m_task.id, f, false,
            tr("Too many: this line needs only %1 more of %2.").arg(remaining).arg(currentProductName()));
        return;
    }
    const auto product = data()->product(currentGtin());
    if (product && product->serialTracked) {
        record(nullptr, m_task.id, f, false,
            tr("%1 has serial numbers: scan each unit on its own.").arg(currentProductName()));
        return;
    }
    // Bulk units share the lot and expiry of the unit scanned before them.
    PendingUnit unit = m_pending;
    unit.serial.clear();
    pickUnits(nullptr, quantity, unit);
}

bool PickWorkflow::pickUnits(const Scan *scan, int count, const PendingUnit &unit)
{
    QJsonObject f = lineFields(protocol::Action::Pick);
    f.insert(kQuantity, count);
    f.remove(protocol::wireName(protocol::Field::Lot));
    f.remove(protocol::wireName(protocol::Field::Expiry));
    f.remove(protocol::wireName(protocol::Field::Serial));
    if (!unit.lot.isEmpty())
        f.insert(protocol::wireName(protocol::Field::Lot), unit.lot);
    if (unit.expiry.isValid())
        f.insert(protocol::wireName(protocol::Field::Expiry), unit.expiry.toString(Qt::ISODate));
    if (!unit.serial.isEmpty())
        f.insert(protocol::wireName(protocol::Field::Serial), unit.serial);
    const int row = m_lines.currentRow();
    PickLineItem item = m_lines.at(row);
    const QString message = item.tote.isEmpty()
        ? tr("%1: %2 of %3 picked").arg(item.productName).arg(item.picked + count).arg(item.line.quantity)
        : tr("%1: %2 of %3 picked, into tote %4")
              .arg(item.productName)
              .arg(item.picked + count)
              .arg(item.line.quantity)
              .arg(item.tote);
    if (!record(scan, m_task.id, f, true, message))
        return false;
    item.picked += count;
    m_pending = unit;
    m_missing.clear();
    if (item.picked >= item.line.quantity) {
        item.status = PickLineItem::Status::Picked;
        m_lines.update(row, item);
        lineClosed();
    } else {
        m_lines.update(row, item);
        setState(State::ScanQuantity);
        emit currentChanged();
    }
    return true;
}

void PickWorkflow::shortPick(const QString &reason)
{
    if (m_state != State::ScanLocation && m_state != State::ScanProduct && m_state != State::ScanQuantity
        && m_state != State::ScanDetails) {
        refuseAction(tr("There is no line to short now."));
        return;
    }
    const int row = m_lines.currentRow();
    PickLineItem item = m_lines.at(row);
    const int missing = item.line.quantity - item.picked;
    QJsonObject f = lineFields(protocol::Action::Short);
    f.insert(kQuantity, missing);
    f.insert(protocol::wireName(protocol::Field::Reason), reason);
    if (!shortReasons().contains(reason)) {
        record(nullptr, m_task.id, f, false,
            tr("Choose a reason: not found, damaged, insufficient or wrong item."));
        return;
    }
    if (!record(nullptr, m_task.id, f, true,
            tr("Short: %1 of %2 missing (%3). A supervisor will check.")
                .arg(missing)
                .arg(item.productName, reason)))
        return;
    item.status = PickLineItem::Status::Short;
    item.shortQuantity = missing;
    item.shortReason = reason;
    m_lines.update(row, item);
    m_missing.clear();
    lineClosed();
}

void PickWorkflow::skipLine()
{
    if (m_state != State::ScanLocation && m_state != State::ScanProduct) {
        refuseAction(m_state == State::ScanQuantity || m_state == State::ScanDetails
                ? tr("Part of this line is picked: finish it or short it.")
                : tr("There is no line to skip now."));
        return;
    }
    const int row = m_lines.currentRow();
    int open = 0;
    for (const auto &i : m_lines.items())
        open += i.status == PickLineItem::Status::Open ? 1 : 0;
    QJsonObject f {{kAction, QStringLiteral("skip")}, {kTask, m_task.id}, {kOrder, currentOrder()},
        {kLine, m_lines.at(row).line.line}};
    if (open < 2) {
        record(nullptr, m_task.id, f, false, tr("This is the last open line: pick it or short it."));
        return;
    }
    if (!record(
            nullptr, m_task.id, f, true, tr("Skipped: %1 comes again at the end.").arg(currentProductName())))
        return;
    m_lines.moveToEnd(row);
    advance();
}

void PickWorkflow::onTote(const Scan &scan)
{
    const QString expected = currentTote();
    QJsonObject f {{kAction, protocol::wireName(protocol::Action::BindTote)}, {kTask, m_task.id},
        {kOrder, currentOrder()}, {kLine, m_lines.at(m_lines.currentRow()).line.line}};
    if (!scan.valid || scan.kind != ScanKind::Tote) {
        f.insert(kTote, expected);
        record(&scan, m_task.id, f, false,
            tr("Put the items into tote %1 and scan the tote (this was %2).")
                .arg(expected, scan.valid ? ScanRecorder::describe(scan) : scan.error));
        return;
    }
    f.insert(kTote, scan.code);
    if (scan.code != expected) {
        record(&scan, m_task.id, f, false,
            tr("Wrong tote: scanned %1, order %2 goes into tote %3.")
                .arg(scan.code, currentOrder(), expected));
        return;
    }
    // The tote confirmation re-states the order's tote binding (bind-tote is idempotent on the server).
    if (!record(&scan, m_task.id, f, true, tr("In tote %1").arg(expected)))
        return;
    advance();
}

void PickWorkflow::lineClosed()
{
    const PickLineItem &item = m_lines.at(m_lines.currentRow());
    if (batch() && item.picked > 0) {
        setState(State::ScanTote);
        emit currentChanged();
        return;
    }
    advance();
}

int PickWorkflow::firstOpenRow() const
{
    const auto &items = m_lines.items();
    for (int row = 0; row < items.size(); ++row) {
        if (items.at(row).status == PickLineItem::Status::Open)
            return row;
    }
    return -1;
}

void PickWorkflow::advance()
{
    m_missing.clear();
    m_pending = {};
    const int row = firstOpenRow();
    m_lines.setCurrentRow(row);
    // The state and the current line change together; observers hear of both after both.
    State next = State::Summary;
    if (row < 0) {
        m_finishedHere.insert(m_task.id);
        m_finished = m_clock();
    } else {
        const PickLineItem &item = m_lines.at(row);
        // Lines at the location just verified need no second location scan.
        if (item.line.location == m_verifiedLocation)
            next = item.picked > 0 ? State::ScanQuantity : State::ScanProduct;
        else
            next = State::ScanLocation;
    }
    m_state = next;
    updatePrompt();
    emit stateChanged();
    emit currentChanged();
    if (row < 0)
        emit batchFinished();
}

void PickWorkflow::finish()
{
    bool started = false;
    for (const auto &i : m_lines.items())
        started = started || i.picked > 0 || i.status != PickLineItem::Status::Open;
    if (m_state != State::Summary && m_state != State::NoTask && started) {
        refuseAction(
            tr("Lines of %1 are picked: finish the batch (short what you cannot find).").arg(m_task.id));
        return;
    }
    const QString badge = m_operator;
    setOperator(badge);
}

void PickWorkflow::setState(State state)
{
    m_state = state;
    updatePrompt();
    emit stateChanged();
}

void PickWorkflow::updatePrompt()
{
    switch (m_state) {
    case State::NoTask:
        if (m_operator.isEmpty())
            setPrompt(tr("Log in to pick"));
        else if (m_tasks.rowCount() == 0)
            setPrompt(tr("No pick tasks for you: sync, or ask a supervisor"));
        else
            setPrompt(tr("Choose a pick task"));
        break;
    case State::BindTotes:
        setPrompt(tr("Scan an empty tote for order %1 (%2 of %3)")
                      .arg(bindingOrder())
                      .arg(m_bindIndex + 1)
                      .arg(m_task.orders.size()));
        break;
    case State::ScanLocation:
        setPrompt(tr("Go to %1 and scan the location").arg(currentLocation()));
        break;
    case State::ScanProduct:
        setPrompt(tr("Pick %1 × %2: scan the product").arg(currentQuantity()).arg(currentProductName()));
        break;
    case State::ScanDetails:
        setPrompt(tr("Scan or type the %1 of %2").arg(missingText(m_missing), currentProductName()));
        break;
    case State::ScanQuantity:
        setPrompt(tr("Scan the next %1 (%2 of %3), or type the quantity")
                      .arg(currentProductName())
                      .arg(currentPicked())
                      .arg(currentQuantity()));
        break;
    case State::ScanTote:
        setPrompt(tr("Put it into tote %1 and scan the tote").arg(currentTote()));
        break;
    case State::Summary:
        setPrompt(tr("Batch done: hand the totes to packing"));
        break;
    }
}

} // namespace dockhand
