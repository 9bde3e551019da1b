#pragma once

// Real processes for end-to-end tests: a socat pseudo-terminal pair standing in for a serial
// scanner's cable, dockhand-server on a free loopback port, and the dockhand app, headless.

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace dockhand::e2e {

QString binary(const QString &name);

// A pair of connected ptys: the app opens `appSide`, the test writes scans into `feedSide`.
class PtyPair
{
public:
    explicit PtyPair(const QString &dir);
    ~PtyPair();
    bool start(QString *error);
    void stop();
    QString appSide() const { return m_appSide; }
    QString feedSide() const { return m_feedSide; }
    // Writes bytes into the scanner's end of the cable, as a scanner would send them.
    bool send(const QByteArray &bytes, QString *error);

private:
    QString m_appSide;
    QString m_feedSide;
    QProcess m_socat;
};

class ServerProcess
{
public:
    explicit ServerProcess(QString dataDir);
    ~ServerProcess();
    // Starts dockhand-server; port 0 picks a free one. Waits for its "listening on" line.
    bool start(int port, const QStringList &extraArgs, QString *error);
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    int port() const { return m_port; }
    QUrl url() const;
    QString output() const { return m_output; }

private:
    QString m_dataDir;
    QProcess m_process;
    int m_port = 0;
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

// Blocking HTTP GET on loopback, for assertions. Returns the parsed JSON object.
QJsonObject getJson(const QUrl &url, int *status = nullptr);

} // namespace dockhand::e2e
