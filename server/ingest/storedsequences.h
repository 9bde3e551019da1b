#pragma once

#include <QHash>
#include <QString>

#include <mutex>

namespace dockhand::server {

// What this server process has seen committed: per device, the highest sequence number it stored
// in its latest upload. Events are never deleted, so what it knows never goes stale, and an upload
// that continues where the device's last one ended (the usual case) needs no lookup to tell that
// the event just below it is there. Shared by the request workers of one process over one
// database (thread-safe); without it a store asks the database every time.
class StoredSequences
{
public:
    // Whether `seq` of `device` is known to be stored.
    bool knows(const QString &device, qint64 seq) const
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_last.constFind(device);
        return it != m_last.cend() && it.value() == seq;
    }
    // `seq` of `device` is stored and committed.
    void remember(const QString &device, qint64 seq)
    {
        const std::lock_guard lock(m_mutex);
        if (m_last.size() >= kMaxDevices && !m_last.contains(device))
            m_last.clear(); // a bound, not a cache policy: forgetting only costs a lookup
        m_last.insert(device, seq);
    }

private:
    static constexpr qsizetype kMaxDevices = 100000;
    mutable std::mutex m_mutex;
    QHash<QString, qint64> m_last;
};

} // namespace dockhand::server
