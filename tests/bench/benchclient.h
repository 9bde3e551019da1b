#pragma once

// The client side the server benchmarks share: simulated devices talking to dockhand-server
// through its HTTP API only, as the devices do.
//   serverArgs, workersArgs    how a benchmark starts a server (limits lifted; --workers N when
//                              the server has the option)
//   Device, makeDevices        a device with its own connection, token and queued batches
//   enrolAll, drain            every device enrols / uploads its backlog, all at once, one
//                              request in flight per device
//   ReadLoad                   readers issuing GET /v1/health, /v1/orders/<n>, /v1/sync round-robin
//   processCpuSeconds, ...     CPU time of the server processes and of the machine (/proc)
//   checkStoredThroughApi      exactly-once, read back through GET /v1/events

#include "benchstats.h"
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

// Whether this dockhand-server has the --workers option (its --help mentions it); asked once.
bool serverHasWorkersOption();
// {"--workers", N} when the server has the option, else nothing; `workers` <= 0: nothing (the
// server's default).
QStringList workersArgs(int workers);
// One line for the report of a serial baseline (--workers 1) against the default: whether
// --workers is passed, or that the baseline and the measured run are the same serial server.
QString workersNote();
// One line for the report of servers started with workersArgs(workers): what they run with.
QString workersNote(int workers);

// "12.3" (milliseconds with one decimal), for the reports.
QString ms(double milliseconds);
// "p50 1.2 ms, p99 3.4 ms, max 5.6 ms (n=789)"; without max when `withMax` is false.
QString describe(const Percentiles &p, bool withMax = true);

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

// The number of the first order GET /v1/orders lists, or empty (and why).
QString firstOrderNumber(const e2e::ServerProcess &server, const QByteArray &token, QString *why);

// The events the server holds, as GET /v1/health counts them; -1 (and why) on failure.
qint64 storedEventCount(const e2e::ServerProcess &server, QString *why);

// What readers measured: every read's latency, and per endpoint.
struct Reads
{
    enum Kind { Health, Order, Sync, KindCount };
    QList<double> latencyMs;
    QList<double> kindMs[KindCount];
    int errors = 0; // answers other than 200, or none
    QString firstError;
};

// Readers (each a Device: its own connection and token) that repeatedly read, one request in
// flight per reader, each at most one read per `intervalMs` (a supervisor's screen refreshing, a
// device's download, a health check — not a client spinning as fast as it is answered, which on
// a small machine would take the CPU from the very uploads it is measured beside), round-robin over the
// servers and over GET /v1/health, GET /v1/orders/<order> and GET /v1/sync?cursor=&limit=<syncLimit>. Runs on
// the caller's event loop (any QEventLoop the caller spins, such as drain's); a read counts in the Reads that
// was current when the read was sent.
class ReadLoad
{
public:
    ReadLoad(std::vector<Device> &readers, QList<e2e::ServerProcess *> servers, QString order, int syncLimit,
        int intervalMs = 50);
    // Starts reading into `into` (the readers must be enrolled).
    void start(Reads *into);
    // Sends no more reads and waits (spinning an event loop) until every read under way is answered.
    void stop();
    // start(into), spin the event loop for `milliseconds`, stop().
    void runFor(Reads *into, int milliseconds);
    // "health/order/sync p99 1.0/2.0/3.0 ms"
    static QString kindSummary(const Reads &reads);

private:
    void send(Device &reader);

    std::vector<Device> &m_readers;
    QList<e2e::ServerProcess *> m_servers;
    QString m_order;
    int m_syncLimit;
    int m_intervalMs;
    Reads *m_into = nullptr;
    bool m_running = false;
    int m_inFlight = 0;
    quint64 m_counter = 0;
};

// CPU time (user + system) of process `pid` so far, from /proc/<pid>/stat, in seconds; -1 if it
// cannot be read.
double processCpuSeconds(qint64 pid);

// The whole machine's CPU time so far (/proc/stat), in seconds summed over all cores.
struct MachineCpu
{
    double busy = 0;
    double total = 0;
};
MachineCpu machineCpu();
// "1.23 of 2 cores busy (62%)" between two samples.
QString machineBusy(const MachineCpu &before, const MachineCpu &after);

// Exactly-once through the API: `server` (read as the demo supervisor) holds, for every device
// of `fleet`, exactly the event ids it sent, each once, with sequence numbers 1..n. False with
// what is wrong in `detail` (or, when right, a one-line summary).
bool checkStoredThroughApi(e2e::ServerProcess &server, const std::vector<Device> &fleet, QString *detail);

} // namespace dockhand::bench
