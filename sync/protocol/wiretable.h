#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

// The lookups of the protocol's wire-name tables (actions.cpp, orderstatus.cpp): each enum's
// values and their wire names in one constexpr array, read both ways.
namespace dockhand::protocol::wiretable {

template<typename E, std::size_t N> using Table = std::array<std::pair<E, const char *>, N>;

template<typename E, std::size_t N> QString nameOf(const Table<E, N> &table, E value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename E, std::size_t N> std::optional<E> valueOf(const Table<E, N> &table, const QString &name)
{
    for (const auto &[e, wire] : table) {
        if (name == QLatin1String(wire))
            return e;
    }
    return std::nullopt;
}

template<typename E, std::size_t N> QStringList namesOf(const Table<E, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

} // namespace dockhand::protocol::wiretable
