import QtQuick
import QtQuick.Controls

// One key of the keypad or a big action button: at least 9 mm high, large text, flat colours
// that keep their contrast in the high-contrast theme.
AbstractButton {
    id: key
    property bool secondary: false
    property bool accent: false
    property int fontSize: Theme.fontHuge
    // A smaller second line under the text (menu entries).
    property string subtitle: ""
    property color tone: accent ? Theme.accepted : secondary ? Theme.keySecondary : Theme.key

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + 16)
    implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + 2 * Theme.spacing)
    focusPolicy: Qt.NoFocus

    background: Rectangle {
        radius: Theme.radius
        color: !key.enabled ? Theme.keyDisabled : key.down ? Qt.darker(key.tone, 1.3) : key.tone
        border.width: Theme.borderWidth
        border.color: Theme.textPrimary
    }
    // The text and the optional second line, centred; the label's colour keeps dark text on the
    // plain key colour only (yellow in high contrast).
    component KeyText: Item {
        id: content
        property string text
        property string subtitle
        property color color
        property int fontSize
        implicitWidth: Math.max(label.implicitWidth, sub.visible ? sub.implicitWidth : 0)
        implicitHeight: column.implicitHeight
        Column {
            id: column
            width: parent.width
            anchors.verticalCenter: parent.verticalCenter
            spacing: 2
            Label {
                id: label
                width: parent.width
                text: content.text
                color: content.color
                font.pixelSize: content.fontSize
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                id: sub
                width: parent.width
                visible: content.subtitle.length > 0
                text: content.subtitle
                color: content.color
                opacity: 0.9
                font.pixelSize: Theme.fontSmall
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }
    }
    contentItem: KeyText {
        text: key.text
        subtitle: key.subtitle
        fontSize: key.fontSize
        color: !key.enabled ? Theme.keyDisabledText
             : Qt.colorEqual(key.tone, Theme.key) ? Theme.keyText : "white"
    }
}
