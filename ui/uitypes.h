#pragma once

// Exposes the objects main() builds (through AppCore) to QML as singletons, with declarative
// registration only. Each singleton comes from the AppCore attached to its engine
// (AppCore::attachTo), so there is no process-wide instance; an engine with no core attached
// (QML tests of single components) gets null singletons.

#include "appcore.h"
#include "settings.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace dockhand::ui {

// QML must never delete what C++ owns.
template<typename T> T *exposeToQml(T *instance)
{
    if (instance)
        QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
    return instance;
}

// The part of the engine's AppCore that `get` picks, or null when no core is attached.
template<typename T, typename Get> T *fromCore(QQmlEngine *engine, Get get)
{
    AppCore *core = AppCore::of(engine);
    return exposeToQml(core ? get(core) : static_cast<T *>(nullptr));
}

// Types the singletons hand out (the workflows' base, their list models): known to the QML
// tooling, not creatable from QML.
struct WorkflowForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::Workflow)
    QML_ANONYMOUS
};

struct PickLineModelForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::PickLineModel)
    QML_ANONYMOUS
};

struct PickTaskModelForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::PickTaskModel)
    QML_ANONYMOUS
};

struct PackLineModelForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::PackLineModel)
    QML_ANONYMOUS
};

struct DeviceForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::DeviceStatus)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Device)
public:
    static dockhand::DeviceStatus *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::DeviceStatus>(engine, [](AppCore *core) { return core->device(); });
    }
};

struct SyncForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::SyncMonitor)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Sync)
public:
    static dockhand::SyncMonitor *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::SyncMonitor>(engine, [](AppCore *core) { return core->sync(); });
    }
};

// What the device last told the operator: every banner binds to it and the shell plays its
// sound, so no screen can show a result without its sound.
struct FeedbackForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::Feedback)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Feedback)
public:
    static dockhand::Feedback *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::Feedback>(engine, [](AppCore *core) { return core->feedback(); });
    }
};

struct ScanListForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::ScanListModel)
    QML_SINGLETON
    QML_NAMED_ELEMENT(ScanList)
public:
    static dockhand::ScanListModel *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::ScanListModel>(engine, [](AppCore *core) { return core->scanList(); });
    }
};

struct ReviewForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::ReviewModel)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Review)
public:
    static dockhand::ReviewModel *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::ReviewModel>(engine, [](AppCore *core) { return core->review(); });
    }
};

struct SettingsForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::Settings)
    QML_SINGLETON
    QML_NAMED_ELEMENT(AppSettings)
public:
    static dockhand::Settings *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::Settings>(engine, [](AppCore *core) { return core->settings(); });
    }
};

// The workflows the floor screens bind to, through the router that owns them.
struct RouterForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::WorkflowRouter)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Router)
public:
    static dockhand::WorkflowRouter *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::WorkflowRouter>(engine, [](AppCore *core) { return core->workflows(); });
    }
};

struct SessionForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::OperatorSession)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Session)
public:
    static dockhand::OperatorSession *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::OperatorSession>(
            engine, [](AppCore *core) { return core->workflows()->session(); });
    }
};

struct PickingForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::PickWorkflow)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Picking)
public:
    static dockhand::PickWorkflow *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::PickWorkflow>(
            engine, [](AppCore *core) { return core->workflows()->pick(); });
    }
};

struct PackingForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::PackWorkflow)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Packing)
public:
    static dockhand::PackWorkflow *create(QQmlEngine *engine, QJSEngine *)
    {
        return fromCore<dockhand::PackWorkflow>(
            engine, [](AppCore *core) { return core->workflows()->pack(); });
    }
};

} // namespace dockhand::ui
