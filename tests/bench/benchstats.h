#pragma once

// The figures every benchmark prints: percentiles of a list of timings.

#include <QList>

#include <algorithm>

namespace dockhand::bench {

struct Percentiles
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    int n = 0;
};

inline Percentiles percentiles(QList<double> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) {
        return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(q * double(values.size()))));
    };
    return {at(0.50), at(0.99), values.last(), int(values.size())};
}

} // namespace dockhand::bench
