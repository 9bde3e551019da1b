// Qt Quick Test runner for the UI components, with the Dockhand.Ui module linked in statically.
#include <QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Dockhand_UiPlugin)

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // The module's qmldir lives at qrc:/Dockhand/Ui (resource prefix "/").
        engine->addImportPath(QStringLiteral("qrc:/"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(dockhand_ui, Setup)

#include "tst_qml.moc"
