#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace dockhand {

// A failure that crosses a module boundary: a message an operator or admin can act on.
struct Error
{
    QString message;
};

// Errors as values: either a T or an Error. Use ok() before value().
template<typename T> class [[nodiscard]] Expected
{
public:
    Expected(T value) : m_value(std::move(value)) { }
    Expected(Error error) : m_error(std::move(error.message)) { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const QString &error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

template<> class [[nodiscard]] Expected<void>
{
public:
    Expected() = default;
    Expected(Error error) : m_failed(true), m_error(std::move(error.message)) { }
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};

} // namespace dockhand
