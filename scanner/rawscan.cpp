#include "rawscan.h"

namespace dockhand {

QString scanSourceName(ScanSource source)
{
    switch (source) {
    case ScanSource::Serial:
        return QStringLiteral("serial");
    case ScanSource::Wedge:
        return QStringLiteral("wedge");
    case ScanSource::Camera:
        return QStringLiteral("camera");
    case ScanSource::Manual:
        return QStringLiteral("manual");
    }
    return QStringLiteral("unknown");
}

} // namespace dockhand
