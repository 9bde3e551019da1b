pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Why a line cannot be picked in full. One big button per reason code; the choice goes to the
// workflow, which records the short pick for the supervisor.
Dialog {
    id: dialog
    property string location: ""
    property int missing: 0

    signal reasonChosen(string code)

    modal: true
    title: qsTr("Short pick")
    standardButtons: Dialog.Cancel
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacing : 460, 560)

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2
        Label {
            Layout.fillWidth: true
            text: qsTr("%n item(s) missing at %1. Why?", "", dialog.missing).arg(dialog.location)
            font.pixelSize: Theme.fontNormal
            wrapMode: Text.Wrap
        }
        Repeater {
            model: [
                { code: "not-found", text: qsTr("Not found in the location") },
                { code: "insufficient", text: qsTr("Not enough in the location") },
                { code: "damaged", text: qsTr("Damaged") },
                { code: "wrong-item", text: qsTr("Wrong item in the location") }
            ]
            KeypadKey {
                required property var modelData
                objectName: "reason-" + modelData.code
                Layout.fillWidth: true
                text: modelData.text
                fontSize: Theme.fontLarge
                onClicked: {
                    dialog.reasonChosen(modelData.code)
                    dialog.close()
                }
            }
        }
    }
}
