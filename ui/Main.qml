pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Dockhand.Ui

// The app shell: header with the menu, a StackView of pages, and the feedback sound. Logged out
// it shows the login page; logged in, the role's menu. Pick and pack pages are opened through
// the router so that scans go to the workflow on screen.
ApplicationWindow {
    id: window
    visible: true
    title: qsTr("Dockhand — %1").arg(Device.deviceName)

    // Set by main() for screenshots and support: "login", "menu", "pick", "pack", "summary",
    // "review", "sync" or "settings" opens that screen directly (again after each login); "pick:WAVE-0001"
    // also starts that pick task, as a tap on it in the list would.
    property string screen: ""
    readonly property bool loggedIn: Session.loggedIn
    readonly property var currentPage: stack.currentItem // a Page: its title goes in the header

    Material.theme: Theme.highContrast ? Material.Dark : Material.Light
    Material.primary: Theme.header
    Material.accent: Theme.highContrast ? "#FFEB3B" : Theme.synced
    Material.background: Theme.background
    Material.foreground: Theme.textPrimary

    Binding {
        target: Theme
        property: "highContrast"
        value: AppSettings.highContrast
    }

    FeedbackSounds {
        id: sounds
        objectName: "feedbackSounds"
        enabled: AppSettings.soundsEnabled
        volume: AppSettings.volume
        feedback: Feedback
    }

    function pageFor(id) {
        switch (id) {
        case "login": return loginPage
        case "menu": return menuPage
        case "pick": return pickPage
        case "pack": return packPage
        case "summary": return summaryPage
        case "sync": return syncPage
        case "settings": return settingsPage
        case "review": return reviewPage
        }
        return null
    }
    // Opens a screen from the menu or the drawer. Pick and pack need the router's consent (the
    // role may lack them); the other screens are views only.
    function openScreen(id) {
        drawer.close()
        if (id === "pick" || id === "pack") {
            if (!Router.open(id))
                return
        } else if (id === "review") {
            if (!window.hasScreen("review"))
                return
        }
        const page = pageFor(id)
        if (!page)
            return
        stack.pop(null)
        if (stack.depth === 1 && id !== "menu" && id !== "login")
            stack.push(page)
    }
    // The logged-in operator's menu has this entry (their role may use it).
    function hasScreen(id) {
        const menu = Session.menu
        for (let i = 0; i < menu.length; ++i) {
            if (menu[i].id === id)
                return true
        }
        return false
    }
    function home() {
        Router.open("home")
        stack.replace(null, loggedIn ? menuPage : loginPage)
    }
    function applyScreen() {
        const parts = screen.split(":")
        const id = parts[0]
        if (id === "login" || id === "menu") {
            stack.replace(null, pageFor(id), StackView.Immediate)
        } else if (pageFor(id)) {
            stack.replace(null, loggedIn ? menuPage : loginPage, StackView.Immediate)
            if (!loggedIn && id !== "sync" && id !== "settings")
                return
            if (id === "pick" || id === "pack" || id === "summary")
                Router.open(id === "pack" ? "pack" : "pick")
            if (id === "pick" && parts.length > 1 && Picking.state === Picking.NoTask)
                Picking.startTask(parts[1])
            stack.push(pageFor(id), StackView.Immediate)
        }
    }
    // Deferred: the router hands the new operator to the workflows in the same signal cascade.
    onLoggedInChanged: afterLogin.restart()
    Timer {
        id: afterLogin
        interval: 0
        onTriggered: window.screen.length > 0 ? window.applyScreen() : window.home()
    }
    onScreenChanged: applyScreen()

    Component { id: loginPage; LoginPage { session: Session } }
    Component {
        id: menuPage
        MenuPage {
            session: Session
            onOpenScreen: function (id) { window.openScreen(id) }
            onLogoutRequested: Session.logout()
        }
    }
    Component { id: pickPage; PickPage {} }
    Component { id: packPage; PackPage {} }
    Component {
        id: summaryPage
        SummaryPage {
            linesPicked: Picking.linesPicked
            linesShort: Picking.linesShort
            elapsedSeconds: Picking.elapsedSeconds
            totes: Picking.totes
            onDone: { Picking.finish(); window.home() }
        }
    }
    Component { id: syncPage; HomePage { title: qsTr("Sync status") } }
    Component { id: settingsPage; SettingsPage {} }
    Component { id: reviewPage; ReviewPage {} }

    header: ToolBar {
        Material.background: Theme.header
        Material.foreground: Theme.headerText
        implicitHeight: Theme.touchTarget + 8
        RowLayout {
            anchors.fill: parent
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing / 2
            ToolButton {
                objectName: "navButton"
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                text: stack.depth > 1 ? "‹" : "☰"
                font.pixelSize: Theme.fontHuge
                Accessible.name: stack.depth > 1 ? qsTr("Back") : qsTr("Menu")
                onClicked: {
                    if (stack.depth > 1) {
                        stack.pop()
                        if (stack.depth === 1)
                            Router.open("home")
                    } else {
                        drawer.open()
                    }
                }
            }
            Label {
                objectName: "pageTitle"
                Layout.fillWidth: true
                text: window.currentPage && window.currentPage.title ? window.currentPage.title : "Dockhand"
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.headerText
                elide: Text.ElideRight
            }
            // What stops this device from scanning, on every screen.
            StatusChip {
                objectName: "healthChip"
                visible: Device.health !== "ok"
                text: Device.healthTitle
                tone: Theme.warning
                Layout.maximumWidth: window.width * 0.45
                elide: Text.ElideRight
            }
            Rectangle {
                Layout.preferredWidth: 14
                Layout.preferredHeight: 14
                radius: 7
                color: !Sync.started ? "#90A4AE" : Sync.online ? "#66BB6A" : "#EF5350"
                border.width: 1
                border.color: "white"
            }
            Label {
                visible: Sync.backlog > 0
                text: Sync.backlog
                color: Theme.headerText
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
            Label {
                text: Session.loggedIn ? Session.operatorName : qsTr("No operator")
                font.pixelSize: Theme.fontNormal
                color: Theme.headerText
                elide: Text.ElideRight
                Layout.maximumWidth: window.width * 0.35
            }
        }
    }

    Drawer {
        id: drawer
        width: Math.min(window.width * 0.8, 380)
        height: window.height
        background: Rectangle { color: Theme.surface }

        ColumnLayout {
            anchors.fill: parent
            spacing: 0
            Label {
                Layout.fillWidth: true
                padding: Theme.spacing
                text: Device.deviceName
                color: Theme.textPrimary
                font.pixelSize: Theme.fontLarge
                font.bold: true
                elide: Text.ElideRight
            }
            Repeater {
                model: [
                    { id: "menu", text: qsTr("Menu"), needsLogin: true },
                    { id: "pick", text: qsTr("Pick"), needsLogin: true },
                    { id: "pack", text: qsTr("Pack"), needsLogin: true },
                    { id: "review", text: qsTr("Review exceptions"), needsLogin: true },
                    { id: "sync", text: qsTr("Sync status"), needsLogin: false },
                    { id: "settings", text: qsTr("Settings"), needsLogin: false }
                ]
                ItemDelegate {
                    required property var modelData
                    objectName: "drawer-" + modelData.id
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    visible: !modelData.needsLogin || (window.loggedIn
                             && (modelData.id === "menu" || window.hasScreen(modelData.id)))
                    text: modelData.text
                    font.pixelSize: Theme.fontLarge
                    onClicked: window.openScreen(modelData.id)
                }
            }
            Item { Layout.fillHeight: true }
            ItemDelegate {
                objectName: "drawer-logout"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                visible: window.loggedIn
                text: qsTr("Log out")
                font.pixelSize: Theme.fontLarge
                onClicked: { drawer.close(); Session.logout() }
            }
        }
    }

    StackView {
        id: stack
        objectName: "stack"
        anchors.fill: parent
        initialItem: window.loggedIn ? menuPage : loginPage
    }
}
