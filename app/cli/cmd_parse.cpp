#include "commands.h"

#include <QTextStream>

namespace dockhand::cli {

int runParse(const QStringList &)
{
    QTextStream(stderr) << "dockhand-cli parse: not built yet\n";
    return 2;
}

} // namespace dockhand::cli
