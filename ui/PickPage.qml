pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dockhand.Ui

// Picking on the handheld. Everything shown comes from the pick workflow (`Picking`): its state
// picks the view (task list, tote binding, the line to pick, summary); scans do the work, the
// buttons only pass keypad input and exceptions on. Wide screens add the batch's line list.
Page {
    id: page
    readonly property bool wide: width >= 900
    readonly property int state_: Picking.state
    readonly property var missing: Picking.missingDetails // "lot", "expiry", "serial"
    readonly property bool onLine: state_ === Picking.ScanLocation || state_ === Picking.ScanProduct
                                   || state_ === Picking.ScanDetails || state_ === Picking.ScanQuantity
                                   || state_ === Picking.ScanTote

    title: qsTr("Pick")
    background: Rectangle { color: Theme.background }

    function stepName() {
        switch (state_) {
        case Picking.ScanLocation: return "location"
        case Picking.ScanProduct: return "product"
        case Picking.ScanDetails: return "product"
        case Picking.ScanQuantity: return "quantity"
        case Picking.ScanTote: return "tote"
        }
        return ""
    }





    ColumnLayout {
        anchors.fill: parent
        anchors.margins: page.state_ === Picking.Summary ? 0 : Theme.spacing
        spacing: Theme.spacing / 2

        ScanBanner {
            objectName: "pickBanner"
            Layout.fillWidth: true
            visible: page.state_ !== Picking.Summary
            compact: true
            result: Feedback.result
            message: Feedback.message
            serial: Feedback.serial
            healthTitle: Device.healthTitle
            healthMessage: Device.healthMessage
            idleHint: ""
        }
        Label {
            objectName: "pickPrompt"
            Layout.fillWidth: true
            visible: page.state_ !== Picking.Summary && Picking.prompt.length > 0
            text: Picking.prompt
            color: Theme.textPrimary
            font.pixelSize: Theme.fontLarge
            font.bold: true
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        // One view per state: the task list, tote binding, the line being picked, the summary.
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: page.state_ === Picking.NoTask ? 0
                        : page.state_ === Picking.BindTotes ? 1
                        : page.state_ === Picking.Summary ? 3 : 2
            // The task list (NoTask).
            ColumnLayout {
                id: taskView
                spacing: Theme.spacing
                // The list may have grown since login (a sync brought new waves).
                Component.onCompleted: Picking.refreshTasks()
                onVisibleChanged: if (visible) Picking.refreshTasks()
                ListView {
                    id: tasks
                    objectName: "taskList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: Theme.spacing / 2
                    model: Picking.tasks
                    delegate: ItemDelegate {
                        id: taskRow
                        required property string taskId
                        required property int orderCount
                        required property int lineCount
                        required property int unitCount
                        required property string orders
                        width: ListView.view.width
                        implicitHeight: Math.max(Theme.touchTarget + 24, implicitContentHeight + 24)
                        background: Rectangle {
                            radius: Theme.radius
                            color: taskRow.down ? Theme.surfaceAlt : Theme.surface
                            border.width: Theme.borderWidth
                            border.color: Theme.divider
                        }
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: taskRow.taskId
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontLarge
                                font.bold: true
                                font.family: Theme.monoFamily
                            }
                            Label {
                                Layout.fillWidth: true
                                text: qsTr("%n order(s)", "", taskRow.orderCount) + " · " + qsTr("%n line(s)", "", taskRow.lineCount)
                                      + " · " + qsTr("%n unit(s)", "", taskRow.unitCount)
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontNormal
                                wrapMode: Text.Wrap
                            }
                            Label {
                                Layout.fillWidth: true
                                text: taskRow.orders
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideRight
                            }
                        }
                        onClicked: Picking.startTask(taskRow.taskId)
                    }
                    ScrollBar.vertical: ScrollBar {}
                    Label {
                        anchors.centerIn: parent
                        width: parent.width - 2 * Theme.spacing
                        visible: tasks.count === 0
                        text: qsTr("No pick tasks for you right now. New tasks arrive with the next sync.")
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontNormal
                    }
                }
                KeypadKey {
                    Layout.fillWidth: true
                    text: qsTr("Refresh tasks")
                    fontSize: Theme.fontLarge
                    secondary: true
                    onClicked: Picking.refreshTasks()
                }
            }
            // Binding the batch's orders to totes (BindTotes).
            ColumnLayout {
                id: bindView
                spacing: Theme.spacing
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Order")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontNormal
                    font.capitalization: Font.AllUppercase
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "bindingOrder"
                    Layout.fillWidth: true
                    text: Picking.bindingOrder
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontGiant
                    font.bold: true
                    font.family: Theme.monoFamily
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.fontLarge
                }
                Item { Layout.fillHeight: true }
            }
            // The line being picked.
            GridLayout {
                id: lineView
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 3
                    spacing: Theme.spacing / 2
                    PickLineCard {
                        objectName: "pickLineCard"
                        Layout.fillWidth: true
                        location: Picking.currentLocation
                        productName: Picking.currentProductName
                        gtin: Picking.currentGtin
                        quantity: Picking.currentQuantity
                        picked: Picking.currentPicked
                        tote: Picking.currentTote
                        step: page.stepName()
                        compact: !page.wide
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: Picking.state === Picking.ScanDetails
                        text: qsTr("Still needed: %1").arg(page.missing.map(function (d) {
                            return d === "lot" ? qsTr("lot number") : d === "expiry" ? qsTr("expiry date")
                                 : d === "serial" ? qsTr("serial number") : d
                        }).join(", "))
                        color: Theme.warning
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                    // No label carries it: type what the product still needs.
                    GridLayout {
                        id: details
                        objectName: "detailsForm"
                        Layout.fillWidth: true
                        visible: Picking.state === Picking.ScanDetails
                        columns: 2
                        columnSpacing: Theme.spacing / 2
                        rowSpacing: Theme.spacing / 2
                        TextField {
                            id: lotField
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.touchTarget
                            visible: page.missing.indexOf("lot") >= 0
                            placeholderText: qsTr("Lot")
                            font.pixelSize: Theme.fontNormal
                        }
                        TextField {
                            id: expiryField
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.touchTarget
                            visible: page.missing.indexOf("expiry") >= 0
                            placeholderText: qsTr("Expiry (2027-03-31)")
                            inputMethodHints: Qt.ImhDate
                            font.pixelSize: Theme.fontNormal
                        }
                        TextField {
                            id: serialField
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.touchTarget
                            visible: page.missing.indexOf("serial") >= 0
                            placeholderText: qsTr("Serial number")
                            font.pixelSize: Theme.fontNormal
                        }
                        KeypadKey {
                            objectName: "detailsButton"
                            Layout.fillWidth: true
                            text: qsTr("Save")
                            fontSize: Theme.fontNormal
                            accent: true
                            onClicked: {
                                Picking.enterDetails(lotField.text.trim(), expiryField.text.trim(), serialField.text.trim())
                                lotField.clear()
                                expiryField.clear()
                                serialField.clear()
                            }
                        }
                    }
                    Item { Layout.fillHeight: true }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing / 2
                        KeypadKey {
                            objectName: "quantityButton"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            text: qsTr("Quantity")
                            fontSize: Theme.fontNormal
                            enabled: Picking.state === Picking.ScanQuantity
                            onClicked: quantityDialog.open()
                        }
                        KeypadKey {
                            objectName: "shortButton"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            text: qsTr("Short")
                            fontSize: Theme.fontNormal
                            tone: Theme.warning
                            onClicked: shortDialog.open()
                        }
                        KeypadKey {
                            objectName: "skipButton"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            text: qsTr("Skip")
                            fontSize: Theme.fontNormal
                            secondary: true
                            enabled: Picking.currentPicked === 0
                            onClicked: Picking.skipLine()
                        }
                    }
                }
                Pane {
                    visible: page.wide
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 2
                    padding: 0
                    background: Rectangle { color: Theme.surface; radius: Theme.radius }
                    ListView {
                        anchors.fill: parent
                        clip: true
                        model: Picking.lines
                        header: Label {
                            width: ListView.view.width
                            padding: Theme.spacing
                            text: qsTr("Walk (%n line(s))", "", Picking.lines.count)
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                        }
                        delegate: Rectangle {
                            id: walkRow
                            required property string location
                            required property string productName
                            required property int quantity
                            required property int picked
                            required property string status
                            required property bool current
                            width: ListView.view.width
                            height: Theme.touchTarget
                            color: current ? Qt.rgba(Theme.key.r, Theme.key.g, Theme.key.b, 0.18) : "transparent"
                            RowLayout {
                                anchors.fill: parent
                                anchors.leftMargin: Theme.spacing
                                anchors.rightMargin: Theme.spacing
                                spacing: Theme.spacing
                                Label {
                                    Layout.preferredWidth: 120
                                    text: walkRow.location
                                    color: Theme.textPrimary
                                    font.family: Theme.monoFamily
                                    font.pixelSize: Theme.fontNormal
                                    font.bold: walkRow.current
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: walkRow.productName
                                    color: Theme.textPrimary
                                    font.pixelSize: Theme.fontNormal
                                    elide: Text.ElideRight
                                }
                                StatusChip {
                                    text: walkRow.status === "picked" ? qsTr("Picked")
                                        : walkRow.status === "short" ? qsTr("Short")
                                        : qsTr("%1 / %2").arg(walkRow.picked).arg(walkRow.quantity)
                                    tone: walkRow.status === "picked" ? Theme.accepted
                                        : walkRow.status === "short" ? Theme.warning : Theme.pending
                                }
                            }
                        }
                    }
                }
            }
            SummaryPage {
                id: summaryView
                linesPicked: Picking.linesPicked
                linesShort: Picking.linesShort
                elapsedSeconds: Picking.elapsedSeconds
                totes: Picking.totes
                onDone: Picking.finish()
            }
        }
    }

    Dialog {
        id: quantityDialog
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.spacing, 460)
        title: qsTr("How many more?")
        standardButtons: Dialog.Cancel
        KeypadPanel {
            id: quantityPad
            anchors.fill: parent
            maxLength: 4
            title: qsTr("%n still to take", "", Math.max(0, Picking.currentQuantity - Picking.currentPicked))
            onSubmitted: function (value) {
                Picking.enterQuantity(parseInt(value))
                quantityPad.clear()
                quantityDialog.close()
            }
        }
    }
    ShortPickDialog {
        id: shortDialog
        location: Picking.currentLocation
        missing: Math.max(0, Picking.currentQuantity - Picking.currentPicked)
        onReasonChosen: function (code) { Picking.shortPick(code) }
    }
}
