#pragma once

#include "operatorsession.h"
#include "packworkflow.h"
#include "pickworkflow.h"

#include <QObject>

namespace dockhand {

class ScanService;

// Sends each scan to the workflow on screen: badges to the session, other scans to the open
// workflow (pick or pack, only with an operator logged in), else to the plain scan log
// (ScanService, step "home"). Owns the
// session and the workflows; AppCore builds one and the screens reach them through it.
class WorkflowRouter : public QObject
{
    Q_OBJECT
    Q_PROPERTY(dockhand::OperatorSession *session READ session CONSTANT)
    Q_PROPERTY(dockhand::PickWorkflow *pick READ pick CONSTANT)
    Q_PROPERTY(dockhand::PackWorkflow *pack READ pack CONSTANT)
    // "home", "pick" or "pack": the workflow that gets the scans.
    Q_PROPERTY(QString active READ active NOTIFY activeChanged)
public:
    WorkflowRouter(ScanService *scans, const FloorData *data, QObject *parent = nullptr);

    OperatorSession *session() { return &m_session; }
    PickWorkflow *pick() { return &m_pick; }
    PackWorkflow *pack() { return &m_pack; }
    QString active() const { return m_active; }

    // Opens a menu entry ("home", "pick", "pack"); refused (false) when the role lacks it.
    Q_INVOKABLE bool open(const QString &workflow);
    // Decodes and routes one raw scan from any scanner.
    void route(const RawScan &raw);
    // Routes an already decoded scan (tests, keyed-in data).
    void routeScan(const Scan &scan, const RawScan &raw);

signals:
    void activeChanged();

private:
    ScanService *m_scans;
    OperatorSession m_session;
    PickWorkflow m_pick;
    PackWorkflow m_pack;
    QString m_active = QStringLiteral("home");
};

} // namespace dockhand
