#pragma once

// For fuzz targets that need Qt's application object (SQL drivers are plugins) and the
// dockhand logging categories quiet: refusals would otherwise log on every input.

#include <QCoreApplication>
#include <QLoggingCategory>

namespace dockhand::fuzz {

// Creates the process's QCoreApplication once; call from the target's one-time set-up.
inline void startApplication()
{
    static int argc = 1;
    static char name[] = "dockhand-fuzz";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("dockhand.*=false"));
}

} // namespace dockhand::fuzz
