#include "commands.h"

#include <QTextStream>

namespace dockhand::cli {

int runDecode(const QStringList &)
{
    QTextStream(stderr) << "dockhand-cli decode: not built yet\n";
    return 2;
}

} // namespace dockhand::cli
