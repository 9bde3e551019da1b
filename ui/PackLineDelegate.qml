import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One order line at the pack station: the product and how many are expected, verified and still
// missing. Green when complete, so the packer sees the whole order at a glance.
ItemDelegate {
    id: row
    required property int index
    property string productName: ""
    property string gtin: ""
    property int expected: 0
    property int verified: 0
    // Units set aside as damaged: they count towards the line being settled.
    property int damaged: 0
    readonly property int remaining: Math.max(0, expected - verified - damaged)
    property bool complete: expected > 0 && verified + damaged >= expected

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: Math.max(Theme.touchTarget + 8, implicitContentHeight + 2 * 8)
    padding: 8
    hoverEnabled: false
    focusPolicy: Qt.NoFocus

    background: Rectangle {
        color: row.complete ? Qt.rgba(Theme.accepted.r, Theme.accepted.g, Theme.accepted.b, 0.18)
                            : row.index % 2 === 0 ? Theme.surface : Theme.surfaceAlt
        Rectangle {
            anchors.left: parent.left
            width: 8
            height: parent.height
            color: row.complete ? Theme.accepted : Theme.pending
        }
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.divider
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 12
            spacing: 2
            Label {
                objectName: "productName"
                Layout.fillWidth: true
                text: row.productName
                color: Theme.textPrimary
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: row.damaged > 0
                text: qsTr("%n set aside as damaged", "", row.damaged)
                color: Theme.warning
                font.pixelSize: Theme.fontSmall
                font.bold: true
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: row.gtin
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.family: Theme.monoFamily
                elide: Text.ElideRight
            }
        }
        Label {
            objectName: "counts"
            Layout.preferredWidth: 100
            horizontalAlignment: Text.AlignRight
            text: qsTr("%1 / %2").arg(row.verified).arg(row.expected)
            color: row.complete ? Theme.accepted : Theme.textPrimary
            font.pixelSize: Theme.fontHuge
            font.bold: true
        }
        StatusChip {
            objectName: "remainingChip"
            // Narrow (handheld) rows keep the counts and the colour; the chip needs the room.
            visible: row.width >= 600
            Layout.preferredWidth: 130
            horizontalAlignment: Text.AlignHCenter
            text: row.complete ? qsTr("Done") : qsTr("%1 to go").arg(row.remaining)
            tone: row.complete ? Theme.accepted : Theme.pending
        }
    }
}
