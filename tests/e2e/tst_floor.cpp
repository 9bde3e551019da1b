// A shift on the floor with real processes (issue 5): dockhand-server with the demo warehouse; a
// picker's handheld and a pack station, each the app's AppCore run headless by `dockhand-cli
// floor`, with scans written into socat ptys and the pack station's scale on a second pty. Taps
// (keypad quantity, short-pick reason, carton type, close carton) are stdin lines calling the same
// Q_INVOKABLEs the QML buttons call.
//
// The picker logs in with a badge scan, starts the first demo wave, binds its orders to totes and
// walks the whole batch (location, product - GS1-128 with lot / expiry / serial where the product
// needs them - and tote), with one wrong product and one short pick; the backlog syncs. The packer
// packs one order of the wave into two cartons weighed by the scale. Then the server is asked, over
// HTTP with a supervisor's token: order statuses, stock, exceptions, refused events, cartons, and
// that no event was stored or applied twice.

#include "e2eharness.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <functional>
#include <tuple>

using namespace dockhand::e2e;

namespace {

const QString kHandheld = QStringLiteral("e2e-handheld");
const QString kStation = QStringLiteral("e2e-packstation");
const QString kWave = QStringLiteral("WAVE-0001");
const QString kShortOrder = QStringLiteral("SO-100004"); // one line, 3 headlamps: 1 picked, 2 short
const QString kPackOrder = QStringLiteral("SO-100001"); // 3 lines, 5 units: packed into 2 cartons
constexpr int kWait = 30000; // per printed line; generous for a loaded 2-core machine

// `dockhand-cli floor`: one headless device. Every line it prints is kept.
class FloorProcess
{
public:
    ~FloorProcess() { stop(); }

    bool start(const QStringList &args, QString *error)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(binary(QStringLiteral("dockhand-cli")), QStringList {QStringLiteral("floor")} + args);
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("dockhand-cli floor did not start: %1").arg(m_process.errorString());
            return false;
        }
        if (waitFor([](const QString &l) { return l.startsWith(QLatin1String("ready ")); }, 0) < 0) {
            *error = QStringLiteral("dockhand-cli floor did not get ready:\n%1").arg(lines().join(u'\n'));
            return false;
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.write("quit\n");
        if (!m_process.waitForFinished(10000)) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
        lines();
    }

    QStringList lines()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype end;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            m_lines.append(QString::fromUtf8(m_buffer.left(end)));
            m_buffer.remove(0, end + 1);
        }
        return m_lines;
    }

    qsizetype count() { return lines().size(); }

    // The index of the first line at or after `from` that matches, waiting up to `timeoutMs`; -1
    // when none came (or the process ended).
    qsizetype waitFor(
        const std::function<bool(const QString &)> &match, qsizetype from, int timeoutMs = kWait)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            const QStringList all = lines();
            for (qsizetype i = from; i < all.size(); ++i) {
                if (match(all.at(i)))
                    return i;
            }
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return -1;
            m_process.waitForReadyRead(50);
        }
    }

    qsizetype waitForPrefix(const QString &prefix, qsizetype from, int timeoutMs = kWait)
    {
        return waitFor([&prefix](const QString &l) { return l.startsWith(prefix); }, from, timeoutMs);
    }

    // One tap: sends the stdin line and waits for its "done" line. The workflow call is synchronous,
    // so every line it caused is printed before "done". Returns the "done" line (empty on timeout).
    QString tap(const QString &command)
    {
        const qsizetype from = count();
        m_process.write(command.toUtf8() + '\n');
        const QString done = QStringLiteral("done ") + command;
        const QString doneWithResult = done + QStringLiteral(" ->");
        const qsizetype at
            = waitFor([&](const QString &l) { return l == done || l.startsWith(doneWithResult); }, from);
        return at < 0 ? QString() : lines().at(at);
    }

    // The feedback line printed after `from` (empty on timeout).
    QString feedbackAfter(qsizetype from)
    {
        const qsizetype at = waitForPrefix(QStringLiteral("feedback "), from);
        return at < 0 ? QString() : lines().at(at);
    }

    // The newest line starting with `prefix` (e.g. "pick ", "pack ", "session ").
    QString last(const QString &prefix)
    {
        const QStringList all = lines();
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (it->startsWith(prefix))
                return *it;
        }
        return {};
    }

    // The events this device committed, as printed: "event <seq> <step> <action> <result> <uuid>".
    QStringList events()
    {
        QStringList out;
        for (const QString &l : lines()) {
            if (l.startsWith(QLatin1String("event ")))
                out.append(l);
        }
        return out;
    }

    QString output() { return lines().join(u'\n'); }

private:
    QProcess m_process;
    QByteArray m_buffer;
    QStringList m_lines;
};

// key=value pairs of a state line ("pick ScanLocation task=WAVE-0001 order=... location=...").
QHash<QString, QString> fieldsOf(const QString &line)
{
    QHash<QString, QString> out;
    static const QRegularExpression re(QStringLiteral("(\\w+)=(\\S*)"));
    for (auto it = re.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        out.insert(m.captured(1), m.captured(2));
    }
    return out;
}

// The state word of a state line ("pick ScanLocation ..." -> "ScanLocation").
QString stateOf(const QString &line)
{
    return line.section(u' ', 1, 1);
}

// Blocking HTTP with an optional bearer token and JSON body.
QJsonObject http(const QByteArray &verb, const QUrl &url, const QString &token, const QJsonObject &body = {},
    int *status = nullptr)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(
        request, verb, verb == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact)));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

using StockKey = QPair<QString, QString>; // location, GTIN

QHash<StockKey, qint64> stockOf(const QJsonObject &locations)
{
    QHash<StockKey, qint64> stock;
    for (const auto &l : locations.value(QStringLiteral("locations")).toArray()) {
        const QString code = l.toObject().value(QStringLiteral("code")).toString();
        for (const auto &s : l.toObject().value(QStringLiteral("stock")).toArray())
            stock.insert({code, s.toObject().value(QStringLiteral("gtin")).toString()},
                s.toObject().value(QStringLiteral("quantity")).toInteger());
    }
    return stock;
}

// The cartons the server recorded, from its database (read-only). The one read of the server's
// file left in the e2e tests: the API does not show an order's cartons (GET /v1/orders/{number}
// has lines and history, GET /v1/sync only carton types), and close-carton events say what the
// station sent, not what the server recorded.
QList<QStringList> serverCartons(const QString &database)
{
    QList<QStringList> rows;
    const QString name = QStringLiteral("e2e-floor-cartons");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(database);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT c.code, o.number, c.carton_type, c.weight_kg, c.items FROM "
                                      "cartons c JOIN orders o ON o.id = c.order_id ORDER BY c.code"))) {
                while (q.next())
                    rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        QString::number(q.value(3).toDouble()), q.value(4).toString()});
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QString gs1(const QString &gtin, const QString &rest)
{
    return QStringLiteral("]C101") + gtin + rest;
}

} // namespace

class TestFloor : public QObject
{
    Q_OBJECT

private:
    QUrl m_url;
    QString m_token; // the supervisor's

    QJsonObject get(const QString &path, int *status = nullptr)
    {
        return http("GET", m_url.resolved(QUrl(path)), m_token, {}, status);
    }

    // The device's events as the server holds them (all of them: fewer than 1000 here).
    QJsonArray serverEvents(const QString &device, qint64 *total = nullptr)
    {
        const QJsonObject page = get(QStringLiteral("/v1/events?limit=1000&device=") + device);
        if (total)
            *total = page.value(QStringLiteral("total")).toInteger(-1);
        return page.value(QStringLiteral("events")).toArray();
    }

    // Waits until the server holds exactly the events the device printed (its backlog synced).
    bool waitSynced(FloorProcess &floor, const QString &device)
    {
        const qint64 printed = floor.events().size();
        QDeadlineTimer deadline(60000);
        qint64 total = -1;
        while (!deadline.hasExpired()) {
            serverEvents(device, &total);
            if (total == printed
                && fieldsOf(floor.last(QStringLiteral("sync "))).value(QStringLiteral("backlog"))
                    == QLatin1String("0"))
                return true;
            QTest::qWait(200);
            floor.lines();
        }
        qWarning() << device << "printed" << printed << "events, the server holds" << total;
        return false;
    }

private slots:
    void pickAndPackAShift()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        for (const char *sub : {"handheld-pty", "station-pty", "scale-pty"})
            QVERIFY(QDir(dir.path()).mkpath(QString::fromLatin1(sub)));
        SocatPty handheldPty(dir.filePath(QStringLiteral("handheld-pty")));
        SocatPty stationPty(dir.filePath(QStringLiteral("station-pty")));
        SocatPty scalePty(dir.filePath(QStringLiteral("scale-pty")));
        QVERIFY2(handheldPty.start(&error), qPrintable(error));
        QVERIFY2(stationPty.start(&error), qPrintable(error));
        QVERIFY2(scalePty.start(&error), qPrintable(error));

        ServerProcess server(dir.filePath(QStringLiteral("server")));
        QVERIFY2(server.start(0,
                     {QStringLiteral("--demo"), QStringLiteral("--rate"), QStringLiteral("1000"),
                         QStringLiteral("--burst"), QStringLiteral("1000")},
                     &error),
            qPrintable(error));
        m_url = server.url();

        // A supervisor's token for the assertions (demo operator OP-3001, PIN 3001).
        int status = 0;
        const QJsonObject login = http("POST", m_url.resolved(QUrl(QStringLiteral("/v1/login"))), {},
            {{QStringLiteral("badge"), QStringLiteral("OP-3001")},
                {QStringLiteral("pin"), QStringLiteral("3001")}},
            &status);
        QCOMPARE(status, 200);
        m_token = login.value(QStringLiteral("token")).toString();
        QVERIFY(!m_token.isEmpty());

        // Before: stock, the products' tracking and the wave as the devices will download it.
        const QHash<StockKey, qint64> stockBefore = stockOf(get(QStringLiteral("/v1/locations")));
        QVERIFY(!stockBefore.isEmpty());
        QHash<QString, QJsonObject> products;
        for (const auto &p : get(QStringLiteral("/v1/products")).value(QStringLiteral("products")).toArray())
            products.insert(p.toObject().value(QStringLiteral("gtin")).toString(), p.toObject());
        QJsonObject wave;
        for (QString cursor;;) {
            const QJsonObject page = get(QStringLiteral("/v1/sync?limit=1000&cursor=") + cursor);
            for (const auto &c : page.value(QStringLiteral("changes")).toArray()) {
                if (c.toObject().value(QStringLiteral("type")).toString() == QLatin1String("task")
                    && c.toObject().value(QStringLiteral("key")).toString() == kWave)
                    wave = c.toObject().value(QStringLiteral("data")).toObject();
            }
            cursor = page.value(QStringLiteral("cursor")).toString();
            if (!page.value(QStringLiteral("more")).toBool())
                break;
        }
        const QJsonArray waveLines = wave.value(QStringLiteral("lines")).toArray();
        QStringList waveOrders;
        for (const auto &o : wave.value(QStringLiteral("orders")).toArray())
            waveOrders.append(o.toString());
        QCOMPARE(waveOrders,
            (QStringList {QStringLiteral("SO-100001"), QStringLiteral("SO-100002"),
                QStringLiteral("SO-100003"), QStringLiteral("SO-100004")}));
        QVERIFY(waveLines.size() >= 4);
        for (const QString &order : waveOrders)
            QCOMPARE(get(QStringLiteral("/v1/orders/") + order).value(QStringLiteral("status")).toString(),
                QStringLiteral("received"));

        // ---- The picker's handheld ----
        FloorProcess handheld;
        QVERIFY2(handheld.start(
                     {QStringLiteral("--serial"), handheldPty.devicePath(), QStringLiteral("--server"),
                         m_url.toString(), QStringLiteral("--data-dir"),
                         dir.filePath(QStringLiteral("handheld")), QStringLiteral("--device-id"), kHandheld},
                     &error),
            qPrintable(error));
        QVERIFY2(handheld.waitForPrefix(QStringLiteral("scanner connected"), 0) >= 0,
            qPrintable(handheld.output()));
        QVERIFY2(handheld.waitFor(
                     [](const QString &l) {
                         return l.startsWith(QLatin1String("sync online=yes"))
                             && l.endsWith(QLatin1String("downloaded=yes"));
                     },
                     0)
                >= 0,
            qPrintable(handheld.output()));

        // One scan: written into the pty; returns its feedback line once everything it caused is
        // printed (the "status" tap is handled after the scan's handler returned).
        const auto scan = [](FloorProcess &floor, SocatPty &pty, const QString &data) {
            const qsizetype from = floor.count();
            QString sendError;
            if (!pty.write(data.toUtf8() + "\r\n", &sendError)) {
                qWarning() << sendError;
                return QString();
            }
            const QString feedback = floor.feedbackAfter(from);
            floor.tap(QStringLiteral("status"));
            return feedback;
        };

        QString fb = scan(handheld, handheldPty, QStringLiteral("OP-1001"));
        QVERIFY2(fb.startsWith(QLatin1String("feedback login accepted Hello Alex Weber")), qPrintable(fb));
        QCOMPARE(stateOf(handheld.last(QStringLiteral("session "))), QStringLiteral("LoggedIn"));
        QCOMPARE(fieldsOf(handheld.last(QStringLiteral("session "))).value(QStringLiteral("role")),
            QStringLiteral("picker"));
        QCOMPARE(handheld.tap(QStringLiteral("open pick")), QStringLiteral("done open pick -> true"));
        QVERIFY2(handheld.last(QStringLiteral("tasks ")).section(u' ', 1).split(u',').contains(kWave),
            qPrintable(handheld.last(QStringLiteral("tasks "))));
        QCOMPARE(handheld.tap(QStringLiteral("pick.start ") + kWave),
            QStringLiteral("done pick.start WAVE-0001 -> true"));

        // Bind each order of the batch to a tote, in the order the handheld asks for them.
        QHash<QString, QString> toteOf;
        for (int i = 0; i < waveOrders.size(); ++i) {
            const QString state = handheld.last(QStringLiteral("pick "));
            QCOMPARE(stateOf(state), QStringLiteral("BindTotes"));
            const QString order = fieldsOf(state).value(QStringLiteral("binding"));
            QCOMPARE(order, waveOrders.at(i));
            const QString tote = QStringLiteral("TOTE-%1").arg(i + 1, 4, 10, QLatin1Char('0'));
            fb = scan(handheld, handheldPty, tote);
            QVERIFY2(fb.startsWith(QLatin1String("feedback pick accepted")), qPrintable(fb));
            toteOf.insert(order, tote);
        }

        // Walk the batch as the handheld leads, scan by scan.
        const QString expiry = QDate::currentDate().addYears(1).toString(QStringLiteral("yyMMdd"));
        QHash<StockKey, qint64> picked; // what the picker took from each location
        QHash<QPair<QString, QString>, qint64> pickedPerLine; // order, GTIN
        QList<QPair<QString, QString>> walk; // (location, order/GTIN) in the order the lines came
        bool wrongDone = false, shortDone = false, keypadDone = false;
        int serial = 0;
        for (int step = 0; step < 300; ++step) {
            const QString line = handheld.last(QStringLiteral("pick "));
            const QString state = stateOf(line);
            const auto f = fieldsOf(line);
            const QString gtin = f.value(QStringLiteral("gtin"));
            const QString order = f.value(QStringLiteral("order"));
            const QString location = f.value(QStringLiteral("location"));
            if (state == QLatin1String("Summary"))
                break;
            const auto productScan = [&] {
                const QJsonObject p = products.value(gtin);
                if (p.value(QStringLiteral("serialTracked")).toBool())
                    return gs1(gtin, QStringLiteral("21SN-E2E-%1").arg(++serial));
                if (p.value(QStringLiteral("lotTracked")).toBool()
                    || p.value(QStringLiteral("expiryTracked")).toBool())
                    return gs1(gtin, QStringLiteral("17") + expiry + QStringLiteral("10LOT-E2E-7"));
                return gtin.mid(1); // GTIN-13 on the unit
            };
            const auto pickOne = [&](const QString &data) {
                const QString feedback = scan(handheld, handheldPty, data);
                if (feedback.startsWith(QLatin1String("feedback pick accepted"))) {
                    picked[{location, gtin}] += 1;
                    pickedPerLine[{order, gtin}] += 1;
                }
                return feedback;
            };
            if (state == QLatin1String("ScanLocation")) {
                walk.append({location, order + u'/' + gtin});
                fb = scan(handheld, handheldPty, location);
                QVERIFY2(fb.startsWith(QLatin1String("feedback pick accepted Location ")), qPrintable(fb));
            } else if (state == QLatin1String("ScanProduct")) {
                if (walk.isEmpty() || walk.constLast().second != order + u'/' + gtin)
                    walk.append({location, order + u'/' + gtin}); // same location as the line before
                if (!wrongDone) {
                    // The wrong product: another product of the wave, a plain GTIN-13.
                    QString wrong;
                    for (const auto &l : waveLines) {
                        const QString g = l.toObject().value(QStringLiteral("gtin")).toString();
                        if (g != gtin && !products.value(g).value(QStringLiteral("serialTracked")).toBool()) {
                            wrong = g;
                            break;
                        }
                    }
                    QVERIFY(!wrong.isEmpty());
                    fb = scan(handheld, handheldPty, wrong.mid(1));
                    QVERIFY2(
                        fb.startsWith(QLatin1String("feedback pick refused Wrong item")), qPrintable(fb));
                    for (const QString &part :
                        {wrong, gtin, products.value(wrong).value(QStringLiteral("name")).toString(),
                            products.value(gtin).value(QStringLiteral("name")).toString()})
                        QVERIFY2(
                            fb.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, fb)));
                    QCOMPARE(handheld.last(QStringLiteral("pick ")), line); // nothing moved
                    wrongDone = true;
                    m_wrongGtin = wrong;
                    m_wrongExpected = gtin;
                    continue;
                }
                fb = pickOne(productScan());
                QVERIFY2(fb.startsWith(QLatin1String("feedback pick accepted")), qPrintable(fb));
                if (order == kShortOrder && !shortDone) {
                    // One unit found, the rest damaged: short the line with its reason.
                    QCOMPARE(stateOf(handheld.last(QStringLiteral("pick "))), QStringLiteral("ScanQuantity"));
                    const qsizetype from = handheld.count();
                    QCOMPARE(handheld.tap(QStringLiteral("pick.short damaged")),
                        QStringLiteral("done pick.short damaged"));
                    fb = handheld.feedbackAfter(from);
                    QVERIFY2(
                        fb.startsWith(QLatin1String("feedback pick accepted Short: 2 of")), qPrintable(fb));
                    m_shortLocation = location;
                    m_shortGtin = gtin;
                    shortDone = true;
                }
            } else if (state == QLatin1String("ScanQuantity")) {
                const qint64 remaining = f.value(QStringLiteral("quantity")).toLongLong()
                    - f.value(QStringLiteral("picked")).toLongLong();
                if (!keypadDone && remaining >= 2
                    && !products.value(gtin).value(QStringLiteral("serialTracked")).toBool()) {
                    // Bulk: the rest on the keypad.
                    const qsizetype from = handheld.count();
                    QCOMPARE(handheld.tap(QStringLiteral("pick.qty %1").arg(remaining)),
                        QStringLiteral("done pick.qty %1").arg(remaining));
                    fb = handheld.feedbackAfter(from);
                    QVERIFY2(fb.startsWith(QLatin1String("feedback pick accepted")), qPrintable(fb));
                    picked[{location, gtin}] += remaining;
                    pickedPerLine[{order, gtin}] += remaining;
                    keypadDone = true;
                } else {
                    fb = pickOne(productScan());
                    QVERIFY2(fb.startsWith(QLatin1String("feedback pick accepted")), qPrintable(fb));
                }
            } else if (state == QLatin1String("ScanTote")) {
                const QString tote = f.value(QStringLiteral("tote"));
                QCOMPARE(tote, toteOf.value(order));
                fb = scan(handheld, handheldPty, tote);
                QVERIFY2(fb.startsWith(QLatin1String("feedback pick accepted In tote")), qPrintable(fb));
            } else {
                QFAIL(
                    qPrintable(QStringLiteral("unexpected pick state: %1\n%2").arg(line, handheld.output())));
            }
        }
        QVERIFY2(wrongDone && shortDone && keypadDone, qPrintable(handheld.output()));
        QCOMPARE(stateOf(handheld.last(QStringLiteral("pick "))), QStringLiteral("Summary"));

        // The walk followed the wave's walk sequence and visited every line once.
        QList<QPair<QString, QString>> expectedWalk;
        QList<QJsonObject> sorted;
        for (const auto &l : waveLines)
            sorted.append(l.toObject());
        std::stable_sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const auto key = [](const QJsonObject &o) {
                return std::make_tuple(o.value(QStringLiteral("walkSequence")).toInt(),
                    o.value(QStringLiteral("location")).toString(),
                    o.value(QStringLiteral("order")).toString(), o.value(QStringLiteral("line")).toInt());
            };
            return key(a) < key(b);
        });
        for (const QJsonObject &l : sorted)
            expectedWalk.append({l.value(QStringLiteral("location")).toString(),
                l.value(QStringLiteral("order")).toString() + u'/'
                    + l.value(QStringLiteral("gtin")).toString()});
        const auto asText = [](const QList<QPair<QString, QString>> &list) {
            QStringList out;
            for (const auto &p : list)
                out.append(p.first + u' ' + p.second);
            return out;
        };
        QCOMPARE(asText(walk), asText(expectedWalk));

        const QString summary = handheld.last(QStringLiteral("pick-summary "));
        const auto s = fieldsOf(summary);
        QCOMPARE(s.value(QStringLiteral("picked")).toInt(), int(waveLines.size()) - 1);
        QCOMPARE(s.value(QStringLiteral("short")), QStringLiteral("1"));
        QCOMPARE(s.value(QStringLiteral("totes")).split(u',').size(), waveOrders.size());
        QCOMPARE(handheld.tap(QStringLiteral("pick.finish")), QStringLiteral("done pick.finish"));
        QCOMPARE(stateOf(handheld.last(QStringLiteral("pick "))), QStringLiteral("NoTask"));

        QVERIFY2(waitSynced(handheld, kHandheld), qPrintable(handheld.output()));
        const QStringList handheldEvents = handheld.events();
        handheld.stop();
        if (qEnvironmentVariableIsSet("DOCKHAND_E2E_VERBOSE"))
            qInfo().noquote() << "handheld:\n" << handheld.output();

        // ---- The pack station: its own scanner and a scale ----
        FloorProcess station;
        QVERIFY2(
            station.start({QStringLiteral("--serial"), stationPty.devicePath(), QStringLiteral("--scale"),
                              scalePty.devicePath(), QStringLiteral("--server"), m_url.toString(),
                              QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("station")),
                              QStringLiteral("--device-id"), kStation},
                &error),
            qPrintable(error));
        QVERIFY2(
            station.waitForPrefix(QStringLiteral("scanner connected"), 0) >= 0, qPrintable(station.output()));
        QVERIFY2(
            station.waitForPrefix(QStringLiteral("scale Connected"), 0) >= 0, qPrintable(station.output()));
        QVERIFY2(station.waitFor(
                     [](const QString &l) {
                         return l.startsWith(QLatin1String("sync online=yes"))
                             && l.endsWith(QLatin1String("downloaded=yes"));
                     },
                     0)
                >= 0,
            qPrintable(station.output()));

        fb = scan(station, stationPty, QStringLiteral("OP-2001"));
        QVERIFY2(fb.startsWith(QLatin1String("feedback login accepted Hello Jo Fischer")), qPrintable(fb));
        QCOMPARE(fieldsOf(station.last(QStringLiteral("session "))).value(QStringLiteral("role")),
            QStringLiteral("packer"));
        QCOMPARE(station.tap(QStringLiteral("open pack")), QStringLiteral("done open pack -> true"));

        // The order's tote opens it.
        fb = scan(station, stationPty, toteOf.value(kPackOrder));
        QVERIFY2(fb.startsWith(QLatin1String("feedback pack accepted Order SO-100001: 5 units to pack")),
            qPrintable(fb));
        QCOMPARE(stateOf(station.last(QStringLiteral("pack "))), QStringLiteral("ScanItems"));

        // The order's lines as the server has them (line, GTIN, picked).
        const QJsonArray packLines
            = get(QStringLiteral("/v1/orders/") + kPackOrder).value(QStringLiteral("lines")).toArray();
        QCOMPARE(packLines.size(), 3);
        const auto packScan = [&](const QString &gtin) {
            const QJsonObject p = products.value(gtin);
            if (p.value(QStringLiteral("lotTracked")).toBool())
                return gs1(gtin, QStringLiteral("17") + expiry + QStringLiteral("10LOT-E2E-7"));
            return gtin.mid(1);
        };
        const auto weigh = [&](const QByteArray &lines, const QString &expectWeight) {
            const qsizetype from = station.count();
            QString sendError;
            if (!scalePty.write(lines, &sendError))
                return false;
            return station.waitFor(
                       [&](const QString &l) {
                           return l.startsWith(QLatin1String("pack Weigh "))
                               && fieldsOf(l).value(QStringLiteral("weight")) == expectWeight;
                       },
                       from)
                >= 0;
        };

        // Carton 1: every unit of the first two lines.
        for (int i = 0; i < 2; ++i) {
            const QJsonObject l = packLines.at(i).toObject();
            const QString gtin = l.value(QStringLiteral("gtin")).toString();
            for (int u = 0; u < l.value(QStringLiteral("picked")).toInt(); ++u) {
                fb = scan(station, stationPty, packScan(gtin));
                QVERIFY2(fb.startsWith(QLatin1String("feedback pack accepted")), qPrintable(fb));
            }
        }
        QCOMPARE(station.tap(QStringLiteral("pack.partial")), QStringLiteral("done pack.partial"));
        QCOMPARE(stateOf(station.last(QStringLiteral("pack "))), QStringLiteral("ChooseCarton"));
        QCOMPARE(station.tap(QStringLiteral("pack.carton BOX-M")), QStringLiteral("done pack.carton BOX-M"));
        QCOMPARE(stateOf(station.last(QStringLiteral("pack "))), QStringLiteral("Weigh"));
        // The scale settles: an unstable reading first, which must not count.
        QVERIFY2(weigh("US,GS,+  0.950kg\r\nST,GS,+  1.234kg\r\n", QStringLiteral("1.234")),
            qPrintable(station.output()));
        QCOMPARE(station.tap(QStringLiteral("pack.close")), QStringLiteral("done pack.close"));
        const QString carton1 = station.last(QStringLiteral("carton "));
        QVERIFY2(carton1.startsWith(QLatin1String("carton SO-100001-1 ")), qPrintable(carton1));
        QCOMPARE(fieldsOf(carton1).value(QStringLiteral("weight")), QStringLiteral("1.234"));
        QCOMPARE(fieldsOf(carton1).value(QStringLiteral("last")), QStringLiteral("no"));
        QCOMPARE(stateOf(station.last(QStringLiteral("pack "))), QStringLiteral("ScanItems"));

        // Carton 2: the rest (the lot-tracked protein bar, scanned with its GS1-128 label).
        const QJsonObject third = packLines.at(2).toObject();
        for (int u = 0; u < third.value(QStringLiteral("picked")).toInt(); ++u) {
            fb = scan(station, stationPty, packScan(third.value(QStringLiteral("gtin")).toString()));
            QVERIFY2(fb.startsWith(QLatin1String("feedback pack accepted")), qPrintable(fb));
        }
        QCOMPARE(stateOf(station.last(QStringLiteral("pack "))), QStringLiteral("ChooseCarton"));
        QCOMPARE(station.tap(QStringLiteral("pack.carton BOX-S")), QStringLiteral("done pack.carton BOX-S"));
        QVERIFY2(weigh("ST,GS,+  0.412kg\r\n", QStringLiteral("0.412")), qPrintable(station.output()));
        QCOMPARE(station.tap(QStringLiteral("pack.close")), QStringLiteral("done pack.close"));
        const QString carton2 = station.last(QStringLiteral("carton "));
        QVERIFY2(carton2.startsWith(QLatin1String("carton SO-100001-2 ")), qPrintable(carton2));
        QCOMPARE(fieldsOf(carton2).value(QStringLiteral("last")), QStringLiteral("yes"));
        QCOMPARE(stateOf(station.last(QStringLiteral("pack "))), QStringLiteral("OrderPacked"));
        for (const QString &l : station.lines())
            QVERIFY2(!(l.startsWith(QLatin1String("pack ")) && l.contains(QLatin1String("weight=0.95"))),
                qPrintable(l));
        QCOMPARE(station.tap(QStringLiteral("pack.finish")), QStringLiteral("done pack.finish"));
        QVERIFY2(waitSynced(station, kStation), qPrintable(station.output()));
        const QStringList stationEvents = station.events();
        station.stop();
        if (qEnvironmentVariableIsSet("DOCKHAND_E2E_VERBOSE"))
            qInfo().noquote() << "pack station:\n" << station.output();

        // ---- On the server ----
        // Order statuses: the packed order, the picked ones, and the shorted one, which counts as
        // picked (docs/protocol.md: a short line is done for the order's picked status).
        QHash<QPair<QString, QString>, qint64> expectedPerLine;
        for (const auto &l : waveLines) {
            const QJsonObject o = l.toObject();
            expectedPerLine[{
                o.value(QStringLiteral("order")).toString(), o.value(QStringLiteral("gtin")).toString()}]
                += o.value(QStringLiteral("quantity")).toInt();
        }
        for (const QString &number : waveOrders) {
            const QJsonObject order = get(QStringLiteral("/v1/orders/") + number);
            QCOMPARE(order.value(QStringLiteral("status")).toString(),
                number == kPackOrder ? QStringLiteral("packed") : QStringLiteral("picked"));
            for (const auto &v : order.value(QStringLiteral("lines")).toArray()) {
                const QJsonObject l = v.toObject();
                const QString gtin = l.value(QStringLiteral("gtin")).toString();
                const int ordered = l.value(QStringLiteral("ordered")).toInt();
                const int pickedUnits = l.value(QStringLiteral("picked")).toInt();
                QCOMPARE(qint64(pickedUnits), pickedPerLine.value({number, gtin}));
                QCOMPARE(qint64(ordered), expectedPerLine.value({number, gtin}));
                QCOMPARE(pickedUnits, number == kShortOrder ? 1 : ordered);
                QCOMPARE(l.value(QStringLiteral("packed")).toInt(), number == kPackOrder ? pickedUnits : 0);
            }
            // Each status reached once: no event applied twice.
            QStringList statuses;
            for (const auto &h : order.value(QStringLiteral("history")).toArray())
                statuses.append(h.toObject().value(QStringLiteral("status")).toString());
            QCOMPARE(QSet<QString>(statuses.begin(), statuses.end()).size(), statuses.size());
            QVERIFY2(statuses.contains(QStringLiteral("picked")), qPrintable(statuses.join(u',')));
        }

        // Stock: down by exactly what was picked, at the locations it was picked from; else unchanged.
        const QHash<StockKey, qint64> stockAfter = stockOf(get(QStringLiteral("/v1/locations")));
        QCOMPARE(stockAfter.size(), stockBefore.size());
        qint64 totalPicked = 0;
        for (auto it = stockBefore.constBegin(); it != stockBefore.constEnd(); ++it) {
            totalPicked += picked.value(it.key());
            QVERIFY2(stockAfter.value(it.key()) == it.value() - picked.value(it.key()),
                qPrintable(QStringLiteral("%1 %2: %3 before, %4 picked, %5 after")
                               .arg(it.key().first, it.key().second)
                               .arg(it.value())
                               .arg(picked.value(it.key()))
                               .arg(stockAfter.value(it.key()))));
        }
        qint64 pickedTotal = 0;
        for (const qint64 n : std::as_const(picked))
            pickedTotal += n;
        QCOMPARE(totalPicked, pickedTotal); // every pick came from a stocked location

        // Exceptions: exactly the short pick, nothing rejected.
        const QJsonArray exceptions
            = get(QStringLiteral("/v1/exceptions")).value(QStringLiteral("exceptions")).toArray();
        QCOMPARE(exceptions.size(), 1);
        const QJsonObject shortPick = exceptions.at(0).toObject();
        QCOMPARE(shortPick.value(QStringLiteral("kind")).toString(), QStringLiteral("short"));
        QCOMPARE(shortPick.value(QStringLiteral("order")).toString(), kShortOrder);
        QCOMPARE(shortPick.value(QStringLiteral("gtin")).toString(), m_shortGtin);
        QCOMPARE(shortPick.value(QStringLiteral("location")).toString(), m_shortLocation);
        QCOMPARE(shortPick.value(QStringLiteral("quantity")).toInteger(), qint64(2));
        QCOMPARE(shortPick.value(QStringLiteral("reason")).toString(), QStringLiteral("damaged"));
        QCOMPARE(shortPick.value(QStringLiteral("device")).toString(), kHandheld);
        QCOMPARE(shortPick.value(QStringLiteral("operator")).toString(), QStringLiteral("OP-1001"));

        // Events: each device's events stored once, in sequence, every one as the device saw it.
        const auto checkEvents = [&](const QString &device, const QStringList &printed) -> QJsonArray {
            qint64 total = -1;
            const QJsonArray events = serverEvents(device, &total);
            if (total != printed.size() || events.size() != printed.size())
                return {};
            QSet<QString> ids;
            for (int i = 0; i < events.size(); ++i) {
                const QJsonObject e = events.at(i).toObject();
                const QStringList p = printed.at(i).split(u' ');
                if (e.value(QStringLiteral("seq")).toInteger() != i + 1
                    || p.value(1) != QString::number(i + 1)
                    || e.value(QStringLiteral("id")).toString() != p.value(5)
                    || e.value(QStringLiteral("result")).toString() != p.value(4))
                    return {};
                ids.insert(e.value(QStringLiteral("id")).toString());
            }
            return ids.size() == events.size() ? events : QJsonArray();
        };
        const QJsonArray pickEvents = checkEvents(kHandheld, handheldEvents);
        QVERIFY2(!pickEvents.isEmpty(), qPrintable(handheldEvents.join(u'\n')));
        const QJsonArray packEvents = checkEvents(kStation, stationEvents);
        QVERIFY2(!packEvents.isEmpty(), qPrintable(stationEvents.join(u'\n')));
        QCOMPARE(get(QStringLiteral("/v1/health")).value(QStringLiteral("events")).toInteger(),
            qint64(handheldEvents.size() + stationEvents.size()));

        // The wrong product: one refused pick event naming both products; the only refusal.
        QList<QJsonObject> refused, shorts;
        qint64 pickedByEvents = 0;
        for (const auto &v : pickEvents) {
            const QJsonObject e = v.toObject();
            const QJsonObject f = e.value(QStringLiteral("fields")).toObject();
            QCOMPARE(e.value(QStringLiteral("operator")).toString(), QStringLiteral("OP-1001"));
            if (e.value(QStringLiteral("result")).toString() == QLatin1String("refused"))
                refused.append(e);
            else if (f.value(QStringLiteral("action")).toString() == QLatin1String("short"))
                shorts.append(e);
            else if (f.value(QStringLiteral("action")).toString() == QLatin1String("pick"))
                pickedByEvents += f.value(QStringLiteral("quantity")).toInteger();
        }
        QCOMPARE(pickedByEvents, pickedTotal);
        QCOMPARE(refused.size(), 1);
        const QJsonObject wrong = refused.constFirst();
        QCOMPARE(wrong.value(QStringLiteral("fields")).toObject().value(QStringLiteral("action")).toString(),
            QStringLiteral("pick"));
        QCOMPARE(wrong.value(QStringLiteral("fields")).toObject().value(QStringLiteral("gtin")).toString(),
            m_wrongGtin);
        QCOMPARE(
            wrong.value(QStringLiteral("fields")).toObject().value(QStringLiteral("expectedGtin")).toString(),
            m_wrongExpected);
        for (const QString &part : {m_wrongGtin, m_wrongExpected,
                 products.value(m_wrongGtin).value(QStringLiteral("name")).toString(),
                 products.value(m_wrongExpected).value(QStringLiteral("name")).toString()})
            QVERIFY2(wrong.value(QStringLiteral("reason")).toString().contains(part),
                qPrintable(wrong.value(QStringLiteral("reason")).toString()));
        QCOMPARE(shorts.size(), 1);
        QCOMPARE(shorts.constFirst()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
            QStringLiteral("damaged"));

        // Cartons: two close-carton events from the station, and the server's carton records.
        QStringList closeEvents;
        for (const auto &v : packEvents) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(QStringLiteral("operator")).toString(), QStringLiteral("OP-2001"));
            QCOMPARE(e.value(QStringLiteral("result")).toString(), QStringLiteral("accepted"));
            const QJsonObject f = e.value(QStringLiteral("fields")).toObject();
            if (f.value(QStringLiteral("action")).toString() == QLatin1String("close-carton"))
                closeEvents.append(QStringLiteral("%1 %2 %3")
                                       .arg(f.value(QStringLiteral("carton")).toString(),
                                           f.value(QStringLiteral("cartonType")).toString())
                                       .arg(f.value(QStringLiteral("weightKg")).toDouble()));
        }
        QCOMPARE(closeEvents,
            (QStringList {
                QStringLiteral("SO-100001-1 BOX-M 1.234"), QStringLiteral("SO-100001-2 BOX-S 0.412")}));
        const QList<QStringList> cartons = serverCartons(server.databasePath());
        QCOMPARE(cartons.size(), 2);
        QCOMPARE(cartons.at(0).mid(0, 4),
            (QStringList {QStringLiteral("SO-100001-1"), kPackOrder, QStringLiteral("BOX-M"),
                QStringLiteral("1.234")}));
        QCOMPARE(cartons.at(1).mid(0, 4),
            (QStringList {QStringLiteral("SO-100001-2"), kPackOrder, QStringLiteral("BOX-S"),
                QStringLiteral("0.412")}));
        qint64 unitsInCartons = 0;
        for (const QStringList &c : cartons) {
            for (const auto &item : QJsonDocument::fromJson(c.at(4).toUtf8()).array())
                unitsInCartons += item.toObject().value(QStringLiteral("quantity")).toInteger();
        }
        QCOMPARE(unitsInCartons, qint64(5));
    }

private:
    QString m_wrongGtin;
    QString m_wrongExpected;
    QString m_shortLocation;
    QString m_shortGtin;
};

QTEST_GUILESS_MAIN(TestFloor)
#include "tst_floor.moc"
