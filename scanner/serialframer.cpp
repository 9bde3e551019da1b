#include "serialframer.h"

#include "rawscan.h"

#include <utility>

namespace dockhand {

namespace {

constexpr char kGs = 0x1d; // GS1 / ISO 15434 group separator (FNC1 after a variable-length AI)
constexpr char kRs = 0x1e; // ISO 15434 record separator
constexpr char kEot = 0x04; // ISO 15434 end of message

bool isLineEnd(char c)
{
    return c == '\r' || c == '\n';
}

// Scanners in CR mode that really send CRLF leave an LF in front of the next frame, and ETX or
// timeout framed scanners often add CR/LF as well: line ends at the edges are never barcode data.
QByteArray trimLineEnds(QByteArray raw)
{
    qsizetype begin = 0;
    qsizetype end = raw.size();
    while (begin < end && isLineEnd(raw.at(begin)))
        ++begin;
    while (end > begin && isLineEnd(raw.at(end - 1)))
        --end;
    if (begin == 0 && end == raw.size())
        return raw;
    return raw.mid(begin, end - begin);
}

QString hexByte(char c)
{
    return QStringLiteral("%1").arg(uint(uchar(c)), 2, 16, QLatin1Char('0')).toUpper();
}

} // namespace

bool isValidUtf8(QByteArrayView bytes, qsizetype *badOffset)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        uint cp = 0;
        uint min = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
            cp = c & 0x1f;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            cp = c & 0x0f;
            min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        if (n - i <= extra) {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        for (int k = 1; k <= extra; ++k) {
            const uchar cc = p[i + k];
            if ((cc & 0xc0) != 0x80) {
                if (badOffset)
                    *badOffset = i;
                return false;
            }
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        i += extra + 1;
    }
    return true;
}

SerialFramer::SerialFramer(SerialFramerConfig config) : m_config(std::move(config))
{
    // A bad configuration must not turn into a crash or a frame per byte: fall back to safe
    // values. SerialScannerConfig::fromJson reports the problem to the admin beforehand.
    if (m_config.framing == SerialFraming::Suffix && m_config.suffix.isEmpty())
        m_config.framing = SerialFraming::LineEnd;
    if (m_config.maxFrameBytes < 1)
        m_config.maxFrameBytes = 1;
    if (m_config.interByteTimeoutMs < 1)
        m_config.interByteTimeoutMs = 1;
    if (m_config.staleFrameMs < 0)
        m_config.staleFrameMs = 0;
}

QString SerialFramer::validate(const SerialFramerConfig &config)
{
    if (config.framing == SerialFraming::Suffix && config.suffix.isEmpty())
        return tr("Suffix framing needs a suffix (CR, LF, CRLF, ETX or the scanner's own bytes)");
    if (config.suffix.size() > 16)
        return tr("The frame suffix is %1 bytes long; at most 16 are supported").arg(config.suffix.size());
    if (config.prefix.size() > 64)
        return tr("The scanner prefix is %1 bytes long; at most 64 are supported").arg(config.prefix.size());
    if (config.interByteTimeoutMs < 1 || config.interByteTimeoutMs > 10000)
        return tr("The inter-byte timeout must be between 1 and 10000 ms, not %1")
            .arg(config.interByteTimeoutMs);
    if (config.maxFrameBytes < 16 || config.maxFrameBytes > 1024 * 1024)
        return tr("The maximum frame size must be between 16 bytes and 1 MiB, not %1")
            .arg(config.maxFrameBytes);
    if (config.staleFrameMs < 0)
        return tr("The stale frame time must not be negative (0 turns it off), not %1")
            .arg(config.staleFrameMs);
    return {};
}

void SerialFramer::reset()
{
    m_pending.clear();
    m_discarding = false;
    m_lastByteMs = -1;
}

QList<SerialFrame> SerialFramer::feed(QByteArrayView bytes, qint64 nowMs)
{
    QList<SerialFrame> out;
    if (bytes.isEmpty())
        return out;
    // A gap before these bytes ends (timeout framing) or voids (suffix framing) what came before,
    // even when the caller's timer did not get to run in between.
    out.append(expire(nowMs));
    m_lastByteMs = nowMs;

    const qsizetype max = m_config.maxFrameBytes;
    switch (m_config.framing) {
    case SerialFraming::LineEnd:
        for (const char c : bytes) {
            if (isLineEnd(c)) {
                completeFrame(out);
            } else if (!m_discarding) {
                m_pending.append(c);
                if (m_pending.size() > max)
                    overflow(out);
            }
        }
        break;
    case SerialFraming::Suffix: {
        const QByteArray &suffix = m_config.suffix;
        const qsizetype keep = suffix.size() - 1; // a suffix may straddle two reads
        for (const char c : bytes) {
            m_pending.append(c);
            if (m_pending.endsWith(suffix)) {
                m_pending.chop(suffix.size());
                completeFrame(out);
            } else if (m_discarding) {
                if (m_pending.size() > keep)
                    m_pending.remove(0, m_pending.size() - keep);
            } else if (m_pending.size() > max + keep) {
                overflow(out);
            }
        }
        break;
    }
    case SerialFraming::InterByteTimeout:
        for (const char c : bytes) {
            if (m_discarding)
                continue;
            m_pending.append(c);
            if (m_pending.size() > max)
                overflow(out);
        }
        break;
    }
    return out;
}

QList<SerialFrame> SerialFramer::expire(qint64 nowMs)
{
    QList<SerialFrame> out;
    if (!hasPending() || m_lastByteMs < 0)
        return out;
    const qint64 gap = nowMs - m_lastByteMs;
    if (m_config.framing == SerialFraming::InterByteTimeout) {
        if (gap >= m_config.interByteTimeoutMs)
            completeFrame(out);
    } else if (m_config.staleFrameMs > 0 && gap >= m_config.staleFrameMs) {
        dropStale(out);
    }
    return out;
}

qint64 SerialFramer::deadlineMs() const
{
    if (!hasPending() || m_lastByteMs < 0)
        return -1;
    if (m_config.framing == SerialFraming::InterByteTimeout)
        return m_lastByteMs + m_config.interByteTimeoutMs;
    if (m_config.staleFrameMs > 0)
        return m_lastByteMs + m_config.staleFrameMs;
    return -1;
}

QList<SerialFrame> SerialFramer::finish()
{
    QList<SerialFrame> out;
    const QByteArray partial = trimLineEnds(m_pending);
    if (!m_discarding && !partial.isEmpty()) {
        SerialFrame frame;
        frame.error
            = tr("Scanner disconnected in the middle of a scan: %1 bytes of an incomplete barcode ignored")
                  .arg(partial.size());
        out.append(std::move(frame));
    }
    reset();
    return out;
}

void SerialFramer::completeFrame(QList<SerialFrame> &out)
{
    QByteArray raw = std::exchange(m_pending, {});
    if (m_discarding) {
        // The end of an over-long frame, already reported when it overflowed.
        m_discarding = false;
        return;
    }
    SerialFrame frame = makeFrame(std::move(raw));
    if (frame.isRejected() || !frame.data.isEmpty() || !frame.aim.isEmpty())
        out.append(std::move(frame));
}

void SerialFramer::overflow(QList<SerialFrame> &out)
{
    SerialFrame frame;
    frame.error
        = tr("Scanner sent more than %1 bytes without an end of frame; ignored").arg(m_config.maxFrameBytes);
    out.append(std::move(frame));
    m_discarding = true;
    // Keep what could be the start of a suffix split across reads; the rest is gone.
    if (m_config.framing == SerialFraming::Suffix)
        m_pending = m_pending.right(m_config.suffix.size() - 1);
    else
        m_pending.clear();
}

void SerialFramer::dropStale(QList<SerialFrame> &out)
{
    const QByteArray partial = trimLineEnds(std::exchange(m_pending, {}));
    const bool wasDiscarding = std::exchange(m_discarding, false);
    if (wasDiscarding || partial.isEmpty())
        return;
    SerialFrame frame;
    frame.error = tr("Scanner sent an incomplete barcode (%1 bytes, then no end of frame for %2 ms); ignored")
                      .arg(partial.size())
                      .arg(m_config.staleFrameMs);
    out.append(std::move(frame));
}

SerialFrame SerialFramer::makeFrame(QByteArray raw) const
{
    SerialFrame frame;
    raw = trimLineEnds(std::move(raw));
    if (!m_config.prefix.isEmpty() && raw.startsWith(m_config.prefix))
        raw.remove(0, m_config.prefix.size());
    if (raw.isEmpty())
        return frame;

    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == '\0') {
            frame.error = tr("Scanner data contains a NUL byte (at position %1); ignored").arg(i + 1);
            return frame;
        }
    }
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        const bool control = uchar(c) < 0x20 || uchar(c) == 0x7f;
        if (control && c != kGs && c != kRs && c != kEot) {
            frame.error = tr("Scanner sent binary noise (control byte 0x%1 at position %2); ignored")
                              .arg(hexByte(c))
                              .arg(i + 1);
            return frame;
        }
    }
    qsizetype bad = 0;
    if (!isValidUtf8(raw, &bad)) {
        frame.error = tr("Scanner data is not valid UTF-8 text (byte 0x%1 at position %2); ignored")
                          .arg(hexByte(raw.at(bad)))
                          .arg(bad + 1);
        return frame;
    }
    frame.aim = takeAimPrefix(raw);
    if (!frame.aim.isEmpty() && raw.isEmpty()) {
        frame.error = tr("Scanner sent a symbology identifier (%1) without data; ignored").arg(frame.aim);
        frame.aim.clear();
        return frame;
    }
    frame.data = std::move(raw);
    return frame;
}

} // namespace dockhand
