#pragma once

#include "expected.h"
#include "masterdata/masterdatastore.h"
#include "serveroptions.h"

#include <QLoggingCategory>
#include <QObject>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace dockhand::server {

class Api;
class HttpFrontend;
class RequestWorkers;
class ServerStore;

// The running server: opens the store, loads the demo warehouse when asked, starts the threads
// that answer requests (RequestWorkers) and listens.
// main() only parses the command line and waits for a signal; tests can run this in-process.
class DockhandServer : public QObject
{
    Q_OBJECT
public:
    explicit DockhandServer(QObject *parent = nullptr);
    ~DockhandServer() override;

    // Returns the port actually listened on (useful with port 0). Errors are one line for stderr.
    Expected<quint16> start(const ServerOptions &options);

    // `dockhand-server init`: opens (or creates) the database of `options` and stores its first
    // administrator and the site's name (sitesetup.h); the value is the administrator as stored,
    // with the PIN that was given or generated, for printing once.
    static Expected<FirstAdministrator> setUpSite(const ServerOptions &options);
    // `dockhand-server import KIND FILE`: reads the file (CSV by its .csv/.tsv/.txt name or when
    // it does not start with '[' or '{', else JSON) and imports it into the database of
    // `options` (masterdatastore.h). Refused rows come back in the report; the error is for a
    // file that cannot be read or imported at all.
    static Expected<ImportReport> importFile(const ServerOptions &options);
    // Stops listening and closes the database; idempotent.
    void stop();

    ServerStore *store() const { return m_store.get(); }

private:
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<Api> m_api;
    std::unique_ptr<RequestWorkers> m_workers; // answer the requests, each with its own connection
    HttpFrontend *m_frontend = nullptr;
};

} // namespace dockhand::server
