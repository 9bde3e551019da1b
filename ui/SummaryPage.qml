pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// End of a pick batch: lines picked and short, the time it took, and the totes to hand to
// packing. Values come from the pick workflow; "Done" goes back to the task list.
Page {
    id: page
    property int linesPicked: 0
    property int linesShort: 0
    property int elapsedSeconds: 0
    // [{tote, order}]
    property var totes: []
    readonly property bool wide: width >= 900

    signal done()

    title: qsTr("Batch done")
    background: Rectangle { color: Theme.background }

    function duration(seconds) {
        const m = Math.floor(seconds / 60)
        const s = seconds % 60
        return qsTr("%1 min %2 s").arg(m).arg(s)
    }

    component Figure: Pane {
        id: figure
        property string caption
        property string value
        property color tone: Theme.textPrimary
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        padding: Theme.spacing
        background: Rectangle {
            color: Theme.surface
            radius: Theme.radius
            border.width: Theme.borderWidth
            border.color: Theme.divider
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: figure.caption
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.capitalization: Font.AllUppercase
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: figure.value
                color: figure.tone
                font.pixelSize: Theme.fontGiant
                font.bold: true
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Theme.fontLarge
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Batch complete")
            color: Theme.accepted
            font.pixelSize: Theme.fontHuge
            font.bold: true
            wrapMode: Text.Wrap
        }
        GridLayout {
            Layout.fillWidth: true
            columns: page.wide ? 3 : 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Figure {
                objectName: "linesPicked"
                caption: qsTr("Lines picked")
                value: page.linesPicked
                tone: Theme.accepted
            }
            Figure {
                objectName: "linesShort"
                caption: qsTr("Lines short")
                value: page.linesShort
                tone: page.linesShort > 0 ? Theme.warning : Theme.textPrimary
            }
            Figure {
                Layout.columnSpan: page.wide ? 1 : 2
                caption: qsTr("Time")
                value: page.duration(page.elapsedSeconds)
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Take these totes to packing:")
            color: Theme.textPrimary
            font.pixelSize: Theme.fontLarge
            font.bold: true
            wrapMode: Text.Wrap
        }
        ListView {
            id: toteList
            objectName: "toteList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: page.totes
            delegate: Rectangle {
                id: toteRow
                required property var modelData
                width: ListView.view.width
                height: Theme.touchTarget
                radius: Theme.radius
                color: Theme.surface
                border.width: Theme.borderWidth
                border.color: Theme.divider
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        text: toteRow.modelData.tote
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontHuge
                        font.bold: true
                        font.family: Theme.monoFamily
                        elide: Text.ElideRight
                    }
                    Label {
                        text: toteRow.modelData.order
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontNormal
                    }
                }
            }
            ScrollBar.vertical: ScrollBar {}
        }
        KeypadKey {
            objectName: "summaryDone"
            Layout.fillWidth: true
            text: qsTr("Done — next task")
            fontSize: Theme.fontLarge
            accent: true
            onClicked: page.done()
        }
    }
}
