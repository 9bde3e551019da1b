import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Dockhand.Ui

ApplicationWindow {
    id: window
    visible: true
    title: qsTr("Dockhand — %1").arg(Device.deviceName)

    Material.theme: Theme.highContrast ? Material.Dark : Material.Light
    Material.primary: Theme.header
    Material.accent: Theme.highContrast ? "#FFEB3B" : Theme.synced

    Binding {
        target: Theme
        property: "highContrast"
        value: AppSettings.highContrast
    }
    FeedbackSounds {
        id: sounds
        enabled: AppSettings.soundsEnabled
        volume: AppSettings.volume
    }
    Connections {
        target: Scans
        function onFeedbackChanged() { sounds.play(Scans.lastResult) }
    }

    header: ToolBar {
        Material.background: "#263238"
        Material.foreground: "white"
        implicitHeight: Theme.touchTarget + 8
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing
            Label {
                text: "Dockhand"
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: "white"
            }
            Label {
                Layout.fillWidth: true
                text: Device.deviceName
                font.pixelSize: Theme.fontNormal
                color: "#CFD8DC"
                elide: Text.ElideRight
            }
            Label {
                text: Device.operatorName.length > 0 ? Device.operatorName : qsTr("No operator")
                font.pixelSize: Theme.fontNormal
                color: "white"
                elide: Text.ElideRight
                Layout.maximumWidth: window.width * 0.4
            }
        }
    }

    HomePage {
        anchors.fill: parent
    }
}
