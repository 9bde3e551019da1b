#pragma once

namespace dockhand {

// Makes SIGINT and SIGTERM end the Qt event loop normally (so queues close cleanly and child
// processes are told to stop), through a self-pipe: a signal handler may only write a byte.
void quitOnSignals();

} // namespace dockhand
