pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The carton types of the site as big buttons with their inside dimensions. `model` is a list
// of {code, name, dimensions} from the pack workflow.
Pane {
    id: chooser
    property var model: []
    property string selected: ""
    property int columns: 2

    signal chosen(string code)

    padding: 0
    background: null

    GridLayout {
        anchors.fill: parent
        columns: chooser.columns
        rowSpacing: Theme.spacing / 2
        columnSpacing: Theme.spacing / 2
        Repeater {
            model: chooser.model
            KeypadKey {
                required property var modelData
                objectName: "carton-" + modelData.code
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 20
                text: modelData.name
                subtitle: modelData.dimensions
                fontSize: Theme.fontNormal
                accent: chooser.selected === modelData.code
                onClicked: chooser.chosen(modelData.code)
            }
        }
    }
}
