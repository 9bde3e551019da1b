#include "commands.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <QUrlQuery>

namespace dockhand::cli {

// Lists the events the server holds for a device: what reached the server, one line each.
int runEvents(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString server = QStringLiteral("http://127.0.0.1:8765");
    QString device;
    bool json = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--server") && i + 1 < args.size())
            server = args.at(++i);
        else if (args.at(i) == QLatin1String("--device") && i + 1 < args.size())
            device = args.at(++i);
        else if (args.at(i) == QLatin1String("--json"))
            json = true;
        else {
            err << "dockhand-cli events: unknown argument '" << args.at(i) << "'\n"
                << "usage: dockhand-cli events [--server URL] [--device ID] [--json]\n";
            return 2;
        }
    }
    QUrl url(server + QStringLiteral("/v1/events"));
    QUrlQuery query;
    if (!device.isEmpty())
        query.addQueryItem(QStringLiteral("device"), device);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    url.setQuery(query);

    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = network.get(request);
    QObject::connect(reply, &QNetworkReply::finished, qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 200) {
        err << "dockhand-cli events: " << url.toString() << " answered "
            << (status ? QString::number(status) : reply->errorString()) << "\n";
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
