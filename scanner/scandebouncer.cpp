#include "scandebouncer.h"

namespace dockhand {

ScanDebouncer::ScanDebouncer(int windowMs) : m_windowMs(windowMs) { }

bool ScanDebouncer::accept(const RawScan &scan)
{
    const QString key = scanSourceName(scan.source) + QLatin1Char('|') + scan.device;
    auto it = m_last.find(key);
    if (it == m_last.end()) {
        m_last.insert(key, Seen {scan.data, scan.aim, scan.time});
        return true;
    }
    const bool sameContent = it->data == scan.data && it->aim == scan.aim;
    const qint64 elapsed = it->time.isValid() && scan.time.isValid() ? it->time.msecsTo(scan.time) : -1;
    // A clock stepping backwards (elapsed < 0) must not swallow scans: treat it as a new scan.
    const bool repeat = sameContent && elapsed >= 0 && elapsed < m_windowMs;
    *it = Seen {scan.data, scan.aim, scan.time};
    return !repeat;
}

} // namespace dockhand
