import QtQuick
import QtTest
import Dockhand.Ui

// The pick line card is read at arm's length: it must show the location, the product with its
// GTIN, how many are still to take and the tote, and frame the field the next scan is for.
// TestCase itself is invisible: the objects under test live in the visible root, so that
// clicks reach them.
Item {
    id: root
    width: 480
    height: 700

    TestCase {
        id: testCase
        name: "PickLineCard"
        when: windowShown

        Component {
            id: cardComponent
            PickLineCard {
                width: 480
                location: "A-01-02"
                productName: "Espresso beans 1 kg"
                gtin: "04012345001006"
                quantity: 3
                picked: 1
                tote: "TOTE-0007"
                step: "quantity"
            }
        }

        function textOf(card, name) {
            const field = findChild(card, name)
            verify(field, name)
            return field.value !== undefined ? field.value : field.text
        }

        function test_showsTheLine() {
            const card = createTemporaryObject(cardComponent, root)
            waitForRendering(card)
            compare(textOf(card, "locationField"), "A-01-02")
            compare(textOf(card, "productField"), "Espresso beans 1 kg")
            compare(textOf(card, "gtinLabel"), "GTIN 04012345001006")
            compare(textOf(card, "toteField"), "TOTE-0007")
        }

        function test_remainingCountsDown() {
            const card = createTemporaryObject(cardComponent, root)
            compare(card.remaining, 2)
            compare(textOf(card, "quantityField"), "2 of 3")
            card.picked = 3
            compare(card.remaining, 0)
            compare(textOf(card, "quantityField"), "0 of 3")
        }

        function test_currentStepIsFramed() {
            const card = createTemporaryObject(cardComponent, root)
            verify(findChild(card, "quantityField").current)
            verify(!findChild(card, "locationField").current)
            card.step = "location"
            verify(findChild(card, "locationField").current)
            verify(!findChild(card, "quantityField").current)
        }

        function test_noToteWithoutBatchPicking() {
            const card = createTemporaryObject(cardComponent, root, { tote: "" })
            waitForRendering(card)
            verify(!findChild(card, "toteField").visible)
        }

        function test_fitsTheHandheld() {
            const card = createTemporaryObject(cardComponent, root, {
                productName: "Stainless steel thermos flask, 750 ml, matt black with bamboo lid"
            })
            waitForRendering(card)
            verify(card.implicitHeight < 700, "card fits under the banner on 800 px: " + card.implicitHeight)
        }
    }
}
