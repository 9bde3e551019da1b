// libFuzzer target: GS1 element strings, bracketed HRI, Digital Link URIs and the whole scan
// decoder on arbitrary bytes. Besides "no crash, no sanitizer report", it checks one invariant:
// whatever the parser accepts, re-encoded, parses back to the same elements.
#include "digitallink.h"
#include "gs1parser.h"
#include "scan.h"

#include <cstdint>
#include <cstdlib>

using namespace dockhand;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Gs1Parser parser = [] {
        Gs1Parser p;
        p.setToday(QDate(2024, 6, 1));
        return p;
    }();
    static const ScanDecoder decoder = [] {
        ScanDecoder d;
        d.setToday(QDate(2024, 6, 1));
        return d;
    }();

    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Gs1ParseResult r = parser.parse(bytes);
    if (r.valid) {
        if (r.elements.isEmpty() || !r.error.isEmpty())
            std::abort();
        const Gs1ParseResult again = parser.parse(parser.toElementString(r.elements));
        if (!again.valid || again.elements != r.elements || again.hri != r.hri)
            std::abort();
    } else if (r.error.isEmpty()) {
        std::abort(); // every refusal must say why
    }

    const QString text = QString::fromUtf8(bytes);
    (void)parser.parseHri(text);
    (void)DigitalLink::parse(text, parser);

    RawScan raw;
    raw.data = bytes.toByteArray();
    const Scan scan = decoder.decode(raw);
    if (scan.valid == !scan.error.isEmpty())
        std::abort();
    (void)decoder.decodeGs1(raw);
    return 0;
}
