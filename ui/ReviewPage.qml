pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dockhand.Ui

// The supervisor's review of this device's exceptions, newest first: short picks, items set aside
// as damaged, goods refused at pick or pack, and events the server rejected. Filter buttons
// with counts on top; one card per exception with what, where, why, who and when.
Page {
    id: page
    readonly property bool wide: width >= 900

    title: qsTr("Review exceptions")
    background: Rectangle { color: Theme.background }

    Component.onCompleted: Review.active = true
    Component.onDestruction: { Review.active = false; Review.filter = "" }

    function toneOf(category) {
        switch (category) {
        case "short": return Theme.warning
        case "damage": return Theme.pending
        case "rejected": return Theme.refused
        }
        return Theme.refused
    }
    function labelOf(category) {
        switch (category) {
        case "short": return qsTr("Short")
        case "damage": return qsTr("Damage")
        case "refused": return qsTr("Refused")
        case "rejected": return qsTr("Server")
        }
        return qsTr("All")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // Filters: a touch target each, two rows on a handheld.
        GridLayout {
            Layout.fillWidth: true
            columns: page.wide ? 5 : 3
            columnSpacing: Theme.spacing / 2
            rowSpacing: Theme.spacing / 2
            Repeater {
                model: ["", "short", "damage", "refused", "rejected"]
                Button {
                    required property string modelData
                    objectName: "filter-" + (modelData.length > 0 ? modelData : "all")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    checkable: true
                    checked: Review.filter === modelData
                    text: page.labelOf(modelData) + "  " + (Review.counts[modelData.length > 0 ? modelData : "all"] || 0)
                    font.pixelSize: Theme.fontNormal
                    font.bold: checked
                    onClicked: Review.filter = modelData
                }
            }
        }

        ListView {
            id: list
            objectName: "reviewList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing / 2
            model: Review
            ScrollBar.vertical: ScrollBar {}

            delegate: Pane {
                id: card
                required property string category
                required property string title
                required property string detail
                required property string reason
                required property string operatorBadge
                required property string time
                required property string syncState

                width: ListView.view.width
                padding: Theme.spacing
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: Theme.borderWidth
                    border.color: Theme.divider
                    Rectangle {
                        width: 8
                        height: parent.height
                        radius: Theme.radius
                        color: page.toneOf(card.category)
                    }
                }

                ColumnLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 8
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing / 2
                        StatusChip {
                            text: page.labelOf(card.category)
                            tone: page.toneOf(card.category)
                        }
                        Label {
                            Layout.fillWidth: true
                            text: card.title
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            elide: Text.ElideRight
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: card.reason
                        color: card.category === "short" || card.category === "damage" ? Theme.textPrimary : Theme.refused
                        font.pixelSize: Theme.fontNormal
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: card.detail
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2 · %3").arg(card.time).arg(card.operatorBadge)
                              .arg(card.syncState === "synced" ? qsTr("synced")
                                   : card.syncState === "rejected" ? qsTr("refused by the server") : qsTr("waiting to sync"))
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                visible: list.count === 0
                text: Review.filter.length > 0 ? qsTr("Nothing of this kind on this device.")
                                               : qsTr("No exceptions on this device: no short picks, damage or refusals.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontNormal
            }
        }
    }
}
