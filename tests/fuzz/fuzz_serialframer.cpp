// libFuzzer target for SerialFramer: the bytes a scanner (or line noise) can send, cut into reads
// at fuzzer-chosen points and times, under a fuzzer-chosen configuration. Besides crashes and
// sanitizer findings it checks the framer's promises and traps when one is broken.
#include "serialframer.h"

#include <cstddef>
#include <cstdint>

using namespace dockhand;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkFrames(const QList<SerialFrame> &frames, const SerialFramerConfig &config)
{
    for (const SerialFrame &f : frames) {
        if (f.isRejected()) {
            check(f.data.isEmpty() && f.aim.isEmpty());
            continue;
        }
        check(!f.data.isEmpty());
        check(f.data.size() <= config.maxFrameBytes);
        check(isValidUtf8(f.data));
        for (const char c : f.data) {
            const auto u = uchar(c);
            check(u != 0);
            check(u >= 0x20 || c == 0x1d || c == 0x1e || c == 0x04);
            check(u != 0x7f);
        }
        check(f.aim.isEmpty() || (f.aim.size() == 3 && f.aim.at(0) == QLatin1Char(']')));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    // Header: framing, suffix choice, max frame size, prefix choice.
    SerialFramerConfig config;
    config.framing = SerialFraming(data[0] % 3);
    static const QByteArray suffixes[] = {"\r", "\n", "\r\n", "\x03", "#END#", "\x1d\x1d"};
    config.suffix = suffixes[data[1] % 6];
    config.maxFrameBytes = 1 + data[2] % 64;
    config.prefix = (data[3] & 1) ? QByteArray("\x02") : QByteArray();
    config.interByteTimeoutMs = 1 + (data[3] >> 1) % 50;
    config.staleFrameMs = (data[3] & 0x80) ? 0 : 100;
    data += 4;
    size -= 4;

    SerialFramer framer(config);
    qint64 now = 0;
    qint64 lastBytes = -1;
    // Body: chunks of [length byte][time step byte][bytes...].
    while (size >= 2) {
        const size_t len = qMin<size_t>(data[0] % 32, size - 2);
        now += data[1];
        const QByteArrayView chunk(reinterpret_cast<const char *>(data + 2), qsizetype(len));
        checkFrames(framer.feed(chunk, now), framer.config());
        if (len > 0)
            lastBytes = now;
        if (data[1] & 1)
            checkFrames(framer.expire(now + (data[1] >> 1)), framer.config());
        const qint64 deadline = framer.deadlineMs();
        // A deadline, when there is one, lies just after the last byte: never in its past.
        check(deadline == -1 || (lastBytes >= 0 && deadline > lastBytes && deadline <= lastBytes + 10000));
        data += 2 + len;
        size -= 2 + len;
    }
    checkFrames(framer.finish(), framer.config());
    check(!framer.hasPending());
    return 0;
}
