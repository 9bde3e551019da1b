#include "uiprobe.h"

#include "appcore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace dockhand {

UiProbe::UiProbe(AppCore *core, QString path, QObject *parent)
    : QObject(parent), m_core(core), m_path(std::move(path))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(50);
    connect(&m_debounce, &QTimer::timeout, this, &UiProbe::write);
    const auto later = [this] { m_debounce.start(); };
    auto *model = core->scanList();
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::rowsRemoved, this, later);
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(core->sync(), &SyncMonitor::changed, this, later);
    connect(core->device(), &DeviceStatus::scannerChanged, this, later);
    connect(core->device(), &DeviceStatus::storageErrorChanged, this, later);
    connect(core->device(), &DeviceStatus::healthChanged, this, later);
    connect(core->feedback(), &Feedback::changed, this, later);
    m_debounce.start();
}

QByteArray UiProbe::snapshot() const
{
    QJsonArray scans;
    const auto *model = m_core->scanList();
    const auto roles = model->roleNames();
    for (int row = 0; row < model->rowCount(); ++row) {
        QJsonObject item;
        for (auto it = roles.cbegin(); it != roles.cend(); ++it)
            item.insert(QString::fromLatin1(it.value()),
                QJsonValue::fromVariant(model->data(model->index(row), it.key())));
        scans.append(item);
    }
    const auto *sync = m_core->sync();
    const auto *device = m_core->device();
    const auto *feedback = m_core->feedback();
    const QJsonObject root {
        {QLatin1String("device"), device->deviceName()},
        {QLatin1String("deviceId"), device->deviceId()},
        {QLatin1String("operator"), device->operatorName()},
        {QLatin1String("scanner"), device->scannerState()},
        {QLatin1String("scannerMessage"), device->scannerMessage()},
        {QLatin1String("storageError"), device->storageError()},
        {QLatin1String("health"), device->health()},
        {QLatin1String("healthTitle"), device->healthTitle()},
        {QLatin1String("healthMessage"), device->healthMessage()},
        {QLatin1String("online"), sync->online()},
        {QLatin1String("backlog"), sync->backlog()},
        {QLatin1String("lastSync"), sync->lastSuccessText()},
        {QLatin1String("lastError"), sync->lastError()},
        {QLatin1String("feedback"),
            QJsonObject {{QLatin1String("result"), feedback->result()},
                {QLatin1String("message"), feedback->message()}, {QLatin1String("text"), feedback->text()},
                {QLatin1String("serial"), feedback->serial()}}},
        {QLatin1String("scans"), scans},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void UiProbe::write()
{
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(snapshot());
        file.commit();
    }
}

} // namespace dockhand
