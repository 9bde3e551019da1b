#include "wedgefilter.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

using namespace dockhand;

namespace {

// The window the wedge filter guards; records every key event that gets through to it.
class KeyRecorder : public QWindow
{
public:
    QStringList
        events; // "P:a" for a press of text "a", "R:a" for its release, "P:<16777220>" for keys without text

protected:
    void keyPressEvent(QKeyEvent *e) override { events.append(QStringLiteral("P:") + describe(e)); }
    void keyReleaseEvent(QKeyEvent *e) override { events.append(QStringLiteral("R:") + describe(e)); }

private:
    static QString describe(const QKeyEvent *e)
    {
        if (!e->text().isEmpty() && e->text().at(0).isPrint())
            return e->text();
        return QStringLiteral("<%1>").arg(e->key());
    }
};

QString keyName(int key)
{
    return QStringLiteral("<%1>").arg(key);
}

// Sends key events with synthetic timestamps, as if typed at a given speed.
class Typist
{
public:
    explicit Typist(QWindow *window) : m_window(window) { }

    void press(int key, const QString &text, int afterMs, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        m_time += quint64(afterMs);
        send(QEvent::KeyPress, key, text, mods, m_time);
    }
    void release(int key, const QString &text, int afterMs = 2, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        send(QEvent::KeyRelease, key, text, mods, m_time + quint64(afterMs));
    }
    void click(int key, const QString &text, int afterMs, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        press(key, text, afterMs, mods);
        release(key, text, 2, mods);
    }
    // Each character pressed `gapMs` after the previous one, released 2 ms after its press.
    void type(const QString &text, int gapMs, bool releases = true)
    {
        for (const QChar c : text) {
            press(keyFor(c), QString(c), gapMs, c.isUpper() ? Qt::ShiftModifier : Qt::NoModifier);
            if (releases)
                release(keyFor(c), QString(c), 2, c.isUpper() ? Qt::ShiftModifier : Qt::NoModifier);
        }
    }
    void enter(int afterMs) { click(Qt::Key_Return, QStringLiteral("\r"), afterMs); }
    void wait(int ms) { m_time += quint64(ms); }

    static int keyFor(QChar c)
    {
        // Qt key codes of printable ASCII are their upper-case character codes.
        return c.toUpper().unicode();
    }

    bool lastAccepted = false;

private:
    void send(QEvent::Type type, int key, const QString &text, Qt::KeyboardModifiers mods, quint64 time)
    {
        QKeyEvent event(type, key, mods, text);
        event.setTimestamp(time);
        QCoreApplication::sendEvent(m_window, &event);
        lastAccepted = event.isAccepted();
    }

    QWindow *m_window;
    quint64 m_time = 100000;
};

QStringList typed(const QString &text)
{
    QStringList out;
    for (const QChar c : text)
        out << QStringLiteral("P:") + c << QStringLiteral("R:") + c;
    return out;
}

QStringList enterEvents()
{
    return {QStringLiteral("P:") + keyName(Qt::Key_Return), QStringLiteral("R:") + keyName(Qt::Key_Return)};
}

} // namespace

class TestWedgeFilter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KeyRecorder> m_window;
    std::unique_ptr<WedgeFilter> m_filter;

    void makeFilter(WedgeConfig config = {})
    {
        m_window = std::make_unique<KeyRecorder>();
        m_filter = std::make_unique<WedgeFilter>(config);
        m_window->installEventFilter(m_filter.get());
    }

private slots:
    void initTestCase() { qRegisterMetaType<RawScan>(); }
    void init() { makeFilter(); }
    void cleanup()
    {
        m_filter.reset();
        m_window.reset();
    }

    void scannerBurstIsAScanAndNeverReachesTheWindow()
    {
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("4006381333931"), 4);
        t.enter(4);
        QCOMPARE(scans.size(), 1);
        const auto scan = scans.at(0).at(0).value<RawScan>();
        QCOMPARE(scan.data, QByteArray("4006381333931"));
        QCOMPARE(scan.source, ScanSource::Wedge);
        QCOMPARE(scan.device, QStringLiteral("keyboard"));
        QVERIFY(scan.aim.isEmpty());
        QVERIFY(scan.time.isValid());
        // Not now, and not later when the flush timer has had its chance either.
        QTest::qWait(300);
        QCOMPARE(m_window->events, QStringList());
        QVERIFY(!m_filter->isBuffering());
    }

    void humanTypingGoesThroughInOrder()
    {
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("Ab1-x"), 150);
        t.enter(200);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->events, typed(QStringLiteral("Ab1-x")) + enterEvents(), 5000);
        QCOMPARE(scans.size(), 0);
    }

    void lastHumanKeyArrivesWithoutAFollower()
    {
        Typist t(m_window.get());
        t.type(QStringLiteral("q"), 0);
        // Held back only until the flush timer decides it was a person.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->events, typed(QStringLiteral("q")), 5000);
    }

    void fastButShortBurstIsAPerson()
    {
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("ok"), 5); // key rollover of a fast typist
        t.enter(5);
        QCOMPARE(m_window->events, typed(QStringLiteral("ok")) + enterEvents());
        QCOMPARE(scans.size(), 0);
    }

    void slowTerminatorIsAPersonsEnter()
    {
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("ABCD"), 5);
        t.enter(400);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->events, typed(QStringLiteral("ABCD")) + enterEvents(), 5000);
        QCOMPARE(scans.size(), 0);
    }

    void burstWithoutTerminatorIsTypingByDefault()
    {
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("12345678"), 4);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->events, typed(QStringLiteral("12345678")), 5000);
        QCOMPARE(scans.size(), 0);
    }

    void burstWithoutTerminatorIsAScanWhenConfigured()
    {
        WedgeConfig config;
        config.requireTerminator = false;
        makeFilter(config);
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("12345678"), 4);
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 5000);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, QByteArray("12345678"));
        QCOMPARE(m_window->events, QStringList());
    }

    void typingThenScan()
    {
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("x"), 0);
        t.wait(300);
        t.type(QStringLiteral("]E04006381333931"), 3);
        t.enter(3);
        QCOMPARE(m_window->events, typed(QStringLiteral("x")));
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().aim, QStringLiteral("]E0"));
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, QByteArray("4006381333931"));
    }

    void tabTerminatesToo()
    {
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("A-01-02"), 4);
        t.click(Qt::Key_Tab, QStringLiteral("\t"), 4);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, QByteArray("A-01-02"));
        QCOMPARE(m_window->events, QStringList()); // the Tab did not move focus either
    }

    void gsSubstitute()
    {
        WedgeConfig config;
        config.gsSubstitute = QStringLiteral("^");
        makeFilter(config);
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("]C10109506000134352^10ABC123^21S1"), 3);
        t.enter(3);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().aim, QStringLiteral("]C1"));
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data,
            QByteArray("0109506000134352\x1d"
                       "10ABC123\x1d"
                       "21S1"));
    }

    void controlBracketTypesARealGs()
    {
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("0109506000134352"), 3);
        t.click(Qt::Key_BracketRight, QStringLiteral("\x1d"), 3, Qt::ControlModifier);
        t.type(QStringLiteral("10LOT"), 3);
        t.enter(3);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data,
            QByteArray("0109506000134352\x1d"
                       "10LOT"));
        QCOMPARE(m_window->events, QStringList());
    }

    void shortcutFlushesHeldKeysFirst()
    {
        Typist t(m_window.get());
        t.type(QStringLiteral("ab"), 5);
        t.click(Qt::Key_S, QStringLiteral("\x13"), 5, Qt::ControlModifier);
        const QStringList ctrlS {QStringLiteral("P:<83>"), QStringLiteral("R:<83>")};
        QCOMPARE(m_window->events, typed(QStringLiteral("ab")) + ctrlS);
    }

    void mouseClickFlushesHeldKeysFirst()
    {
        Typist t(m_window.get());
        t.type(QStringLiteral("z"), 0);
        QMouseEvent press(QEvent::MouseButtonPress, QPointF(5, 5), QPointF(5, 5), Qt::LeftButton,
            Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &press);
        QCOMPARE(m_window->events, typed(QStringLiteral("z")));
    }

    void lateReleasesOfAScanAreSwallowed()
    {
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        // Presses only, then Enter, then all the releases (some wedges send them in a batch).
        t.type(QStringLiteral("WXYZ1"), 2, false);
        t.press(Qt::Key_Return, QStringLiteral("\r"), 2);
        QCOMPARE(scans.size(), 1);
        for (const QChar c : QStringLiteral("WXYZ1"))
            t.release(Typist::keyFor(c), QString(c), 5);
        t.release(Qt::Key_Return, QStringLiteral("\r"), 5);
        QCOMPARE(m_window->events, QStringList());
        // The next person's key is not swallowed.
        t.wait(1000);
        t.enter(0);
        QCOMPARE(m_window->events, enterEvents());
    }

    void shortcutOverrideOfAScansEnterIsTaken()
    {
        Typist t(m_window.get());
        t.type(QStringLiteral("TOTE-0001"), 3);
        QKeyEvent override(QEvent::ShortcutOverride, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
        override.setTimestamp(100000 + 9 * 3 + 3);
        override.ignore();
        QVERIFY(m_filter->eventFilter(m_window.get(), &override));
        QVERIFY(override.isAccepted());

        // A person's Enter is left to shortcuts.
        QKeyEvent human(QEvent::ShortcutOverride, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
        human.setTimestamp(100000 + 9 * 3 + 900);
        QVERIFY(!m_filter->eventFilter(m_window.get(), &human));
    }

    void autoRepeatIsAPerson()
    {
        Typist t(m_window.get());
        t.type(QStringLiteral("a"), 0);
        QKeyEvent repeat(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"), true);
        repeat.setTimestamp(100000 + 10);
        QCoreApplication::sendEvent(m_window.get(), &repeat);
        QCOMPARE(m_window->events, typed(QStringLiteral("a")) + QStringList {QStringLiteral("P:a")});
    }
};

QTEST_MAIN(TestWedgeFilter)
#include "tst_wedgefilter.moc"
