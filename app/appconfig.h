#pragma once

#include "scan.h"
#include "serialscanner.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace dockhand {

// Everything the app needs to start. Built-in defaults connect to a dockhand-server on this
// machine, so the demo runs with no configuration at all; a JSON file and the command line
// override them (command line wins).
struct AppConfig
{
    QString deviceId = QStringLiteral("handheld-01");
    QString deviceName = QStringLiteral("Handheld 01");
    QString operatorName; // empty until someone logs in
    QUrl serverUrl = QUrl(QStringLiteral("http://127.0.0.1:8765"));
    // PEM file of the site's own CA certificate for an https:// server whose certificate the site
    // signed itself (config key "serverCa", option --server-ca); empty: the system's CAs only.
    QString serverCa;
    QString deviceToken; // normally empty: the device enrols and keeps its token in its database
    QString enrolCode = QStringLiteral("DEMO"); // enrolment code from the admin
    QString dataDir; // folder of the local queue; default: the platform's app data folder
    // The serial scanner: port (empty: none), baud, framing (line end, suffix or inter-byte
    // timeout), prefix, timeouts. Config key "serialScanner" (docs/operator-guide.md lists its
    // keys); "serialPort"/"serialBaud" and --serial/--baud set the port and baud alone.
    SerialScannerConfig serialScanner;
    QString scalePort; // empty: no serial scale (the packer types the weight)
    bool camera = false; // scan with the device's default camera
    QString wedgeGsSubstitute; // what a keyboard-wedge scanner types for the GS1 separator (e.g. "^")
    // The same code from the same source within this window is one scan. Off by default: a picker
    // counts units by scanning the same item again, and scanners have their own same-code delay;
    // sites whose scanners double-read set it (config key debounceMs). The camera has its own rule.
    int debounceMs = 0;
    // The site's label patterns (config key "classifier": {"location": "^...$", "tote": ...,
    // "badge": ..., "order": ...}); a missing key keeps the demo warehouse's pattern.
    ClassifierConfig classifier = ClassifierConfig::demoDefaults();
    // How the device talks to the server (defaults suit a floor; the headless driver shortens
    // the waits): events per upload and the retry / idle intervals.
    int syncBatchEvents = 200;
    int syncMinBackoffMs = 500;
    int syncMaxBackoffMs = 30000;
    int syncIdleIntervalMs = 3000;
    int windowWidth = 480;
    int windowHeight = 800;
    QString screenshotPath; // render the first screen to this PNG, then quit
    int screenshotDelayMs = 1500;
    QString uiProbePath; // write what the home screen shows to this JSON file (tests, support)
    bool selfTest = false;

    QString queuePath() const;

    // Parses the command line (and the JSON file it names with --config). On a bad value,
    // returns false and sets `error` to a message naming the option and what is wrong.
    static bool fromArguments(const QStringList &arguments, AppConfig *config, QString *error);
};

} // namespace dockhand
