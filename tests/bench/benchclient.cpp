#include "benchclient.h"

#include "protocol.h"
#include "scanevents.h"
#include "toolrunner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

#include <unistd.h>

namespace dockhand::bench {

int setting(int argc, char **argv, int index, const char *env, int fallback, int minimum, int maximum)
{
    bool ok = false;
    int value = argc > index ? QString::fromLocal8Bit(argv[index]).toInt(&ok)
                             : qEnvironmentVariableIntValue(env, &ok);
    if (!ok)
        value = fallback;
    return qBound(minimum, value, maximum);
}

int setting(const char *env, int fallback, int minimum, int maximum)
{
    return setting(0, nullptr, 0, env, fallback, minimum, maximum);
}

QStringList serverArgs(const QString &database)
{
    QStringList args {QStringLiteral("--quiet"), QStringLiteral("--demo"), QStringLiteral("--enrolment-code"),
        QStringLiteral("BENCH"), QStringLiteral("--rate"), QStringLiteral("1000000"),
        QStringLiteral("--burst"), QStringLiteral("1000000"), QStringLiteral("--login-rate"),
        QStringLiteral("1000000"), QStringLiteral("--login-burst"), QStringLiteral("1000000")};
    if (!database.isEmpty())
        args << QStringLiteral("--database") << database;
    return args;
}

bool serverHasWorkersOption()
{
    static const bool has = [] {
        const testing::ToolResult help = testing::runTool(
            testing::binary(QStringLiteral("dockhand-server")), {QStringLiteral("--help")});
        return help.output().contains(QLatin1String("--workers"));
    }();
    return has;
}

QStringList workersArgs(int workers)
{
    if (workers <= 0 || !serverHasWorkersOption())
        return {};
    return {QStringLiteral("--workers"), QString::number(workers)};
}

QString workersNote()
{
    return serverHasWorkersOption()
        ? QStringLiteral("dockhand-server has --workers: the serial baseline runs with --workers 1, the "
                         "measured run with the server's default")
        : QStringLiteral("dockhand-server has no --workers option yet: the baseline and the measured run are "
                         "the same serial server");
}

QString workersNote(int workers)
{
    if (!serverHasWorkersOption())
        return QStringLiteral(
            "dockhand-server has no --workers option yet: the servers answer one request at a "
            "time");
    return QStringLiteral("dockhand-server has --workers: the servers run with %1")
        .arg(workers > 0 ? QStringLiteral("--workers %1").arg(workers)
                         : QStringLiteral("the server's default"));
}

QString ms(double milliseconds)
{
    return QString::number(milliseconds, 'f', 1);
}

QString describe(const Percentiles &p, bool withMax)
{
    QString text = QStringLiteral("p50 %1 ms, p99 %2 ms").arg(ms(p.p50), ms(p.p99));
    if (withMax)
        text += QStringLiteral(", max %1 ms").arg(ms(p.max));
    return text + QStringLiteral(" (n=%1)").arg(p.n);
}

std::vector<Device> makeDevices(const QString &prefix, int devices, int events, int batch, int servers)
{
    std::vector<Device> fleet(devices);
    for (int d = 0; d < devices; ++d) {
        Device &device = fleet[d];
        device.id
            = devices == 1 ? prefix : QStringLiteral("%1-%2").arg(prefix).arg(d + 1, 3, 10, QLatin1Char('0'));
        device.server = d % servers;
        device.net = std::make_unique<QNetworkAccessManager>();
        const QList<protocol::ScanEvent> scans = testing::homeScans(device.id, events);
        for (int first = 0; first < events; first += batch) {
            protocol::UploadRequest upload;
            upload.deviceId = device.id;
            upload.events = scans.mid(first, batch);
            for (const protocol::ScanEvent &e : std::as_const(upload.events))
                device.ids.append(e.id);
            device.batches.append(QJsonDocument(upload.toJson()).toJson(QJsonDocument::Compact));
        }
    }
    return fleet;
}

namespace {

QNetworkRequest request(const Device &device, const e2e::ServerProcess &server, const QString &pathAndQuery)
{
    QNetworkRequest req(server.url().resolved(QUrl(pathAndQuery)));
    req.setTransferTimeout(120000);
    if (!device.token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + device.token);
    return req;
}

int httpStatus(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

QNetworkReply *post(
    Device &device, const e2e::ServerProcess &server, const QString &path, const QByteArray &body)
{
    QNetworkRequest req = request(device, server, path);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return device.net->post(req, body);
}

QNetworkReply *get(Device &device, const e2e::ServerProcess &server, const QString &pathAndQuery)
{
    return device.net->get(request(device, server, pathAndQuery));
}

bool enrolAll(std::vector<Device> &fleet, const QList<e2e::ServerProcess *> &servers, QString *why)
{
    QEventLoop loop;
    int left = int(fleet.size());
    for (Device &device : fleet) {
        const QByteArray body = QJsonDocument(
            QJsonObject {{QStringLiteral("code"), QStringLiteral("BENCH")},
                {QStringLiteral("device"),
                    device.id}}).toJson(QJsonDocument::Compact);
        QNetworkReply *reply = post(device, *servers.at(device.server), QStringLiteral("/v1/enrol"), body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, d = &device] {
            const int status = httpStatus(reply);
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            d->token = json.value(QLatin1String("token")).toString().toLatin1();
            if (status != 200 || d->token.isEmpty())
                *why = QStringLiteral("enrolment of %1 answered HTTP %2 %3")
                           .arg(d->id)
                           .arg(status)
                           .arg(json.value(QLatin1String("error")).toString());
            reply->deleteLater();
            if (--left == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (left > 0)
        loop.exec();
    return left == 0 && why->isEmpty();
}

void countAnswer(Tally &tally, const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    for (const QJsonValue &r : json.value(QLatin1String("results")).toArray()) {
        const QString s = r.toObject().value(QLatin1String("status")).toString();
        tally.accepted += s == QLatin1String("accepted");
        tally.duplicates += s == QLatin1String("duplicate");
        tally.rejected += s == QLatin1String("rejected");
    }
    tally.gaps += json.value(QLatin1String("gaps")).toArray().size();
}

Tally drain(std::vector<Device> &fleet, const QList<e2e::ServerProcess *> &servers, int from, int to,
    int shift, double *seconds)
{
    Tally tally;
    QEventLoop loop;
    int busy = 0;
    std::function<void(Device &)> send = [&](Device &device) {
        if (device.next >= to || !tally.error.isEmpty()) {
            if (--busy == 0)
                loop.quit();
            return;
        }
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        const e2e::ServerProcess &server = *servers.at((device.server + shift) % servers.size());
        QNetworkReply *reply
            = post(device, server, QStringLiteral("/v1/events"), device.batches.at(device.next));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, timer, d = &device] {
            const double elapsed = timer->nsecsElapsed() / 1e6;
            const int status = httpStatus(reply);
            const QByteArray body = reply->readAll();
            const int wait = qMax(1, reply->rawHeader("Retry-After").toInt()) * 1000;
            reply->deleteLater();
            if (status == 503 || status == 429) {
                // The server asks to come back later (a deadlock it gave up retrying, a limit):
                // what a device does, after Retry-After.
                ++tally.retried;
                QTimer::singleShot(wait, &loop, [&, d] { send(*d); });
                return;
            }
            if (status != 200) {
                tally.error = QStringLiteral("%1: HTTP %2 %3")
                                  .arg(d->id)
                                  .arg(status)
                                  .arg(QString::fromUtf8(body.left(300)));
                if (--busy == 0)
                    loop.quit();
                return;
            }
            tally.latencyMs.append(elapsed);
            countAnswer(tally, body);
            ++d->next;
            send(*d);
        });
    };
    QElapsedTimer clock;
    clock.start();
    for (Device &device : fleet) {
        device.next = from;
        ++busy;
    }
    for (Device &device : fleet)
        send(device);
    QTimer::singleShot(600000, &loop, [&] {
        tally.error = QStringLiteral("no answer within 10 minutes");
        loop.quit();
    });
    if (busy > 0)
        loop.exec();
    *seconds = clock.nsecsElapsed() / 1e9;
    return tally;
}

QString firstOrderNumber(const e2e::ServerProcess &server, const QByteArray &token, QString *why)
{
    int status = 0;
    const QJsonObject answer = e2e::apiCall(
        server, "GET", QStringLiteral("/v1/orders"), {}, QString::fromLatin1(token), &status, why);
    const QJsonArray orders = answer.value(QLatin1String("orders")).toArray();
    if (status != 200 || orders.isEmpty()) {
        *why = QStringLiteral("GET /v1/orders answered HTTP %1 with %2 orders %3")
                   .arg(status)
                   .arg(orders.size())
                   .arg(answer.value(QLatin1String("error")).toString());
        return {};
    }
    return orders.first().toObject().value(QLatin1String("number")).toString();
}

qint64 storedEventCount(const e2e::ServerProcess &server, QString *why)
{
    int status = 0;
    const QJsonObject health
        = e2e::apiCall(server, "GET", QStringLiteral("/v1/health"), {}, {}, &status, why);
    if (status != 200 || !health.value(QLatin1String("events")).isDouble()) {
        *why = QStringLiteral("GET /v1/health answered HTTP %1 %2")
                   .arg(status)
                   .arg(health.value(QLatin1String("error")).toString());
        return -1;
    }
    return health.value(QLatin1String("events")).toInteger();
}

ReadLoad::ReadLoad(std::vector<Device> &readers, QList<e2e::ServerProcess *> servers, QString order,
    int syncLimit, int intervalMs)
    : m_readers(readers)
    , m_servers(std::move(servers))
    , m_order(std::move(order))
    , m_syncLimit(syncLimit)
    , m_intervalMs(intervalMs)
{ }

void ReadLoad::start(Reads *into)
{
    m_into = into;
    m_running = true;
    for (Device &reader : m_readers)
        send(reader);
}

void ReadLoad::send(Device &reader)
{
    // One global counter: the readers together cycle through every (endpoint, server) pair.
    const quint64 n = m_counter++;
    const Reads::Kind kind = Reads::Kind(n % Reads::KindCount);
    const e2e::ServerProcess &server = *m_servers.at(int((n / Reads::KindCount) % quint64(m_servers.size())));
    QString path;
    switch (kind) {
    case Reads::Health:
        path = QStringLiteral("/v1/health");
        break;
    case Reads::Order:
        path = QStringLiteral("/v1/orders/") + QString::fromLatin1(QUrl::toPercentEncoding(m_order));
        break;
    default:
        path = QStringLiteral("/v1/sync?cursor=&limit=%1").arg(m_syncLimit);
        break;
    }
    Reads *into = m_into;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    ++m_inFlight;
    QNetworkReply *reply = get(reader, server, path);
    QObject::connect(
        reply, &QNetworkReply::finished, reply, [this, reply, timer, into, kind, path, r = &reader] {
            const double elapsed = timer->nsecsElapsed() / 1e6;
            const int status = httpStatus(reply);
            const QString network = status == 0 ? reply->errorString() : QString();
            reply->readAll();
            reply->deleteLater();
            --m_inFlight;
            if (status == 200) {
                into->latencyMs.append(elapsed);
                into->kindMs[kind].append(elapsed);
            } else {
                if (into->errors++ == 0)
                    into->firstError
                        = QStringLiteral("GET %1 answered HTTP %2 %3").arg(path).arg(status).arg(network);
            }
            if (!m_running)
                return;
            // The next read of this reader `m_intervalMs` after this one was sent (at once when
            // the answer took longer); a read waiting for its turn counts as under way.
            const int wait = qMax(0, m_intervalMs - int(elapsed));
            if (wait == 0) {
                send(*r);
                return;
            }
            ++m_inFlight;
            QTimer::singleShot(wait, [this, r] {
                --m_inFlight;
                if (m_running)
                    send(*r);
            });
        });
}

void ReadLoad::stop()
{
    m_running = false;
    QElapsedTimer waited;
    waited.start();
    while (m_inFlight > 0 && waited.elapsed() < 180000) {
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

void ReadLoad::runFor(Reads *into, int milliseconds)
{
    start(into);
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
    stop();
}

QString ReadLoad::kindSummary(const Reads &reads)
{
    return QStringLiteral("health/order/sync p99 %1/%2/%3 ms")
        .arg(ms(percentiles(reads.kindMs[Reads::Health]).p99),
            ms(percentiles(reads.kindMs[Reads::Order]).p99), ms(percentiles(reads.kindMs[Reads::Sync]).p99));
}

double processCpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !file.open(QIODevice::ReadOnly))
        return -1;
    // pid (comm) state ppid ...: the command may hold spaces and parentheses, so fields are
    // counted after the last ')'. utime and stime are fields 14 and 15 (1-based).
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

MachineCpu machineCpu()
{
    MachineCpu cpu;
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return cpu;
    // cpu user nice system idle iowait irq softirq steal ...
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    const double tick = double(::sysconf(_SC_CLK_TCK));
    for (int i = 1; i < qMin<qsizetype>(fields.size(), 9); ++i) {
        const double seconds = fields.at(i).toLongLong() / tick;
        cpu.total += seconds;
        if (i != 4 && i != 5)
            cpu.busy += seconds;
    }
    return cpu;
}

QString machineBusy(const MachineCpu &before, const MachineCpu &after)
{
    const int cores = QThread::idealThreadCount();
    const double total = after.total - before.total;
    const double share = total > 0 ? (after.busy - before.busy) / total : 0;
    return QStringLiteral("%1 of %2 cores busy (%3%)")
        .arg(QString::number(share * cores, 'f', 2))
        .arg(cores)
        .arg(qRound(share * 100));
}

bool checkStoredThroughApi(e2e::ServerProcess &server, const std::vector<Device> &fleet, QString *detail)
{
    QStringList problems;
    qint64 stored = 0;
    for (const Device &device : fleet) {
        const QList<e2e::StoredEvent> events = e2e::storedEvents(server, device.id);
        stored += events.size();
        QSet<QString> sent;
        for (const QUuid &id : device.ids)
            sent.insert(id.toString(QUuid::WithoutBraces));
        QSet<QString> held;
        bool sequence = true;
        for (qsizetype i = 0; i < events.size(); ++i) {
            held.insert(events.at(i).id);
            sequence = sequence && events.at(i).seq == i + 1;
        }
        if (events.size() != device.ids.size() || held != sent || !sequence)
            problems << QStringLiteral(
                "device %1: %2 events stored (%3 distinct ids, %4 of them sent), %5 sent%6")
                            .arg(device.id)
                            .arg(events.size())
                            .arg(held.size())
                            .arg((held & sent).size())
                            .arg(device.ids.size())
                            .arg(sequence ? QString() : QStringLiteral(", sequence not 1..n"));
    }
    *detail = problems.isEmpty()
        ? QStringLiteral("%1 events of %2 devices, each once, sequences 1..n complete")
              .arg(stored)
              .arg(fleet.size())
        : problems.mid(0, 5).join(QLatin1String("; "));
    return problems.isEmpty();
}

} // namespace dockhand::bench
