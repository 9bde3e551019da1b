#include "http/ratelimiter.h"

#include <cmath>

namespace dockhand::server {

RateLimiter::RateLimiter(ApiLimits limits) : m_limits(limits)
{
    m_clock.start();
}

std::optional<int> RateLimiter::takeToken(const QString &key, double rate, int burst)
{
    const std::lock_guard lock(m_mutex);
    const qint64 nowMs = m_clock.elapsed();
    if (m_buckets.size() > 10000) {
        // Forget callers whose bucket has refilled: they are back to a fresh start anyway. Keeps
        // the table small when many addresses (or forged ones) come and go.
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            const bool address = it.key().startsWith(QLatin1String("a:"));
            const double elapsedSeconds = double(nowMs - it->lastMs) / 1000.0;
            if (elapsedSeconds * (address ? m_limits.addressRate : m_limits.rate)
                >= (address ? m_limits.addressBurst : m_limits.burst))
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket {double(burst), nowMs});
    Bucket &b = it.value();
    b.tokens = qMin(double(burst), b.tokens + double(nowMs - b.lastMs) * rate / 1000.0);
    b.lastMs = nowMs;
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return std::nullopt;
    }
    return qMax(1, int(std::ceil((1 - b.tokens) / qMax(rate, 0.001))));
}

} // namespace dockhand::server
