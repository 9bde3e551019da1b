#pragma once

// Scan events the way a device makes them, for tests and benchmarks that talk to the server.

#include "protocol.h"

#include <QDateTime>
#include <QUuid>

namespace dockhand::testing {

// A product scan (GS1 GTIN 04012345001006 from a serial scanner) that the device accepted, as
// operator OP-1001 records it at `step` of `task`; its device time is `seq` seconds into a shift.
// The defaults are a pick confirmation for order SO-100001, which the server applies; step
// "home" with no task is a scan it only records.
inline protocol::ScanEvent makeEvent(const QString &device, qint64 seq, QUuid id = QUuid::createUuid(),
    const QString &step = QStringLiteral("pick"), const QString &task = QStringLiteral("SO-100001"))
{
    protocol::ScanEvent e;
    e.id = id;
    e.deviceId = device;
    e.sequence = seq;
    e.operatorId = QStringLiteral("OP-1001");
    e.task = task;
    e.step = step;
    e.raw = QStringLiteral("0104012345001006");
    e.aim = QStringLiteral("]C1");
    e.source = QStringLiteral("serial");
    e.kind = QStringLiteral("product");
    e.fields = QJsonObject {{QStringLiteral("gtin"), QStringLiteral("04012345001006")}};
    e.result = QStringLiteral("accepted");
    e.deviceTime = QDateTime(QDate(2026, 11, 22), QTime(8, 0, 0, 123), Qt::UTC).addSecs(seq);
    return e;
}

// A scan as a workflow hands it to the device's queue: accepted, with no id, device or sequence
// yet (ScanQueue::append gives them).
inline protocol::ScanEvent draftScan(
    const QString &raw, const QString &kind, const QString &step = QStringLiteral("home"))
{
    protocol::ScanEvent e;
    e.step = step;
    e.raw = raw;
    e.kind = kind;
    e.result = QStringLiteral("accepted");
    return e;
}

// `count` product scans on the home screen (recorded, nothing applied), sequence 1, 2, 3 ...
inline QList<protocol::ScanEvent> homeScans(const QString &device, qint64 count)
{
    QList<protocol::ScanEvent> events;
    events.reserve(count);
    for (qint64 seq = 1; seq <= count; ++seq)
        events.append(makeEvent(device, seq, QUuid::createUuid(), QStringLiteral("home"), QString()));
    return events;
}

inline protocol::UploadRequest makeUpload(const QString &device, qint64 firstSeq, int count)
{
    protocol::UploadRequest request;
    request.deviceId = device;
    for (int i = 0; i < count; ++i)
        request.events.append(makeEvent(device, firstSeq + i));
    return request;
}

} // namespace dockhand::testing
