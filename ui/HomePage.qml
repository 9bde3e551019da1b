import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dockhand.Ui

// The first screen: sync and scanner state, the last scan's result, and the latest scans.
// One column on a handheld (portrait), two on a pack station (landscape).
Page {
    id: page
    readonly property bool wide: width >= 900

    background: Rectangle { color: Theme.background }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        columns: page.wide ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: page.wide
            Layout.preferredWidth: page.wide ? page.width * 0.42 : -1
            Layout.maximumWidth: page.wide ? page.width * 0.42 : Infinity
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing

            ScanBanner {
                Layout.fillWidth: true
                result: Feedback.result
                message: Feedback.message
                text: Feedback.text
                serial: Feedback.serial
                healthTitle: Device.healthTitle
                healthMessage: Device.healthMessage
            }
            StatusPanel {
                Layout.fillWidth: true
            }
            Item {
                visible: page.wide
                Layout.fillHeight: true
            }
        }

        Pane {
            Layout.fillWidth: true
            Layout.fillHeight: true
            padding: 0
            background: Rectangle { color: Theme.surface; radius: Theme.radius }

            ColumnLayout {
                anchors.fill: parent
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    Layout.margins: Theme.spacing
                    text: qsTr("Latest scans")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                ListView {
                    id: list
                    objectName: "scanList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: ScanList
                    delegate: ScanDelegate {}
                    ScrollBar.vertical: ScrollBar {}

                    Label {
                        anchors.centerIn: parent
                        width: parent.width - 2 * Theme.spacing
                        visible: list.count === 0
                        text: qsTr("No scans yet on this device.")
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontNormal
                    }
                }
            }
        }
    }
}
