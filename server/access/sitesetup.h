#pragma once

// A new site's first run: its first administrator and its name (`dockhand-server init`). Until
// it has one, nobody can log in to the server; the server says so when it starts and with every
// refused login (firstAdministratorHint).

#include "expected.h"

#include <QString>

namespace dockhand::server {

class ChangeLog;
class Database;

struct FirstAdministrator
{
    QString badge; // what their badge barcode holds: 1 to 64 printable characters, no spaces
    QString name;
    QString pin; // 4 to 12 digits
    QString siteName; // empty: the site keeps no name
};

// Why `admin` cannot be stored (one line an admin can act on), or empty.
QString checkFirstAdministrator(const FirstAdministrator &admin);

// Stores the administrator (role admin, the PIN hashed as every operator's, sent to the devices
// like any operator) and the site's name and set-up time in one transaction. Refused when the
// site has an administrator already, or when the badge belongs to another operator.
Expected<void> createFirstAdministrator(Database &db, ChangeLog &changes, const FirstAdministrator &admin);

// Whether any operator has the admin role.
Expected<bool> hasAdministrator(Database &db);

// `digits` random digits from the system's random source, for a PIN shown once.
QString generatePin(int digits = 6);

// "this site has no administrator yet: create one with dockhand-server init ..."
QString firstAdministratorHint();

} // namespace dockhand::server
