#pragma once

// Runs a program to its end for a test or a benchmark: a project binary (dockhand-cli,
// dockhand-server) or a system tool (openssl, zint, PostgreSQL's initdb), with arguments, input
// and a timeout; stdout, stderr and the exit code come back.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace dockhand::testing {

// The built project binary `name` (DOCKHAND_BIN_DIR, which ctest sets, else this program's
// folder). DOCKHAND_SERVER_BINARY overrides dockhand-server (a server built elsewhere).
QString binary(const QString &name);

struct ToolOptions
{
    QByteArray input; // written to stdin, which is then closed
    QString workingDirectory;
    int timeoutMs = 60000; // killed after this
    bool mergeChannels = false; // stderr into stdout, interleaved as printed
    QProcessEnvironment environment; // empty: the test's own
};

struct ToolResult
{
    QString program;
    bool started = false;
    bool timedOut = false;
    bool crashed = false;
    int exitCode = -1; // -1 when it did not start, timed out or crashed
    QByteArray stdOut;
    QByteArray stdErr;

    bool ok() const { return exitCode == 0; }
    QString output() const; // stdout then stderr, as text
    // One line for a failure message: the program, how it ended, and the end of its output.
    QString describe() const;
};

ToolResult runTool(const QString &program, const QStringList &args, const ToolOptions &options = {});
// `command` through sh -c (for pipes, redirections and su -c).
ToolResult runShell(const QString &command, const ToolOptions &options = {});

} // namespace dockhand::testing
