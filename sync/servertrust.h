#pragma once

#include "expected.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

namespace dockhand {

// HTTPS to dockhand-server when the site signs the server's certificate itself: the devices
// trust the system's certificate authorities plus the site's own CA certificate (config key
// "serverCa", option --server-ca). Nothing is ever trusted without being named.

// Reads the PEM certificate(s) in `path`. The error names the file and what is wrong with it.
Expected<QList<QSslCertificate>> loadServerCa(const QString &path);

// The TLS settings for requests to the server: the system's CAs plus `siteCa`.
QSslConfiguration serverTlsConfiguration(const QList<QSslCertificate> &siteCa);

// One line for an admin about a refused server certificate, e.g. "The server's certificate is
// not trusted (host 10.0.0.5): The certificate is self-signed, and untrusted".
QString describeUntrustedServer(const QString &host, const QList<QSslError> &errors);

} // namespace dockhand
