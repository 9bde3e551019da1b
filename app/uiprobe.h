#pragma once

#include <QObject>
#include <QTimer>

namespace dockhand {

class AppCore;

// Keeps a JSON file with what the home screen shows (status panel and scan list), rewritten
// atomically shortly after anything changes. Used by end-to-end tests and by support staff who
// need to see a headless device's screen state.
class UiProbe : public QObject
{
    Q_OBJECT
public:
    UiProbe(AppCore *core, QString path, QObject *parent = nullptr);

    QByteArray snapshot() const;

private:
    void write();

    AppCore *m_core;
    QString m_path;
    QTimer m_debounce;
};

} // namespace dockhand
