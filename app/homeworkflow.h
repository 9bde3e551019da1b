#pragma once

#include "workflow.h"

namespace dockhand {

// The home screen's plain scan log (before anyone logs in, or outside pick and pack): every
// scan is recorded as it is, accepted when it decoded to a known label, refused with the
// decoder's reason otherwise.
class HomeWorkflow : public Workflow
{
    Q_OBJECT
public:
    HomeWorkflow(ScanRecorder *recorder, const FloorData *data, QObject *parent = nullptr);

    void handleScan(const Scan &scan) override;
};

} // namespace dockhand
