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

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, label.implicitWidth + 2 * Theme.spacing)
    focusPolicy: Qt.NoFocus

    background: Rectangle {
        radius: Theme.radius
        color: !key.enabled ? Theme.divider : key.down ? Qt.darker(key.tone, 1.3) : key.tone
        border.width: Theme.borderWidth
        border.color: Theme.textPrimary
    }
    contentItem: Column {
        spacing: 2
        topPadding: 4
        bottomPadding: 4
        Label {
            id: label
            width: parent.width
            height: key.subtitle.length > 0 ? implicitHeight : key.availableHeight - 8
            text: key.text
            color: key.accent || key.secondary ? "white" : Theme.keyText
            font.pixelSize: key.fontSize
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            width: parent.width
            visible: key.subtitle.length > 0
            text: key.subtitle
            color: label.color
            opacity: 0.9
            font.pixelSize: Theme.fontSmall
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }
}
