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

QString takeAimPrefix(QByteArray &data)
{
    if (data.size() < 3 || data.at(0) != ']')
        return {};
    const auto isAsciiLetter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    const auto isAsciiDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (!isAsciiLetter(data.at(1)) || !(isAsciiLetter(data.at(2)) || isAsciiDigit(data.at(2))))
        return {};
    QString aim = QString::fromLatin1(data.constData(), 3);
    data.remove(0, 3);
    return aim;
}

} // namespace dockhand
