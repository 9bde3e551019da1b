#pragma once

#include "expected.h"

#include <QString>

namespace dockhand::server {

class Database;

// Who may use the server: enrolment codes and the devices enrolled with them (device records
// and their tokens), operator logins with their lockout (login.cpp), and looking a token up.
class AccessStore
{
public:
    explicit AccessStore(Database &db) : m_db(db) { }

    Expected<void> addEnrolmentCode(const QString &code);
    // Gives `device` a new token (revoking its old one) when `code` is a valid enrolment code.
    // The value is the token in clear; empty when the code is not valid.
    Expected<QString> enrol(const QString &code, const QString &device, const QString &name);
    struct Principal
    {
        enum class Kind { None, Device, Operator };
        Kind kind = Kind::None;
        QString id; // device id or operator badge
        QString role; // operator role; empty for devices
    };
    Expected<Principal> authenticate(const QString &token);
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
    int m_loginDelayMs = 1000;
    int m_maxLoginFailureRows = kMaxLoginFailureRows;
};

} // namespace dockhand::server
