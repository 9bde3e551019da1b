#include "homeworkflow.h"

#include "scanrecorder.h"

namespace dockhand {

HomeWorkflow::HomeWorkflow(ScanRecorder *recorder, const FloorData *data, QObject *parent)
    : Workflow(QStringLiteral("home"), recorder, data, parent)
{ }

void HomeWorkflow::handleScan(const Scan &scan)
{
    record(&scan, {}, {}, scan.valid, scan.valid ? ScanRecorder::describe(scan) : scan.error);
}

} // namespace dockhand
