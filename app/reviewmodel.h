#pragma once

#include "scanqueue.h"

#include <QAbstractListModel>
#include <QVariantMap>

namespace dockhand {

class FloorData;

// What a supervisor reviews on this device, newest first: short picks, damaged items set aside,
// scans refused for the goods themselves (wrong product, expired lot, over-pick, not in the
// order, one too many) and events the server rejected. Read from the device's own queue, so it
// works offline and shows what is not synced yet too.
class ReviewModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // "" for everything, else one category: "short", "damage", "refused", "rejected".
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    // Rows per category and "all", over everything loaded (not just the filtered rows).
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY countChanged)
    // While false (the screen is closed) changes only mark the list stale; it reloads on opening.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
public:
    enum Role {
        SequenceRole = Qt::UserRole + 1, // per-device sequence number
        CategoryRole, // short / damage / refused / rejected
        TitleRole, // one line: what happened ("Short 2 × Headlamp")
        DetailRole, // where: order, line, location, tote
        ReasonRole, // the reason code, the operator's message or the server's reason
        OperatorRole, // the badge of who scanned it
        TimeRole, // device time, local, "dd.MM. HH:mm"
        SyncStateRole, // "pending", "synced" or "rejected"
    };
    Q_ENUM(Role)

    explicit ReviewModel(const FloorData *data = nullptr, int capacity = 200, QObject *parent = nullptr);

    void setQueue(ScanQueue *queue);
    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    QVariantMap counts() const;
    bool active() const { return m_active; }
    void setActive(bool active);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the queue again (now when active, else on the next activation).
    Q_INVOKABLE void refresh();
    // Something changed in the queue (a new event, the server's answers).
    void queueChanged();

    // The category an event is reviewed under, or empty when it is not an exception.
    static QString categoryOf(const QueuedEvent &event);

signals:
    void countChanged();
    void filterChanged();
    void activeChanged();

private:
    struct Row
    {
        QueuedEvent event;
        QString category;
    };
    void rebuild();
    QString title(const Row &row) const;
    QString detail(const Row &row) const;
    QString reason(const Row &row) const;

    const FloorData *m_data;
    ScanQueue *m_queue = nullptr;
    int m_capacity;
    QString m_filter;
    bool m_active = false;
    bool m_stale = true;
    QList<Row> m_all;
    QList<int> m_visible; // indexes into m_all that pass the filter
};

} // namespace dockhand
