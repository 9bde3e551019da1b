#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <mutex>

#include <optional>

namespace dockhand::server {

// Per-caller request rate: a token bucket refilled at `rate` per second up to `burst`.
struct ApiLimits
{
    double rate = 20;
    int burst = 40;
    // POST /v1/enrol and /v1/login together, per client address (no token to key them by):
    // guessing enrolment codes, badges and PINs costs wall-clock time.
    double addressRate = 1;
    int addressBurst = 30;
};

// The token buckets of the request limits, keyed "d:<device>", "o:<badge>" or "a:<address>": one
// busy or broken caller cannot starve the others. Safe to call from several threads at once
// (requests are answered on several threads).
class RateLimiter
{
public:
    explicit RateLimiter(ApiLimits limits);

    const ApiLimits &limits() const { return m_limits; }
    // Takes one request from `key`'s bucket; the value is the seconds to wait when it is empty.
    std::optional<int> takeToken(const QString &key, double rate, int burst);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };

    ApiLimits m_limits;
    std::mutex m_mutex; // guards the buckets
    QHash<QString, Bucket> m_buckets;
    QElapsedTimer m_clock;
};

} // namespace dockhand::server
