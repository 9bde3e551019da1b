#include "servertrust.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslSocket>

namespace dockhand {

Expected<QList<QSslCertificate>> loadServerCa(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error {QStringLiteral("The server CA certificate file %1 does not exist").arg(path)};
    if (!file.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("Cannot read the server CA certificate file %1: %2")
                          .arg(path, file.errorString())};
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.read(1024 * 1024), QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull())
        return Error {
            QStringLiteral("%1 holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)").arg(path)};
    if (!QSslSocket::supportsSsl())
        return Error {QStringLiteral("HTTPS is not available: Qt found no TLS library")};
    return certificates;
}

QSslConfiguration serverTlsConfiguration(const QList<QSslCertificate> &siteCa)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!siteCa.isEmpty())
        configuration.addCaCertificates(siteCa);
    return configuration;
}

QString describeUntrustedServer(const QString &host, const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const QSslError &e : errors) {
        if (!reasons.contains(e.errorString()))
            reasons.append(e.errorString());
    }
    return QCoreApplication::translate("dockhand::SyncEngine",
        "The server's certificate is not trusted (host %1): %2. Set the site's CA certificate "
        "(serverCa / --server-ca).")
        .arg(host, reasons.join(QLatin1String("; ")));
}

} // namespace dockhand
