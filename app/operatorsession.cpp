#include "operatorsession.h"

#include "actions.h"
#include "pin.h"
#include "scanrecorder.h"

namespace dockhand {

namespace {
QJsonObject loginFields(protocol::Action action, const QString &badge)
{
    return {{protocol::wireName(protocol::Field::Action), protocol::wireName(action)},
        {protocol::wireName(protocol::Field::Badge), badge}};
}
} // namespace

OperatorSession::OperatorSession(ScanRecorder *recorder, const FloorData *data, QObject *parent)
    : Workflow(QStringLiteral("login"), recorder, data, parent)
{
    updatePrompt();
}

void OperatorSession::setPinRequired(bool required)
{
    if (required == m_pinRequired)
        return;
    m_pinRequired = required;
    emit pinRequiredChanged();
}

QStringList OperatorSession::menuFor(const QString &role)
{
    if (role == QLatin1String("picker"))
        return {QStringLiteral("pick"), QStringLiteral("sync"), QStringLiteral("settings")};
    if (role == QLatin1String("packer"))
        return {QStringLiteral("pack"), QStringLiteral("sync"), QStringLiteral("settings")};
    if (role == QLatin1String("supervisor") || role == QLatin1String("admin"))
        return {QStringLiteral("pick"), QStringLiteral("pack"), QStringLiteral("review"),
            QStringLiteral("sync"), QStringLiteral("settings")};
    return {};
}

QVariantList OperatorSession::menu() const
{
    if (m_state != State::LoggedIn)
        return {};
    QVariantList entries;
    for (const QString &id : menuFor(m_operator.role)) {
        QString title;
        if (id == QLatin1String("pick"))
            title = tr("Pick");
        else if (id == QLatin1String("pack"))
            title = tr("Pack");
        else if (id == QLatin1String("review"))
            title = tr("Review exceptions");
        else if (id == QLatin1String("sync"))
            title = tr("Sync status");
        else
            title = tr("Settings");
        entries.append(QVariantMap {{QStringLiteral("id"), id}, {QStringLiteral("title"), title}});
    }
    return entries;
}

bool OperatorSession::verifyPin(const QString &pin, const QString &pinHash)
{
    return protocol::pin::verify(pin, pinHash);
}

void OperatorSession::handleScan(const Scan &scan)
{
    if (!scan.valid) {
        record(&scan, {}, loginFields(protocol::Action::Login, {}), false, scan.error);
        return;
    }
    if (scan.kind != ScanKind::Badge) {
        const QString message = m_state == State::LoggedIn
            ? tr("%1 is not a badge. Open a workflow from the menu to scan it.")
                  .arg(ScanRecorder::describe(scan))
            : tr("Log in first: scan your operator badge (this was %1).").arg(ScanRecorder::describe(scan));
        record(&scan, {}, loginFields(protocol::Action::Login, {}), false, message);
        return;
    }
    const auto op = data() ? data()->operatorByBadge(scan.code) : std::nullopt;
    if (!op) {
        record(&scan, {}, loginFields(protocol::Action::Login, scan.code), false,
            tr("Badge %1 is not known on this device. Ask a supervisor, or sync and try again.")
                .arg(scan.code));
        return;
    }
    if (m_state == State::LoggedIn && op->badge == m_operator.badge) {
        // Scanning your own badge again logs you out: the quick way to hand the device over.
        logout();
        return;
    }
    if (m_pinRequired) {
        if (m_state == State::LoggedIn)
            logout();
        m_operator = *op;
        setState(State::AwaitingPin);
        return;
    }
    login(*op, &scan);
}

void OperatorSession::loginWithPin(const QString &badge, const QString &pin)
{
    const auto op = data() ? data()->operatorByBadge(badge.trimmed()) : std::nullopt;
    if (!op) {
        record(nullptr, {}, loginFields(protocol::Action::Login, badge.trimmed()), false,
            tr("Badge %1 is not known on this device. Ask a supervisor, or sync and try again.")
                .arg(badge.trimmed()));
        return;
    }
    if (!verifyPin(pin, op->pinHash)) {
        record(nullptr, {}, loginFields(protocol::Action::Login, op->badge), false,
            tr("Wrong PIN for %1. Type it again.").arg(op->badge));
        return;
    }
    if (m_state == State::LoggedIn)
        logout();
    login(*op, nullptr);
}

void OperatorSession::submitPin(const QString &pin)
{
    if (m_state != State::AwaitingPin) {
        record(nullptr, {}, loginFields(protocol::Action::Login, {}), false, tr("Scan your badge first."));
        return;
    }
    if (!verifyPin(pin, m_operator.pinHash)) {
        record(nullptr, {}, loginFields(protocol::Action::Login, m_operator.badge), false,
            tr("Wrong PIN for %1. Type it again.").arg(m_operator.badge));
        return;
    }
    login(m_operator, nullptr);
}

void OperatorSession::cancel()
{
    if (m_state != State::AwaitingPin)
        return;
    m_operator = {};
    setState(State::LoggedOut);
}

void OperatorSession::login(const CachedOperator &op, const Scan *scan)
{
    if (menuFor(op.role).isEmpty()) {
        record(scan, {}, loginFields(protocol::Action::Login, op.badge), false,
            tr("%1 has the role \"%2\", which cannot use this device.").arg(op.name, op.role));
        return;
    }
    // The login event is the new operator's first event.
    if (recorder())
        recorder()->setOperator(op.badge);
    if (!record(scan, {}, loginFields(protocol::Action::Login, op.badge), true,
            tr("Hello %1 (%2)").arg(op.name, op.role))) {
        if (recorder())
            recorder()->setOperator(m_state == State::LoggedIn ? m_operator.badge : QString());
        return;
    }
    m_operator = op;
    setState(State::LoggedIn);
    emit operatorChanged(op.badge);
}

void OperatorSession::logout()
{
    if (m_state != State::LoggedIn) {
        cancel();
        return;
    }
    // A logout that cannot be saved still ends the session: the device must not stay open.
    record(nullptr, {}, loginFields(protocol::Action::Logout, m_operator.badge), true,
        tr("Goodbye %1").arg(m_operator.name));
    if (recorder())
        recorder()->setOperator({});
    m_operator = {};
    setState(State::LoggedOut);
    emit operatorChanged({});
}

void OperatorSession::setState(State state)
{
    m_state = state;
    updatePrompt();
    emit stateChanged();
}

void OperatorSession::updatePrompt()
{
    switch (m_state) {
    case State::LoggedOut:
        setPrompt(tr("Scan your badge to log in"));
        break;
    case State::AwaitingPin:
        setPrompt(tr("%1: type your PIN").arg(m_operator.name));
        break;
    case State::LoggedIn:
        setPrompt(tr("Choose from the menu"));
        break;
    }
}

} // namespace dockhand
