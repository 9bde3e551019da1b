#pragma once

// Small helpers shared by the server tests: events the way a device would make them.

#include "protocol.h"

#include <QDateTime>
#include <QUuid>

namespace dockhand::server::test {

inline protocol::ScanEvent makeEvent(const QString &device, qint64 seq, QUuid id = QUuid::createUuid())
{
    protocol::ScanEvent e;
    e.id = id;
    e.deviceId = device;
    e.sequence = seq;
    e.operatorId = QStringLiteral("OP-1001");
    e.task = QStringLiteral("SO-100001");
    e.step = QStringLiteral("pick");
    e.raw = QStringLiteral("0104012345001006");
    e.aim = QStringLiteral("]C1");
    e.source = QStringLiteral("serial");
    e.kind = QStringLiteral("product");
    e.fields = QJsonObject {{QStringLiteral("gtin"), QStringLiteral("04012345001006")}};
    e.result = QStringLiteral("accepted");
    e.deviceTime = QDateTime(QDate(2026, 11, 22), QTime(8, 0, 0, 123), Qt::UTC).addSecs(seq);
    return e;
}

inline protocol::UploadRequest makeUpload(const QString &device, qint64 firstSeq, int count)
{
    protocol::UploadRequest request;
    request.deviceId = device;
    for (int i = 0; i < count; ++i)
        request.events.append(makeEvent(device, firstSeq + i));
    return request;
}

} // namespace dockhand::server::test
