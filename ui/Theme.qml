pragma Singleton
import QtQuick

// Colours, type sizes and touch targets shared by every screen. Values chosen for arm's-length
// reading on a 5" handheld and for gloved fingers (targets at least 9 mm).
QtObject {
    readonly property color accepted: "#1B7F3B"
    readonly property color refused: "#C62828"
    readonly property color warning: "#E65100"
    readonly property color pending: "#5D4037"
    readonly property color synced: "#1565C0"
    readonly property color surface: "#FFFFFF"
    readonly property color background: "#ECEFF1"
    readonly property color textPrimary: "#111111"
    readonly property color textSecondary: "#455A64"
    readonly property color divider: "#CFD8DC"

    readonly property int touchTarget: 56
    readonly property int spacing: 12
    readonly property int radius: 8
    readonly property int fontHuge: 30
    readonly property int fontLarge: 22
    readonly property int fontNormal: 18
    readonly property int fontSmall: 15
    readonly property string monoFamily: "DejaVu Sans Mono"
}
