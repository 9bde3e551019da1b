#include "http/api.h"

#include "access/sitesetup.h"
#include "http/parameters.h"

#include <QLoggingCategory>

namespace dockhand::server {

ApiResponse Api::enrol(Call &call)
{
    if (auto limited = throttleAddress(call.request))
        return *limited;
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    ApiResponse error;
    const QString shape = QStringLiteral("{\"code\": ..., \"device\": ..., \"name\": ...}");
    const auto json = jsonObjectBody(call.request, shape, &error);
    if (!json)
        return error;
    const auto fields = stringFields(
        *json, {QStringLiteral("code"), QStringLiteral("device")}, {QStringLiteral("name")}, &error);
    if (!fields)
        return error;
    const QString device = fields->value(QStringLiteral("device"));
    if (const QString problem = protocol::deviceIdProblem(device); !problem.isEmpty())
        return ApiResponse::error(400, problem);
    auto token = call.store.accessStore().enrol(
        fields->value(QStringLiteral("code")), device, fields->value(QStringLiteral("name")));
    if (!token)
        return storageError(QStringLiteral("cannot enrol the device"), token.error());
    if (token->isEmpty())
        return ApiResponse::error(
            403, QStringLiteral("the enrolment code is not valid; ask an admin for a current one"));
    auto lastSeq = call.store.eventStore().lastSequence(device);
    if (!lastSeq)
        return storageError(QStringLiteral("cannot enrol the device"), lastSeq.error());
    qCInfo(lcServerApi).noquote() << "device" << device << "enrolled; last sequence number held"
                                  << lastSeq.value();
    return {200,
        QJsonObject {{QLatin1String("device"), device}, {QLatin1String("token"), token.value()},
            {QLatin1String("lastSeq"), lastSeq.value()}},
        {}, {}};
}

ApiResponse Api::login(Call &call)
{
    if (auto limited = throttleAddress(call.request))
        return *limited;
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    ApiResponse error;
    const auto json = jsonObjectBody(call.request, QStringLiteral("{\"badge\": ..., \"pin\": ...}"), &error);
    if (!json)
        return error;
    const auto fields = stringFields(*json, {QStringLiteral("badge"), QStringLiteral("pin")}, {}, &error);
    if (!fields)
        return error;
    const QString badge = fields->value(QStringLiteral("badge"));
    auto result = call.store.accessStore().login(badge, fields->value(QStringLiteral("pin")));
    if (!result)
        return storageError(QStringLiteral("cannot check the PIN"), result.error());
    using Outcome = ServerStore::LoginResult::Outcome;
    switch (result->outcome) {
    case Outcome::Ok:
        return {200,
            QJsonObject {{QLatin1String("badge"), badge}, {QLatin1String("name"), result->name},
                {QLatin1String("role"), result->role}, {QLatin1String("token"), result->token}},
            {}, {}};
    case Outcome::Locked: {
        ApiResponse r = ApiResponse::error(429,
            result->lockedSeconds > 60
                ? QStringLiteral("badge %1 is locked after %2 wrong PINs; try again in %3 minutes")
                      .arg(badge)
                      .arg(ServerStore::kMaxPinFailures)
                      .arg((result->lockedSeconds + 59) / 60)
                : QStringLiteral("too many wrong PINs for badge %1; wait %2 s before the next try")
                      .arg(badge)
                      .arg(result->lockedSeconds));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(result->lockedSeconds)});
        return r;
    }
    case Outcome::WrongPin:
        break;
    }
    // A new site nobody can log in to yet says how to change that.
    auto admin = hasAdministrator(call.store.database());
    ApiResponse r = ApiResponse::error(401,
        admin && !admin.value()
            ? QStringLiteral("wrong badge or PIN: %1").arg(firstAdministratorHint())
            : QStringLiteral("wrong badge or PIN (%1 tries left before badge %2 is locked for 15 minutes)")
                  .arg(ServerStore::kMaxPinFailures - result->failures)
                  .arg(badge));
    r.body.insert(QLatin1String("triesLeft"), ServerStore::kMaxPinFailures - result->failures);
    return r;
}

} // namespace dockhand::server
