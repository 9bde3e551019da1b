#pragma once

#include "rawscan.h"

#include <QKeyEvent>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace dockhand {

// Settings of the keyboard-wedge recogniser.
struct WedgeConfig
{
    int maxInterKeyMs = 30; // keys closer together than this belong to one burst (scanners type in a few ms)
    int minLength = 4; // shorter bursts are a person's key rollover, not a barcode
    bool requireTerminator = true; // a scan ends with a terminator key; false: a pause ends it too
    QList<int> terminators = {Qt::Key_Return, Qt::Key_Enter, Qt::Key_Tab};
    // What the wedge types instead of GS (0x1D), which many wedges cannot type, e.g. "^" or "<GS>".
    // Replaced by 0x1D in the scan's data. Empty: no substitution (Ctrl+] still types a real GS).
    QString gsSubstitute;
    // How long (wall clock) a lone buffered key waits for a follower before it is handed on as
    // typing. Must stay well above maxInterKeyMs: it only delays a person's keystroke by this much.
    int flushDelayMs = 100;
    int maxLength = 4096; // a burst longer than this is not a barcode: handed on as typing
    QString device = QStringLiteral("keyboard");
};

// Recognises a keyboard-wedge (HID) scanner among a person's typing, as an event filter on the app
// window. Printable keys are held back while they arrive faster than maxInterKeyMs apart (timing
// from QKeyEvent::timestamp(), i.e. when the keys were typed, not when the event loop got to them);
// a fast burst of at least minLength characters closed by a terminator (Enter/Tab) is a scan: it is
// emitted as a RawScan and its key events — the Enter above all — never reach the focused control,
// so a scan can never press a button. Anything that turns out to be a person (a slow key, a short
// burst, a modifier shortcut, a mouse click) is replayed to the window in the original order.
//
// Install on the QQuickWindow (window->installEventFilter(filter)). Installed on the application
// instead it also sees ShortcutOverride and keeps a scan's Enter from triggering a Shortcut.
// Key events are only intercepted where they enter a window, so an app-wide install sees each once.
class WedgeFilter : public QObject
{
    Q_OBJECT
public:
    explicit WedgeFilter(WedgeConfig config = {}, QObject *parent = nullptr);
    ~WedgeFilter() override;

    const WedgeConfig &config() const { return m_config; }
    bool isBuffering() const { return !m_buffer.empty(); }

    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void scanned(const dockhand::RawScan &scan);

private:
    enum class KeyKind {
        Character, // printable text (or a GS) that may be part of a scan
        Terminator, // Enter / Tab as configured
        Other, // anything a scanner does not type: shortcuts, arrows, auto-repeat, ...
    };
    struct Buffered
    {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> event;
    };

    KeyKind classify(const QKeyEvent *event) const;
    bool qualifiesAsScan(quint64 terminatorTimestamp) const;
    bool onKeyPress(QObject *receiver, QKeyEvent *event);
    bool onKeyRelease(QObject *receiver, QKeyEvent *event);
    void buffer(QObject *receiver, const QKeyEvent *event);
    void emitScan();
    void replayAsTyping();

    WedgeConfig m_config;
    std::vector<Buffered> m_buffer; // held-back press and release events, in arrival order
    QString m_text; // the characters of the held-back presses
    QList<int> m_heldKeys; // keys pressed in the buffer whose release has not arrived yet
    QList<int> m_swallowReleases; // keys of a finished scan whose release must not leak out
    quint64 m_firstKeyTime = 0;
    quint64 m_lastKeyTime = 0;
    bool m_allFast = true; // every gap in the buffer was below maxInterKeyMs
    bool m_replaying = false;
    QTimer m_flushTimer;
};

} // namespace dockhand
