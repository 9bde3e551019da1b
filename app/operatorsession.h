#pragma once

#include "workflow.h"

#include <QVariantList>

namespace dockhand {

// Who is working on this device: log in by scanning a badge (or badge + PIN on the keypad),
// verified offline against the cached operator list; the role decides the menu. Every event any
// workflow records carries the logged-in operator (set on the ScanRecorder).
class OperatorSession : public dockhand::Workflow
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY stateChanged)
    // When true, a badge scan alone does not log in: the PIN must follow on the keypad.
    Q_PROPERTY(bool pinRequired READ pinRequired WRITE setPinRequired NOTIFY pinRequiredChanged)
    Q_PROPERTY(QString badge READ badge NOTIFY stateChanged) // "OP-1001", also while waiting for the PIN
    Q_PROPERTY(QString operatorName READ operatorName NOTIFY stateChanged) // "Alex Weber"
    Q_PROPERTY(QString role READ role NOTIFY stateChanged) // picker / packer / supervisor / admin
    // The role's menu: [{id: "pick", title: "Pick"}, ...]; ids: pick, pack, review, sync, settings.
    Q_PROPERTY(QVariantList menu READ menu NOTIFY stateChanged)
public:
    enum class State {
        LoggedOut, // nobody is logged in: scan a badge or type badge and PIN
        AwaitingPin, // a badge was scanned and the site wants its PIN on the keypad
        LoggedIn, // an operator works; the menu shows their role's entries
    };
    Q_ENUM(State)

    OperatorSession(ScanRecorder *recorder, const FloorData *data, QObject *parent = nullptr);

    State state() const { return m_state; }
    bool loggedIn() const { return m_state == State::LoggedIn; }
    bool pinRequired() const { return m_pinRequired; }
    void setPinRequired(bool required);
    QString badge() const { return m_operator.badge; }
    QString operatorName() const { return m_operator.name; }
    QString role() const { return m_operator.role; }
    QVariantList menu() const;
    // The menu entry ids a role may use (unknown roles get none).
    static QStringList menuFor(const QString &role);

    // A badge scan logs in (or asks for the PIN); anything else is refused while logged out.
    void handleScan(const Scan &scan) override;
    void retranslate() override { updatePrompt(); }

    // Keypad login: badge typed or scanned, and the PIN.
    Q_INVOKABLE void loginWithPin(const QString &badge, const QString &pin);
    // The PIN after a badge scan (state AwaitingPin).
    Q_INVOKABLE void submitPin(const QString &pin);
    // Back to LoggedOut from AwaitingPin.
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void logout();

    // Checks a PIN against "pbkdf2-sha256$iterations$salt-b64$hash-b64" in constant time (the
    // protocol's one PIN check, the same the server uses).
    static bool verifyPin(const QString &pin, const QString &pinHash);

signals:
    void stateChanged();
    void pinRequiredChanged();
    // The operator changed (login or logout); workflows reset their work on this.
    void operatorChanged(const QString &badge);

private:
    void login(const CachedOperator &op, const Scan *scan);
    void setState(State state);
    void updatePrompt();

    State m_state = State::LoggedOut;
    bool m_pinRequired = false;
    CachedOperator m_operator;
};

} // namespace dockhand
