#pragma once

#include "actions.h"

#include <QJsonObject>
#include <QString>
#include <QUuid>

// Reading an event: its id as the database keys it, and the values of its `fields` object.
namespace dockhand::server {

QString eventKey(const QUuid &id);

// A field as text: a string as it is, a number as its whole-number text; empty otherwise.
QString fieldText(const QJsonObject &fields, protocol::Field field);

// A positive whole number from a JSON number or numeric string; 0 when missing or bad.
qint64 fieldCount(const QJsonObject &fields, protocol::Field field);

} // namespace dockhand::server
