import QtQuick
import QtQuick.Controls

// A small coloured label ("Synced", "Refused", ...) that reads at a glance.
Label {
    id: chip
    property color tone: Theme.synced

    font.pixelSize: Theme.fontSmall
    font.bold: true
    color: "white"
    leftPadding: 10
    rightPadding: 10
    topPadding: 4
    bottomPadding: 4
    background: Rectangle {
        radius: height / 2
        color: chip.tone
    }
}
