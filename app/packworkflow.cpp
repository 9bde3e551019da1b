#include "packworkflow.h"

#include "actions.h"
#include "scanrecorder.h"

#include <algorithm>

#include <QJsonArray>
#include <QRegularExpression>

namespace dockhand {

namespace {
const QString kAction = protocol::wireName(protocol::Field::Action);
const QString kOrder = protocol::wireName(protocol::Field::Order);
} // namespace

PackWorkflow::PackWorkflow(ScanRecorder *recorder, const FloorData *data, QObject *parent)
    : Workflow(QStringLiteral("pack"), recorder, data, parent)
{
    qRegisterMetaType<dockhand::CartonInfo>();
    updatePrompt();
}

QStringList PackWorkflow::damageReasons()
{
    return protocol::damageReasons();
}

QVariantList PackWorkflow::cartonTypes() const
{
    QVariantList list;
    if (!data())
        return list;
    for (const CartonType &c : data()->cartonTypes()) {
        list.append(QVariantMap {{QStringLiteral("code"), c.code}, {QStringLiteral("name"), c.name},
            {QStringLiteral("lengthMm"), c.lengthMm}, {QStringLiteral("widthMm"), c.widthMm},
            {QStringLiteral("heightMm"), c.heightMm}, {QStringLiteral("tareKg"), c.tareKg}});
    }
    return list;
}

int PackWorkflow::unitsInCarton() const
{
    int units = 0;
    for (const auto &l : m_lines.items())
        units += l.inCarton;
    return units;
}

int PackWorkflow::rowOf(const QString &gtin) const
{
    const auto &items = m_lines.items();
    // A GTIN may sit on several lines: the first one still missing units takes the scan.
    int any = -1;
    for (int row = 0; row < items.size(); ++row) {
        if (items.at(row).gtin != gtin)
            continue;
        if (!items.at(row).done())
            return row;
        if (any < 0)
            any = row;
    }
    return any;
}

bool PackWorkflow::allVerified() const
{
    for (const auto &l : m_lines.items()) {
        if (!l.done())
            return false;
    }
    return true;
}

void PackWorkflow::handleScan(const Scan &scan)
{
    const bool orderLabel = scan.valid && (scan.kind == ScanKind::Tote || scan.kind == ScanKind::Order);
    if (m_state == State::ScanOrder || (m_state == State::OrderPacked && orderLabel)) {
        if (!orderLabel) {
            record(&scan, {}, {{kAction, protocol::wireName(protocol::Action::OpenOrder)}}, false,
                tr("Scan a tote or an order number first (this was %1).")
                    .arg(scan.valid ? ScanRecorder::describe(scan) : scan.error));
            return;
        }
        const auto order
            = scan.kind == ScanKind::Tote ? data()->orderByTote(scan.code) : data()->order(scan.code);
        if (!order) {
            QJsonObject f {{kAction, protocol::wireName(protocol::Action::OpenOrder)}};
            f.insert(
                scan.kind == ScanKind::Tote ? protocol::wireName(protocol::Field::Tote) : kOrder, scan.code);
            record(&scan, {}, f, false,
                scan.kind == ScanKind::Tote
                    ? tr("No order is in tote %1 on this device: sync, or scan the order number.")
                          .arg(scan.code)
                    : tr("Order %1 is not on this device: sync and scan it again.").arg(scan.code));
            return;
        }
        open(*order, &scan);
        return;
    }
    switch (m_state) {
    case State::ScanItems:
        if (scan.valid && scan.kind == ScanKind::Product) {
            onItem(scan);
            return;
        }
        record(&scan, m_order.number,
            {{kAction, protocol::wireName(protocol::Action::VerifyItem)}, {kOrder, m_order.number}}, false,
            orderLabel ? tr("Order %1 is open: finish it before opening another.").arg(m_order.number)
                       : tr("Scan the items of order %1 (this was %2).")
                             .arg(m_order.number, scan.valid ? ScanRecorder::describe(scan) : scan.error));
        return;
    case State::ChooseCarton:
    case State::Weigh:
        if (onCartonLabel(scan))
            return;
        record(&scan, m_order.number,
            {{kAction, protocol::wireName(protocol::Action::VerifyItem)}, {kOrder, m_order.number}}, false,
            tr("The carton is being closed: tap Back to items to add more, or close it first."));
        return;
    case State::OrderPacked:
        record(&scan, m_order.number, {{kAction, protocol::wireName(protocol::Action::OpenOrder)}}, false,
            tr("Order %1 is packed: scan the next tote or order.").arg(m_order.number));
        return;
    case State::ScanOrder:
        break;
    }
}

void PackWorkflow::openOrder(const QString &number)
{
    if (m_state != State::ScanOrder && m_state != State::OrderPacked) {
        refuseAction(tr("Order %1 is open: finish it before opening another.").arg(m_order.number));
        return;
    }
    const QString typed = number.trimmed();
    auto order = data()->order(typed);
    if (!order && !typed.isEmpty()) {
        // A label that will not scan: the packer types the digits printed under it. They name
        // an order when exactly one order number on the device ends in them after its prefix.
        static const QRegularExpression digitsOnly(QStringLiteral("^\\d+$"));
        QStringList matches;
        if (digitsOnly.match(typed).hasMatch()) {
            for (const CachedOrder &candidate : data()->ordersEndingWith(typed)) {
                const QString head = candidate.number.chopped(typed.size());
                if (head.isEmpty() || !head.back().isDigit()) {
                    matches.append(candidate.number);
                    if (!order)
                        order = candidate;
                }
            }
        }
        if (matches.size() > 1) {
            record(nullptr, {}, {{kAction, protocol::wireName(protocol::Action::OpenOrder)}, {kOrder, typed}},
                false,
                tr("%1 could be %2: type the whole order number.")
                    .arg(typed, matches.join(QStringLiteral(", "))));
            return;
        }
    }
    if (!order) {
        record(nullptr, {}, {{kAction, protocol::wireName(protocol::Action::OpenOrder)}, {kOrder, typed}},
            false, tr("Order %1 is not on this device: sync and try again.").arg(typed));
        return;
    }
    open(*order, nullptr);
}

void PackWorkflow::open(const CachedOrder &order, const Scan *scan)
{
    QJsonObject f {{kAction, protocol::wireName(protocol::Action::OpenOrder)}, {kOrder, order.number}};
    if (!order.tote.isEmpty())
        f.insert(protocol::wireName(protocol::Field::Tote), order.tote);
    if (order.status == QLatin1String("cancelled")) {
        record(scan, order.number, f, false,
            tr("Order %1 is cancelled: do not pack it. Set the tote aside for the supervisor.")
                .arg(order.number));
        return;
    }
    QList<PackLineItem> items;
    int toPack = 0;
    for (const CachedOrderLine &l : order.lines) {
        PackLineItem item;
        item.line = l.line;
        item.gtin = l.gtin;
        item.name = l.name.isEmpty() ? productName(l.gtin) : l.name;
        item.expected = l.picked;
        item.packed = std::max(l.packed, m_packedHere.value(order.number).value(l.line));
        item.verified = item.packed; // packed earlier counts as verified
        toPack += std::max(0, item.expected - item.packed);
        items.append(item);
    }
    if (toPack == 0) {
        record(scan, order.number, f, false,
            tr("Nothing to pack in order %1: no picked units waiting (sync if it was just picked).")
                .arg(order.number));
        return;
    }
    if (!record(scan, order.number, f, true,
            tr("Order %1: %n unit(s) to pack", nullptr, toPack).arg(order.number)))
        return;
    m_order = order;
    m_lines.reset(items);
    m_cartonType.clear();
    m_weightKg = 0;
    m_cartonsClosed = 0;
    emit cartonChanged();
    setState(State::ScanItems);
}

void PackWorkflow::onItem(const Scan &scan)
{
    QJsonObject f {{kAction, protocol::wireName(protocol::Action::VerifyItem)}, {kOrder, m_order.number}};
    const int row = rowOf(scan.gtin);
    const int count = scan.count > 0 ? scan.count : 1;
    f.insert(protocol::wireName(protocol::Field::Quantity), count);
    if (row < 0) {
        record(&scan, m_order.number, f, false,
            tr("NOT IN THIS ORDER: %1 (%2). Do not pack it: put it aside and tell the supervisor.")
                .arg(productName(scan.gtin), scan.gtin));
        return;
    }
    PackLineItem item = m_lines.at(row);
    f.insert(protocol::wireName(protocol::Field::Line), item.line);
    if (item.verified + item.damaged + count > item.expected) {
        const int left = item.expected - item.verified - item.damaged;
        record(&scan, m_order.number, f, false,
            left <= 0 ? tr("ONE TOO MANY: all %1 of %2 are already verified. Do not pack it: put it back and "
                           "tell the supervisor.")
                            .arg(item.expected)
                            .arg(item.name)
                      : tr("TOO MANY: only %1 more of %2 belong in this order (the scan counts %3).")
                            .arg(left)
                            .arg(item.name)
                            .arg(count));
        return;
    }
    if (!record(&scan, m_order.number, f, true,
            tr("%1: %2 of %3 verified").arg(item.name).arg(item.verified + count).arg(item.expected)))
        return;
    item.verified += count;
    item.inCarton += count;
    m_lines.update(row, item);
    emit cartonChanged();
    if (allVerified())
        setState(State::ChooseCarton);
}

bool PackWorkflow::onCartonLabel(const Scan &scan)
{
    // The carton-type sheet at the bench: scanning a type chooses it (no tap with gloves on);
    // scanning the chosen type again once weighed closes the carton.
    const QString code = scan.text.trimmed();
    const auto types = data()->cartonTypes();
    const bool known
        = std::any_of(types.cbegin(), types.cend(), [&](const CartonType &c) { return c.code == code; });
    if (!scan.valid || !known)
        return false;
    if (m_state == State::Weigh && code == m_cartonType) {
        if (m_weightKg > 0) {
            closeCarton(&scan);
        } else {
            record(&scan, m_order.number,
                {{kAction, protocol::wireName(protocol::Action::CloseCarton)}, {kOrder, m_order.number},
                    {protocol::wireName(protocol::Field::CartonType), code}},
                false,
                tr("Weigh the carton first (scale or keypad), then scan %1 again to close it.").arg(code));
        }
        return true;
    }
    if (!record(&scan, m_order.number,
            {{kAction, protocol::wireName(protocol::Action::ChooseCarton)}, {kOrder, m_order.number},
                {protocol::wireName(protocol::Field::CartonType), code}},
            true, tr("Carton %1").arg(code)))
        return true;
    chooseCarton(code);
    return true;
}

void PackWorkflow::packPartial()
{
    if (m_state != State::ScanItems || unitsInCarton() == 0) {
        refuseAction(tr("Scan the items for this carton first."));
        return;
    }
    setState(State::ChooseCarton);
}

void PackWorkflow::chooseCarton(const QString &code)
{
    if (m_state != State::ChooseCarton && m_state != State::Weigh) {
        refuseAction(tr("Verify the items first, then choose a carton."));
        return;
    }
    bool known = false;
    for (const CartonType &c : data()->cartonTypes())
        known = known || c.code == code;
    if (!known) {
        refuseAction(tr("Carton type %1 is not configured: choose one from the list.").arg(code));
        return;
    }
    m_cartonType = code;
    emit cartonChanged();
    setState(State::Weigh);
}

void PackWorkflow::enterWeight(double kg)
{
    if (m_state != State::Weigh) {
        refuseAction(tr("Choose a carton before weighing it."));
        return;
    }
    if (!(kg > 0) || kg > 1000) {
        refuseAction(tr("%1 kg is not a carton weight: weigh it again.").arg(kg));
        return;
    }
    m_weightKg = kg;
    emit cartonChanged();
    updatePrompt();
}

void PackWorkflow::scaleReading(double kg)
{
    // Only a carton on the scale in Weigh counts; an empty scale reads 0 and is ignored.
    if (m_state != State::Weigh || !(kg > 0))
        return;
    m_weightKg = kg;
    emit cartonChanged();
    updatePrompt();
}

void PackWorkflow::closeCarton()
{
    closeCarton(nullptr);
}

void PackWorkflow::closeCarton(const Scan *scan)
{
    if (m_state != State::Weigh || m_cartonType.isEmpty() || !(m_weightKg > 0)) {
        refuseAction(m_state == State::Weigh ? tr("Weigh the carton first (scale or keypad).")
                                             : tr("Choose a carton and weigh it first."));
        return;
    }
    CartonInfo info;
    info.order = m_order.number;
    info.index = m_cartonsClosed + 1;
    info.cartonId = QStringLiteral("%1-%2").arg(m_order.number).arg(info.index);
    info.cartonType = m_cartonType;
    info.weightKg = m_weightKg;
    QJsonArray items;
    for (const auto &l : m_lines.items()) {
        if (l.inCarton <= 0)
            continue;
        info.items.append(CartonItem {l.line, l.gtin, l.name, l.inCarton});
        items.append(QJsonObject {{protocol::wireName(protocol::Field::Line), l.line},
            {protocol::wireName(protocol::Field::Gtin), l.gtin},
            {protocol::wireName(protocol::Field::Quantity), l.inCarton}});
    }
    QJsonObject f {{kAction, protocol::wireName(protocol::Action::CloseCarton)}, {kOrder, m_order.number},
        {protocol::wireName(protocol::Field::Carton), info.cartonId},
        {protocol::wireName(protocol::Field::CartonType), m_cartonType},
        {protocol::wireName(protocol::Field::WeightKg), m_weightKg},
        {protocol::wireName(protocol::Field::Items), items}};
    if (!record(scan, m_order.number, f, true,
            tr("Carton %1 closed: %n unit(s), %2 kg", nullptr, unitsInCarton())
                .arg(info.cartonId)
                .arg(m_weightKg)))
        return;
    for (int row = 0; row < m_lines.rowCount(); ++row) {
        PackLineItem item = m_lines.at(row);
        if (item.inCarton <= 0)
            continue;
        item.packed += item.inCarton;
        item.inCarton = 0;
        m_packedHere[m_order.number][item.line] = item.packed;
        m_lines.update(row, item);
    }
    ++m_cartonsClosed;
    m_cartonType.clear();
    m_weightKg = 0;
    info.lastOfOrder = allVerified();
    emit cartonChanged();
    setState(info.lastOfOrder ? State::OrderPacked : State::ScanItems);
    emit cartonClosed(info);
}

void PackWorkflow::backToItems()
{
    if (m_state != State::ChooseCarton && m_state != State::Weigh) {
        refuseAction(tr("There is no carton being closed."));
        return;
    }
    m_cartonType.clear();
    m_weightKg = 0;
    emit cartonChanged();
    setState(State::ScanItems);
}

void PackWorkflow::flagDamage(int line, const QString &reason)
{
    if (m_state != State::ScanItems && m_state != State::ChooseCarton) {
        refuseAction(tr("Open an order and go to its items to flag damage."));
        return;
    }
    int row = -1;
    for (int r = 0; r < m_lines.rowCount(); ++r)
        row = m_lines.at(r).line == line ? r : row;
    if (row < 0) {
        refuseAction(tr("Order %1 has no line %2.").arg(m_order.number).arg(line));
        return;
    }
    PackLineItem item = m_lines.at(row);
    QJsonObject f {{kAction, protocol::wireName(protocol::Action::Damage)}, {kOrder, m_order.number},
        {protocol::wireName(protocol::Field::Line), line},
        {protocol::wireName(protocol::Field::Gtin), item.gtin},
        {protocol::wireName(protocol::Field::Reason), reason}};
    if (!damageReasons().contains(reason)) {
        record(nullptr, m_order.number, f, false, tr("Choose a reason: damaged, packaging or wrong item."));
        return;
    }
    const bool fromCarton = item.inCarton > 0;
    if (!fromCarton && item.verified + item.damaged >= item.expected) {
        record(nullptr, m_order.number, f, false,
            tr("No unit of %1 is left to set aside: every one is packed.").arg(item.name));
        return;
    }
    if (!record(nullptr, m_order.number, f, true,
            tr("%1 set aside as %2: put it in the damage bin.").arg(item.name, reason)))
        return;
    // A verified unit in the open carton comes out of it; else one still in the tote is set aside.
    if (fromCarton) {
        --item.inCarton;
        --item.verified;
    }
    ++item.damaged;
    m_lines.update(row, item);
    emit cartonChanged();
    if (allVerified()) {
        if (unitsInCarton() > 0)
            setState(State::ChooseCarton);
        else
            setState(State::OrderPacked);
    } else if (m_state == State::ChooseCarton && unitsInCarton() == 0) {
        setState(State::ScanItems);
    }
}

void PackWorkflow::finish()
{
    if (m_state != State::OrderPacked && unitsInCarton() > 0) {
        refuseAction(tr(
            "%n verified unit(s) not in a closed carton: close the carton first.", nullptr, unitsInCarton()));
        return;
    }
    reset();
}

void PackWorkflow::reset()
{
    m_order = {};
    m_lines.reset({});
    m_cartonType.clear();
    m_weightKg = 0;
    m_cartonsClosed = 0;
    emit cartonChanged();
    setState(State::ScanOrder);
}

void PackWorkflow::setState(State state)
{
    m_state = state;
    updatePrompt();
    emit stateChanged();
}

void PackWorkflow::updatePrompt()
{
    switch (m_state) {
    case State::ScanOrder:
        setPrompt(tr("Scan a tote or an order number"));
        break;
    case State::ScanItems:
        setPrompt(tr("Scan each item of order %1").arg(m_order.number));
        break;
    case State::ChooseCarton:
        setPrompt(tr("Choose a carton for %n unit(s)", nullptr, unitsInCarton()));
        break;
    case State::Weigh:
        setPrompt(m_weightKg > 0 ? tr("%1 kg: close the carton").arg(m_weightKg)
                                 : tr("Put the carton on the scale, or type its weight"));
        break;
    case State::OrderPacked:
        setPrompt(tr("Order %1 packed: scan the next tote or order").arg(m_order.number));
        break;
    }
}

} // namespace dockhand
