#pragma once

#include <QStringList>

// Each dockhand-cli subcommand: takes the arguments after its name, returns the exit status.
namespace dockhand::cli {
int runScan(const QStringList &args);
int runParse(const QStringList &args);
int runDecode(const QStringList &args);
int runEvents(const QStringList &args);
int runDrive(const QStringList &args);
int runFloor(const QStringList &args);
} // namespace dockhand::cli
