#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace dockhand::server {

// How the database stores times: UTC text, "2026-03-01T09:05:07.250Z" (Qt::ISODateWithMs).
QString timestamp(const QDateTime &time);
QDateTime parseTimestamp(const QVariant &value);

} // namespace dockhand::server
