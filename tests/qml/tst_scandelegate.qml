import QtQuick
import QtQuick.Controls
import QtTest
import Dockhand.Ui

// A row of the latest-scans list shows what was scanned, the operator's result and the sync state.
TestCase {
    name: "ScanDelegate"
    when: windowShown
    width: 480
    height: 400

    ListModel {
        id: rows
        ListElement { sequence: 1; scanText: "04012345001006"; kind: "product"; result: "accepted"; reason: ""; syncState: "synced"; serverReason: ""; time: "08:00:01"; detail: "GTIN 04012345001006" }
        ListElement { sequence: 2; scanText: "4012345001008"; kind: "unknown"; result: "refused"; reason: "GTIN check digit should be 6, got 8"; syncState: "pending"; serverReason: ""; time: "08:00:02"; detail: "" }
        ListElement { sequence: 3; scanText: "A-01-02"; kind: "location"; result: "accepted"; reason: ""; syncState: "rejected"; serverReason: "order cancelled"; time: "08:00:03"; detail: "" }
    }

    ListView {
        id: view
        width: 480
        height: 400
        model: rows
        delegate: ScanDelegate {}
    }

    function labelsOf(item) {
        let texts = []
        function walk(node) {
            if (typeof node.text === "string" && node.text.length > 0)
                texts.push(node.text)
            for (let i = 0; i < node.children.length; ++i)
                walk(node.children[i])
            if (node.contentItem && node.contentItem !== node)
                walk(node.contentItem)
        }
        walk(item)
        return texts
    }

    function test_rowsShowResultAndSyncState() {
        waitForRendering(view)
        compare(view.count, 3)
        const synced = labelsOf(view.itemAtIndex(0))
        verify(synced.indexOf("Accepted") >= 0, synced)
        verify(synced.indexOf("Synced") >= 0, synced)
        const refused = labelsOf(view.itemAtIndex(1))
        verify(refused.indexOf("Refused") >= 0, refused)
        verify(refused.indexOf("Waiting") >= 0, refused)
        verify(refused.indexOf("GTIN check digit should be 6, got 8") >= 0, refused)
        const rejected = labelsOf(view.itemAtIndex(2))
        verify(rejected.indexOf("Server refused") >= 0, rejected)
        verify(rejected.indexOf("Server: order cancelled") >= 0, rejected)
    }

    function test_rowsAreBigEnoughForGloves() {
        waitForRendering(view)
        for (let i = 0; i < view.count; ++i)
            verify(view.itemAtIndex(i).height >= Theme.touchTarget)
    }
}
