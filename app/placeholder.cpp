namespace dockhand { }
