#include "appconfig.h"

#include "protocol.h"
#include "servertrust.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

namespace dockhand {

QString AppConfig::queuePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("queue.sqlite"));
}

namespace {

bool applyJson(const QString &path, AppConfig *config, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the config file %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("The config file %1 is not a JSON object: %2")
                     .arg(path, parseError.errorString());
        return false;
    }
    const auto o = doc.object();
    const auto str = [&](const char *key, QString *out) {
        const auto v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isString()) {
            *error = QStringLiteral("Config %1: '%2' must be a string").arg(path, QLatin1String(key));
            return false;
        }
        *out = v.toString();
        return true;
    };
    QString server;
    if (!str("deviceId", &config->deviceId) || !str("deviceName", &config->deviceName)
        || !str("operator", &config->operatorName) || !str("deviceToken", &config->deviceToken)
        || !str("enrolCode", &config->enrolCode) || !str("dataDir", &config->dataDir)
        || !str("serialPort", &config->serialScanner.portName) || !str("scalePort", &config->scalePort)
        || !str("wedgeGsSubstitute", &config->wedgeGsSubstitute) || !str("server", &server)
        || !str("serverCa", &config->serverCa))
        return false;
    if (!server.isEmpty())
        config->serverUrl = QUrl(server);
    if (const auto baud = o.value(QLatin1String("serialBaud")); !baud.isUndefined()) {
        if (!baud.isDouble() || baud.toInt() <= 0) {
            *error = QStringLiteral("Config %1: 'serialBaud' must be a positive number").arg(path);
            return false;
        }
        config->serialScanner.baudRate = baud.toInt();
    }
    if (const auto serial = o.value(QLatin1String("serialScanner")); !serial.isUndefined()) {
        if (!serial.isObject()) {
            *error = QStringLiteral("Config %1: 'serialScanner' must be an object of scanner settings")
                         .arg(path);
            return false;
        }
        // The port may come from the command line (--serial) instead of the file.
        const QJsonObject settings = serial.toObject();
        const bool portGiven = settings.contains(QLatin1String("port"));
        const QString port = config->serialScanner.portName;
        const SerialScannerConfigResult parsed
            = SerialScannerConfig::fromJson(settings, SerialScannerConfig::PortRule::Optional);
        if (!parsed.ok()) {
            *error = QStringLiteral("Config %1: 'serialScanner': %2").arg(path, parsed.errorString());
            return false;
        }
        config->serialScanner = parsed.config;
        if (!portGiven)
            config->serialScanner.portName = port;
    }
    if (const auto classifier = o.value(QLatin1String("classifier")); !classifier.isUndefined()) {
        QString why;
        config->classifier = ClassifierConfig::fromJson(classifier.toObject(), &why);
        if (!classifier.isObject() || !why.isEmpty()) {
            *error = QStringLiteral("Config %1: 'classifier': %2")
                         .arg(path, why.isEmpty() ? QStringLiteral("must be an object of patterns") : why);
            return false;
        }
    }
    if (const auto camera = o.value(QLatin1String("camera")); !camera.isUndefined()) {
        if (!camera.isBool()) {
            *error = QStringLiteral("Config %1: 'camera' must be true or false").arg(path);
            return false;
        }
        config->camera = camera.toBool();
    }
    if (const auto debounce = o.value(QLatin1String("debounceMs")); !debounce.isUndefined()) {
        if (!debounce.isDouble() || debounce.toInt() < 0 || debounce.toInt() > 10000) {
            *error = QStringLiteral("Config %1: 'debounceMs' must be a number from 0 to 10000").arg(path);
            return false;
        }
        config->debounceMs = debounce.toInt();
    }
    return true;
}

} // namespace

bool AppConfig::fromArguments(const QStringList &arguments, AppConfig *config, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Dockhand: scan-driven picking, packing, labeling and dispatch."));
    parser.addHelpOption();
    const QCommandLineOption configFile(
        QStringLiteral("config"), QStringLiteral("JSON config file."), QStringLiteral("file"));
    const QCommandLineOption server(QStringLiteral("server"),
        QStringLiteral("Order server URL (default %1).").arg(config->serverUrl.toString()),
        QStringLiteral("url"));
    const QCommandLineOption serverCa(QStringLiteral("server-ca"),
        QStringLiteral("PEM CA certificate to trust for an https:// server whose certificate the site "
                       "signed itself."),
        QStringLiteral("file"));
    const QCommandLineOption device(
        QStringLiteral("device-id"), QStringLiteral("This device's id."), QStringLiteral("id"));
    const QCommandLineOption deviceName(
        QStringLiteral("device-name"), QStringLiteral("Name shown on screen."), QStringLiteral("name"));
    const QCommandLineOption operatorName(
        QStringLiteral("operator"), QStringLiteral("Operator name."), QStringLiteral("name"));
    const QCommandLineOption enrolCode(QStringLiteral("enrol-code"),
        QStringLiteral("Enrolment code from the admin, used once to get a device token (default %1).")
            .arg(config->enrolCode),
        QStringLiteral("code"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"), QStringLiteral("Folder of the local scan queue."), QStringLiteral("dir"));
    const QCommandLineOption serial(QStringLiteral("serial"),
        QStringLiteral("Serial scanner port (e.g. /dev/ttyACM0)."), QStringLiteral("port"));
    const QCommandLineOption baud(QStringLiteral("baud"),
        QStringLiteral("Serial scanner baud rate (default 9600)."), QStringLiteral("rate"));
    const QCommandLineOption camera(
        QStringLiteral("camera"), QStringLiteral("Scan with the default camera."));
    const QCommandLineOption wedgeGs(QStringLiteral("wedge-gs"),
        QStringLiteral("What a keyboard-wedge scanner types for the GS1 separator (e.g. ^)."),
        QStringLiteral("text"));
    const QCommandLineOption scale(QStringLiteral("scale"),
        QStringLiteral("Serial scale port at a pack station (e.g. /dev/ttyUSB0)."), QStringLiteral("port"));
    const QCommandLineOption size(QStringLiteral("size"),
        QStringLiteral("Window size WxH: 480x800 handheld, 1280x800 pack station."), QStringLiteral("WxH"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render the first screen to this PNG file and quit."), QStringLiteral("png"));
    const QCommandLineOption screenshotDelay(QStringLiteral("screenshot-delay"),
        QStringLiteral("Milliseconds to wait before the screenshot (default 1500)."), QStringLiteral("ms"));
    const QCommandLineOption probe(QStringLiteral("ui-probe"),
        QStringLiteral("Keep a JSON copy of what the home screen shows in this file."),
        QStringLiteral("file"));
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"), QStringLiteral("Load every screen, report errors and exit."));
    parser.addOptions({configFile, server, serverCa, device, deviceName, operatorName, enrolCode, dataDir,
        serial, baud, scale, camera, wedgeGs, size, screenshot, screenshotDelay, probe, selfTest});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *error = parser.helpText();
        return false;
    }
    if (parser.isSet(configFile) && !applyJson(parser.value(configFile), config, error))
        return false;
    if (parser.isSet(server)) {
        config->serverUrl = QUrl(parser.value(server), QUrl::StrictMode);
    }
    if (!config->serverUrl.isValid()
        || (config->serverUrl.scheme() != QLatin1String("http")
            && config->serverUrl.scheme() != QLatin1String("https"))) {
        *error = QStringLiteral("--server: '%1' is not an http(s) URL").arg(config->serverUrl.toString());
        return false;
    }
    if (parser.isSet(serverCa))
        config->serverCa = parser.value(serverCa);
    if (!config->serverCa.isEmpty()) {
        // Checked now: a wrong file would otherwise only show as refused certificates later.
        if (auto ca = loadServerCa(config->serverCa); !ca) {
            *error = QStringLiteral("--server-ca: %1").arg(ca.error());
            return false;
        }
    }
    if (parser.isSet(device))
        config->deviceId = parser.value(device);
    if (config->deviceId.isEmpty() || config->deviceId.size() > 64) {
        *error = QStringLiteral("--device-id must be 1 to 64 characters");
        return false;
    }
    if (const QString problem = protocol::deviceIdProblem(config->deviceId); !problem.isEmpty()) {
        *error = QStringLiteral("--device-id: %1").arg(problem);
        return false;
    }
    if (parser.isSet(deviceName))
        config->deviceName = parser.value(deviceName);
    if (parser.isSet(operatorName))
        config->operatorName = parser.value(operatorName);
    if (parser.isSet(enrolCode))
        config->enrolCode = parser.value(enrolCode);
    if (parser.isSet(dataDir))
        config->dataDir = parser.value(dataDir);
    if (config->dataDir.isEmpty())
        config->dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(serial))
        config->serialScanner.portName = parser.value(serial);
    if (parser.isSet(scale))
        config->scalePort = parser.value(scale);
    if (parser.isSet(camera))
        config->camera = true;
    if (parser.isSet(wedgeGs))
        config->wedgeGsSubstitute = parser.value(wedgeGs);

    if (parser.isSet(baud)) {
        bool ok = false;
        config->serialScanner.baudRate = parser.value(baud).toInt(&ok);
        if (!ok || config->serialScanner.baudRate <= 0) {
            *error = QStringLiteral("--baud: '%1' is not a baud rate").arg(parser.value(baud));
            return false;
        }
    }
    if (parser.isSet(size)) {
        static const QRegularExpression re(QStringLiteral("^(\\d{3,4})x(\\d{3,4})$"));
        const auto m = re.match(parser.value(size));
        if (!m.hasMatch()) {
            *error
                = QStringLiteral("--size: '%1' is not WIDTHxHEIGHT (e.g. 480x800)").arg(parser.value(size));
            return false;
        }
        config->windowWidth = m.captured(1).toInt();
        config->windowHeight = m.captured(2).toInt();
    }
    if (parser.isSet(screenshot))
        config->screenshotPath = parser.value(screenshot);
    if (parser.isSet(screenshotDelay))
        config->screenshotDelayMs = parser.value(screenshotDelay).toInt();
    if (parser.isSet(probe))
        config->uiProbePath = parser.value(probe);
    config->selfTest = parser.isSet(selfTest);
    return true;
}

} // namespace dockhand
