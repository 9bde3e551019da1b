#pragma once

#include <QString>

namespace dockhand::faults {

// Named fault points, the one fault-injection mechanism of device and server, so that tests can
// walk every failure point of a scenario: each point counts its passes, and when armed with n,
// the n-th pass from then on (1-based) fails as the real failure would. Armed in-process with
// arm(), or for a whole process (the app, dockhand-cli, dockhand-server) by the environment:
//   DOCKHAND_FAULTS=device-write:3,http-request:5
// Counts are process-wide: one number names one failure point over every connection.

// A write of the device's scan database (a statement or a commit): fails as an I/O error.
inline constexpr char kDeviceWrite[] = "device-write";
// An HTTP request of the device's sync engine: sent, but its answer is lost as if the connection
// broke after the server got it (the hardest case for exactly-once).
inline constexpr char kHttpRequest[] = "http-request";
// A statement of the server's database: fails as a database error (answered 503, nothing kept).
inline constexpr char kServerStatement[] = "server-statement";

// The points above, for messages and the environment parser.
QStringList points();

// The n-th pass of `point` from now fails; 0 disarms. Resets the point's pass count. Returns
// false for a point that does not exist.
bool arm(const char *point, int nth);
// Passes of `point` since it was last armed (or since the process started).
int passes(const char *point);
// Counts one pass of `point`; true when this is the pass that must fail.
bool pass(const char *point);

// Reads DOCKHAND_FAULTS (once; arm() and pass() call it). Returns what was wrong with it, for a
// warning; empty when it was fine or unset.
QString armFromEnvironment();

} // namespace dockhand::faults
