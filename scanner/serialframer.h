#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace dockhand {

// How a serial scanner marks the end of one barcode.
enum class SerialFraming {
    LineEnd, // CR, LF or CRLF ends a frame; empty lines are ignored (the factory default of most scanners)
    Suffix, // exactly the configured suffix bytes end a frame (CR, LF, CRLF, ETX or a custom sequence)
    InterByteTimeout, // silence on the line ends a frame (scanners configured without a suffix)
};

struct SerialFramerConfig
{
    SerialFraming framing = SerialFraming::LineEnd;
    QByteArray suffix; // used with SerialFraming::Suffix; must not be empty there
    int interByteTimeoutMs = 50; // used with SerialFraming::InterByteTimeout
    QByteArray prefix; // the scanner's configured prefix (e.g. STX); stripped when a frame starts with it
    int maxFrameBytes = 4096; // longer frames are noise, not barcodes
    // With suffix framing, a partial frame that saw no byte for this long is dropped (and reported)
    // instead of being glued to the next scan. Scanners send a frame in one burst; 0 disables.
    int staleFrameMs = 2000;
};

// One frame cut from the byte stream: a barcode (data + AIM id) or a rejection with its reason.
struct SerialFrame
{
    QByteArray data; // payload without prefix, AIM id and suffix; GS1 separators stay 0x1D
    QString aim; // "]C1" when the scanner sent an AIM symbology identifier, else empty
    QString error; // non-empty: the frame was rejected, and this says why (operator-readable)

    bool isRejected() const { return !error.isEmpty(); }
};

// Cuts a serial byte stream into barcode frames and rejects what cannot be a barcode: NUL bytes,
// binary noise (control bytes other than GS/RS/EOT, which GS1 and ISO/IEC 15434 use), over-long
// frames, invalid UTF-8 and partial frames. Pure: no port, no clock, no Qt event loop — the caller
// passes a monotonic time in milliseconds, so the same input always gives the same frames, which
// keeps it unit-testable and fuzzable. Never throws, never grows beyond maxFrameBytes + suffix.
class SerialFramer
{
    Q_DECLARE_TR_FUNCTIONS(SerialFramer)
public:
    explicit SerialFramer(SerialFramerConfig config = {});

    // Bytes read from the port at time `nowMs`. Returns the frames they complete, in order.
    QList<SerialFrame> feed(QByteArrayView bytes, qint64 nowMs);

    // Call when the clock passes deadlineMs(): ends a frame framed by inter-byte timeout, or drops a
    // stale partial frame. Harmless to call early or repeatedly.
    QList<SerialFrame> expire(qint64 nowMs);

    // When expire() has work to do next, or -1 when nothing is pending.
    qint64 deadlineMs() const;

    // The port went away: a partial frame is reported as rejected and the framer starts afresh.
    QList<SerialFrame> finish();

    void reset();
    bool hasPending() const { return !m_pending.isEmpty() || m_discarding; }
    const SerialFramerConfig &config() const { return m_config; }

    // Checks the configuration; returns an operator-readable problem or an empty string.
    static QString validate(const SerialFramerConfig &config);

private:
    void completeFrame(QList<SerialFrame> &out);
    void overflow(QList<SerialFrame> &out);
    void dropStale(QList<SerialFrame> &out);
    SerialFrame makeFrame(QByteArray raw) const;

    SerialFramerConfig m_config;
    QByteArray m_pending;
    bool m_discarding = false; // inside an over-long frame: drop bytes until its end
    qint64 m_lastByteMs = -1;
};

// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or code points above
// U+10FFFF). On failure `*badOffset` gets the offset of the first bad byte.
bool isValidUtf8(QByteArrayView bytes, qsizetype *badOffset = nullptr);

} // namespace dockhand
