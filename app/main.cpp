// dockhand: the handheld / pack-station app. This is the composition root: it builds every
// service once (through AppCore), hands them to QML and runs the event loop.

#include "appcore.h"
#include "frametiming.h"
#include "quitonsignal.h"
#include "settings.h"
#include "uiprobe.h"

#include <QDir>
#include <QDirIterator>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Dockhand_UiPlugin)

namespace {

const QString kMainQml = QStringLiteral("qrc:/Dockhand/Ui/Main.qml");

// Loads every QML file of the UI module and reports the errors of any that fail, and every
// warning a binding raised while the window was created (a name a screen cannot see, a type
// error). Exit status 0 only if all of them load without one.
int runSelfTest(QQmlEngine &engine)
{
    QTextStream out(stdout);
    int failures = 0;
    int loaded = 0;
    QObject::connect(&engine, &QQmlEngine::warnings, &engine, [&](const QList<QQmlError> &warnings) {
        for (const QQmlError &warning : warnings) {
            ++failures;
            out << "WARN " << warning.toString() << "\n";
        }
    });
    QDirIterator it(QStringLiteral(":/Dockhand/Ui"), {QStringLiteral("*.qml")}, QDir::Files,
        QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    for (const QString &file : files) {
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + file));
        if (component.isError()) {
            ++failures;
            out << "FAIL " << file << "\n";
            for (const auto &error : component.errors())
                out << "  " << error.toString() << "\n";
            continue;
        }
        // Creating the window runs every binding of every page; components that need
        // required properties from a model are compiled above and created by their views.
        if (file.endsWith(QLatin1String("/Main.qml"))) {
            std::unique_ptr<QObject> object(component.create());
            if (!object) {
                ++failures;
                out << "FAIL " << file << " (cannot create)\n";
                for (const auto &error : component.errors())
                    out << "  " << error.toString() << "\n";
                continue;
            }
        }
        ++loaded;
        out << "ok   " << file << "\n";
    }
    out << loaded << " QML files loaded, " << failures << " failed\n";
    return failures == 0 && loaded > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("dockhand"));
    QGuiApplication::setOrganizationName(QStringLiteral("Dockhand"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    dockhand::AppConfig config;
    QString error;
    if (!dockhand::AppConfig::fromArguments(app.arguments(), &config, &error)) {
        const bool help = app.arguments().contains(QLatin1String("--help"))
            || app.arguments().contains(QLatin1String("-h"));
        QTextStream(help ? stdout : stderr) << error << "\n";
        return help ? 0 : 2;
    }

    dockhand::AppCore core(config);
    // Preferences and the language: the translator is installed before any QML is loaded.
    dockhand::Settings *settings = core.settings();
    if (!settings->installTranslator())
        QTextStream(stderr) << "dockhand: translation for " << settings->effectiveLanguage() << " missing\n";
    QQmlApplicationEngine engine;
    core.attachTo(&engine);
    // The workflows' prompts were worded when AppCore was built: word them in this language.
    core.workflows()->retranslate();
    QObject::connect(settings, &dockhand::Settings::languageChanged, &engine, &QQmlEngine::retranslate);
    QObject::connect(settings, &dockhand::Settings::languageChanged, core.workflows(),
        &dockhand::WorkflowRouter::retranslate);
    if (config.selfTest)
        return runSelfTest(engine);

    dockhand::quitOnSignals();
    // Keyboard-wedge scanners: on the application, so a scan's Enter reaches neither a focused
    // control nor a shortcut.
    app.installEventFilter(core.wedge());
    core.start();
    std::unique_ptr<dockhand::UiProbe> probe;
    if (!config.uiProbePath.isEmpty())
        probe = std::make_unique<dockhand::UiProbe>(&core, config.uiProbePath);

    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(kMainQml));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (window) {
        window->resize(config.windowWidth, config.windowHeight);
        // DOCKHAND_SCREEN opens one screen directly (screenshots, support): login, menu, pick,
        // pack, summary, sync, settings.
        const QString screen = qEnvironmentVariable("DOCKHAND_SCREEN");
        if (!screen.isEmpty())
            window->setProperty("screen", screen);
    }

    // DOCKHAND_FRAME_LOG: when frames reach the screen, for the app benchmark (tests/bench/bench_app).
    std::unique_ptr<dockhand::FrameTiming> frames;
    if (const QString path = qEnvironmentVariable("DOCKHAND_FRAME_LOG"); !path.isEmpty() && window) {
        auto *feedback = core.feedback();
        frames = std::make_unique<dockhand::FrameTiming>(
            path, window, [feedback] { return feedback->serial(); },
            [feedback] { return feedback->result().toLatin1(); });
        if (!frames->isOpen())
            QTextStream(stderr) << "dockhand: cannot write the frame log " << path << "\n";
    }

    if (!config.screenshotPath.isEmpty() && window) {
        QTimer::singleShot(config.screenshotDelayMs, window, [window, path = config.screenshotPath] {
            const QImage image = window->grabWindow();
            const bool saved = !image.isNull() && image.save(path);
            QTextStream(saved ? stdout : stderr) << (saved ? QStringLiteral("screenshot written: %1\n")
                                                           : QStringLiteral("screenshot failed: %1\n"))
                                                        .arg(path);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
