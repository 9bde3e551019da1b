import QtQuick
import QtTest
import Dockhand.Ui

// The floor's sounds follow the device's one Feedback: every feedback sounds, a refusal (from a
// scan or a button) and "not saved" with the refusal sound, an accepted scan with the chirp,
// even when the same text repeats. Sounds off means silence.
TestCase {
    name: "FeedbackSounds"
    when: windowShown

    // Stands in for the app's Feedback object: the same properties and signal.
    QtObject {
        id: fakeFeedback
        property string result: ""
        property int serial: 0
        signal changed()
        function give(r) { result = r; serial += 1; changed() }
    }

    Component {
        id: soundsComponent
        FeedbackSounds { feedback: fakeFeedback }
    }

    function test_everyFeedbackSoundsByItsResult() {
        const sounds = createTemporaryObject(soundsComponent, this)
        verify(sounds)
        compare(sounds.played, 0)
        fakeFeedback.give("refused")
        compare(sounds.lastPlayed, "refuse")
        compare(sounds.played, 1)
        fakeFeedback.give("refused") // the same refusal again: it sounds again
        compare(sounds.played, 2)
        fakeFeedback.give("accepted")
        compare(sounds.lastPlayed, "accept")
        fakeFeedback.give("not-saved")
        compare(sounds.lastPlayed, "refuse")
        compare(sounds.played, 4)
    }

    function test_soundsOffIsSilent() {
        const sounds = createTemporaryObject(soundsComponent, this, { enabled: false })
        fakeFeedback.give("refused")
        compare(sounds.played, 0)
    }
}
