// The wedge filter in front of a real Qt Quick Controls window: a scan's keys, its Enter and any
// space in the data must never press the focused Button or land in a TextField, while the same
// keys typed by a person do.
#include "wedgefilter.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dockhand;

namespace {

constexpr auto kQml = R"(
import QtQuick
import QtQuick.Controls
Item {
    id: root
    width: 400; height: 300
    property int clicks: 0
    Column {
        TextField { objectName: "field"; width: 300 }
        Button {
            objectName: "button"
            text: "Confirm"
            onClicked: root.clicks++
            // How a floor screen lets Enter confirm, as well as Button's own Space.
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
        }
    }
}
)";

class Typist
{
public:
    explicit Typist(QWindow *window) : m_window(window) { }
    void click(int key, const QString &text, int afterMs)
    {
        m_time += quint64(afterMs);
        send(QEvent::KeyPress, key, text, m_time);
        send(QEvent::KeyRelease, key, text, m_time + 1);
    }
    void type(const QString &text, int gapMs)
    {
        for (const QChar c : text)
            click(c.toUpper().unicode(), QString(c), gapMs);
    }
    void enter(int afterMs) { click(Qt::Key_Return, QStringLiteral("\r"), afterMs); }
    void wait(int ms) { m_time += quint64(ms); }

private:
    void send(QEvent::Type type, int key, const QString &text, quint64 time)
    {
        QKeyEvent event(type, key, Qt::NoModifier, text);
        event.setTimestamp(time);
        QCoreApplication::sendEvent(m_window, &event);
    }
    QWindow *m_window;
    quint64 m_time = 50000;
};

} // namespace

class TestWedgeFilterQuick : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QQmlEngine m_engine;
    std::unique_ptr<QQuickWindow> m_window;
    std::unique_ptr<QQuickItem> m_root;
    std::unique_ptr<WedgeFilter> m_filter;

    QQuickItem *item(const char *name) { return m_root->findChild<QQuickItem *>(QLatin1String(name)); }
    int clicks() { return m_root->property("clicks").toInt(); }

private slots:
    void initTestCase() { qRegisterMetaType<RawScan>(); }

    void init()
    {
        m_window = std::make_unique<QQuickWindow>();
        m_window->resize(400, 300);
        QQmlComponent component(&m_engine);
        // A file URL in an empty directory: nothing else gets imported implicitly.
        component.setData(kQml, QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("WedgeTarget.qml"))));
        QTRY_VERIFY(!component.isLoading());
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        m_root.reset(qobject_cast<QQuickItem *>(component.create()));
        QVERIFY(m_root);
        m_root->setParentItem(m_window->contentItem());
        m_filter = std::make_unique<WedgeFilter>();
        m_window->installEventFilter(m_filter.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->requestActivate();
        QVERIFY(item("button") && item("field"));
    }

    void cleanup()
    {
        m_filter.reset();
        m_root.reset();
        m_window.reset();
    }

    void scanDoesNotPressTheFocusedButton()
    {
        item("button")->forceActiveFocus();
        QTRY_VERIFY(item("button")->hasActiveFocus());
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());

        t.type(QStringLiteral("PALLET 0001"), 4); // the space alone would click a Button
        t.enter(4);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).at(0).value<RawScan>().data, QByteArray("PALLET 0001"));
        QTest::qWait(300);
        QCOMPARE(clicks(), 0);

        // The same keys from a person: Enter and Space press the Button.
        t.enter(1000);
        QTRY_COMPARE(clicks(), 1);
        t.click(Qt::Key_Space, QStringLiteral(" "), 1000);
        QTRY_COMPARE(clicks(), 2);
        QCOMPARE(scans.size(), 1);
    }

    void scanDoesNotTypeIntoTheFocusedField()
    {
        QQuickItem *field = item("field");
        field->forceActiveFocus();
        QTRY_VERIFY(field->hasActiveFocus());
        QSignalSpy scans(m_filter.get(), &WedgeFilter::scanned);
        Typist t(m_window.get());
        t.type(QStringLiteral("qty"), 200);
        QTRY_COMPARE(field->property("text").toString(), QStringLiteral("qty"));
        t.wait(1000);
        t.type(QStringLiteral("4006381333931"), 3);
        t.enter(3);
        QCOMPARE(scans.size(), 1);
        QTest::qWait(300);
        QCOMPARE(field->property("text").toString(), QStringLiteral("qty"));
        QCOMPARE(clicks(), 0);
    }
};

QTEST_MAIN(TestWedgeFilterQuick)
#include "tst_wedgefilter_quick.moc"
