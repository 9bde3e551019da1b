#include "scanlistmodel.h"

#include <QJsonArray>

namespace dockhand {

ScanListModel::ScanListModel(int capacity, QObject *parent) : QAbstractListModel(parent), m_capacity(capacity)
{ }

int ScanListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

namespace {
QString detailOf(const QJsonObject &fields)
{
    QStringList parts;
    const auto add = [&](const char *key, const QString &label) {
        const QString v = fields.value(QLatin1String(key)).toString();
        if (!v.isEmpty())
            parts.append(label.arg(v));
    };
    add("gtin", QStringLiteral("GTIN %1"));
    add("sscc", QStringLiteral("SSCC %1"));
    add("lot", QStringLiteral("lot %1"));
    add("expiry", QStringLiteral("exp. %1"));
    add("serial", QStringLiteral("serial %1"));
    if (const int count = fields.value(QLatin1String("count")).toInt(); count > 0)
        parts.append(QStringLiteral("count %1").arg(count));
    return parts.join(QStringLiteral(" · "));
}
} // namespace

QVariant ScanListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueuedEvent &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: {
        QString text = row.event.raw;
        text.replace(QChar(0x1d), QStringLiteral("<GS>"));
        return text;
    }
    case SequenceRole:
        return row.event.sequence;
    case KindRole:
        return row.event.kind;
    case ResultRole:
        return row.event.result;
    case ReasonRole:
        return row.event.reason;
    case SyncStateRole:
        return eventStateName(row.state);
    case ServerReasonRole:
        return row.serverReason;
    case TimeRole:
        return row.event.deviceTime.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    case DetailRole:
        return detailOf(row.event.fields);
    default:
        return {};
    }
}

QHash<int, QByteArray> ScanListModel::roleNames() const
{
    return {
        {SequenceRole, "sequence"},
        {TextRole, "scanText"},
        {KindRole, "kind"},
        {ResultRole, "result"},
        {ReasonRole, "reason"},
        {SyncStateRole, "syncState"},
        {ServerReasonRole, "serverReason"},
        {TimeRole, "time"},
        {DetailRole, "detail"},
    };
}

void ScanListModel::reset(const QList<QueuedEvent> &newestFirst)
{
    beginResetModel();
    m_rows = newestFirst.mid(0, m_capacity);
    endResetModel();
    emit countChanged();
}

void ScanListModel::prepend(const QueuedEvent &event)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(event);
    endInsertRows();
    if (m_rows.size() > m_capacity) {
        const int first = m_capacity;
        const int last = int(m_rows.size()) - 1;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    emit countChanged();
}

void ScanListModel::applyAcks(const QList<protocol::EventAck> &acks)
{
    for (const auto &ack : acks) {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows.at(row).event.id != ack.id)
                continue;
            auto &r = m_rows[row];
            r.state = ack.status == protocol::AckStatus::Rejected ? EventState::Rejected
                                                                  : EventState::Acknowledged;
            r.serverReason = ack.reason;
            const auto idx = index(row);
            emit dataChanged(idx, idx, {SyncStateRole, ServerReasonRole});
            break;
        }
    }
}

} // namespace dockhand
