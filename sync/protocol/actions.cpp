#include "actions.h"

#include "wiretable.h"

namespace dockhand::protocol {

namespace {

// The wire names, one table per enum: the only place they are spelt.
constexpr wiretable::Table<Action, 11> kActions {{
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

constexpr wiretable::Table<Field, 25> kFields {{
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
    {Field::CartonType, "cartonType"},
    {Field::WeightKg, "weightKg"},
    {Field::Items, "items"},
    {Field::Count, "count"},
    {Field::Symbology, "symbology"},
    {Field::Sscc, "sscc"},
    {Field::Code, "code"},
    {Field::Hri, "hri"},
    {Field::Elements, "elements"},
    {Field::Ai, "ai"},
    {Field::Value, "value"},
}};

constexpr wiretable::Table<ShortReason, 4> kShortReasons {{
    {ShortReason::NotFound, "not-found"},
    {ShortReason::Damaged, "damaged"},
    {ShortReason::Insufficient, "insufficient"},
    {ShortReason::WrongItem, "wrong-item"},
}};

constexpr wiretable::Table<DamageReason, 3> kDamageReasons {{
    {DamageReason::Damaged, "damaged"},
    {DamageReason::Packaging, "packaging"},
    {DamageReason::WrongItem, "wrong-item"},
}};

} // namespace

QString wireName(Action action)
{
    return wiretable::nameOf(kActions, action);
}

std::optional<Action> actionFromWire(const QString &name)
{
    return wiretable::valueOf(kActions, name);
}

std::optional<Action> actionOf(const QJsonObject &fields)
{
    return actionFromWire(fields.value(wireName(Field::Action)).toString());
}

QString wireName(Field field)
{
    return wiretable::nameOf(kFields, field);
}

std::optional<Field> fieldFromWire(const QString &name)
{
    return wiretable::valueOf(kFields, name);
}

QString wireName(ShortReason reason)
{
    return wiretable::nameOf(kShortReasons, reason);
}

const QStringList &shortReasons()
{
    static const QStringList names = wiretable::namesOf(kShortReasons);
    return names;
}

QString wireName(DamageReason reason)
{
    return wiretable::nameOf(kDamageReasons, reason);
}

const QStringList &damageReasons()
{
    static const QStringList names = wiretable::namesOf(kDamageReasons);
    return names;
}

} // namespace dockhand::protocol
