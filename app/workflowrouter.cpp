#include "workflowrouter.h"

#include "scanrecorder.h"

namespace dockhand {

WorkflowRouter::WorkflowRouter(
    ScanDecoder decoder, ScanRecorder *recorder, const FloorData *data, QObject *parent)
    : QObject(parent)
    , m_decoder(std::move(decoder))
    , m_home(recorder, data)
    , m_session(recorder, data)
    , m_pick(recorder, data)
    , m_pack(recorder, data)
{
    connect(&m_session, &OperatorSession::operatorChanged, this, [this](const QString &badge) {
        // A new operator starts clean: their own tasks, no order half-open from the last one.
        m_pick.setOperator(badge);
        m_pack.reset();
        if (m_active != QLatin1String("home")) {
            m_active = QStringLiteral("home");
            emit activeChanged();
        }
    });
}

bool WorkflowRouter::open(const QString &workflow)
{
    const bool allowed = workflow == QLatin1String("home")
        || (m_session.loggedIn() && OperatorSession::menuFor(m_session.role()).contains(workflow)
            && (workflow == QLatin1String("pick") || workflow == QLatin1String("pack")));
    if (!allowed)
        return false;
    if (workflow == QLatin1String("pick"))
        m_pick.refreshTasks();
    if (m_active != workflow) {
        m_active = workflow;
        emit activeChanged();
    }
    return true;
}

void WorkflowRouter::retranslate()
{
    for (Workflow *w : std::initializer_list<Workflow *> {&m_home, &m_session, &m_pick, &m_pack})
        w->retranslate();
}

void WorkflowRouter::route(const RawScan &raw)
{
    routeScan(m_decoder.decode(raw));
}

void WorkflowRouter::routeScan(const Scan &scan)
{
    // Badges always go to the session: log in, hand over, or log out with your own badge.
    if (scan.valid && scan.kind == ScanKind::Badge) {
        m_session.handleScan(scan);
        return;
    }
    // Pick and pack need an operator (open() refuses them otherwise); everything else is the
    // plain scan log of the home screen, as before anyone logs in.
    if (m_session.loggedIn() && m_active == QLatin1String("pick"))
        m_pick.handleScan(scan);
    else if (m_session.loggedIn() && m_active == QLatin1String("pack"))
        m_pack.handleScan(scan);
    else
        m_home.handleScan(scan);
}

} // namespace dockhand
