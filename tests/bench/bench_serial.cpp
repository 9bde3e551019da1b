// Serial latency: from the last byte of a barcode written on a real pty (socat) to the RawScan
// emitted by SerialScanner, over many scans. Printed as p50 / p99 / max.
#include "serialscanner.h"
#include "socatpty.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace dockhand;

namespace {

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

double percentile(QList<qint64> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : ms(v.at(qMin(v.size() - 1, qsizetype(p * double(v.size())))));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    testing::SocatPty pty(dir.path(), QStringLiteral("scanner"));
    if (QString error; !pty.start(&error)) {
        out << "bench_serial: " << error << '\n';
        return 1;
    }
    const int scans = qEnvironmentVariableIntValue("DOCKHAND_BENCH_SCANS") > 0
        ? qEnvironmentVariableIntValue("DOCKHAND_BENCH_SCANS")
        : 500;

    struct Variant
    {
        QString name;
        SerialFraming framing;
        QByteArray suffix;
    };
    const QList<Variant> variants = {
        {QStringLiteral("line framing, CR"), SerialFraming::LineEnd, "\r"},
        {QStringLiteral("suffix framing, CRLF"), SerialFraming::Suffix, "\r\n"},
        {QStringLiteral("inter-byte timeout 20 ms"), SerialFraming::InterByteTimeout, {}},
    };
    out << "serial: last byte written on the pty -> RawScan emitted, " << scans << " scans each (ms)\n";
    for (const Variant &v : variants) {
        SerialScannerConfig config;
        config.portName = pty.devicePath();
        config.framing = v.framing;
        config.suffix = v.suffix;
        config.interByteTimeoutMs = 20;
        SerialScanner scanner(config);
        QElapsedTimer clock;
        clock.start();
        qint64 writtenAt = 0;
        QList<qint64> latencies;
        QEventLoop loop;
        QTimer guard; // a lost scan must not hang the benchmark
        guard.setSingleShot(true);
        QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(&scanner, &SerialScanner::scanned, &loop, [&] {
            latencies.append(clock.nsecsElapsed() - writtenAt);
            loop.quit();
        });
        scanner.start();
        if (scanner.state() != SerialScanner::State::Connected) {
            out << "bench_serial: " << scanner.lastError() << '\n';
            return 1;
        }
        const QByteArray frame = QByteArray("]C10109506000134352\x1d"
                                            "10ABC123")
            + v.suffix;
        for (int i = 0; i < scans; ++i) {
            const bool written = pty.write(frame);
            writtenAt = clock.nsecsElapsed();
            if (!written)
                return 1;
            guard.start(5000);
            loop.exec();
            guard.stop();
        }
        out << QStringLiteral("%1 p50 %2  p99 %3  max %4  (%5 of %6 received)\n")
                   .arg(v.name, -26)
                   .arg(percentile(latencies, 0.5), 6, 'f', 3)
                   .arg(percentile(latencies, 0.99), 6, 'f', 3)
                   .arg(percentile(latencies, 1.0), 6, 'f', 3)
                   .arg(latencies.size())
                   .arg(scans);
        out.flush();
        scanner.stop();
    }
    return 0;
}
