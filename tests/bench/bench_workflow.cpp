// Scan to feedback on the floor: how long one pick or pack scan takes from the decoded scan to
// the operator's feedback, durable commit included (SQLite file, synchronous=FULL), p50 / p99.
// The baseline is a bare ScanQueue::append of the same event, measured in the same run, so the
// workflows' own cost is the difference.
//   bench_workflow [scans]   (default 2000)

#include "benchstats.h"
#include "localstore.h"
#include "packworkflow.h"
#include "pickworkflow.h"
#include "scanqueue.h"
#include "scanrecorder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace dockhand;

namespace {

const QString kGtin = QStringLiteral("04006381333931");

void print(const char *name, const bench::Percentiles &s)
{
    std::printf("%-34s p50 %8.1f us   p99 %8.1f us   max %8.1f us\n", name, s.p50, s.p99, s.max);
}

Scan decode(const ScanDecoder &decoder, const QString &text)
{
    RawScan raw;
    raw.data = text.toUtf8();
    raw.source = ScanSource::Serial;
    return decoder.decode(raw);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int scans = argc > 1 ? std::max(10, QString::fromLocal8Bit(argv[1]).toInt()) : 2000;
    QTemporaryDir dir;
    auto opened = LocalStore::open(dir.filePath(QStringLiteral("queue.sqlite")), QStringLiteral("bench"));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    auto store = std::move(opened.value());
    ScanQueue queue(store.get(), QStringLiteral("bench-device"));
    Feedback feedback;
    ScanRecorder service {&feedback};
    service.setQueue(&queue);
    service.setOperator(QStringLiteral("OP-1001"));

    // One pick task with `scans` single units at one location, one order with `scans` units to pack.
    MemoryFloorData data;
    data.addProduct({kGtin, QStringLiteral("A"), QStringLiteral("Blue mug"), false, false, false});
    data.addLocation({QStringLiteral("A-01-01"), QStringLiteral("A"), 10});
    PickTask task {
        QStringLiteral("WAVE-B"), QStringLiteral("open"), QString(), {QStringLiteral("SO-100001")}, {}};
    task.lines.append({QStringLiteral("SO-100001"), 1, kGtin, QStringLiteral("A-01-01"), 10, scans});
    data.addTask(task);
    data.addOrder({QStringLiteral("SO-100002"), QStringLiteral("Ada"), QStringLiteral("picked"),
        QStringLiteral("TOTE-0001"), {{1, kGtin, QStringLiteral("Blue mug"), scans, scans, 0}}});
    data.addCarton({QStringLiteral("BOX-M"), QStringLiteral("Medium"), 1, 1, 1, 0.1});

    const ScanDecoder decoder;
    const Scan product = decode(decoder, kGtin);

    QList<double> baseline;
    for (int i = 0; i < scans; ++i) {
        protocol::ScanEvent e;
        e.step = QStringLiteral("pick");
        e.kind = QStringLiteral("product");
        e.result = QStringLiteral("accepted");
        e.fields = scanFields(product);
        QElapsedTimer t;
        t.start();
        if (!queue.append(e)) {
            std::fprintf(stderr, "append failed\n");
            return 1;
        }
        baseline.append(t.nsecsElapsed() / 1000.0);
    }

    PickWorkflow pick(&service, &data);
    pick.setOperator(QStringLiteral("OP-1001"));
    pick.startTask(QStringLiteral("WAVE-B"));
    pick.handleScan(decode(decoder, QStringLiteral("A-01-01")));
    QList<double> picks;
    for (int i = 0; i < scans; ++i) {
        QElapsedTimer t;
        t.start();
        pick.handleScan(product);
        picks.append(t.nsecsElapsed() / 1000.0);
        if (pick.lastResult() != QLatin1String("accepted")) {
            std::fprintf(stderr, "pick scan %d: %s\n", i, qPrintable(pick.lastMessage()));
            return 1;
        }
    }

    PackWorkflow pack(&service, &data);
    pack.handleScan(decode(decoder, QStringLiteral("TOTE-0001")));
    QList<double> packs;
    for (int i = 0; i < scans; ++i) {
        QElapsedTimer t;
        t.start();
        pack.handleScan(product);
        packs.append(t.nsecsElapsed() / 1000.0);
        if (pack.lastResult() != QLatin1String("accepted")) {
            std::fprintf(stderr, "pack scan %d: %s\n", i, qPrintable(pack.lastMessage()));
            return 1;
        }
    }

    std::printf("%d scans each, durable commit included (SQLite, synchronous=FULL)\n", scans);
    print("baseline: ScanQueue::append", bench::percentiles(baseline));
    print("pick: product scan -> feedback", bench::percentiles(picks));
    print("pack: item scan -> feedback", bench::percentiles(packs));
    return 0;
}
