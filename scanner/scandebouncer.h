#pragma once

#include "rawscan.h"

#include <QHash>

namespace dockhand {

// Collapses repeats: the same content (data + AIM id) from the same source and device within
// `windowMs` is one scan. Scanners in continuous or presentation mode, a trigger held down, or a
// double-read by the camera would otherwise count an item twice.
//
// The window slides: every repeat inside it extends it, so a code held in front of a presentation
// scanner counts once however long it stays there. A different code from the same device ends it.
// Pure and cheap; uses RawScan::time, so tests need no clock. Not thread-safe: use it on one thread.
class ScanDebouncer
{
public:
    explicit ScanDebouncer(int windowMs = 800);

    // True when `scan` is new and should be processed; false for a repeat inside the window.
    bool accept(const RawScan &scan);

    void setWindowMs(int windowMs) { m_windowMs = windowMs; }
    int windowMs() const { return m_windowMs; }
    void clear() { m_last.clear(); }

private:
    struct Seen
    {
        QByteArray data;
        QString aim;
        QDateTime time;
    };
    int m_windowMs;
    QHash<QString, Seen> m_last; // by source + device: only the latest content per device matters
};

} // namespace dockhand
