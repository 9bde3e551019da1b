#pragma once

// Real processes for end-to-end tests: dockhand-server on a free loopback port and the dockhand
// app, headless. A serial scanner's cable is testing::SocatPty (tests/common).

#include "socatpty.h"
#include "toolrunner.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace dockhand::e2e {

using testing::binary; // a built project binary (tests/common/toolrunner.h)
using testing::SocatPty; // a scanner's or a scale's serial cable

class ServerProcess
{
public:
    explicit ServerProcess(QString dataDir);
    ~ServerProcess();
    // Starts dockhand-server; port 0 picks a free one. Waits for its "listening on" line.
    bool start(int port, const QStringList &extraArgs, QString *error);
    void stop();
    void kill(); // SIGKILL: the server dies mid-request, as in a power cut
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    // The server's SQLite file (default storage). Tests read the server through its API
    // (storedEvents, apiCall); this is for what the API does not show.
    QString databasePath() const;
    int port() const { return m_port; }
    // The server process's id (0 when it is not running), e.g. to read its CPU time in /proc.
    qint64 pid() const { return m_process.processId(); }
    QUrl url() const; // http:// or https:// (--tls-cert) as the server announced
    QString output() const { return m_output; }
    // The --tls-cert it was started with (the certificate a client trusts), or empty.
    QString certificate() const { return m_certificate; }
    // A token of the demo supervisor OP-3001 (PIN 3001), logged in once per start; the server
    // must hold the demo warehouse (--demo, see enrollingServerArgs). Empty with `error` set.
    QString supervisorToken(QString *error = nullptr);

private:
    QString m_dataDir;
    QString m_certificate;
    QString m_supervisorToken;
    QProcess m_process;
    int m_port = 0;
    QString m_scheme = QStringLiteral("http");
    QString m_output;
};

class AppProcess
{
public:
    AppProcess(QString dataDir, QString probePath);
    ~AppProcess();
    bool start(const QStringList &args, QString *error);
    void stop();
    // The home screen's content as the app last wrote it (see UiProbe), or an empty object.
    QJsonObject probe() const;
    QString output();

private:
    QString m_dataDir;
    QString m_probePath;
    QProcess m_process;
    QString m_output;
};

// `dockhand-cli drive`, the headless scanning driver: every line it prints is kept, so a test
// knows which scans were acknowledged to the operator even after a SIGKILL.
class DriveProcess
{
public:
    DriveProcess();
    ~DriveProcess();
    // Starts the driver; waits until it printed "ready" (and "scanner connected" with --serial).
    bool start(const QStringList &args, QString *error, const QProcessEnvironment &env = {});
    void kill(); // SIGKILL, then reads what was printed before
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    // Complete lines printed so far (reads pending output first).
    QStringList lines();
    // The last "sync online=.. backlog=N" backlog, or -1.
    qint64 backlog();

private:
    QProcess m_process;
    QByteArray m_buffer;
    QStringList m_lines;
};

// One event as the server stored it.
struct StoredEvent
{
    QString id;
    qint64 seq = 0;
    QString raw;
};

// Arguments for a test server the devices can enrol with (code DEMO, the device default), that
// holds the demo warehouse (its supervisor reads the server for the assertions) and that does
// not rate-limit a test's quick retries.
QStringList enrollingServerArgs();

// One request to the server's API with `token` (empty: none), trusting the server's own
// certificate over HTTPS. Returns the JSON object it answered; `status` gets the HTTP status
// (0 when there was no answer, `error` then says why).
QJsonObject apiCall(const ServerProcess &server, const QByteArray &method, const QString &pathAndQuery,
    const QByteArray &body, const QString &token, int *status = nullptr, QString *error = nullptr,
    const QByteArray &contentType = QByteArrayLiteral("application/json"));

// The events the server holds for `device`, in sequence order, read through GET /v1/events as
// the demo supervisor, every page (by sequence) until none is left. A failed read is a warning
// and ends the list early, so a test comparing counts fails.
QList<StoredEvent> storedEvents(ServerProcess &server, const QString &device);

// How many events a device's queue file holds (read-only peek), or -1 if it cannot be read.
qint64 deviceQueueCount(const QString &queueFile);

// A TCP proxy on loopback that breaks the network the way real ones break: refused and dropped
// connections, delays, 500 and 503 (with Retry-After) answers, resets in the middle of a
// response and bodies cut short. Each new connection draws its fault at random (fixed seed);
// with faults off every connection passes untouched. Runs on the test thread's event loop.
class FaultProxy
{
public:
    enum Fault { Pass, Refuse, Delay, Http500, Http503, ResetMidResponse, CutBody, FaultCount };

    explicit FaultProxy(quint16 upstreamPort, quint32 seed = 4242);
    ~FaultProxy();
    bool listen(QString *error);
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const;
    void setFaultsEnabled(bool on) { m_faults = on; }
    int count(Fault fault) const { return m_counts[fault]; }
    QString summary() const;

private:
    void accept();

    QTcpServer m_server;
    quint16 m_upstreamPort;
    quint32 m_seed;
    quint64 m_draws = 0;
    bool m_faults = true;
    int m_counts[FaultCount] = {};
};

// Blocking HTTP GET on loopback, for assertions. Returns the parsed JSON object.
QJsonObject getJson(const QUrl &url, int *status = nullptr);

} // namespace dockhand::e2e
