// libFuzzer target: AIM symbology identifiers split off arbitrary scanner data, and the decoder
// fed with the id in band (as a serial scanner sends it) and out of band (as ZXing reports it).
#include "aim.h"
#include "scan.h"

#include <cstdint>
#include <cstdlib>

using namespace dockhand;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const ScanDecoder decoder;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    QString id;
    const QByteArrayView rest = Aim::split(bytes, &id);
    if (id.isEmpty() ? rest.size() != bytes.size() : (id.size() != 3 || rest.size() != bytes.size() - 3))
        std::abort();
    const AimInfo info = Aim::info(QString::fromLatin1(bytes.first(std::min<qsizetype>(3, bytes.size()))));
    if (info.gs1 && !info.known)
        std::abort();

    RawScan inBand;
    inBand.data = bytes.toByteArray();
    const Scan a = decoder.decode(inBand);

    RawScan outOfBand;
    outOfBand.data = rest.toByteArray();
    outOfBand.aim = id;
    const Scan b = decoder.decode(outOfBand);
    // The same scan either way: where the AIM id travels must not change the meaning.
    if (a.valid != b.valid || a.kind != b.kind || a.aim != b.aim || a.hri != b.hri)
        std::abort();
    return 0;
}
