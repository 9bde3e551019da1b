#pragma once

#include <QString>

namespace dockhand::protocol {

// The one PIN check of device and server. Operator PINs are short, so the stored form must be
// slow to brute-force: PBKDF2-HMAC-SHA256 with a random 16-byte salt per PIN. Stored as
// "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" so the iteration count can be raised later without
// invalidating existing hashes.
namespace pin {

inline constexpr int kDefaultIterations = 100000;

QString hash(const QString &pin, int iterations = kDefaultIterations);
// False for a wrong PIN and for any stored value that is not in the format above: strict base64,
// a 32-byte key and at most 10,000,000 iterations (a tampered row must not hang the check).
bool verify(const QString &pin, const QString &stored);

} // namespace pin
} // namespace dockhand::protocol
