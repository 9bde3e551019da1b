import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dockhand.Ui

// Device settings an operator may change (sounds, volume, language, theme) and what they may
// only look at (server, scanner). Stored by the C++ Settings object, so they survive a restart.
Page {
    id: page
    title: qsTr("Settings")
    background: Rectangle { color: Theme.background }

    component Section: Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.bold: true
        font.capitalization: Font.AllUppercase
    }
    component Value: Label {
        Layout.fillWidth: true
        color: Theme.textPrimary
        font.pixelSize: Theme.fontNormal
        wrapMode: Text.WrapAnywhere
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.spacing
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: Theme.spacing
            y: Theme.spacing
            width: Math.min(page.width - 2 * Theme.spacing, 760)
            spacing: 6

            Section { text: qsTr("Server") }
            Value {
                objectName: "serverUrl"
                text: AppSettings.serverUrl
                font.family: Theme.monoFamily
            }
            Value {
                text: Sync.online ? qsTr("Online") : qsTr("Offline — scans are kept on this device")
                color: Sync.online ? Theme.accepted : Theme.refused
            }

            Section { text: qsTr("Scanner") }
            Value {
                text: AppSettings.scannerPort.length > 0 ? AppSettings.scannerPort : qsTr("No serial port configured")
                font.family: Theme.monoFamily
            }
            Value {
                text: Device.scannerState === "connected" ? qsTr("connected")
                    : Device.scannerState === "none" ? qsTr("none configured")
                    : qsTr("DISCONNECTED — check the cable")
                color: Device.scannerState === "disconnected" ? Theme.refused : Theme.textPrimary
            }

            Section { text: qsTr("Sounds") }
            Switch {
                objectName: "soundsSwitch"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Beep on every scan")
                font.pixelSize: Theme.fontNormal
                checked: AppSettings.soundsEnabled
                onToggled: AppSettings.soundsEnabled = checked
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("Volume")
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontNormal
                }
                Slider {
                    objectName: "volumeSlider"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: AppSettings.soundsEnabled
                    from: 0
                    to: 1
                    value: AppSettings.volume
                    onMoved: AppSettings.volume = value
                }
                Label {
                    Layout.preferredWidth: 60
                    text: qsTr("%1 %").arg(Math.round(AppSettings.volume * 100))
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontNormal
                }
            }

            Section { text: qsTr("Language") }
            Repeater {
                model: [
                    { code: "", text: qsTr("As the system (%1)").arg(Qt.locale().nativeLanguageName) },
                    { code: "en", text: "English" },
                    { code: "de", text: "Deutsch" }
                ]
                RadioButton {
                    required property var modelData
                    objectName: "language-" + (modelData.code.length > 0 ? modelData.code : "system")
                    Layout.preferredHeight: Theme.touchTarget
                    text: modelData.text
                    font.pixelSize: Theme.fontNormal
                    checked: AppSettings.language === modelData.code
                    onClicked: AppSettings.language = modelData.code
                }
            }

            Section { text: qsTr("Theme") }
            Switch {
                objectName: "contrastSwitch"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("High contrast (bright or dim floors)")
                font.pixelSize: Theme.fontNormal
                checked: AppSettings.highContrast
                onToggled: AppSettings.highContrast = checked
            }
        }
    }
}
