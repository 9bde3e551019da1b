#include "commands.h"
#include "servertrust.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <QUrlQuery>

namespace dockhand::cli {

namespace {
// One blocking request on loopback or the site network; returns the HTTP status (0: no answer).
int request(QNetworkAccessManager &network, const QNetworkRequest &req, const QByteArray *postBody,
    QByteArray *body, QString *error)
{
    QNetworkReply *reply = postBody ? network.post(req, *postBody) : network.get(req);
    QString untrusted;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&](const QList<QSslError> &errors) {
        untrusted = describeUntrustedServer(req.url().host(), errors);
    });
    QObject::connect(reply, &QNetworkReply::finished, qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    *body = reply->readAll();
    *error = untrusted.isEmpty() ? reply->errorString() : untrusted;
    reply->deleteLater();
    return status;
}
} // namespace

// Lists the events the server holds for a device: what reached the server, one line each.
// Reading them takes a supervisor's or admin's login (badge + PIN) or a token.
int runEvents(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString server = QStringLiteral("http://127.0.0.1:8765");
    QString device;
    bool json = false;
    QString badge;
    QString pin;
    QString token = QString::fromLocal8Bit(qgetenv("DOCKHAND_TOKEN"));
    QString serverCa;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--server") && i + 1 < args.size())
            server = args.at(++i);
        else if (args.at(i) == QLatin1String("--server-ca") && i + 1 < args.size())
            serverCa = args.at(++i);
        else if (args.at(i) == QLatin1String("--device") && i + 1 < args.size())
            device = args.at(++i);
        else if (args.at(i) == QLatin1String("--badge") && i + 1 < args.size())
            badge = args.at(++i);
        else if (args.at(i) == QLatin1String("--pin") && i + 1 < args.size())
            pin = args.at(++i);
        else if (args.at(i) == QLatin1String("--token") && i + 1 < args.size())
            token = args.at(++i);
        else if (args.at(i) == QLatin1String("--json"))
            json = true;
        else {
            err << "dockhand-cli events: unknown argument '" << args.at(i) << "'\n"
                << "usage: dockhand-cli events [--server URL] [--server-ca FILE] [--device ID] [--badge B "
                   "--pin P | --token T] "
                   "[--json]\n";
            return 2;
        }
    }
    if (const QUrl base(server, QUrl::StrictMode); !base.isValid() || base.host().isEmpty()
        || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https"))) {
        err << "dockhand-cli events: --server: '" << server
            << "' is not an http(s) URL (for example http://10.0.0.5:8765)\n";
        return 2;
    }
    QUrl url(server + QStringLiteral("/v1/events"));
    QUrlQuery query;
    if (!device.isEmpty())
        query.addQueryItem(QStringLiteral("device"), device);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    url.setQuery(query);

    QSslConfiguration tls = serverTlsConfiguration({});
    if (!serverCa.isEmpty()) {
        auto ca = loadServerCa(serverCa);
        if (!ca) {
            err << "dockhand-cli events: --server-ca: " << ca.error() << "\n";
            return 2;
        }
        tls = serverTlsConfiguration(ca.value());
    }

    QNetworkAccessManager network;
    QByteArray body;
    QString error;
    if (token.isEmpty() && !badge.isEmpty()) {
        QNetworkRequest login(QUrl(server + QStringLiteral("/v1/login")));
        login.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        login.setTransferTimeout(10000);
        login.setSslConfiguration(tls);
        const QByteArray credentials
            = QJsonDocument(QJsonObject {{QLatin1String("badge"), badge}, {QLatin1String("pin"), pin}})
                  .toJson(QJsonDocument::Compact);
        const int status = request(network, login, &credentials, &body, &error);
        if (status != 200) {
            const QString why
                = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
            err << "dockhand-cli events: login as " << badge
                << " failed: " << (why.isEmpty() ? (status ? QString::number(status) : error) : why) << "\n";
            return 1;
        }
        token = QJsonDocument::fromJson(body).object().value(QLatin1String("token")).toString();
    }
    QNetworkRequest get(url);
    get.setTransferTimeout(10000);
    get.setSslConfiguration(tls);
    if (!token.isEmpty())
        get.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    const int status = request(network, get, nullptr, &body, &error);
    if (status != 200) {
        const QString why = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
        err << "dockhand-cli events: " << url.toString() << " answered "
            << (status ? QString::number(status) : error)
            << (why.isEmpty() ? QString() : QStringLiteral(": ") + why)
            << (status == 401
                       ? QStringLiteral("\n(log in with --badge and --pin of a supervisor, or pass --token)")
                       : QString())
            << "\n";
        return 1;
    }
    if (json) {
        out << body << "\n";
        return 0;
    }
    const auto events = QJsonDocument::fromJson(body).object().value(QLatin1String("events")).toArray();
    for (const auto &v : events) {
        const auto e = v.toObject();
        QString raw = e.value(QLatin1String("raw")).toString();
        raw.replace(QChar(0x1d), QStringLiteral("<GS>"));
        out << QStringLiteral("  %1 #%2  %3  %4  %5  %6\n")
                   .arg(e.value(QLatin1String("device")).toString())
                   .arg(e.value(QLatin1String("seq")).toInteger(), 4)
                   .arg(e.value(QLatin1String("result")).toString(), -8)
                   .arg(e.value(QLatin1String("kind")).toString(), -8)
                   .arg(raw, e.value(QLatin1String("reason")).toString());
    }
    out << events.size() << " event(s) on the server\n";
    return 0;
}

} // namespace dockhand::cli
