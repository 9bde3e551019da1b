#pragma once

#include "homeworkflow.h"
#include "operatorsession.h"
#include "packworkflow.h"
#include "pickworkflow.h"
#include "scan.h"

#include <QObject>

namespace dockhand {

class ScanRecorder;

// Decodes each raw scan once and sends it to the workflow on screen: badges to the session,
// other scans to the open workflow (pick or pack, only with an operator logged in), else to the
// home screen's plain scan log. Owns the decoder, the session and the workflows; AppCore builds
// one and the screens reach them through it.
class WorkflowRouter : public QObject
{
    Q_OBJECT
    Q_PROPERTY(dockhand::OperatorSession *session READ session CONSTANT)
    Q_PROPERTY(dockhand::PickWorkflow *pick READ pick CONSTANT)
    Q_PROPERTY(dockhand::PackWorkflow *pack READ pack CONSTANT)
    // "home", "pick" or "pack": the workflow that gets the scans.
    Q_PROPERTY(QString active READ active NOTIFY activeChanged)
public:
    WorkflowRouter(
        ScanDecoder decoder, ScanRecorder *recorder, const FloorData *data, QObject *parent = nullptr);

    OperatorSession *session() { return &m_session; }
    PickWorkflow *pick() { return &m_pick; }
    PackWorkflow *pack() { return &m_pack; }
    HomeWorkflow *home() { return &m_home; }
    const ScanDecoder &decoder() const { return m_decoder; }
    QString active() const { return m_active; }

    // Opens a menu entry ("home", "pick", "pack"); refused (false) when the role lacks it.
    Q_INVOKABLE bool open(const QString &workflow);
    // Words every workflow's prompt again in the current language (main() calls it once the
    // translator is installed, and whenever the operator changes the language).
    void retranslate();
    // Decodes and routes one raw scan from any scanner.
    void route(const RawScan &raw);
    // Routes an already decoded scan (tests, keyed-in data).
    void routeScan(const Scan &scan);

signals:
    void activeChanged();

private:
    ScanDecoder m_decoder;
    HomeWorkflow m_home;
    OperatorSession m_session;
    PickWorkflow m_pick;
    PackWorkflow m_pack;
    QString m_active = QStringLiteral("home");
};

} // namespace dockhand
