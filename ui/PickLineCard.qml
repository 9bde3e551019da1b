import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The pick line in front of the picker, huge: where to go, what to take, how many are still
// missing and which tote it goes in. The step being asked for is framed so the eye finds it.
Pane {
    id: card
    property string location: ""
    property string productName: ""
    property string gtin: ""
    property int quantity: 0
    property int picked: 0
    property string tote: ""
    // "location", "product", "quantity" or "tote": the field the next scan is for.
    property string step: ""
    readonly property int remaining: Math.max(0, quantity - picked)
    property bool compact: false

    padding: Theme.spacing
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.width: Theme.borderWidth
        border.color: Theme.divider
    }

    component Field: Rectangle {
        id: field
        property string caption
        property string value
        property bool current: false
        property int size: Theme.fontGiant
        property bool mono: false
        Layout.fillWidth: true
        implicitHeight: fieldColumn.implicitHeight + 12
        radius: Theme.radius
        color: current ? Qt.rgba(Theme.key.r, Theme.key.g, Theme.key.b, 0.15) : "transparent"
        border.width: current ? 3 : 0
        border.color: Theme.key
        ColumnLayout {
            id: fieldColumn
            anchors.fill: parent
            anchors.margins: 6
            spacing: 0
            Label {
                id: captionLabel
                text: field.caption
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.capitalization: Font.AllUppercase
            }
            Label {
                Layout.fillWidth: true
                text: field.value
                color: Theme.textPrimary
                font.pixelSize: field.size
                font.bold: true
                font.family: field.mono ? Theme.monoFamily : captionLabel.font.family
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        Field {
            objectName: "locationField"
            caption: qsTr("Location")
            value: card.location
            current: card.step === "location"
            mono: true
        }
        Field {
            objectName: "productField"
            caption: qsTr("Product")
            value: card.productName
            current: card.step === "product"
            size: card.compact ? Theme.fontLarge : Theme.fontHuge
        }
        Label {
            objectName: "gtinLabel"
            Layout.fillWidth: true
            Layout.leftMargin: 6
            visible: card.gtin.length > 0
            text: qsTr("GTIN %1").arg(card.gtin)
            color: Theme.textSecondary
            font.pixelSize: Theme.fontNormal
            font.family: Theme.monoFamily
            elide: Text.ElideRight
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Field {
                objectName: "quantityField"
                Layout.preferredWidth: 1
                caption: qsTr("Take")
                value: qsTr("%1 of %2").arg(card.remaining).arg(card.quantity)
                current: card.step === "quantity"
            }
            Field {
                objectName: "toteField"
                Layout.preferredWidth: 1
                visible: card.tote.length > 0
                caption: qsTr("Tote")
                value: card.tote
                current: card.step === "tote"
                mono: true
                size: Theme.fontHuge
            }
        }
    }
}
