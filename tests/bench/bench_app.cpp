// The app as the floor runs it: the real dockhand on an X display (Xvfb), a real dockhand-server
// with the demo warehouse, scans written into a socat pty as a serial scanner sends them.
//  1. Startup: process start -> first frame on screen, median of 3 runs, next to a bare Material
//     ApplicationWindow started the same way (this program with --bare-window) in the same run.
//  2. Scan -> the frame that shows its feedback (decode, workflow, durable commit, banner), p50 /
//     p99, for pick scans (the picker walks WAVE-0001 into totes) and pack scans (the packer
//     verifies its orders and closes cartons by scanning the carton label after the scale
//     reading), next to the bare window showing each pty line in a label (same pty, serial port
//     and rendering; no decode, workflow or commit).
//  3. Resident memory after the picker's first frame and after a 2,000-scan shift (the wave,
//     then scans refused because the batch is done: every one still decoded, committed, listed
//     and shown), next to the bare window's.
// Run under xvfb-run (the ctest entry does); DOCKHAND_BENCH_SHIFT sets the shift's length.

#include "benchstats.h"
#include "e2eharness.h"
#include "frametiming.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSerialPort>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <time.h>

using namespace dockhand;
using namespace dockhand::e2e;

namespace {

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_app: %s\n", qPrintable(message));
    std::exit(1);
}

// --bare-window [PORT]: the baseline. A Material ApplicationWindow with one label; with a serial
// port, each line read from it is shown in the label and counted as one feedback.
int runBareWindow(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QQmlApplicationEngine engine;
    engine.loadData("import QtQuick\nimport QtQuick.Controls\n"
                    "ApplicationWindow { visible: true; width: 480; height: 800\n"
                    "  property alias text: label.text\n"
                    "  Label { id: label; anchors.centerIn: parent; font.pixelSize: 30; text: \"ready\" } }");
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    int shown = 0;
    QByteArray last;
    dockhand::FrameTiming frames(
        qEnvironmentVariable("DOCKHAND_FRAME_LOG"), window, [&shown] { return shown; },
        [] { return QByteArray("shown"); });
    QSerialPort port;
    QByteArray buffer;
    const QStringList args = app.arguments();
    if (args.size() > 2) {
        port.setPortName(args.at(2));
        if (!port.open(QIODevice::ReadOnly))
            return 1;
        QObject::connect(&port, &QSerialPort::readyRead, &port, [&] {
            buffer += port.readAll();
            qsizetype end;
            while ((end = buffer.indexOf('\n')) >= 0) {
                last = buffer.left(end).trimmed();
                buffer.remove(0, end + 1);
                ++shown;
                window->setProperty("text", QString::fromLatin1(last));
            }
        });
    }
    return app.exec();
}

// The lines a process writes to its frame log, read as they come.
class FrameLog
{
public:
    explicit FrameLog(QString path) : m_path(std::move(path)) { }
    QString path() const { return m_path; }

    // Waits for the first frame; returns its time, or -1.
    qint64 firstFrame(int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            poll();
            if (m_firstFrame >= 0)
                return m_firstFrame;
            QTest::qWait(5);
        }
        return -1;
    }
    // Waits for the frame of a feedback newer than `serial`: {serial, result, time}, or time -1.
    struct Feedback
    {
        int serial = 0;
        QByteArray result;
        qint64 ns = -1;
    };
    Feedback after(int serial, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            poll();
            if (m_last.serial > serial)
                return m_last;
            QTest::qWait(1);
        }
        return {};
    }
    int lastSerial()
    {
        poll();
        return m_last.serial;
    }

private:
    void poll()
    {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(m_offset))
            return;
        m_pending += file.readAll();
        m_offset = file.pos();
        qsizetype end;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> parts = m_pending.left(end).split(' ');
            m_pending.remove(0, end + 1);
            if (parts.size() == 2 && parts.at(0) == "first-frame")
                m_firstFrame = parts.at(1).toLongLong();
            else if (parts.size() == 4 && parts.at(0) == "feedback")
                m_last = {parts.at(1).toInt(), parts.at(2), parts.at(3).toLongLong()};
        }
    }

    QString m_path;
    qint64 m_offset = 0;
    QByteArray m_pending;
    qint64 m_firstFrame = -1;
    Feedback m_last;
};

double rssMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// One process on the display with its frame log.
struct Shown
{
    QProcess process;
    std::unique_ptr<FrameLog> log;
    qint64 started = 0;

    void start(
        const QString &program, const QStringList &args, const QString &logPath, QProcessEnvironment env)
    {
        QFile::remove(logPath);
        log = std::make_unique<FrameLog>(logPath);
        env.insert(QStringLiteral("DOCKHAND_FRAME_LOG"), logPath);
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setStandardOutputFile(logPath + QStringLiteral(".out"));
        started = monotonicNs();
        process.start(program, args);
        if (!process.waitForStarted(10000))
            fail(QStringLiteral("%1 did not start: %2").arg(program, process.errorString()));
    }
    double startupMs()
    {
        const qint64 frame = log->firstFrame(60000);
        if (frame < 0)
            fail(QStringLiteral("no first frame from %1; its output is in %2.out")
                     .arg(process.program(), log->path()));
        return (frame - started) / 1e6;
    }
    void stop()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.terminate();
        if (!process.waitForFinished(10000))
            process.kill();
        process.waitForFinished(3000);
    }
    ~Shown() { stop(); }
};

// Sends one barcode and waits for the frame that shows its feedback: milliseconds, or -1.
double scanToFrame(SocatPty &pty, FrameLog &log, const QByteArray &code, QByteArray *result = nullptr)
{
    const int before = log.lastSerial();
    const qint64 t0 = monotonicNs();
    QString error;
    if (!pty.write(code + "\r\n", &error))
        fail(error);
    const auto fb = log.after(before, 5000);
    if (result)
        *result = fb.result;
    return fb.ns < 0 ? -1 : (fb.ns - t0) / 1e6;
}

QJsonObject cached(const QString &dbPath, const QString &type, const QString &key)
{
    QJsonObject object;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT data FROM cache_entities WHERE type = ? AND key = ?"));
            q.addBindValue(type);
            q.addBindValue(key);
            if (q.exec() && q.next())
                object = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return object;
}

QJsonObject waitForCached(const QString &dbPath, const QString &type, const QString &key)
{
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        const QJsonObject o = cached(dbPath, type, key);
        if (!o.isEmpty())
            return o;
        QTest::qWait(100);
    }
    fail(QStringLiteral("the device never downloaded %1 %2").arg(type, key));
}

// A unit of the product as its label carries it: GS1-128 with expiry, serial and lot where the
// product needs them, else the plain GTIN.
QByteArray unitLabel(const QJsonObject &product, const QString &gtin, int *serial)
{
    const bool lot = product.value(QLatin1String("lotTracked")).toBool();
    const bool expiry = product.value(QLatin1String("expiryTracked")).toBool();
    const bool serialTracked = product.value(QLatin1String("serialTracked")).toBool();
    if (!lot && !expiry && !serialTracked)
        return gtin.toLatin1();
    QByteArray code = "]C101" + gtin.toLatin1();
    if (expiry)
        code += "17301231";
    if (serialTracked)
        code += "21SN" + QByteArray::number(++*serial).rightJustified(5, '0') + (lot ? "\x1d" : "");
    if (lot)
        code += "10LOT42";
    return code;
}

double probeBacklog(const QString &probePath)
{
    QFile file(probePath);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    return o.value(QLatin1String("online")).toBool() ? o.value(QLatin1String("backlog")).toDouble(-1) : -1;
}

void print(const char *what, const bench::Percentiles &s, const char *note = "")
{
    std::printf("  %-44s p50 %7.1f ms   p99 %7.1f ms   (n=%d)%s\n", what, s.p50, s.p99, s.n, note);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "--bare-window") == 0)
        return runBareWindow(argc, argv);
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("DISPLAY")) {
        std::printf("bench_app: skipped: needs an X display (run it under xvfb-run, as ctest does)\n");
        return 0;
    }
    const int shift = qMax(100,
        qEnvironmentVariableIntValue("DOCKHAND_BENCH_SHIFT") > 0
            ? qEnvironmentVariableIntValue("DOCKHAND_BENCH_SHIFT")
            : 2000);
    QTemporaryDir dir;
    const QString self = QCoreApplication::applicationFilePath();
    const QString dockhand = binary(QStringLiteral("dockhand"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // on the display, as on a device
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));

    ServerProcess server(dir.filePath(QStringLiteral("server")));
    QString error;
    if (!server.start(0,
            {QStringLiteral("--demo"), QStringLiteral("--rate"), QStringLiteral("1000"),
                QStringLiteral("--burst"), QStringLiteral("1000")},
            &error))
        fail(error);
    const QString url = server.url().toString();

    // 1. Startup to the first frame.
    QList<double> appStart, bareStart;
    double bareRss = 0;
    for (int i = 0; i < 3; ++i) {
        Shown bare;
        bare.start(
            self, {QStringLiteral("--bare-window")}, dir.filePath(QStringLiteral("bare-%1.log").arg(i)), env);
        bareStart.append(bare.startupMs());
        QTest::qWait(500);
        bareRss = rssMb(bare.process.processId());
        Shown shown;
        shown.start(dockhand,
            {QStringLiteral("--server"), url, QStringLiteral("--data-dir"),
                dir.filePath(QStringLiteral("startup-%1").arg(i)), QStringLiteral("--size"),
                QStringLiteral("480x800")},
            dir.filePath(QStringLiteral("startup-%1.log").arg(i)), env);
        appStart.append(shown.startupMs());
    }

    // The baseline scan path: pty -> serial port -> label -> frame.
    QDir(dir.path()).mkpath(QStringLiteral("pty-bare"));
    SocatPty barePty(dir.filePath(QStringLiteral("pty-bare")));
    if (!barePty.start(&error))
        fail(error);
    QList<double> bareScan;
    {
        Shown bare;
        bare.start(self, {QStringLiteral("--bare-window"), barePty.devicePath()},
            dir.filePath(QStringLiteral("bare-scan.log")), env);
        bare.startupMs();
        QTest::qWait(500);
        for (int i = 0; i < 200; ++i) {
            const double ms = scanToFrame(barePty, *bare.log, "04012345001006-" + QByteArray::number(i));
            if (ms >= 0)
                bareScan.append(ms);
        }
    }

    // 2./3. The picker's shift.
    QDir(dir.path()).mkpath(QStringLiteral("pty-handheld"));
    SocatPty scanner(dir.filePath(QStringLiteral("pty-handheld")));
    if (!scanner.start(&error))
        fail(error);
    const QString handheld = dir.filePath(QStringLiteral("handheld"));
    const QString probe = dir.filePath(QStringLiteral("handheld-probe.json"));
    QProcessEnvironment pickEnv = env;
    pickEnv.insert(QStringLiteral("DOCKHAND_SCREEN"), QStringLiteral("pick:WAVE-0001"));
    Shown picker;
    picker.start(dockhand,
        {QStringLiteral("--server"), url, QStringLiteral("--serial"), scanner.devicePath(),
            QStringLiteral("--data-dir"), handheld, QStringLiteral("--size"), QStringLiteral("480x800"),
            QStringLiteral("--ui-probe"), probe},
        dir.filePath(QStringLiteral("picker.log")), pickEnv);
    picker.startupMs();
    const QString queue = QDir(handheld).filePath(QStringLiteral("queue.sqlite"));
    const QJsonObject task = waitForCached(queue, QStringLiteral("task"), QStringLiteral("WAVE-0001"));
    waitForCached(queue, QStringLiteral("operator"), QStringLiteral("OP-1001"));
    QTest::qWait(1500); // the scanner port opens, the screen settles
    const double rssStart = rssMb(picker.process.processId());

    int scans = 0;
    QList<double> pickMs, refusedMs;
    QByteArray result;
    if (scanToFrame(scanner, *picker.log, "OP-1001") < 0)
        fail(QStringLiteral("no feedback for the picker's badge"));
    ++scans;
    QTest::qWait(500); // the pick screen opens and starts the wave
    QStringList orders;
    for (const auto &o : task.value(QLatin1String("orders")).toArray())
        orders.append(o.toString());
    QHash<QString, QByteArray> toteOf;
    QList<QByteArray> walk;
    if (orders.size() > 1) {
        for (int i = 0; i < orders.size(); ++i) {
            toteOf.insert(
                orders.at(i), QStringLiteral("TOTE-%1").arg(i + 1, 4, 10, QLatin1Char('0')).toLatin1());
            walk.append(toteOf.value(orders.at(i)));
        }
    }
    QList<QJsonObject> lines;
    for (const auto &l : task.value(QLatin1String("lines")).toArray())
        lines.append(l.toObject());
    std::stable_sort(lines.begin(), lines.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QLatin1String("walkSequence")).toInt()
            < b.value(QLatin1String("walkSequence")).toInt();
    });
    QString lastLocation;
    int serialNo = 0;
    for (const QJsonObject &l : lines) {
        const QString location = l.value(QLatin1String("location")).toString();
        if (location != lastLocation)
            walk.append(location.toLatin1());
        lastLocation = location;
        const QString gtin = l.value(QLatin1String("gtin")).toString();
        const QJsonObject product = cached(queue, QStringLiteral("product"), gtin);
        for (int u = 0; u < l.value(QLatin1String("quantity")).toInt(); ++u)
            walk.append(unitLabel(product, gtin, &serialNo));
        if (orders.size() > 1)
            walk.append(toteOf.value(l.value(QLatin1String("order")).toString()));
    }
    for (const QByteArray &code : std::as_const(walk)) {
        const double ms = scanToFrame(scanner, *picker.log, code, &result);
        if (ms < 0)
            fail(QStringLiteral("no feedback for %1").arg(QString::fromLatin1(code)));
        if (result != "accepted")
            fail(QStringLiteral("the wave's scan %1 was %2; see %3.out")
                     .arg(QString::fromLatin1(code), QString::fromLatin1(result), picker.log->path()));
        pickMs.append(ms);
        ++scans;
    }
    // The rest of the shift: scans after the batch is done are refused, and still go the whole way.
    const QByteArray again = lines.isEmpty()
        ? QByteArray("A-01-01")
        : lines.first().value(QLatin1String("location")).toString().toLatin1();
    while (scans < shift) {
        const double ms = scanToFrame(scanner, *picker.log, again);
        if (ms >= 0)
            refusedMs.append(ms);
        ++scans;
    }
    QTest::qWait(1000);
    const double rssShift = rssMb(picker.process.processId());
    // Everything reaches the server before the packer starts.
    QDeadlineTimer synced(120000);
    while (probeBacklog(probe) != 0 && !synced.hasExpired())
        QTest::qWait(200);
    picker.stop();

    // The packer: each order of the wave from its tote, verified, carton by label, scale, closed.
    QDir(dir.path()).mkpath(QStringLiteral("pty-station"));
    QDir(dir.path()).mkpath(QStringLiteral("pty-scale"));
    SocatPty packScanner(dir.filePath(QStringLiteral("pty-station")));
    SocatPty scale(dir.filePath(QStringLiteral("pty-scale")));
    if (!packScanner.start(&error) || !scale.start(&error))
        fail(error);
    const QString station = dir.filePath(QStringLiteral("station"));
    QProcessEnvironment packEnv = env;
    packEnv.insert(QStringLiteral("DOCKHAND_SCREEN"), QStringLiteral("pack"));
    Shown packer;
    packer.start(dockhand,
        {QStringLiteral("--server"), url, QStringLiteral("--serial"), packScanner.devicePath(),
            QStringLiteral("--scale"), scale.devicePath(), QStringLiteral("--data-dir"), station,
            QStringLiteral("--size"), QStringLiteral("1280x800")},
        dir.filePath(QStringLiteral("packer.log")), packEnv);
    packer.startupMs();
    const QString stationQueue = QDir(station).filePath(QStringLiteral("queue.sqlite"));
    waitForCached(stationQueue, QStringLiteral("operator"), QStringLiteral("OP-2001"));
    QList<double> packMs;
    if (scanToFrame(packScanner, *packer.log, "OP-2001") < 0)
        fail(QStringLiteral("no feedback for the packer's badge"));
    QTest::qWait(500);
    for (const QString &number : std::as_const(orders)) {
        QJsonObject order;
        QDeadlineTimer picked(60000);
        while (!picked.hasExpired()) {
            order = cached(stationQueue, QStringLiteral("order"), number);
            if (order.value(QLatin1String("status")).toString() == QLatin1String("picked"))
                break;
            QTest::qWait(200);
        }
        QList<QByteArray> codes {order.value(QLatin1String("tote")).toString().toLatin1()};
        if (codes.first().isEmpty())
            codes.first() = number.toLatin1();
        int units = 0;
        for (const auto &l : order.value(QLatin1String("lines")).toArray()) {
            for (int u = 0; u < l.toObject().value(QLatin1String("picked")).toInt(); ++u, ++units)
                codes.append(l.toObject().value(QLatin1String("gtin")).toString().toLatin1());
        }
        if (units == 0)
            continue;
        codes.append("BOX-M");
        for (const QByteArray &code : std::as_const(codes)) {
            const double ms = scanToFrame(packScanner, *packer.log, code, &result);
            if (ms < 0 || result != "accepted")
                fail(QStringLiteral("pack scan %1 of %2: %3")
                         .arg(QString::fromLatin1(code), number, QString::fromLatin1(result)));
            packMs.append(ms);
        }
        if (!scale.write("ST,GS,+  1.734kg\r\n", &error))
            fail(error);
        QTest::qWait(300);
        const double ms = scanToFrame(packScanner, *packer.log, "BOX-M", &result); // closes the carton
        if (ms < 0 || result != "accepted")
            fail(QStringLiteral("closing the carton of %1: %2").arg(number, QString::fromLatin1(result)));
        packMs.append(ms);
    }
    packer.stop();

    std::printf(
        "App on screen (Xvfb, 480x800 handheld / 1280x800 pack station), dockhand-server demo on loopback\n");
    std::printf("Startup to first frame (median of 3):\n");
    std::printf("  %-44s %7.0f ms\n", "dockhand (login screen, sync starting)", median(appStart));
    std::printf("  %-44s %7.0f ms   (baseline)\n", "bare Material ApplicationWindow", median(bareStart));
    std::printf("Scan -> frame showing its feedback (durable commit included):\n");
    print("pick scans (WAVE-0001 into totes)", bench::percentiles(pickMs));
    print("pack scans (verify, carton label, close)", bench::percentiles(packMs));
    print("refused scans (batch done)", bench::percentiles(refusedMs));
    print("baseline: pty line -> label in bare window", bench::percentiles(bareScan), "   (baseline)");
    std::printf("Resident memory of the picker's app:\n");
    std::printf("  %-44s %7.1f MB\n", "after the first frame and the download", rssStart);
    std::printf("  %-44s %7.1f MB   (+%.1f MB)\n",
        qPrintable(QStringLiteral("after a %1-scan shift").arg(scans)), rssShift, rssShift - rssStart);
    std::printf("  %-44s %7.1f MB   (baseline)\n", "bare Material ApplicationWindow", bareRss);
    return 0;
}
