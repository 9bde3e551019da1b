import QtQuick
import QtTest
import Dockhand.Ui

// The scan banner is how an operator learns a scan's fate at arm's length: the colour and the
// title must follow the result, and "accepted" must never be shown for an unsaved scan.
TestCase {
    name: "ScanBanner"
    when: windowShown
    width: 480
    height: 300

    Component {
        id: bannerComponent
        ScanBanner { width: 480 }
    }

    function test_resultDrivesColourAndTitle_data() {
        return [
            { tag: "accepted", result: "accepted", colour: Theme.accepted, title: "ACCEPTED" },
            { tag: "refused", result: "refused", colour: Theme.refused, title: "REFUSED" },
            { tag: "not saved", result: "not-saved", colour: Theme.warning, title: "NOT SAVED — SCAN AGAIN" },
            { tag: "idle", result: "", colour: Theme.textSecondary, title: "Ready to scan" },
        ]
    }

    function test_resultDrivesColourAndTitle(data) {
        const banner = createTemporaryObject(bannerComponent, this, { result: data.result, message: "Location A-01-02" })
        verify(banner)
        compare(banner.color, data.colour)
        compare(banner.title, data.title)
    }

    function test_anUnwellDeviceNeverSaysReady() {
        // No scan yet, but the storage cannot keep scans: the banner says so, not "Ready to scan".
        const banner = createTemporaryObject(bannerComponent, this, {
            result: "",
            healthTitle: "CANNOT SAVE SCANS",
            healthMessage: "Cannot create the data folder /nope."
        })
        verify(banner)
        compare(banner.title, "CANNOT SAVE SCANS")
        compare(banner.color, Theme.warning)
        // Once a scan has a result, the result shows (the header's chip keeps the health).
        banner.result = "not-saved"
        compare(banner.title, "NOT SAVED — SCAN AGAIN")
    }

    function test_longMessagesWrapInsideTheBanner() {
        const banner = createTemporaryObject(bannerComponent, this, {
            result: "refused",
            message: "Wrong item: scanned 4006381333931, this line wants 4006381333948. Put it back and scan the right one.",
            text: "4006381333931"
        })
        waitForRendering(banner)
        verify(banner.implicitHeight > 100)
        verify(banner.implicitHeight < 300)
    }
}
