#include "wedgefilter.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWedge, "dockhand.scanner.wedge")

namespace dockhand {

namespace {

constexpr QChar kGs(0x1d);

// Modifiers a scanner's keystrokes can carry: Shift for capitals, Keypad for digits typed on the
// numeric keypad, GroupSwitch for AltGr characters on X11 layouts.
bool onlyTypingModifiers(Qt::KeyboardModifiers modifiers)
{
    return (modifiers & ~(Qt::ShiftModifier | Qt::KeypadModifier | Qt::GroupSwitchModifier)) == 0;
}

} // namespace

WedgeFilter::WedgeFilter(WedgeConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(qMax(m_config.flushDelayMs, m_config.maxInterKeyMs + 1));
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        // Nothing followed the last held key. Without a terminator requirement a long fast burst
        // is a scan; everything else is a person and goes on to the focused control.
        if (!m_config.requireTerminator && m_allFast && m_text.size() >= m_config.minLength)
            emitScan();
        else
            replayAsTyping();
    });
}

WedgeFilter::~WedgeFilter() = default;

WedgeFilter::KeyKind WedgeFilter::classify(const QKeyEvent *event) const
{
    if (event->isAutoRepeat())
        return KeyKind::Other; // a held key is a person
    const QString text = event->text();
    if (text == QString(kGs))
        return KeyKind::Character; // Ctrl+] types a real GS on wedges that can
    if (!onlyTypingModifiers(event->modifiers()))
        return KeyKind::Other;
    if (m_config.terminators.contains(event->key()))
        return KeyKind::Terminator;
    if (text.isEmpty())
        return KeyKind::Other;
    for (const QChar c : text) {
        if (!c.isPrint())
            return KeyKind::Other; // Escape, Backspace, ...
    }
    return KeyKind::Character;
}

bool WedgeFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (m_replaying)
        return false;
    switch (event->type()) {
    case QEvent::ShortcutOverride: {
        // Sent to the focus object before a shortcut fires; accepting it means "this key is
        // input, not a shortcut", which is exactly what a scan's terminator is.
        auto *key = static_cast<QKeyEvent *>(event);
        if (classify(key) == KeyKind::Terminator && qualifiesAsScan(key->timestamp())) {
            event->accept();
            return true;
        }
        return false;
    }
    case QEvent::KeyPress:
        return watched->isWindowType() && onKeyPress(watched, static_cast<QKeyEvent *>(event));
    case QEvent::KeyRelease:
        return watched->isWindowType() && onKeyRelease(watched, static_cast<QKeyEvent *>(event));
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::FocusOut:
        // A person acted: whatever they typed just before belongs before the click.
        if (watched->isWindowType() && !m_buffer.empty())
            replayAsTyping();
        return false;
    default:
        return false;
    }
}

bool WedgeFilter::qualifiesAsScan(quint64 terminatorTimestamp) const
{
    return !m_buffer.empty() && m_allFast && m_text.size() >= m_config.minLength
        && terminatorTimestamp >= m_lastKeyTime
        && terminatorTimestamp - m_lastKeyTime <= quint64(m_config.maxInterKeyMs);
}

bool WedgeFilter::onKeyPress(QObject *receiver, QKeyEvent *event)
{
    const KeyKind kind = classify(event);
    const quint64 time = event->timestamp();
    if (kind == KeyKind::Terminator) {
        if (qualifiesAsScan(time)) {
            m_swallowReleases.append(event->key());
            emitScan();
            return true;
        }
        replayAsTyping();
        m_swallowReleases.removeOne(event->key());
        return false; // a person's Enter
    }
    if (kind == KeyKind::Other) {
        replayAsTyping();
        m_swallowReleases.removeOne(event->key());
        return false;
    }
    if (!m_buffer.empty()) {
        const bool fast = time >= m_lastKeyTime && time - m_lastKeyTime <= quint64(m_config.maxInterKeyMs);
        if (!fast) {
            // The held keys were typed by a person; this key may still start a scan.
            replayAsTyping();
        } else if (m_text.size() >= m_config.maxLength) {
            replayAsTyping();
            m_swallowReleases.removeOne(event->key());
            return false;
        }
    }
    if (m_buffer.empty()) {
        m_firstKeyTime = time;
        m_allFast = true;
    }
    m_lastKeyTime = time;
    m_swallowReleases.removeOne(event->key());
    buffer(receiver, event);
    m_heldKeys.append(event->key());
    m_text += event->text();
    m_flushTimer.start();
    return true;
}

bool WedgeFilter::onKeyRelease(QObject *receiver, QKeyEvent *event)
{
    if (event->isAutoRepeat())
        return !m_buffer.empty() && m_heldKeys.contains(event->key());
    if (m_heldKeys.removeOne(event->key())) {
        buffer(receiver, event); // keeps press/release order for a replay
        return true;
    }
    return m_swallowReleases.removeOne(event->key());
}

void WedgeFilter::buffer(QObject *receiver, const QKeyEvent *event)
{
    m_buffer.push_back(
        Buffered {receiver, std::unique_ptr<QKeyEvent>(static_cast<QKeyEvent *>(event->clone()))});
}

void WedgeFilter::emitScan()
{
    m_flushTimer.stop();
    QString text = std::exchange(m_text, {});
    if (!m_config.gsSubstitute.isEmpty())
        text.replace(m_config.gsSubstitute, QString(kGs));
    // Releases still to come belong to the scan too.
    m_swallowReleases.append(m_heldKeys);
    m_heldKeys.clear();
    const quint64 duration = m_lastKeyTime - m_firstKeyTime;
    m_buffer.clear();

    RawScan scan;
    scan.data = text.toUtf8();
    scan.aim = takeAimPrefix(scan.data);
    scan.source = ScanSource::Wedge;
    scan.device = m_config.device;
    scan.time = QDateTime::currentDateTimeUtc();
    qCDebug(lcWedge) << "scan of" << scan.data.size() << "bytes typed in" << duration << "ms";
    emit scanned(scan);
}

void WedgeFilter::replayAsTyping()
{
    m_flushTimer.stop();
    if (m_buffer.empty())
        return;
    std::vector<Buffered> events = std::exchange(m_buffer, {});
    m_text.clear();
    // Presses whose release has not come yet: the release will pass straight through now.
    m_heldKeys.clear();
    m_replaying = true;
    for (Buffered &b : events) {
        if (b.receiver)
            QCoreApplication::sendEvent(b.receiver, b.event.get());
    }
    m_replaying = false;
}

} // namespace dockhand
