#include "access/accessstore.h"

#include "access/tokens.h"
#include "storage/database.h"
#include "storage/timestamps.h"

#include <QSqlQuery>

namespace dockhand::server {

Expected<void> AccessStore::addEnrolmentCode(const QString &code)
{
    auto q = m_db.run(
        QStringLiteral("INSERT INTO enrolment_codes (code, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"),
        {code, timestamp(QDateTime::currentDateTimeUtc())});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return {};
}

Expected<QString> AccessStore::enrol(const QString &code, const QString &device, const QString &name)
{
    auto valid = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM enrolment_codes WHERE code = ?"), {code});
    if (!valid)
        return Error {valid.error()};
    if (valid.value() == 0)
        return QString();
    const QString token = newToken();
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    // One row per device: a new enrolment replaces the token hash, which revokes the old token.
    auto q
        = m_db.run(QStringLiteral("INSERT INTO devices (id, name, first_seen, last_seen, token_hash) VALUES "
                                  "(?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                                  "token_hash = excluded.token_hash, last_seen = excluded.last_seen"),
            {device, text(name), now, now, tokenHash(token)});
    if (!q)
        return Error {q.error()};
    q.value()->finish();
    return token;
}

Expected<AccessStore::Principal> AccessStore::authenticate(const QString &token)
{
    Principal who;
    if (token.isEmpty() || token.size() > 256)
        return who;
    if (ApiKeyStore::looksLikeKey(token)) {
        auto key = m_apiKeys.find(token);
        if (!key)
            return Error {key.error()};
        if (key.value())
            who = {Principal::Kind::ApiKey, key.value()->id, {}, key.value()->name, key.value()->scopes,
                key.value()->revokedAt};
        return who;
    }
    const QString hash = tokenHash(token);
    auto d = m_db.run(QStringLiteral("SELECT id FROM devices WHERE token_hash = ?"), {hash});
    if (!d)
        return Error {d.error()};
    if (d.value()->next())
        who = {Principal::Kind::Device, d.value()->value(0).toString(), {}};
    d.value()->finish();
    if (who.kind != Principal::Kind::None)
        return who;
    auto o = m_db.run(
        QStringLiteral("SELECT o.badge, o.role FROM operator_tokens t JOIN operators o ON o.badge = "
                       "t.badge WHERE t.token_hash = ?"),
        {hash});
    if (!o)
        return Error {o.error()};
    if (o.value()->next())
        who = {Principal::Kind::Operator, o.value()->value(0).toString(), o.value()->value(1).toString()};
    o.value()->finish();
    return who;
}

Expected<QString> AccessStore::operatorPinHash(const QString &badge)
{
    auto q = m_db.run(QStringLiteral("SELECT pin_hash FROM operators WHERE badge = ?"), {badge});
    if (!q)
        return Error {q.error()};
    QString hash;
    if (q.value()->next())
        hash = q.value()->value(0).toString();
    q.value()->finish();
    return hash;
}

} // namespace dockhand::server
