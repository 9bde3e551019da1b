#pragma once

#include "expected.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Machine credentials for the systems that talk to the server (a shop, an ERP, a carrier): API
// keys an admin creates with scopes, shown once, stored as their SHA-256 only, revocable, with
// the time each was last used. A key is "dhk_<12 hex>_<secret>": the part before the second
// underscore is its id, which lists and logs show; the whole key is what a client sends as
// `Authorization: Bearer`. A key never stands for a person: the endpoints a key may use are
// exactly those that name one of its scopes.
namespace dockhand::server {

class Database;

// Every scope a key may hold, in the order documentation lists them.
const QStringList &apiKeyScopes();

struct ApiKey
{
    QString id; // "dhk_1a2b3c4d5e6f"
    QString name; // what the key is for: "Shop (Shopware, production)"
    QStringList scopes;
    QString createdBy; // the admin's badge
    QDateTime createdAt;
    QDateTime lastUsedAt; // invalid: never used; kept to the minute
    QDateTime revokedAt; // invalid: the key is valid
};

class ApiKeyStore
{
public:
    explicit ApiKeyStore(Database &db) : m_db(db) { }

    // Why `name` and `scopes` cannot make a key, or empty.
    static QString checkNewKey(const QString &name, const QStringList &scopes);
    // The new key's record and the key itself (in clear, to show once).
    struct Created
    {
        ApiKey key;
        QString secret; // the whole key, "dhk_..._..."
    };
    Expected<Created> create(const QString &name, const QStringList &scopes, const QString &createdBy);
    Expected<QList<ApiKey>> keys(); // newest first
    // Revokes the key `id` (a key revoked already keeps its first revocation time); nullopt when
    // there is no such key.
    Expected<std::optional<ApiKey>> revoke(const QString &id);
    // The key `secret` names, revoked ones included (the caller refuses those, saying so);
    // nullopt when it names none. Notes the time of use, at most once a minute per key.
    Expected<std::optional<ApiKey>> find(const QString &secret);

    // Whether a bearer token is shaped like an API key (and so is looked up only here).
    static bool looksLikeKey(const QString &token) { return token.startsWith(QLatin1String("dhk_")); }

private:
    Database &m_db;
};

} // namespace dockhand::server
