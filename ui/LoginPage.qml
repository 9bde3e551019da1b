import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dockhand.Ui

// Nobody is logged in: scan your badge (the normal way), or type the badge and a PIN on the
// keypad. `session` is the OperatorSession; this page only shows it and passes the keys on.
Page {
    id: page
    property var session: null
    readonly property bool awaitingPin: session !== null && session.state === 1
    readonly property bool wide: width >= 900
    property bool typing: false

    title: qsTr("Log in")
    background: Rectangle { color: Theme.background }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        columns: page.wide ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing

            ScanBanner {
                Layout.fillWidth: true
                result: Feedback.result
                message: Feedback.message
                serial: Feedback.serial
                healthTitle: Device.healthTitle
                healthMessage: Device.healthMessage
                idleHint: qsTr("Scan the barcode on your badge.")
            }
            Label {
                objectName: "loginPrompt"
                Layout.fillWidth: true
                text: page.session && page.session.prompt.length > 0 ? page.session.prompt
                                                                    : qsTr("Scan your badge to start your shift")
                color: Theme.textPrimary
                font.pixelSize: Theme.fontHuge
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: !page.awaitingPin
                text: qsTr("No scanner at hand? Type your badge number and your PIN.")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontNormal
                wrapMode: Text.Wrap
            }
            KeypadKey {
                objectName: "typeBadgeButton"
                Layout.fillWidth: true
                visible: !page.awaitingPin && !page.typing
                text: qsTr("Type badge and PIN")
                fontSize: Theme.fontLarge
                secondary: true
                onClicked: page.typing = true
            }
            TextField {
                id: badgeField
                objectName: "badgeField"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 8
                visible: page.typing && !page.awaitingPin
                placeholderText: qsTr("Badge, e.g. OP-1001")
                font.pixelSize: Theme.fontLarge
                inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
            }
            KeypadKey {
                Layout.fillWidth: true
                visible: page.awaitingPin
                text: qsTr("Cancel")
                fontSize: Theme.fontLarge
                secondary: true
                onClicked: if (page.session) page.session.cancel()
            }
            Item { Layout.fillHeight: true }
        }

        KeypadPanel {
            id: pinPad
            objectName: "pinPad"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            visible: page.awaitingPin || page.typing
            title: page.awaitingPin ? qsTr("PIN for %1").arg(page.session.badge) : qsTr("PIN")
            masked: true
            maxLength: 8
            okText: qsTr("Log in")
            onSubmitted: function (pin) {
                if (!page.session)
                    return
                if (page.awaitingPin)
                    page.session.submitPin(pin)
                else
                    page.session.loginWithPin(badgeField.text.trim(), pin)
                pinPad.clear()
            }
        }
    }
}
