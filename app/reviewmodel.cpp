#include "reviewmodel.h"

#include "floordata.h"

namespace dockhand {

namespace {

QString text(const QJsonObject &fields, const char *key)
{
    return fields.value(QLatin1String(key)).toString();
}

} // namespace

ReviewModel::ReviewModel(const FloorData *data, int capacity, QObject *parent)
    : QAbstractListModel(parent), m_data(data), m_capacity(capacity)
{ }

void ReviewModel::setQueue(ScanQueue *queue)
{
    m_queue = queue;
    queueChanged();
}

void ReviewModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    beginResetModel();
    rebuild();
    endResetModel();
    emit filterChanged();
    emit countChanged();
}

void ReviewModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    if (m_active && m_stale)
        refresh();
}

void ReviewModel::queueChanged()
{
    m_stale = true;
    if (m_active)
        refresh();
}

QString ReviewModel::categoryOf(const QueuedEvent &event)
{
    const auto &e = event.event;
    const QString action = text(e.fields, "action");
    if (event.state == EventState::Rejected)
        return QStringLiteral("rejected");
    if (e.result == QLatin1String("accepted")) {
        if (action == QLatin1String("short"))
            return QStringLiteral("short");
        if (action == QLatin1String("damage"))
            return QStringLiteral("damage");
        return {};
    }
    // Refusals about the goods themselves; "scan the location first" and the like are not.
    if (e.result == QLatin1String("refused") && e.kind == QLatin1String("product")) {
        if (e.step == QLatin1String("pick") && action == QLatin1String("pick")
            && e.fields.contains(QLatin1String("line")))
            return QStringLiteral("refused");
        if (e.step == QLatin1String("pack") && action == QLatin1String("verify-item"))
            return QStringLiteral("refused");
    }
    return {};
}

void ReviewModel::refresh()
{
    m_stale = false;
    beginResetModel();
    m_all.clear();
    if (m_queue) {
        if (const auto rows = m_queue->exceptions(m_capacity)) {
            for (const QueuedEvent &event : rows.value()) {
                const QString category = categoryOf(event);
                if (!category.isEmpty())
                    m_all.append({event, category});
            }
        }
    }
    rebuild();
    endResetModel();
    emit countChanged();
}

void ReviewModel::rebuild()
{
    m_visible.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        if (m_filter.isEmpty() || m_all.at(i).category == m_filter)
            m_visible.append(i);
    }
}

QVariantMap ReviewModel::counts() const
{
    QVariantMap counts {{QStringLiteral("all"), int(m_all.size())}, {QStringLiteral("short"), 0},
        {QStringLiteral("damage"), 0}, {QStringLiteral("refused"), 0}, {QStringLiteral("rejected"), 0}};
    for (const Row &row : m_all)
        counts[row.category] = counts.value(row.category).toInt() + 1;
    return counts;
}

int ReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QString ReviewModel::title(const Row &row) const
{
    const auto &f = row.event.event.fields;
    const QString gtin = text(f, "gtin");
    const auto product = m_data && !gtin.isEmpty() ? m_data->product(gtin) : std::nullopt;
    const QString name = product && !product->name.isEmpty() ? product->name : gtin;
    if (row.category == QLatin1String("short"))
        return tr("Short %1 × %2").arg(f.value(QLatin1String("quantity")).toInt()).arg(name);
    if (row.category == QLatin1String("damage"))
        return tr("Set aside: %1").arg(name);
    if (row.category == QLatin1String("refused"))
        return row.event.event.step == QLatin1String("pack") ? tr("At packing") : tr("At picking");
    const QString action = text(f, "action");
    return tr("Server refused: %1 %2").arg(action, text(f, "order")).trimmed();
}

QString ReviewModel::detail(const Row &row) const
{
    const auto &e = row.event.event;
    const auto &f = e.fields;
    QStringList parts;
    if (!text(f, "order").isEmpty()) {
        parts.append(f.contains(QLatin1String("line"))
                ? tr("Order %1 line %2").arg(text(f, "order")).arg(f.value(QLatin1String("line")).toInt())
                : tr("Order %1").arg(text(f, "order")));
    }
    if (!text(f, "location").isEmpty())
        parts.append(tr("at %1").arg(text(f, "location")));
    if (!text(f, "tote").isEmpty())
        parts.append(tr("tote %1").arg(text(f, "tote")));
    if (!e.task.isEmpty() && e.task != text(f, "order"))
        parts.append(tr("task %1").arg(e.task));
    return parts.join(QStringLiteral(" · "));
}

QString ReviewModel::reason(const Row &row) const
{
    const auto &e = row.event.event;
    if (row.category == QLatin1String("rejected"))
        return row.event.serverReason;
    if (row.category == QLatin1String("refused"))
        return e.reason;
    const QString code = text(e.fields, "reason");
    if (code == QLatin1String("not-found"))
        return tr("not found");
    if (code == QLatin1String("damaged"))
        return tr("damaged");
    if (code == QLatin1String("insufficient"))
        return tr("not enough in the bin");
    if (code == QLatin1String("wrong-item"))
        return tr("wrong item in the bin");
    if (code == QLatin1String("packaging"))
        return tr("packaging damaged");
    return code;
}

QVariant ReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_all.at(m_visible.at(index.row()));
    const auto &e = row.event.event;
    switch (role) {
    case SequenceRole:
        return e.sequence;
    case CategoryRole:
        return row.category;
    case Qt::DisplayRole:
    case TitleRole:
        return title(row);
    case DetailRole:
        return detail(row);
    case ReasonRole:
        return reason(row);
    case OperatorRole:
        return e.operatorId;
    case TimeRole:
        return e.deviceTime.toLocalTime().toString(QStringLiteral("dd.MM. HH:mm"));
    case SyncStateRole:
        return row.event.state == EventState::Acknowledged ? QStringLiteral("synced")
            : row.event.state == EventState::Rejected      ? QStringLiteral("rejected")
                                                           : QStringLiteral("pending");
    default:
        return {};
    }
}

QHash<int, QByteArray> ReviewModel::roleNames() const
{
    return {{SequenceRole, "sequence"}, {CategoryRole, "category"}, {TitleRole, "title"},
        {DetailRole, "detail"}, {ReasonRole, "reason"}, {OperatorRole, "operatorBadge"}, {TimeRole, "time"},
        {SyncStateRole, "syncState"}};
}

} // namespace dockhand
