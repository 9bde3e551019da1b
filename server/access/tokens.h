#pragma once

#include <QString>

// Bearer tokens of devices and operators. Only their SHA-256 is stored: a copy of the database
// does not let anyone in.
namespace dockhand::server {

QString tokenHash(const QString &token);
// 32 random bytes from the system generator, base64url without padding.
QString newToken();

} // namespace dockhand::server
