import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The result of the last scan, impossible to miss: green when accepted (only ever after the
// scan is saved), red when refused, dark orange when it could not be saved. Before any scan it
// says what to do, or, when the device cannot take scans (healthTitle set: storage unusable,
// scanner gone), says that instead of "Ready to scan".
Rectangle {
    id: banner
    property string result: ""
    property string message: ""
    property string text: ""
    property int serial: 0
    // Smaller type for screens where the task data must stay the biggest thing.
    property bool compact: false
    // What to do while nothing has been scanned yet.
    property string idleHint: qsTr("Scan a barcode with the scanner.")
    // What stops the device from scanning (Device.healthTitle / healthMessage), empty when nothing.
    property string healthTitle: ""
    property string healthMessage: ""
    readonly property bool unwell: result === "" && healthTitle.length > 0

    readonly property color tone: result === "accepted" ? Theme.accepted
                                 : result === "refused" ? Theme.refused
                                 : result === "not-saved" || unwell ? Theme.warning : Theme.textSecondary
    readonly property string title: result === "accepted" ? qsTr("ACCEPTED")
                                   : result === "refused" ? qsTr("REFUSED")
                                   : result === "not-saved" ? qsTr("NOT SAVED — SCAN AGAIN")
                                   : unwell ? healthTitle
                                   : qsTr("Ready to scan")

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: tone

    onSerialChanged: flash.restart()

    SequentialAnimation {
        id: flash
        NumberAnimation { target: banner; property: "opacity"; from: 0.55; to: 1.0; duration: 180 }
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 4

        Label {
            Layout.fillWidth: true
            text: banner.title
            color: "white"
            font.pixelSize: banner.compact && banner.result !== "refused" ? Theme.fontLarge : Theme.fontHuge
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: banner.unwell ? banner.healthMessage : banner.message
            color: "white"
            font.pixelSize: banner.compact && banner.result !== "refused" ? Theme.fontNormal : Theme.fontLarge
            font.bold: banner.result === "refused"
            wrapMode: Text.Wrap
            maximumLineCount: 5
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: banner.text.length > 0
            text: banner.text
            color: "white"
            opacity: 0.9
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideMiddle
        }
        Label {
            Layout.fillWidth: true
            visible: banner.result === "" && !banner.unwell && banner.idleHint.length > 0
            text: banner.idleHint
            color: "white"
            font.pixelSize: Theme.fontNormal
            wrapMode: Text.Wrap
        }
    }
}
