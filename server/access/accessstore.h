#pragma once

#include "access/apikeys.h"
#include "expected.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace dockhand::server {

class Database;

// Who may use the server: enrolment codes and the devices enrolled with them (device records
// and their tokens), operator logins with their lockout (login.cpp), API keys (apikeys.h), and
// looking a token up.
class AccessStore
{
public:
    explicit AccessStore(Database &db) : m_db(db), m_apiKeys(db) { }

    Expected<void> addEnrolmentCode(const QString &code);
    // Gives `device` a new token (revoking its old one) when `code` is a valid enrolment code.
    // The value is the token in clear; empty when the code is not valid.
    Expected<QString> enrol(const QString &code, const QString &device, const QString &name);
    struct Principal
    {
        enum class Kind { None, Device, Operator, ApiKey };
        Kind kind = Kind::None;
        QString id; // device id, operator badge or API key id
        QString role; // operator role; empty for devices and keys
        QString name = {}; // ApiKey: what it is for
        QStringList scopes = {}; // ApiKey
        QDateTime revokedAt = {}; // ApiKey: valid when the key was revoked (and is refused)
    };
    // Devices', operators' and API keys' tokens (apikeys.h); Kind::None for any other.
    Expected<Principal> authenticate(const QString &token);
    ApiKeyStore &apiKeys() { return m_apiKeys; }
    Expected<QString> operatorPinHash(const QString &badge); // empty when unknown

    struct LoginResult
    {
        enum class Outcome { Ok, WrongPin, Locked };
        Outcome outcome = Outcome::WrongPin;
        QString token; // Ok
        QString role; // Ok
        QString name; // Ok
        int failures = 0; // WrongPin: failures so far
        qint64 lockedSeconds = 0; // Locked: seconds left
    };
    // After kMaxPinFailures wrong PINs the badge is locked for kLockoutSeconds.
    static constexpr int kMaxPinFailures = 5;
    static constexpr int kLockoutSeconds = 15 * 60;
    Expected<LoginResult> login(const QString &badge, const QString &pin);
    // Base of the growing wait after a wrong PIN (tests make it short).
    void setLoginDelayMs(int ms) { m_loginDelayMs = ms; }
    // At most this many rows of recent login failures are kept for badges that do not exist.
    static constexpr int kMaxLoginFailureRows = 10000;
    void setMaxLoginFailureRows(int rows) { m_maxLoginFailureRows = rows; }

private:
    Database &m_db;
    ApiKeyStore m_apiKeys;
    int m_loginDelayMs = 1000;
    int m_maxLoginFailureRows = kMaxLoginFailureRows;
};

} // namespace dockhand::server
