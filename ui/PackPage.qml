pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dockhand.Ui

// Packing at the pack station. The order's lines with expected and verified counts, and the
// carton panel (type, weight, close). Everything comes from the pack workflow (`Packing`); a
// scan does the work, buttons pass the carton choice, keypad weight and exceptions on.
// Landscape: lines left, carton right; portrait: one column.
Page {
    id: page
    readonly property bool wide: width >= 900
    readonly property int state_: Packing.state
    readonly property bool orderOpen: state_ !== Packing.ScanOrder
    readonly property var cartonTypes: Packing.cartonTypes // [{code, name, lengthMm, ...}]

    title: qsTr("Pack")
    background: Rectangle { color: Theme.background }

    function cartonList() {
        return page.cartonTypes.map(function (c) {
            return { code: c.code, name: c.name,
                     dimensions: qsTr("%1 × %2 × %3 cm").arg(c.lengthMm / 10).arg(c.widthMm / 10).arg(c.heightMm / 10) }
        })
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        columns: page.wide ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing / 2

        // Feedback, prompt and the order's lines.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            spacing: Theme.spacing / 2

            ScanBanner {
                objectName: "packBanner"
                Layout.fillWidth: true
                compact: !page.wide
                result: Feedback.result
                message: Feedback.message
                serial: Feedback.serial
                healthTitle: Device.healthTitle
                healthMessage: Device.healthMessage
                idleHint: ""
            }
            Label {
                objectName: "packPrompt"
                Layout.fillWidth: true
                visible: Packing.prompt.length > 0
                text: Packing.prompt
                color: Theme.textPrimary
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            RowLayout {
                Layout.fillWidth: true
                visible: page.orderOpen
                spacing: Theme.spacing
                Label {
                    objectName: "orderNumber"
                    text: Packing.order
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                    font.family: Theme.monoFamily
                }
                Label {
                    Layout.fillWidth: true
                    text: Packing.tote.length > 0 && Packing.customer.length > 0
                          ? Packing.customer + " · " + qsTr("tote %1").arg(Packing.tote)
                          : Packing.tote.length > 0 ? qsTr("tote %1").arg(Packing.tote) : Packing.customer
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontNormal
                    elide: Text.ElideRight
                }
            }
            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: page.orderOpen
                padding: 0
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: Theme.borderWidth
                    border.color: Theme.divider
                }
                ListView {
                    id: lines
                    objectName: "packLines"
                    anchors.fill: parent
                    clip: true
                    model: Packing.lines
                    header: RowLayout {
                        width: ListView.view.width
                        height: 36
                        Label {
                            Layout.fillWidth: true
                            Layout.leftMargin: 20
                            text: qsTr("Item")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                        }
                        Label {
                            Layout.preferredWidth: 100
                            horizontalAlignment: Text.AlignRight
                            text: qsTr("Verified")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                        }
                        Item { Layout.preferredWidth: lines.width >= 600 ? 130 + 2 * Theme.spacing : Theme.spacing }
                    }
                    delegate: PackLineDelegate {
                        id: lineRow
                        required property var model
                        productName: model.name
                        gtin: model.gtin
                        expected: model.expected
                        verified: model.verified
                        damaged: model.damaged
                        complete: model.done
                        onPressAndHold: {
                            damageDialog.line = lineRow.index
                            damageDialog.product = lineRow.productName
                            damageDialog.open()
                        }
                    }
                    ScrollBar.vertical: ScrollBar {}
                }
            }
            // Idle: what to do, and typing an order number as the fallback.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: !page.orderOpen
                spacing: Theme.spacing
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Scan the tote label or the order's barcode to start.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontLarge
                    wrapMode: Text.Wrap
                }
                Item { Layout.fillHeight: true }
            }
        }

        // The carton panel.
        Pane {
            objectName: "cartonPanel"
            // On the handheld the idle pack screen is just the scan prompt.
            visible: page.wide || page.orderOpen
            Layout.fillWidth: true
            Layout.fillHeight: page.wide
            Layout.preferredWidth: 2
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
                    text: !page.orderOpen ? qsTr("Order number")
                        : page.state_ === Packing.OrderPacked ? qsTr("Order packed")
                        : qsTr("Carton %1").arg(Packing.cartonIndex)
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    visible: page.orderOpen && page.state_ !== Packing.OrderPacked
                    text: qsTr("%n unit(s) in this carton", "", Packing.unitsInCarton)
                          + (Packing.cartonsClosed > 0 ? " · " + qsTr("%n carton(s) closed", "", Packing.cartonsClosed) : "")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontNormal
                    wrapMode: Text.Wrap
                }

                // ScanOrder: type an order number.
                KeypadPanel {
                    id: orderPad
                    objectName: "orderPad"
                    Layout.fillWidth: true
                    visible: !page.orderOpen && page.wide
                    title: qsTr("No label? Type the order number's digits")
                    maxLength: 12
                    keyHeight: Theme.touchTarget
                    okText: qsTr("Open")
                    onSubmitted: function (value) {
                        Packing.openOrder(value)
                        orderPad.clear()
                    }
                }

                // ScanItems: partial carton.
                KeypadKey {
                    objectName: "packPartialButton"
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.ScanItems
                    enabled: Packing.unitsInCarton > 0
                    text: qsTr("Close this carton, more follow")
                    subtitle: qsTr("Split the order over several cartons")
                    fontSize: Theme.fontNormal
                    secondary: true
                    onClicked: Packing.packPartial()
                }
                Label {
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.ScanItems
                    text: qsTr("Damaged item? Press and hold its line.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }

                // ChooseCarton
                CartonChooser {
                    objectName: "cartonChooser"
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.ChooseCarton
                    model: page.state_ === Packing.ChooseCarton ? page.cartonList() : []
                    selected: Packing.cartonType
                    onChosen: function (code) { Packing.chooseCarton(code) }
                }
                Label {
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.ChooseCarton
                    text: qsTr("Or scan the carton's label on the carton sheet.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }

                // Weigh
                Label {
                    objectName: "weightLabel"
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.Weigh
                    text: Packing.weightKg > 0 ? qsTr("%1 kg").arg(Packing.weightKg.toFixed(3))
                                                : qsTr("Put the carton on the scale or type its weight")
                    color: Packing.weightKg > 0 ? Theme.accepted : Theme.textSecondary
                    font.pixelSize: Packing.weightKg > 0 ? Theme.fontGiant : Theme.fontNormal
                    font.bold: Packing.weightKg > 0
                    wrapMode: Text.Wrap
                }
                KeypadPanel {
                    id: weightPad
                    objectName: "weightPad"
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.Weigh && Packing.weightKg <= 0
                    title: qsTr("Weight in kg")
                    allowDecimal: true
                    maxLength: 7
                    keyHeight: Theme.touchTarget
                    okText: qsTr("Set")
                    onSubmitted: function (value) {
                        Packing.enterWeight(parseFloat(value))
                        weightPad.clear()
                    }
                }
                KeypadKey {
                    objectName: "closeCartonButton"
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.Weigh
                    enabled: Packing.weightKg > 0
                    accent: true
                    text: qsTr("Close carton")
                    subtitle: Packing.weightKg > 0 ? qsTr("or scan %1 again").arg(Packing.cartonType) : ""
                    fontSize: Theme.fontLarge
                    onClicked: Packing.closeCarton()
                }
                KeypadKey {
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.ChooseCarton || page.state_ === Packing.Weigh
                    secondary: true
                    text: qsTr("Back to items")
                    fontSize: Theme.fontNormal
                    onClicked: Packing.backToItems()
                }

                // OrderPacked
                Label {
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.OrderPacked
                    text: qsTr("%n carton(s) closed and handed to labeling.", "", Packing.cartonsClosed)
                    color: Theme.accepted
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                KeypadKey {
                    objectName: "nextOrderButton"
                    Layout.fillWidth: true
                    visible: page.state_ === Packing.OrderPacked
                    accent: true
                    text: qsTr("Next order")
                    fontSize: Theme.fontLarge
                    onClicked: Packing.finish()
                }
                Item { Layout.fillHeight: true }
            }
        }
    }

    Dialog {
        id: damageDialog
        property int line: -1
        property string product: ""
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.spacing, 560)
        title: qsTr("Set one item aside")
        standardButtons: Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing / 2
            Label {
                Layout.fillWidth: true
                text: qsTr("What is wrong with %1?").arg(damageDialog.product)
                font.pixelSize: Theme.fontNormal
                wrapMode: Text.Wrap
            }
            Repeater {
                model: [
                    { code: "damaged", text: qsTr("Item damaged") },
                    { code: "packaging", text: qsTr("Packaging damaged") },
                    { code: "wrong-item", text: qsTr("Wrong item") }
                ]
                KeypadKey {
                    required property var modelData
                    Layout.fillWidth: true
                    text: modelData.text
                    fontSize: Theme.fontLarge
                    tone: Theme.warning
                    onClicked: {
                        Packing.flagDamage(damageDialog.line, modelData.code)
                        damageDialog.close()
                    }
                }
            }
        }
    }
}
