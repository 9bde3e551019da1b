#include "dockhandserver.h"

#include "api.h"
#include "httpfrontend.h"
#include "serverstore.h"
#include "warehousedata.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTcpServer>

Q_LOGGING_CATEGORY(lcServer, "dockhand.server")

namespace dockhand::server {

DockhandServer::DockhandServer(QObject *parent) : QObject(parent) { }

DockhandServer::~DockhandServer()
{
    stop();
}

Expected<quint16> DockhandServer::start(const ServerOptions &options)
{
    if (m_store)
        return Error {QStringLiteral("the server is already running")};

    if (options.dataDirUsed) {
        if (!QDir().mkpath(options.dataDir))
            return Error {QStringLiteral("cannot create the data folder %1").arg(options.dataDir)};
        if (!QFileInfo(options.dataDir).isWritable())
            return Error {QStringLiteral("the data folder %1 is not writable").arg(options.dataDir)};
    }

    auto store = ServerStore::open(options.database);
    if (!store)
        return Error {store.error()};
    m_store = std::move(store.value());

    if (options.demo) {
        auto demo = WarehouseData::demo();
        if (!demo) {
            stop();
            return Error {demo.error()};
        }
        auto seeded = m_store->seedIfEmpty(demo.value());
        if (!seeded) {
            stop();
            return Error {seeded.error()};
        }
        if (seeded.value())
            qCInfo(lcServer) << "demo warehouse loaded";
        else
            qCInfo(lcServer) << "database already holds warehouse data; demo not loaded again";
    }

    for (const QString &code : options.enrolmentCodes) {
        if (auto added = m_store->addEnrolmentCode(code); !added) {
            stop();
            return Error {QStringLiteral("cannot store the enrolment code: %1").arg(added.error())};
        }
    }

    m_api = std::make_unique<Api>(m_store.get(), ApiLimits {options.rate, options.burst});
    m_frontend = new HttpFrontend(m_api.get(), this);

    // Our own QTcpServer so a failure to listen has a real reason ("address already in use").
    auto *tcp = new QTcpServer(m_frontend);
    if (!tcp->listen(options.listenAddress, options.port)) {
        const QString reason = tcp->errorString();
        stop();
        return Error {QStringLiteral("cannot listen on %1:%2: %3")
                          .arg(options.listenText)
                          .arg(options.port)
                          .arg(reason)};
    }
    m_frontend->bind(tcp);
    qCInfo(lcServer).noquote() << "serving" << m_store->dialectName() << "database" << m_store->describe();
    return tcp->serverPort();
}

void DockhandServer::stop()
{
    // Sockets first, so no request arrives while the database closes.
    delete m_frontend;
    m_frontend = nullptr;
    m_api.reset();
    if (m_store) {
        m_store.reset();
        qCInfo(lcServer) << "database closed";
    }
}

} // namespace dockhand::server
