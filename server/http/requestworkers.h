#pragma once

#include "expected.h"
#include "serveroptions.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace dockhand::server {

class ServerStore;

// The threads that answer requests, each with its own ServerStore (its own database connection:
// a Qt SQL connection belongs to the thread that opened it). Requests wait in one of two lanes,
// so a burst of uploads never makes a read wait behind it:
// - the write lane (every request that may change the database) — on SQLite one thread, since
//   the database takes one writer at a time and a second would only wait on its lock; on
//   PostgreSQL several, the database keeps them apart (unique keys, row locks, advisory locks,
//   retried serialization failures — the same rules that let several server processes share it);
// - the read lane beside it — SQLite's write-ahead log lets readers read while the writer
//   writes, PostgreSQL's snapshots do the same.
// Every guarantee (an event stored once, stock never negative) stays with the database.
class RequestWorkers
{
public:
    enum class Lane { Read, Write };
    struct Plan
    {
        int writers = 1;
        int readers = 0; // 0: reads wait in the write lane (one connection answers everything)
    };
    // How `workers` connections are shared out (--workers): 1 is one connection for everything,
    // one request at a time; otherwise half of them (at least one) read, the rest write, and on
    // SQLite one writes.
    static Plan planFor(const DatabaseLocation &location, int workers);

    using Job = std::function<void(ServerStore &store)>;

    // Starts the threads; each opens its connection before this returns. An error is one line
    // (the first connection that could not be opened, and why).
    static Expected<std::unique_ptr<RequestWorkers>> start(const DatabaseLocation &location, Plan plan);
    // Finishes every job posted so far, then stops the threads and closes their connections.
    ~RequestWorkers();
    RequestWorkers(const RequestWorkers &) = delete;
    RequestWorkers &operator=(const RequestWorkers &) = delete;

    const Plan &plan() const { return m_plan; }
    // Runs `job` on a thread of `lane` (of the write lane when there are no readers), after the
    // jobs of that lane posted before it have started. Thread-safe.
    void post(Lane lane, Job job);
    // Jobs waiting for a thread, per lane (for /metrics).
    int waiting(Lane lane) const;

private:
    struct Queue
    {
        mutable std::mutex mutex;
        std::condition_variable wake;
        std::deque<Job> jobs;
        bool stopping = false;
    };

    explicit RequestWorkers(Plan plan) : m_plan(plan) { }
    Queue &queueOf(Lane lane);
    static void serve(Queue &queue, ServerStore &store);

    Plan m_plan;
    Queue m_writes;
    Queue m_reads;
    std::vector<std::thread> m_threads;
};

} // namespace dockhand::server
