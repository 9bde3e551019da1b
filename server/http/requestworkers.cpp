#include "http/requestworkers.h"

#include "ingest/storedsequences.h"
#include "serverstore.h"

#include <QLoggingCategory>
#include <QString>

#include <future>

Q_LOGGING_CATEGORY(lcServerWorkers, "dockhand.server.workers")

namespace dockhand::server {

RequestWorkers::Plan RequestWorkers::planFor(const DatabaseLocation &location, int workers)
{
    if (workers <= 1)
        return Plan {1, 0};
    const int readers = qMax(1, workers / 2);
    const int writers = location.kind == DatabaseLocation::Kind::Sqlite ? 1 : qMax(1, workers - readers);
    return Plan {writers, readers};
}

Expected<std::unique_ptr<RequestWorkers>> RequestWorkers::start(const DatabaseLocation &location, Plan plan)
{
    plan.writers = qMax(1, plan.writers);
    plan.readers = qMax(0, plan.readers);
    std::unique_ptr<RequestWorkers> workers(new RequestWorkers(plan));

    std::vector<std::future<QString>> opened;
    // What one worker commits, the others know (one database, one process).
    const auto known = std::make_shared<StoredSequences>();
    const int threads = plan.writers + plan.readers;
    for (int i = 0; i < threads; ++i) {
        Queue &queue = i < plan.writers ? workers->m_writes : workers->m_reads;
        const QString connection
            = QStringLiteral("dockhand-server-%1-%2")
                  .arg(i < plan.writers ? QStringLiteral("write") : QStringLiteral("read"))
                  .arg(i < plan.writers ? i : i - plan.writers);
        std::promise<QString> ready;
        opened.push_back(ready.get_future());
        workers->m_threads.emplace_back(
            [&queue, location, connection, known, ready = std::move(ready)]() mutable {
                auto store = ServerStore::open(location, connection);
                if (!store) {
                    ready.set_value(store.error());
                    return;
                }
                store.value()->eventStore().shareStoredSequences(known);
                ready.set_value(QString());
                serve(queue, *store.value());
            });
    }
    for (auto &result : opened) {
        const QString error = result.get();
        if (!error.isEmpty())
            return Error {
                QStringLiteral("cannot open a database connection for answering requests: %1").arg(error)};
    }
    qCInfo(lcServerWorkers) << "answering requests with" << plan.writers << "writing and" << plan.readers
                            << "reading database connections";
    return workers;
}

RequestWorkers::~RequestWorkers()
{
    for (Queue *queue : {&m_writes, &m_reads}) {
        const std::lock_guard lock(queue->mutex);
        queue->stopping = true;
        queue->wake.notify_all();
    }
    for (std::thread &thread : m_threads)
        thread.join();
}

RequestWorkers::Queue &RequestWorkers::queueOf(Lane lane)
{
    return lane == Lane::Read && m_plan.readers > 0 ? m_reads : m_writes;
}

void RequestWorkers::post(Lane lane, Job job)
{
    Queue &queue = queueOf(lane);
    const std::lock_guard lock(queue.mutex);
    queue.jobs.push_back(std::move(job));
    queue.wake.notify_one();
}

int RequestWorkers::waiting(Lane lane) const
{
    const Queue &queue = lane == Lane::Read && m_plan.readers > 0 ? m_reads : m_writes;
    const std::lock_guard lock(queue.mutex);
    return int(queue.jobs.size());
}

void RequestWorkers::serve(Queue &queue, ServerStore &store)
{
    for (;;) {
        Job job;
        {
            std::unique_lock lock(queue.mutex);
            queue.wake.wait(lock, [&queue] { return queue.stopping || !queue.jobs.empty(); });
            if (queue.jobs.empty())
                return; // stopping, and nothing left to answer
            job = std::move(queue.jobs.front());
            queue.jobs.pop_front();
        }
        job(store);
    }
}

} // namespace dockhand::server
