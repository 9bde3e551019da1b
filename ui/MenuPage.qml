pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The logged-in operator's menu: one big button per entry their role allows, and log out.
Page {
    id: page
    property var session: null
    readonly property bool wide: width >= 900

    signal openScreen(string id)
    signal logoutRequested()

    title: qsTr("Menu")
    background: Rectangle { color: Theme.background }

    function titleFor(id) {
        switch (id) {
        case "pick": return qsTr("Pick")
        case "pack": return qsTr("Pack")
        case "review": return qsTr("Review exceptions")
        case "sync": return qsTr("Sync status")
        case "settings": return qsTr("Settings")
        }
        return id
    }
    function roleName(role) {
        switch (role) {
        case "picker": return qsTr("picker")
        case "packer": return qsTr("packer")
        case "supervisor": return qsTr("supervisor")
        case "admin": return qsTr("administrator")
        }
        return role
    }
    function hintFor(id) {
        switch (id) {
        case "pick": return qsTr("Walk the pick list into totes")
        case "pack": return qsTr("Verify orders into cartons")
        case "review": return qsTr("Short picks and damage")
        case "sync": return qsTr("Server, scans waiting, scanner")
        case "settings": return qsTr("Sounds, language, theme")
        }
        return ""
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Label {
            objectName: "operatorLabel"
            Layout.fillWidth: true
            text: page.session ? qsTr("Hello, %1").arg(page.session.operatorName) : ""
            color: Theme.textPrimary
            font.pixelSize: Theme.fontHuge
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: page.session ? qsTr("Role: %1").arg(page.roleName(page.session.role)) : ""
            color: Theme.textSecondary
            font.pixelSize: Theme.fontNormal
        }
        GridLayout {
            Layout.fillWidth: true
            columns: page.wide ? 3 : 1
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Repeater {
                model: page.session ? page.session.menu : []
                KeypadKey {
                    required property var modelData
                    objectName: "menu-" + modelData.id
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: Theme.touchTarget + 36
                    text: page.titleFor(modelData.id)
                    subtitle: page.hintFor(modelData.id)
                    fontSize: Theme.fontLarge
                    accent: modelData.id === "pick" || modelData.id === "pack"
                    onClicked: page.openScreen(modelData.id)
                }
            }
        }
        Item { Layout.fillHeight: true }
        KeypadKey {
            objectName: "logoutButton"
            Layout.fillWidth: true
            text: qsTr("Log out")
            fontSize: Theme.fontLarge
            secondary: true
            onClicked: page.logoutRequested()
        }
    }
}
