import QtQuick
import QtTest
import Dockhand.Ui

// One order line at the pack station: expected and verified counts, what is still to go, and
// green once the line is complete.
// TestCase itself is invisible: the objects under test live in the visible root, so that
// clicks reach them.
Item {
    id: root
    width: 1280
    height: 200

    TestCase {
        id: testCase
        name: "PackLineDelegate"
        when: windowShown

        Component {
            id: rowComponent
            PackLineDelegate {
                width: 800
                index: 0
                productName: "Espresso beans 1 kg"
                gtin: "04012345001006"
                expected: 3
                verified: 1
            }
        }

        function test_showsCountsAndRemaining() {
            const row = createTemporaryObject(rowComponent, root)
            waitForRendering(row)
            compare(findChild(row, "productName").text, "Espresso beans 1 kg")
            compare(findChild(row, "counts").text, "1 / 3")
            compare(row.remaining, 2)
            compare(findChild(row, "remainingChip").text, "2 to go")
            verify(!row.complete)
        }

        function test_completeWhenAllVerified() {
            const row = createTemporaryObject(rowComponent, root, { verified: 3 })
            verify(row.complete)
            compare(row.remaining, 0)
            compare(findChild(row, "remainingChip").text, "Done")
            compare(findChild(row, "counts").color, Theme.accepted)
        }

        function test_damagedUnitsSettleTheLine() {
            const row = createTemporaryObject(rowComponent, root, { verified: 2, damaged: 1 })
            verify(row.complete)
            compare(row.remaining, 0)
        }

        function test_rowIsTouchSized() {
            const row = createTemporaryObject(rowComponent, root)
            waitForRendering(row)
            verify(row.height >= Theme.touchTarget)
        }
    }
}
