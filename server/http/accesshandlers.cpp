#include "http/api.h"

#include "access/sitesetup.h"
#include "http/parameters.h"

#include <QJsonArray>
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

namespace {

QJsonObject apiKeyJson(const ApiKey &key)
{
    return {{QLatin1String("id"), key.id}, {QLatin1String("name"), key.name},
        {QLatin1String("scopes"), QJsonArray::fromStringList(key.scopes)},
        {QLatin1String("createdBy"), key.createdBy}, {QLatin1String("createdAt"), isoTime(key.createdAt)},
        {QLatin1String("lastUsedAt"),
            key.lastUsedAt.isValid() ? QJsonValue(isoTime(key.lastUsedAt)) : QJsonValue()},
        {QLatin1String("revokedAt"),
            key.revokedAt.isValid() ? QJsonValue(isoTime(key.revokedAt)) : QJsonValue()}};
}

} // namespace

ApiResponse Api::createApiKey(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    ApiResponse error;
    const auto json = jsonObjectBody(call.request,
        QStringLiteral("{\"name\": \"what the key is for\", \"scopes\": [\"orders:write\", ...]}"), &error);
    if (!json)
        return error;
    for (auto it = json->constBegin(); it != json->constEnd(); ++it)
        if (it.key() != QLatin1String("name") && it.key() != QLatin1String("scopes"))
            return ApiResponse::error(
                400, QStringLiteral("unknown field '%1' (allowed: name, scopes)").arg(it.key().left(64)));
    const QJsonValue name = json->value(QLatin1String("name"));
    const QJsonValue scopes = json->value(QLatin1String("scopes"));
    if (!name.isString())
        return ApiResponse::error(400, QStringLiteral("'name' must be a string saying what the key is for"));
    QStringList scopeList;
    for (const QJsonValue &scope : scopes.toArray()) {
        if (!scope.isString())
            return ApiResponse::error(400, QStringLiteral("'scopes' must be an array of strings"));
        scopeList.append(scope.toString());
    }
    if (!scopes.isArray())
        return ApiResponse::error(400, QStringLiteral("'scopes' must be an array of strings"));
    if (const QString bad = ApiKeyStore::checkNewKey(name.toString(), scopeList); !bad.isEmpty())
        return ApiResponse::error(400, bad);
    auto made = call.store.accessStore().apiKeys().create(name.toString(), scopeList, call.caller.id);
    if (!made)
        return storageError(QStringLiteral("cannot create the API key"), made.error());
    qCInfo(lcServerApi).noquote() << call.caller.id << "created API key" << made->key.id << "for"
                                  << made->key.name << "with" << made->key.scopes.join(u' ');
    QJsonObject body = apiKeyJson(made->key);
    body.insert(QLatin1String("key"), made->secret);
    return {201, body, {}};
}

ApiResponse Api::listApiKeys(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    auto keys = call.store.accessStore().apiKeys().keys();
    if (!keys)
        return storageError(QStringLiteral("cannot read the API keys"), keys.error());
    QJsonArray list;
    for (const ApiKey &key : std::as_const(keys.value()))
        list.append(apiKeyJson(key));
    return {200, QJsonObject {{QLatin1String("apiKeys"), list}, {QLatin1String("total"), list.size()}}, {}};
}

ApiResponse Api::revokeApiKey(Call &call)
{
    if (auto bad = checkQuery(call.request, {}))
        return *bad;
    const QString id = call.args.value(0);
    auto revoked = call.store.accessStore().apiKeys().revoke(id);
    if (!revoked)
        return storageError(QStringLiteral("cannot revoke the API key"), revoked.error());
    if (!revoked->has_value())
        return ApiResponse::error(404, QStringLiteral("there is no API key '%1'").arg(id.left(64)));
    qCInfo(lcServerApi).noquote() << call.caller.id << "revoked API key" << id;
    return {200, apiKeyJson(revoked->value()), {}};
}

} // namespace dockhand::server
