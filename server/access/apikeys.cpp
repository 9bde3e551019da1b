#include "access/apikeys.h"

#include "access/tokens.h"
#include "storage/database.h"
#include "storage/timestamps.h"

#include <QRandomGenerator>
#include <QSqlQuery>

namespace dockhand::server {

namespace {

constexpr qsizetype kMaxNameLength = 100;

ApiKey keyFrom(const QSqlQuery &r)
{
    return {r.value(0).toString(), r.value(1).toString(),
        r.value(2).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts), r.value(3).toString(),
        parseTimestamp(r.value(4)), parseTimestamp(r.value(5)), parseTimestamp(r.value(6))};
}

const QString kColumns = QStringLiteral("id, name, scopes, created_by, created_at, last_used_at, revoked_at");

} // namespace

const QStringList &apiKeyScopes()
{
    static const QStringList scopes {QStringLiteral("orders:read"), QStringLiteral("orders:write"),
        QStringLiteral("masterdata:read"), QStringLiteral("masterdata:write"),
        QStringLiteral("tracking:write")};
    return scopes;
}

QString ApiKeyStore::checkNewKey(const QString &name, const QStringList &scopes)
{
    if (name.trimmed().isEmpty() || name.size() > kMaxNameLength)
        return QStringLiteral("'name' must say what the key is for, in 1 to %1 characters")
            .arg(kMaxNameLength);
    if (scopes.isEmpty())
        return QStringLiteral("'scopes' must list at least one of %1")
            .arg(apiKeyScopes().join(QLatin1String(", ")));
    for (const QString &scope : scopes)
        if (!apiKeyScopes().contains(scope))
            return QStringLiteral("unknown scope '%1'; the scopes are %2")
                .arg(scope.left(40), apiKeyScopes().join(QLatin1String(", ")));
    return {};
}

Expected<ApiKeyStore::Created> ApiKeyStore::create(
    const QString &name, const QStringList &scopes, const QString &createdBy)
{
    Created made;
    const quint64 random = QRandomGenerator::system()->generate64();
    made.key.id
        = QStringLiteral("dhk_") + QString::number(random & 0xffffffffffffULL, 16).rightJustified(12, u'0');
    made.secret = made.key.id + u'_' + newToken();
    made.key.name = name.trimmed();
    for (const QString &scope : apiKeyScopes()) // stored once each, in the documented order
        if (scopes.contains(scope))
            made.key.scopes.append(scope);
    made.key.createdBy = createdBy;
    made.key.createdAt = QDateTime::currentDateTimeUtc();
    auto q
        = m_db.run(QStringLiteral("INSERT INTO api_keys (id, name, scopes, key_hash, created_by, created_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"),
            {made.key.id, made.key.name, made.key.scopes.join(u' '), tokenHash(made.secret), text(createdBy),
                timestamp(made.key.createdAt)});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return made;
}

Expected<QList<ApiKey>> ApiKeyStore::keys()
{
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM api_keys ORDER BY created_at DESC, id").arg(kColumns));
    if (!q)
        return Error {q.error()};
    QList<ApiKey> list;
    while (q.value()->next())
        list.append(keyFrom(*q.value()));
    q.value()->finish();
    return list;
}

Expected<std::optional<ApiKey>> ApiKeyStore::revoke(const QString &id)
{
    auto u = m_db.run(QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at = ''"),
        {timestamp(QDateTime::currentDateTimeUtc()), id});
    if (!u)
        return Error {u.error()};
    u.value()->finish();
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM api_keys WHERE id = ?").arg(kColumns), {id});
    if (!q)
        return Error {q.error()};
    std::optional<ApiKey> key;
    if (q.value()->next())
        key = keyFrom(*q.value());
    q.value()->finish();
    return key;
}

Expected<std::optional<ApiKey>> ApiKeyStore::find(const QString &secret)
{
    auto q = m_db.run(
        QStringLiteral("SELECT %1 FROM api_keys WHERE key_hash = ?").arg(kColumns), {tokenHash(secret)});
    if (!q)
        return Error {q.error()};
    std::optional<ApiKey> key;
    if (q.value()->next())
        key = keyFrom(*q.value());
    q.value()->finish();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (key && !key->revokedAt.isValid()
        && (!key->lastUsedAt.isValid() || key->lastUsedAt.secsTo(now) >= 60)) {
        auto u = m_db.run(
            QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ?"), {timestamp(now), key->id});
        if (!u)
            return Error {u.error()};
        u.value()->finish();
        key->lastUsedAt = now;
    }
    return key;
}

} // namespace dockhand::server
