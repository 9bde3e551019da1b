#include "syncmonitor.h"

namespace dockhand {

SyncMonitor::SyncMonitor(QString serverUrl, QObject *parent)
    : QObject(parent), m_serverUrl(std::move(serverUrl))
{
    m_tick.setInterval(5000);
    connect(&m_tick, &QTimer::timeout, this, &SyncMonitor::changed);
    m_tick.start();
}

void SyncMonitor::update(const SyncStatus &status)
{
    m_status = status;
    emit changed();
}

void SyncMonitor::addPending(qint64 n)
{
    m_status.backlog += n;
    emit changed();
}

QString SyncMonitor::lastSuccessText() const
{
    if (!m_status.lastSuccess.isValid())
        return tr("never");
    const qint64 seconds = m_status.lastSuccess.secsTo(QDateTime::currentDateTimeUtc());
    const QString clock = m_status.lastSuccess.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    if (seconds < 10)
        return tr("just now (%1)").arg(clock);
    if (seconds < 120)
        return tr("%1 s ago (%2)").arg(seconds).arg(clock);
    if (seconds < 7200)
        return tr("%1 min ago (%2)").arg(seconds / 60).arg(clock);
    return m_status.lastSuccess.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace dockhand
