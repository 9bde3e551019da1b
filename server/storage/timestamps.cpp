#include "storage/timestamps.h"

namespace dockhand::server {

QString timestamp(const QDateTime &time)
{
    // Written by hand: QDateTime::toString costs more than storing the event it is for. Same
    // text as Qt::ISODateWithMs ("2026-03-01T09:05:07.250Z"); Qt's own for unusual years.
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    if (!utc.isValid() || date.year() < 1000 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    const QTime clock = utc.time();
    char16_t text[24] = {u'0', u'0', u'0', u'0', u'-', u'0', u'0', u'-', u'0', u'0', u'T', u'0', u'0', u':',
        u'0', u'0', u':', u'0', u'0', u'.', u'0', u'0', u'0', u'Z'};
    const auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, date.year(), 4);
    put(5, date.month(), 2);
    put(8, date.day(), 2);
    put(11, clock.hour(), 2);
    put(14, clock.minute(), 2);
    put(17, clock.second(), 2);
    put(20, clock.msec(), 3);
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

QDateTime parseTimestamp(const QVariant &value)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.toUTC();
}

} // namespace dockhand::server
