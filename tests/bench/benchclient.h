#pragma once

// The client side the server benchmarks share: simulated devices talking to dockhand-server
// through its HTTP API only, as the devices do.
//   serverArgs                 how a benchmark starts a server (limits lifted)
//   Device, makeDevices        a device with its own connection, token and queued batches
//   enrolAll, drain            every device enrols / uploads its backlog, all at once, one
//                              request in flight per device

#include "e2eharness.h"

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <memory>
#include <vector>

namespace dockhand::bench {

// A benchmark's setting: argv[index] if given, else the environment variable `env`, else
// `fallback`; bounded to [minimum, maximum].
int setting(int argc, char **argv, int index, const char *env, int fallback, int minimum, int maximum);
// The same from the environment only.
int setting(const char *env, int fallback, int minimum, int maximum);

// A server's arguments for a benchmark: the demo warehouse, the enrolment code BENCH, and every
// rate limit lifted (all simulated devices come from 127.0.0.1). `database` empty: the server's
// default SQLite file in its data dir.
QStringList serverArgs(const QString &database = {});

// A simulated device: its own connection (QNetworkAccessManager), token and queued batches.
struct Device
{
    QString id;
    int server = 0; // index into the benchmark's list of servers
    QByteArray token;
    QList<QByteArray> batches; // request bodies, built before the clock starts
    QList<QUuid> ids; // every event id it sends
    int next = 0;
    std::unique_ptr<QNetworkAccessManager> net;
};

// `devices` devices named prefix-001, prefix-002 ... (just `prefix` for one), spread round-robin
// over `servers` servers, each with `events` home scans queued in batches of `batch`.
std::vector<Device> makeDevices(const QString &prefix, int devices, int events, int batch, int servers);

// A request of `device` (with its token) to `server`; the reply is the caller's.
QNetworkReply *post(
    Device &device, const e2e::ServerProcess &server, const QString &path, const QByteArray &body);
QNetworkReply *get(Device &device, const e2e::ServerProcess &server, const QString &pathAndQuery);

// Every device enrols with its server at once; false (and why) if one is refused.
bool enrolAll(std::vector<Device> &fleet, const QList<e2e::ServerProcess *> &servers, QString *why);

// What the upload answers said.
struct Tally
{
    QList<double> latencyMs;
    qint64 accepted = 0;
    qint64 duplicates = 0;
    qint64 rejected = 0;
    qint64 gaps = 0; // gaps the server reported
    int retried = 0; // 503 / 429 answers, sent again after Retry-After
    QString error; // fatal: the run stopped
};

// Counts one POST /v1/events answer body into `tally`.
void countAnswer(Tally &tally, const QByteArray &body);

// Each device sends batches [from, to) of its queue one after the other, all devices at once, to
// server (device.server + shift) % servers: a backlog draining as fast as it is answered.
// Returns when all are answered (or on a fatal error); `seconds` gets the wall time.
Tally drain(std::vector<Device> &fleet, const QList<e2e::ServerProcess *> &servers, int from, int to,
    int shift, double *seconds);

} // namespace dockhand::bench
