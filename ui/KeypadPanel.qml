pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A numeric keypad for PINs, quantities and weights: big keys for gloved fingers, a display,
// backspace, clear and OK. It only collects digits; what they mean is decided in C++.
Pane {
    id: keypad
    property string title: ""
    property string value: ""
    property int maxLength: 6
    // Allows one decimal point (weights in kg).
    property bool allowDecimal: false
    // Shows dots instead of the digits (PINs).
    property bool masked: false
    property string okText: qsTr("OK")
    property int keyHeight: Theme.touchTarget + 8

    signal submitted(string value)

    function press(key) {
        if (key === "." && (!allowDecimal || value.indexOf(".") >= 0))
            return
        if (value.length >= maxLength)
            return
        value = value + key
    }
    function backspace() {
        value = value.slice(0, -1)
    }
    function clear() {
        value = ""
    }
    function submit() {
        if (value.length === 0)
            return
        const v = value
        submitted(v)
    }

    padding: Theme.spacing
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.width: Theme.borderWidth
        border.color: Theme.divider
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        Label {
            Layout.fillWidth: true
            visible: keypad.title.length > 0
            text: keypad.title
            color: Theme.textSecondary
            font.pixelSize: Theme.fontNormal
            wrapMode: Text.Wrap
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget + 8
            radius: Theme.radius
            color: Theme.background
            border.width: 2
            border.color: Theme.divider
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: 4
                Label {
                    objectName: "keypadDisplay"
                    Layout.fillWidth: true
                    text: keypad.masked ? "●".repeat(keypad.value.length) : keypad.value
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                    font.family: Theme.monoFamily
                    elide: Text.ElideLeft
                }
                KeypadKey {
                    objectName: "keyBackspace"
                    Layout.preferredWidth: Theme.touchTarget + 16
                    Layout.preferredHeight: Theme.touchTarget
                    text: "⌫"
                    secondary: true
                    Accessible.name: qsTr("Delete last digit")
                    onClicked: keypad.backspace()
                }
            }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 3
            rowSpacing: Theme.spacing / 2
            columnSpacing: Theme.spacing / 2
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                KeypadKey {
                    required property string modelData
                    objectName: "key" + modelData
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: keypad.keyHeight
                    text: modelData
                    onClicked: keypad.press(modelData)
                }
            }
            KeypadKey {
                objectName: keypad.allowDecimal ? "keyPoint" : "keyClear"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: keypad.keyHeight
                text: keypad.allowDecimal ? "." : qsTr("C")
                secondary: true
                Accessible.name: keypad.allowDecimal ? qsTr("Decimal point") : qsTr("Clear")
                onClicked: keypad.allowDecimal ? keypad.press(".") : keypad.clear()
            }
            KeypadKey {
                objectName: "key0"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: keypad.keyHeight
                text: "0"
                onClicked: keypad.press("0")
            }
            KeypadKey {
                objectName: "keyOk"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: keypad.keyHeight
                text: keypad.okText
                accent: true
                enabled: keypad.value.length > 0
                onClicked: keypad.submit()
            }
        }
    }
}
