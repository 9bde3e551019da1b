import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One row of the latest-scans list: what was scanned, what the operator was told, and whether
// the server has it.
ItemDelegate {
    id: row
    required property int index
    required property int sequence
    required property string scanText
    required property string kind
    required property string result
    required property string reason
    required property string syncState
    required property string serverReason
    required property string time
    required property string detail

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + 2 * 10)
    padding: 10
    hoverEnabled: false
    focusPolicy: Qt.NoFocus

    background: Rectangle {
        color: row.index % 2 === 0 ? Theme.surface : Theme.surfaceAlt
        Rectangle {
            anchors.left: parent.left
            width: 6
            height: parent.height
            color: row.result === "accepted" ? Theme.accepted : Theme.refused
        }
    }

    contentItem: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 8
            spacing: 8
            Label {
                text: row.time
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
            }
            Label {
                Layout.fillWidth: true
                text: row.scanText
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontNormal
                font.bold: true
                color: Theme.textPrimary
                elide: Text.ElideMiddle
            }
            StatusChip {
                text: row.result === "accepted" ? qsTr("Accepted") : qsTr("Refused")
                tone: row.result === "accepted" ? Theme.accepted : Theme.refused
            }
            StatusChip {
                text: row.syncState === "synced" ? qsTr("Synced")
                    : row.syncState === "rejected" ? qsTr("Server refused") : qsTr("Waiting")
                tone: row.syncState === "synced" ? Theme.synced
                    : row.syncState === "rejected" ? Theme.refused : Theme.pending
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 8
            visible: text.length > 0
            text: row.result === "refused" ? row.reason
                : row.syncState === "rejected" ? qsTr("Server: %1").arg(row.serverReason)
                : row.kind.length > 0 && row.detail.length > 0 ? row.kind + " · " + row.detail : row.kind + row.detail
            color: row.result === "refused" || row.syncState === "rejected" ? Theme.refused : Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }
}
