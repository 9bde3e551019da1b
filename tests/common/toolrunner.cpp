#include "toolrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>

namespace dockhand::testing {

QString binary(const QString &name)
{
    if (name == QLatin1String("dockhand-server") && !qEnvironmentVariableIsEmpty("DOCKHAND_SERVER_BINARY"))
        return qEnvironmentVariable("DOCKHAND_SERVER_BINARY");
    const QByteArray dir = qgetenv("DOCKHAND_BIN_DIR");
    return QDir(dir.isEmpty() ? QCoreApplication::applicationDirPath() : QString::fromLocal8Bit(dir))
        .filePath(name);
}

QString ToolResult::output() const
{
    return QString::fromLocal8Bit(stdOut + stdErr);
}

QString ToolResult::describe() const
{
    QString how;
    if (!started)
        how = QStringLiteral("did not start");
    else if (timedOut)
        how = QStringLiteral("did not finish in time (killed)");
    else if (crashed)
        how = QStringLiteral("crashed");
    else
        how = QStringLiteral("exit code %1").arg(exitCode);
    const QString text = output().trimmed();
    return QStringLiteral("%1: %2%3")
        .arg(program, how, text.isEmpty() ? QString() : QStringLiteral(": ") + text.right(600));
}

ToolResult runTool(const QString &program, const QStringList &args, const ToolOptions &options)
{
    ToolResult result;
    result.program = program;
    QProcess p;
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    if (!options.environment.isEmpty())
        p.setProcessEnvironment(options.environment);
    if (options.mergeChannels)
        p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        result.stdErr = p.errorString().toLocal8Bit();
        return result;
    }
    result.started = true;
    if (!options.input.isEmpty())
        p.write(options.input);
    p.closeWriteChannel();
    if (!p.waitForFinished(options.timeoutMs)) {
        result.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    } else if (p.exitStatus() != QProcess::NormalExit) {
        result.crashed = true;
    } else {
        result.exitCode = p.exitCode();
    }
    result.stdOut = p.readAllStandardOutput();
    result.stdErr += p.readAllStandardError();
    return result;
}

ToolResult runShell(const QString &command, const ToolOptions &options)
{
    ToolResult result = runTool(QStringLiteral("sh"), {QStringLiteral("-c"), command}, options);
    result.program = QStringLiteral("sh -c '%1'").arg(command.left(200));
    return result;
}

} // namespace dockhand::testing
