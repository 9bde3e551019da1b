#include "access/sitesetup.h"

#include "changelog/changelog.h"
#include "download.h"
#include "pin.h"
#include "storage/database.h"
#include "storage/timestamps.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <algorithm>

namespace dockhand::server {

namespace {

constexpr qsizetype kMaxBadgeLength = 64;
constexpr qsizetype kMaxNameLength = 200;

bool allDigits(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

QString checkFirstAdministrator(const FirstAdministrator &admin)
{
    if (admin.badge.isEmpty())
        return QStringLiteral("the administrator's badge is missing (--admin-badge BADGE)");
    if (admin.badge.size() > kMaxBadgeLength)
        return QStringLiteral("the badge is %1 characters long; at most %2 are accepted")
            .arg(admin.badge.size())
            .arg(kMaxBadgeLength);
    for (const QChar c : admin.badge)
        if (!c.isPrint() || c.isSpace())
            return QStringLiteral("the badge '%1' holds a space or a control character; a badge is what its "
                                  "barcode holds, without spaces")
                .arg(admin.badge);
    if (admin.name.trimmed().isEmpty())
        return QStringLiteral("the administrator's name is missing (--admin-name NAME)");
    if (admin.name.size() > kMaxNameLength || admin.siteName.size() > kMaxNameLength)
        return QStringLiteral("names are at most %1 characters long").arg(kMaxNameLength);
    if (admin.pin.size() < 4 || admin.pin.size() > 12 || !allDigits(admin.pin))
        return QStringLiteral("the PIN must be 4 to 12 digits (leave out --admin-pin to have one generated)");
    return {};
}

Expected<bool> hasAdministrator(Database &db)
{
    auto admins = db.scalar(QStringLiteral("SELECT COUNT(*) FROM operators WHERE role = 'admin'"));
    if (!admins)
        return Error {admins.error()};
    return admins.value() > 0;
}

Expected<void> createFirstAdministrator(Database &db, ChangeLog &changes, const FirstAdministrator &admin)
{
    if (const QString bad = checkFirstAdministrator(admin); !bad.isEmpty())
        return Error {bad};
    const QString pinHash = protocol::pin::hash(admin.pin); // slow: before the transaction
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    const QString name = admin.name.trimmed();
    auto fail = [&db](const QString &why) -> Expected<void> {
        db.rollback();
        return Error {why};
    };
    if (auto began = db.begin(); !began)
        return began;
    // The first row's two columns, or none.
    auto firstRow
        = [&db](const QString &sql, std::initializer_list<QVariant> values) -> Expected<QStringList> {
        auto q = db.run(sql, values);
        if (!q)
            return Error {q.error()};
        QStringList row;
        if (q.value()->next())
            row = {q.value()->value(0).toString(), q.value()->value(1).toString()};
        q.value()->finish();
        return row;
    };
    auto existing = firstRow(
        QStringLiteral("SELECT badge, name FROM operators WHERE role = 'admin' ORDER BY badge"), {});
    if (!existing)
        return fail(existing.error());
    if (!existing->isEmpty())
        return fail(QStringLiteral("this site is set up already: %1 (badge %2) is its administrator; nothing "
                                   "was changed")
                        .arg(existing->at(1), existing->at(0)));
    auto taken = firstRow(QStringLiteral("SELECT name, role FROM operators WHERE badge = ?"), {admin.badge});
    if (!taken)
        return fail(taken.error());
    if (!taken->isEmpty())
        return fail(QStringLiteral("badge %1 belongs to %2 (%3) already; choose another badge for the "
                                   "administrator")
                        .arg(admin.badge, taken->at(0), taken->at(1)));
    auto inserted = db.run(
        QStringLiteral("INSERT INTO operators (badge, name, role, pin_hash) VALUES (?, ?, 'admin', ?)"),
        {admin.badge, name, pinHash});
    if (!inserted)
        return fail(inserted.error());
    inserted.value()->finish();
    const QList<std::pair<QString, QString>> site {
        {QStringLiteral("site.name"), text(admin.siteName.trimmed())},
        {QStringLiteral("site.set_up_at"), now}};
    for (const auto &[key, value] : site) {
        auto meta
            = db.run(QStringLiteral("INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                                    "DO UPDATE SET value = excluded.value"),
                {key, value});
        if (!meta)
            return fail(meta.error());
        meta.value()->finish();
    }
    if (auto change = changes.appendChange(QStringLiteral("operator"), admin.badge,
            protocol::Operator {admin.badge, name, QStringLiteral("admin"), pinHash}.toJson(), now);
        !change)
        return fail(change.error());
    if (auto committed = db.commit(); !committed)
        return fail(committed.error());
    return {};
}

QString generatePin(int digits)
{
    QString pin;
    for (int i = 0; i < digits; ++i)
        pin += QChar(u'0' + QRandomGenerator::system()->bounded(10));
    return pin;
}

QString firstAdministratorHint()
{
    return QStringLiteral("this site has no administrator yet: create one with 'dockhand-server init "
                          "--admin-badge BADGE --admin-name NAME' (with the same --data-dir or --database), "
                          "which prints the PIN once");
}

} // namespace dockhand::server
