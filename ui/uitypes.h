#pragma once

// Exposes the objects main() builds (through AppCore) to QML as singletons, with declarative
// registration only. The engine must be created after the AppCore it shows.

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
    static dockhand::DeviceStatus *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(AppCore::current() ? AppCore::current()->device() : nullptr);
    }
};

struct SyncForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::SyncMonitor)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Sync)
public:
    static dockhand::SyncMonitor *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(AppCore::current() ? AppCore::current()->sync() : nullptr);
    }
};

struct ScansForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::ScanService)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Scans)
public:
    static dockhand::ScanService *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(AppCore::current() ? AppCore::current()->scans() : nullptr);
    }
};

struct ScanListForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::ScanListModel)
    QML_SINGLETON
    QML_NAMED_ELEMENT(ScanList)
public:
    static dockhand::ScanListModel *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(AppCore::current() ? AppCore::current()->scanList() : nullptr);
    }
};

struct ReviewForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::ReviewModel)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Review)
public:
    static dockhand::ReviewModel *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(AppCore::current() ? AppCore::current()->review() : nullptr);
    }
};

struct SettingsForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::Settings)
    QML_SINGLETON
    QML_NAMED_ELEMENT(AppSettings)
public:
    static dockhand::Settings *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(dockhand::Settings::current());
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
    static dockhand::WorkflowRouter *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(AppCore::current() ? AppCore::current()->workflows() : nullptr);
    }
};

struct SessionForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::OperatorSession)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Session)
public:
    static dockhand::OperatorSession *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(AppCore::current() ? AppCore::current()->workflows()->session() : nullptr);
    }
};

struct PickingForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::PickWorkflow)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Picking)
public:
    static dockhand::PickWorkflow *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(AppCore::current() ? AppCore::current()->workflows()->pick() : nullptr);
    }
};

struct PackingForeign
{
    Q_GADGET
    QML_FOREIGN(dockhand::PackWorkflow)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Packing)
public:
    static dockhand::PackWorkflow *create(QQmlEngine *, QJSEngine *)
    {
        return exposeToQml(AppCore::current() ? AppCore::current()->workflows()->pack() : nullptr);
    }
};

} // namespace dockhand::ui
