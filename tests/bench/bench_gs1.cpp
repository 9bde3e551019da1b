// Benchmark of the decoding half of the scanner layer: GS1 element strings parsed per second and
// the time ScanDecoder::decode takes per scan, each printed next to a baseline measured in the
// same run on the same bytes, so the figures mean something on any machine.
#include "gs1parser.h"
#include "scan.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

using namespace dockhand;

namespace {

const QByteArray GS("\x1d");

// Element strings as they come off a warehouse floor: cartons, pallets, weighed goods, pharma.
QList<QByteArray> elementStrings()
{
    return {
        "0109506000134352"
        "10ABC123"
            + GS + "17251231",
        "00106141411234567897",
        "00106141411234567897"
        "0209506000134352"
        "3748"
            + GS + "10LOT-4711",
        "0109506000134352"
        "3103001250"
        "15250630"
        "10D9T",
        "0109506000134352"
        "17261100"
        "10A1B2C3"
            + GS + "21SN0000012345",
        "400SO-100001" + GS + "4104012345000009",
        "0109506000134352"
        "21XYZ"
            + GS + "7003250101123" + "0" + GS + "91INTERNAL",
        "4144012345000009"
        "254A-01-02",
    };
}

QList<RawScan> rawScans()
{
    const auto make = [](const QByteArray &data, const char *aim) {
        RawScan r;
        r.data = data;
        r.aim = QString::fromLatin1(aim);
        return r;
    };
    QList<RawScan> scans;
    for (const QByteArray &s : elementStrings())
        scans.append(make(s, "]C1"));
    scans.append(make("4006381333931", "]E0"));
    scans.append(make("A-01-02", "]C0"));
    scans.append(make("TOTE-0001", "]C0"));
    scans.append(make("OP-1001", "]A0"));
    scans.append(make("https://id.gs1.org/01/09506000134352/10/ABC?17=201225", "]Q1"));
    return scans;
}

// Runs `body` over `items` until at least `minMs` have passed; returns nanoseconds per item.
template<typename T, typename F> double measure(const QList<T> &items, F body, qint64 minMs = 1000)
{
    QElapsedTimer timer;
    qint64 n = 0;
    timer.start();
    do {
        for (const T &item : items)
            body(item);
        n += items.size();
    } while (timer.elapsed() < minMs);
    return double(timer.nsecsElapsed()) / double(n);
}

volatile qsizetype g_sink = 0; // keeps the optimiser from dropping the baselines

} // namespace

int main()
{
    QTextStream out(stdout);
    const QList<QByteArray> strings = elementStrings();
    Gs1Parser parser;
    parser.setToday(QDate(2024, 6, 1));
    for (const QByteArray &s : strings) {
        const auto r = parser.parse(s);
        if (!r.valid) {
            out << "bench input refused: " << r.error << "\n";
            return 1;
        }
    }

    const double scanNs = measure(strings, [](const QByteArray &s) {
        qsizetype gs = 0;
        for (char c : s)
            gs += c == '\x1d';
        g_sink = g_sink + gs;
    });
    const double splitNs
        = measure(strings, [](const QByteArray &s) { g_sink = g_sink + s.split('\x1d').size(); });
    const double parseNs
        = measure(strings, [&](const QByteArray &s) { g_sink = g_sink + parser.parse(s).elements.size(); });

    out << "GS1 element strings (" << strings.size() << " floor samples, 20-57 bytes):\n";
    out << QStringLiteral("  Gs1Parser::parse            %1 strings/s  (%2 ns each)\n")
               .arg(1e9 / parseNs, 12, 'f', 0)
               .arg(parseNs, 0, 'f', 0);
    out << QStringLiteral("  baseline QByteArray::split  %1 strings/s  (%2 ns each)\n")
               .arg(1e9 / splitNs, 12, 'f', 0)
               .arg(splitNs, 0, 'f', 0);
    out << QStringLiteral("  baseline bare byte scan     %1 strings/s  (%2 ns each)\n")
               .arg(1e9 / scanNs, 12, 'f', 0)
               .arg(scanNs, 0, 'f', 0);
    out << QStringLiteral("  parse costs %1x a split on GS\n").arg(parseNs / splitNs, 0, 'f', 1);

    const QList<RawScan> scans = rawScans();
    ScanDecoder decoder;
    decoder.setToday(QDate(2024, 6, 1));
    for (const RawScan &r : scans) {
        const Scan s = decoder.decode(r);
        if (!s.valid) {
            out << "bench scan refused: " << s.error << "\n";
            return 1;
        }
    }
    const double decodeNs
        = measure(scans, [&](const RawScan &r) { g_sink = g_sink + int(decoder.decode(r).kind); });
    const double copyNs = measure(scans, [](const RawScan &r) {
        RawScan copy = r;
        g_sink = g_sink + QString::fromUtf8(copy.data).size();
    });
    out << "Classify (ScanDecoder::decode, " << scans.size()
        << " mixed scans: GS1, EAN-13, location, tote, badge, Digital Link):\n";
    out << QStringLiteral("  decode                          %1 us per scan\n")
               .arg(decodeNs / 1000.0, 8, 'f', 2);
    out << QStringLiteral("  baseline copy + UTF-8 to QString %1 us per scan\n")
               .arg(copyNs / 1000.0, 7, 'f', 2);
    out << QStringLiteral("  decode costs %1x the baseline; %2 scans/s on one core\n")
               .arg(decodeNs / copyNs, 0, 'f', 1)
               .arg(1e9 / decodeNs, 0, 'f', 0);
    return 0;
}
