import QtQuick
import QtTest
import Dockhand.Ui

// The keypad collects the digits of a PIN, a quantity or a weight: digits append, backspace
// removes the last, the maximum length holds, and OK hands the value on exactly once.
// TestCase itself is invisible: the objects under test live in the visible root, so that
// clicks reach them.
Item {
    id: root
    width: 480
    height: 600

    TestCase {
        id: testCase
        name: "KeypadPanel"
        when: windowShown

        Component {
            id: keypadComponent
            KeypadPanel { width: 460; height: 560 }
        }
        SignalSpy { id: submittedSpy; signalName: "submitted" }

        function key(keypad, name) {
            const item = findChild(keypad, name)
            verify(item, "key " + name)
            return item
        }

        function test_digitsAppend() {
            const keypad = createTemporaryObject(keypadComponent, root)
            waitForRendering(keypad)
            mouseClick(key(keypad, "key1"))
            mouseClick(key(keypad, "key2"))
            mouseClick(key(keypad, "key0"))
            compare(keypad.value, "120")
            compare(findChild(keypad, "keypadDisplay").text, "120")
        }

        function test_backspaceRemovesLastDigit() {
            const keypad = createTemporaryObject(keypadComponent, root)
            waitForRendering(keypad)
            mouseClick(key(keypad, "key4"))
            mouseClick(key(keypad, "key5"))
            mouseClick(key(keypad, "keyBackspace"))
            compare(keypad.value, "4")
            mouseClick(key(keypad, "keyBackspace"))
            mouseClick(key(keypad, "keyBackspace"))
            compare(keypad.value, "")
        }

        function test_maxLengthHolds() {
            const keypad = createTemporaryObject(keypadComponent, root, { maxLength: 4 })
            waitForRendering(keypad)
            for (let i = 0; i < 6; ++i)
                mouseClick(key(keypad, "key7"))
            compare(keypad.value, "7777")
        }

        function test_okEmitsValue() {
            const keypad = createTemporaryObject(keypadComponent, root)
            submittedSpy.target = keypad
            submittedSpy.clear()
            waitForRendering(keypad)
            mouseClick(key(keypad, "keyOk"))
            compare(submittedSpy.count, 0, "nothing typed, nothing submitted")
            mouseClick(key(keypad, "key3"))
            mouseClick(key(keypad, "key9"))
            mouseClick(key(keypad, "keyOk"))
            compare(submittedSpy.count, 1)
            compare(submittedSpy.signalArguments[0][0], "39")
        }

        function test_pinIsMasked() {
            const keypad = createTemporaryObject(keypadComponent, root, { masked: true })
            waitForRendering(keypad)
            mouseClick(key(keypad, "key1"))
            mouseClick(key(keypad, "key2"))
            compare(keypad.value, "12")
            compare(findChild(keypad, "keypadDisplay").text, "●●")
        }

        function test_decimalPointOnlyOnceAndOnlyForWeights() {
            const weight = createTemporaryObject(keypadComponent, root, { allowDecimal: true })
            waitForRendering(weight)
            mouseClick(key(weight, "key1"))
            mouseClick(key(weight, "keyPoint"))
            mouseClick(key(weight, "keyPoint"))
            mouseClick(key(weight, "key5"))
            compare(weight.value, "1.5")
            const pin = createTemporaryObject(keypadComponent, root)
            verify(findChild(pin, "keyPoint") === null)
            pin.press(".")
            compare(pin.value, "")
        }

        function test_keysAreTouchSized() {
            const keypad = createTemporaryObject(keypadComponent, root)
            waitForRendering(keypad)
            for (const name of ["key1", "key0", "keyOk", "keyBackspace"])
                verify(key(keypad, name).height >= Theme.touchTarget, name + " at least 9 mm")
        }
    }
}
