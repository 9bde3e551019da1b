import QtQuick
import QtTest
import Dockhand.Ui

// The high-contrast theme must really change the palette (black ground, white text, stronger
// state colours) and switch back, and components must follow it live.
// TestCase itself is invisible: the objects under test live in the visible root, so that
// clicks reach them.
Item {
    id: root
    width: 480
    height: 300

    TestCase {
        id: testCase
        name: "Theme"
        when: windowShown

        Component {
            id: keyComponent
            KeypadKey { text: "5" }
        }

        function cleanup() {
            Theme.highContrast = false
        }

        function test_dayThemeByDefault() {
            compare(Theme.highContrast, false)
            compare(Theme.background, "#eceff1")
            compare(Theme.textPrimary, "#111111")
        }

        function test_highContrastSwitchesThePalette() {
            const day = { background: "" + Theme.background, text: "" + Theme.textPrimary, refused: "" + Theme.refused }
            Theme.highContrast = true
            compare(Theme.background, "#000000")
            compare(Theme.textPrimary, "#ffffff")
            verify("" + Theme.refused !== day.refused)
            verify(Theme.borderWidth > 0)
            Theme.highContrast = false
            compare(Theme.background, day.background)
            compare(Theme.textPrimary, day.text)
        }

        function test_componentsFollowTheSwitch() {
            const key = createTemporaryObject(keyComponent, root)
            const dayTone = "" + key.tone
            Theme.highContrast = true
            verify("" + key.tone !== dayTone)
            compare(key.tone, Theme.key)
        }

        function test_touchTargetIsNineMillimetres() {
            verify(Theme.touchTarget >= 56)
        }
    }
}
