pragma Singleton
import QtQuick

// Colours, type sizes and touch targets shared by every screen. Values chosen for arm's-length
// reading on a 5" handheld and for gloved fingers (targets at least 9 mm). `highContrast`
// switches to black/white/yellow with stronger state colours for bright or dim floors.
QtObject {
    property bool highContrast: false

    readonly property color accepted: highContrast ? "#006400" : "#1B7F3B"
    readonly property color refused: highContrast ? "#B00000" : "#C62828"
    readonly property color warning: highContrast ? "#A33A00" : "#E65100"
    readonly property color pending: highContrast ? "#6D4C41" : "#5D4037"
    readonly property color synced: highContrast ? "#002F87" : "#1565C0"
    readonly property color surface: highContrast ? "#000000" : "#FFFFFF"
    readonly property color surfaceAlt: highContrast ? "#1A1A1A" : "#F7F9FA"
    readonly property color background: highContrast ? "#000000" : "#ECEFF1"
    readonly property color textPrimary: highContrast ? "#FFFFFF" : "#111111"
    readonly property color textSecondary: highContrast ? "#FFEB3B" : "#455A64"
    readonly property color divider: highContrast ? "#FFFFFF" : "#CFD8DC"
    readonly property color header: highContrast ? "#000000" : "#263238"
    readonly property color headerText: highContrast ? "#FFEB3B" : "#FFFFFF"
    readonly property color key: highContrast ? "#FFEB3B" : "#1565C0"
    readonly property color keySecondary: highContrast ? "#333333" : "#546E7A"
    readonly property color keyDisabled: highContrast ? "#262626" : "#CFD8DC"
    readonly property color keyDisabledText: highContrast ? "#8C8C8C" : "#607D8B"
    readonly property color keyText: highContrast ? "#000000" : "#FFFFFF"
    readonly property int borderWidth: highContrast ? 2 : 0

    readonly property int touchTarget: 56
    readonly property int spacing: 12
    readonly property int radius: 8
    readonly property int fontGiant: 44
    readonly property int fontHuge: 30
    readonly property int fontLarge: 22
    readonly property int fontNormal: 18
    readonly property int fontSmall: 15
    readonly property string monoFamily: "DejaVu Sans Mono"
}
