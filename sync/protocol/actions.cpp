#include "actions.h"

#include <array>
#include <utility>

namespace dockhand::protocol {

namespace {

// The wire names, one table per enum: the only place they are spelt.
constexpr std::array<std::pair<Action, const char *>, 11> kActions {{
    {Action::Login, "login"},
    {Action::Logout, "logout"},
    {Action::VerifyLocation, "verify-location"},
    {Action::Pick, "pick"},
    {Action::Short, "short"},
    {Action::BindTote, "bind-tote"},
    {Action::OpenOrder, "open-order"},
    {Action::VerifyItem, "verify-item"},
    {Action::ChooseCarton, "choose-carton"},
    {Action::CloseCarton, "close-carton"},
    {Action::Damage, "damage"},
}};

constexpr std::array<std::pair<Field, const char *>, 16> kFields {{
    {Field::Action, "action"},
    {Field::Task, "task"},
    {Field::Badge, "badge"},
    {Field::Order, "order"},
    {Field::Line, "line"},
    {Field::Gtin, "gtin"},
    {Field::Location, "location"},
    {Field::Tote, "tote"},
    {Field::Quantity, "quantity"},
    {Field::Lot, "lot"},
    {Field::Expiry, "expiry"},
    {Field::Serial, "serial"},
    {Field::Reason, "reason"},
    {Field::Carton, "carton"},
    {Field::WeightKg, "weightKg"},
    {Field::Count, "count"},
}};

constexpr std::array<std::pair<ShortReason, const char *>, 4> kShortReasons {{
    {ShortReason::NotFound, "not-found"},
    {ShortReason::Damaged, "damaged"},
    {ShortReason::Insufficient, "insufficient"},
    {ShortReason::WrongItem, "wrong-item"},
}};

constexpr std::array<std::pair<DamageReason, const char *>, 3> kDamageReasons {{
    {DamageReason::Damaged, "damaged"},
    {DamageReason::Packaging, "packaging"},
    {DamageReason::WrongItem, "wrong-item"},
}};

template<typename E, std::size_t N>
QString nameIn(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueIn(const std::array<std::pair<E, const char *>, N> &table, const QString &name)
{
    for (const auto &[e, wire] : table) {
        if (name == QLatin1String(wire))
            return e;
    }
    return std::nullopt;
}

template<typename E, std::size_t N>
QStringList namesIn(const std::array<std::pair<E, const char *>, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

} // namespace

QString wireName(Action action)
{
    return nameIn(kActions, action);
}

std::optional<Action> actionFromWire(const QString &name)
{
    return valueIn(kActions, name);
}

std::optional<Action> actionOf(const QJsonObject &fields)
{
    return actionFromWire(fields.value(wireName(Field::Action)).toString());
}

QString wireName(Field field)
{
    return nameIn(kFields, field);
}

std::optional<Field> fieldFromWire(const QString &name)
{
    return valueIn(kFields, name);
}

QString wireName(ShortReason reason)
{
    return nameIn(kShortReasons, reason);
}

const QStringList &shortReasons()
{
    static const QStringList names = namesIn(kShortReasons);
    return names;
}

QString wireName(DamageReason reason)
{
    return nameIn(kDamageReasons, reason);
}

const QStringList &damageReasons()
{
    static const QStringList names = namesIn(kDamageReasons);
    return names;
}

} // namespace dockhand::protocol
