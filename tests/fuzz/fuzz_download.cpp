// libFuzzer target: what a device does with the server's answers, whatever they hold. A sync page
// (GET /v1/sync) is applied to the device cache in a real SQLite queue file and everything the
// floor reads from the cache is read back; an upload answer is parsed as the sync engine parses
// it. Nothing may crash, and a page the cache takes must leave it readable.
#include "devicecache.h"
#include "fuzzapp.h"
#include "localstore.h"
#include "protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace dockhand;

namespace {

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<DeviceCache> cache;
};

Fixture &fixture()
{
    static Fixture *f = [] {
        dockhand::fuzz::startApplication();
        auto *made = new Fixture;
        if (!made->dir.isValid())
            std::abort();
        auto store
            = LocalStore::open(made->dir.filePath(QStringLiteral("queue.sqlite")), QStringLiteral("fuzz"));
        if (!store)
            std::abort();
        made->store = std::move(store.value());
        made->cache = std::make_unique<DeviceCache>(made->store.get());
        return made;
    }();
    return *f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Fixture &f = fixture();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);

    // An upload answer.
    QString why;
    const auto acks = protocol::UploadResponse::fromJson(doc.object(), &why);
    if (!acks && why.isEmpty())
        std::abort(); // a refusal always says why

    // A sync page: its changes, as a bare array or under "changes".
    const QJsonArray changes
        = doc.isArray() ? doc.array() : doc.object().value(QLatin1String("changes")).toArray();
    if (!f.cache->applyChanges(changes, QStringLiteral("fuzz")))
        return 0; // refused whole: nothing changed
    if (f.cache->cursor() != QLatin1String("fuzz"))
        std::abort();
    // Everything the floor reads, for every key the page named.
    for (const QJsonValue &change : changes) {
        const QString key = change.toObject().value(QLatin1String("key")).toString();
        (void)f.cache->product(key);
        (void)f.cache->location(key);
        (void)f.cache->operatorByBadge(key);
        (void)f.cache->order(key);
        (void)f.cache->orderByTote(key);
        (void)f.cache->ordersEndingWith(key.right(4));
        (void)f.cache->pickTask(key);
    }
    (void)f.cache->operators();
    (void)f.cache->pickTasks();
    (void)f.cache->cartonTypes();
    (void)f.cache->config();
    return 0;
}
