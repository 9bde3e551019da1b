#include "access/accessstore.h"

#include "access/tokens.h"
#include "pin.h"
#include "storage/database.h"
#include "storage/timestamps.h"

#include <QSqlQuery>

namespace dockhand::server {

Expected<AccessStore::LoginResult> AccessStore::login(const QString &badge, const QString &pin)
{
    LoginResult result;
    const QDateTime nowTime = QDateTime::currentDateTimeUtc();
    const QString now = timestamp(nowTime);
    int failures = 0;
    QDateTime lockedUntil, nextAttempt;
    {
        auto q = m_db.run(
            QStringLiteral("SELECT failures, locked_until, next_attempt FROM login_failures WHERE badge = ?"),
            {badge});
        if (!q)
            return Error {q.error()};
        if (q.value()->next()) {
            failures = q.value()->value(0).toInt();
            lockedUntil = parseTimestamp(q.value()->value(1));
            nextAttempt = parseTimestamp(q.value()->value(2));
        }
        q.value()->finish();
    }
    // Locked, or too soon after the last failure: refused without looking at the PIN, so
    // guessing costs wall-clock time however fast the guesser is.
    const QDateTime until = lockedUntil.isValid() && lockedUntil > nowTime ? lockedUntil
        : nextAttempt.isValid() && nextAttempt > nowTime                   ? nextAttempt
                                                                           : QDateTime();
    if (until.isValid()) {
        result.outcome = LoginResult::Outcome::Locked;
        result.lockedSeconds = qMax<qint64>(1, (nowTime.msecsTo(until) + 999) / 1000);
        result.failures = failures;
        return result;
    }
    auto stored = operatorPinHash(badge);
    if (!stored)
        return Error {stored.error()};
    if (!stored.value().isEmpty() && protocol::pin::verify(pin, stored.value())) {
        const QString token = newToken();
        auto d = m_db.run(QStringLiteral("DELETE FROM login_failures WHERE badge = ?"), {badge});
        if (!d)
            return Error {d.error()};
        d.value()->finish();
        auto t = m_db.run(
            QStringLiteral("INSERT INTO operator_tokens (token_hash, badge, created_at) VALUES (?, ?, ?)"),
            {tokenHash(token), badge, now});
        if (!t)
            return Error {t.error()};
        t.value()->finish();
        auto o = m_db.run(QStringLiteral("SELECT role, name FROM operators WHERE badge = ?"), {badge});
        if (!o)
            return Error {o.error()};
        if (o.value()->next()) {
            result.role = o.value()->value(0).toString();
            result.name = o.value()->value(1).toString();
        }
        o.value()->finish();
        result.outcome = LoginResult::Outcome::Ok;
        result.token = token;
        return result;
    }
    ++failures;
    const bool lock = failures >= kMaxPinFailures;
    // Delays double per failure (base, 2×base, 4×base ...) until the lockout.
    const qint64 delayMs = qint64(m_loginDelayMs) << qMin(failures - 1, 10);
    // The table holds only recent failures: a badge's count starts again once its last failure
    // (and any lockout) is older than the lockout window, so guessing many badges cannot grow it.
    auto pruned
        = m_db.run(QStringLiteral("DELETE FROM login_failures WHERE locked_until < ? AND next_attempt < ?"),
            {now, timestamp(nowTime.addSecs(-kLockoutSeconds))});
    if (!pruned)
        return Error {pruned.error()};
    pruned.value()->finish();
    bool record = true;
    if (stored.value().isEmpty()) {
        // An unknown badge is answered exactly like a wrong PIN (it does not tell which badges
        // exist) and counted like one, up to a cap: the per-address request limit bounds one
        // client, the cap bounds all of them together.
        auto rows = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM login_failures"));
        if (!rows)
            return Error {rows.error()};
        record = rows.value() < m_maxLoginFailureRows;
    }
    auto u = !record
        ? Expected<QSqlQuery *>(nullptr)
        : m_db.run(
            QStringLiteral("INSERT INTO login_failures (badge, failures, locked_until, next_attempt) VALUES "
                           "(?, ?, ?, ?) ON CONFLICT (badge) DO UPDATE SET failures = excluded.failures, "
                           "locked_until = excluded.locked_until, next_attempt = excluded.next_attempt"),
            {badge.left(64), lock ? 0 : failures,
                lock ? timestamp(nowTime.addSecs(kLockoutSeconds)) : QStringLiteral(""),
                timestamp(nowTime.addMSecs(delayMs))});
    if (!u)
        return Error {u.error()};
    if (u.value())
        u.value()->finish();
    result.failures = failures;
    if (lock) {
        result.outcome = LoginResult::Outcome::Locked;
        result.lockedSeconds = kLockoutSeconds;
    }
    return result;
}

} // namespace dockhand::server
