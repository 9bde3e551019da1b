import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Dockhand.Ui

// Connection and sync state: online/offline, scans waiting, last good sync, last error, and
// the scanner. Everything an operator or supervisor needs to trust the device.
Pane {
    id: panel
    padding: Theme.spacing
    Material.elevation: 2

    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: 6

        Rectangle {
            Layout.preferredWidth: 18
            Layout.preferredHeight: 18
            radius: 9
            color: !Sync.started ? Theme.textSecondary : Sync.online ? Theme.accepted : Theme.refused
        }
        Label {
            Layout.fillWidth: true
            text: !Sync.started ? qsTr("Connecting to server…")
                : Sync.online ? qsTr("Online") : qsTr("Offline — scans are kept on this device")
            font.pixelSize: Theme.fontLarge
            font.bold: true
            wrapMode: Text.Wrap
        }

        Label {
            text: qsTr("Waiting")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontNormal
        }
        Label {
            Layout.fillWidth: true
            text: Sync.backlog === 0 ? qsTr("nothing — all scans synced")
                                     : qsTr("%n scan(s) not yet on the server", "", Sync.backlog)
            font.pixelSize: Theme.fontNormal
            font.bold: Sync.backlog > 0
            color: Sync.backlog > 0 ? Theme.pending : Theme.textPrimary
            wrapMode: Text.Wrap
        }

        Label {
            text: qsTr("Last sync")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontNormal
        }
        Label {
            Layout.fillWidth: true
            text: Sync.lastSuccessText
            font.pixelSize: Theme.fontNormal
            wrapMode: Text.Wrap
        }

        Label {
            text: qsTr("Scanner")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontNormal
        }
        Label {
            Layout.fillWidth: true
            text: Device.scannerState === "connected" ? qsTr("connected")
                : Device.scannerState === "none" ? qsTr("none configured")
                : qsTr("DISCONNECTED — check the cable")
            color: Device.scannerState === "disconnected" ? Theme.refused : Theme.textPrimary
            font.bold: Device.scannerState === "disconnected"
            font.pixelSize: Theme.fontNormal
            wrapMode: Text.Wrap
        }

        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: Sync.lastError.length > 0
            text: qsTr("Last error: %1").arg(Sync.lastError)
            color: Theme.refused
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: Device.scannerState === "disconnected" && Device.scannerMessage.length > 0
            text: Device.scannerMessage
            color: Theme.refused
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: Device.storageError.length > 0
            text: Device.storageError
            color: "white"
            font.pixelSize: Theme.fontNormal
            font.bold: true
            wrapMode: Text.Wrap
            padding: 8
            background: Rectangle { color: Theme.refused; radius: 4 }
        }
    }
}
