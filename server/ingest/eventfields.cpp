#include "ingest/eventfields.h"

#include <QJsonValue>

namespace dockhand::server {

QString eventKey(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString fieldText(const QJsonObject &fields, protocol::Field field)
{
    const QJsonValue v = fields.value(protocol::wireName(field));
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return {};
}

qint64 fieldCount(const QJsonObject &fields, protocol::Field field)
{
    const QJsonValue v = fields.value(protocol::wireName(field));
    qint64 n = 0;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            n = qint64(d);
    } else if (v.isString()) {
        n = v.toString().toLongLong();
    }
    return n > 0 && n <= 1000000 ? n : 0;
}

} // namespace dockhand::server
