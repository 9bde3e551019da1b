#include "benchclient.h"

#include "protocol.h"
#include "scanevents.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>

#include <functional>

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

} // namespace dockhand::bench
