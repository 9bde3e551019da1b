#pragma once

#include "scanqueue.h"

#include <QAbstractListModel>

namespace dockhand {

// The latest scans on this device, newest first, with what the operator was told and where
// each one stands with the server. Fed by the ScanRecorder (new scans) and the sync engine (acks).
class ScanListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        SequenceRole = Qt::UserRole + 1, // per-device sequence number
        TextRole, // the scanned text, GS shown as ␝
        KindRole, // product / location / ...
        ResultRole, // "accepted" or "refused" (what the operator was told)
        ReasonRole, // why it was refused
        SyncStateRole, // "pending", "synced" or "rejected"
        ServerReasonRole, // the server's reason for a rejection
        TimeRole, // device time, local, "HH:mm:ss"
        DetailRole, // a one-line summary of the parsed data (GTIN, lot, expiry ...)
    };
    Q_ENUM(Role)

    explicit ScanListModel(int capacity = 50, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QList<QueuedEvent> &newestFirst);
    void prepend(const QueuedEvent &event);
    void applyAcks(const QList<protocol::EventAck> &acks);

    const QueuedEvent &at(int row) const { return m_rows.at(row); }

signals:
    void countChanged();

private:
    QList<QueuedEvent> m_rows;
    int m_capacity;
};

} // namespace dockhand
