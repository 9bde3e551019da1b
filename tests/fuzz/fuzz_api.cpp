// libFuzzer target: the server's API fed arbitrary request bodies on the endpoints that take
// data from outside — event upload (JSON), orders import (JSON and CSV), login and task
// assignment — over a real SQLite store holding the demo warehouse. Whatever arrives, the answer
// is a status the API documents, an error answer names the problem in a JSON "error", and the
// server goes on answering (checked with /v1/health after every input).
#include "fuzzapp.h"
#include "http/api.h"
#include "serverstore.h"
#include "warehousedata.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace dockhand::server;

namespace {

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<ServerStore> store;
    std::unique_ptr<Api> api;
    QByteArray deviceToken;
    QByteArray adminToken;
};

ApiResponse call(Api &api, const QByteArray &method, const QString &path, const QByteArray &body,
    const QByteArray &token = {}, const QByteArray &contentType = {})
{
    return api.handle(ApiRequest {method, path, {}, body, token.isEmpty() ? QByteArray() : "Bearer " + token,
        contentType, QHostAddress(QHostAddress::LocalHost)});
}

Fixture &fixture()
{
    static Fixture *f = [] {
        dockhand::fuzz::startApplication();
        auto *made = new Fixture;
        if (!made->dir.isValid())
            std::abort();
        DatabaseLocation location;
        location.sqlitePath = made->dir.filePath(QStringLiteral("fuzz.db"));
        auto store = ServerStore::open(location, QStringLiteral("fuzz-api"));
        if (!store)
            std::abort();
        made->store = std::move(store.value());
        made->store->setLoginDelayMs(0);
        const auto demo = WarehouseData::demo();
        if (!demo || !made->store->seedIfEmpty(demo.value()))
            std::abort();
        if (!made->store->addEnrolmentCode(QStringLiteral("FUZZ")))
            std::abort();
        // No limits worth hitting: every input must reach the parsers.
        made->api = std::make_unique<Api>(made->store.get(), ApiLimits {1e9, 1000000000, 1e9, 1000000000});
        made->deviceToken = call(
            *made->api, "POST", QStringLiteral("/v1/enrol"), R"({"code":"FUZZ","device":"fuzz-device"})")
                                .body.value(QLatin1String("token"))
                                .toString()
                                .toLatin1();
        made->adminToken
            = call(*made->api, "POST", QStringLiteral("/v1/login"), R"({"badge":"OP-9001","pin":"9001"})")
                  .body.value(QLatin1String("token"))
                  .toString()
                  .toLatin1();
        if (made->deviceToken.isEmpty() || made->adminToken.isEmpty())
            std::abort();
        return made;
    }();
    return *f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Fixture &f = fixture();
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    ApiResponse r;
    switch (data[0] % 6) { // the endpoint
    case 0:
        r = call(*f.api, "POST", QStringLiteral("/v1/events"), body, f.deviceToken, "application/json");
        break;
    case 1:
        r = call(*f.api, "POST", QStringLiteral("/v1/orders/import"), body, f.adminToken, "text/csv");
        break;
    case 2:
        r = call(*f.api, "POST", QStringLiteral("/v1/orders/import"), body, f.adminToken, "application/json");
        break;
    case 3:
        r = call(*f.api, "POST", QStringLiteral("/v1/login"), body);
        break;
    case 4:
        r = call(*f.api, "PUT", QStringLiteral("/v1/tasks/WAVE-0001/assignee"), body, f.adminToken);
        break;
    default:
        r = call(*f.api, "POST", QStringLiteral("/v1/enrol"), body);
        break;
    }
    const int endpoint = data[0] % 6;
    switch (r.status) {
    case 200:
        // An import that answers 200 imported something.
        if ((endpoint == 1 || endpoint == 2) && r.body.value(QLatin1String("imported")).toInt() < 1)
            std::abort();
        break;
    case 400:
    case 403: // enrolment code not valid
    case 409: // task finished
    case 413:
    case 429: // a badge locked after wrong PINs
        if (r.body.value(QLatin1String("error")).toString().isEmpty())
            std::abort();
        break;
    case 401: // a wrong badge or PIN, and only there
        if (endpoint != 3 || r.body.value(QLatin1String("error")).toString().isEmpty())
            std::abort();
        break;
    default: // 401, 404, 405, 5xx: nothing here should produce them
        std::abort();
    }
    if (call(*f.api, "GET", QStringLiteral("/v1/health"), {}).status != 200)
        std::abort();
    return 0;
}
