#pragma once

// Shared fixture of the workflow tests: a real SQLite queue in a temporary folder, the scan
// recorder over it (with the device's one Feedback), and a small warehouse in memory (the same
// entities the device cache holds).

#include "floordata.h"
#include "localstore.h"
#include "scanqueue.h"
#include "scanrecorder.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QPasswordDigestor>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace dockhand::test {

inline const QString kGtinA = QStringLiteral("04006381333931"); // plain product
inline const QString kGtinB = QStringLiteral("04006381333948"); // plain product
inline const QString kGtinLot = QStringLiteral("04006381333955"); // lot + expiry tracked
inline const QString kGtinSerial = QStringLiteral("04006381333962"); // serial tracked
inline const QString kGtinStranger = QStringLiteral("04006381333979"); // in no order

inline QString pinHash(const QString &pin, int iterations = 1000)
{
    const QByteArray salt = QByteArrayLiteral("0123456789abcdef");
    const QByteArray hash
        = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations, 32);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash.toBase64()));
}

inline void fillWarehouse(MemoryFloorData &d)
{
    d.addProduct({kGtinA, QStringLiteral("SKU-A"), QStringLiteral("Blue mug"), false, false, false});
    d.addProduct({kGtinB, QStringLiteral("SKU-B"), QStringLiteral("Red plate"), false, false, false});
    d.addProduct({kGtinLot, QStringLiteral("SKU-L"), QStringLiteral("Vitamin C"), true, true, false});
    d.addProduct({kGtinSerial, QStringLiteral("SKU-S"), QStringLiteral("Drill"), false, false, true});
    d.addProduct({kGtinStranger, QStringLiteral("SKU-X"), QStringLiteral("Green bowl"), false, false, false});
    d.addLocation({QStringLiteral("A-01-01"), QStringLiteral("A"), 10});
    d.addLocation({QStringLiteral("A-01-02"), QStringLiteral("A"), 20});
    d.addLocation({QStringLiteral("B-02-01"), QStringLiteral("B"), 30});
    d.addOperator({QStringLiteral("OP-1001"), QStringLiteral("Alex Weber"), QStringLiteral("picker"),
        pinHash(QStringLiteral("1234"))});
    d.addOperator({QStringLiteral("OP-1002"), QStringLiteral("Sam Ode"), QStringLiteral("packer"),
        pinHash(QStringLiteral("9999"))});
    d.addOperator({QStringLiteral("OP-1003"), QStringLiteral("Kim Boss"), QStringLiteral("supervisor"),
        pinHash(QStringLiteral("0000"))});
    d.addOperator({QStringLiteral("OP-1009"), QStringLiteral("Vi Sitor"), QStringLiteral("guest"),
        pinHash(QStringLiteral("1111"))});
    d.addCarton({QStringLiteral("BOX-S"), QStringLiteral("Small box"), 250, 200, 100, 0.15});
    d.addCarton({QStringLiteral("BOX-M"), QStringLiteral("Medium box"), 350, 250, 150, 0.28});
}

// A real queue on a SQLite file, the scan recorder on it, and helpers to read what was written.
class QueueFixture
{
public:
    QueueFixture()
    {
        auto opened = LocalStore::open(m_dir.filePath(QStringLiteral("queue.sqlite")), connectionName());
        if (!opened)
            qFatal("cannot open the queue: %s", qPrintable(opened.error()));
        store = std::move(opened.value());
        queue = std::make_unique<ScanQueue>(store.get(), QStringLiteral("handheld-test"));
        scans.setQueue(queue.get());
        fillWarehouse(data);
    }
    ~QueueFixture() { scans.setQueue(nullptr); }

    // Decodes a label as a serial scanner would deliver it (optionally with an AIM id).
    Scan scan(const QString &text, const QString &aim = {}) const
    {
        RawScan raw;
        raw.data = text.toUtf8();
        raw.aim = aim;
        raw.source = ScanSource::Serial;
        raw.time = QDateTime::currentDateTimeUtc();
        return decoder.decode(raw);
    }
    // GS1-128 with the given element string (GS as U+001D).
    Scan gs1(const QString &elements) const { return scan(elements, QStringLiteral("]C1")); }

    qint64 count() const { return queue->count().value(); }
    protocol::ScanEvent last() const
    {
        const auto latest = queue->latest(1);
        if (!latest || latest->isEmpty())
            qFatal("the queue is empty");
        return latest->first().event;
    }
    QList<protocol::ScanEvent> lastN(int n) const
    {
        QList<protocol::ScanEvent> events;
        const auto latest = queue->latest(n);
        if (!latest)
            qFatal("cannot read the queue: %s", qPrintable(latest.error()));
        for (const auto &q : latest.value())
            events.prepend(q.event);
        return events; // oldest first
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<ScanQueue> queue;
    Feedback feedback;
    ScanRecorder scans {&feedback};
    ScanDecoder decoder;
    MemoryFloorData data;

private:
    static QString connectionName()
    {
        static int n = 0;
        return QStringLiteral("wf-test-%1").arg(++n);
    }
};

// The action and the fields the server reads, checked on one event.
inline bool hasFields(const protocol::ScanEvent &e, const QStringList &keys)
{
    for (const QString &k : keys) {
        if (!e.fields.contains(k)) {
            qWarning("event %s lacks field %s: %s",
                qPrintable(e.fields.value(QStringLiteral("action")).toString()), qPrintable(k),
                qPrintable(QString::fromUtf8(QJsonDocument(e.fields).toJson(QJsonDocument::Compact))));
            return false;
        }
    }
    return true;
}

} // namespace dockhand::test
