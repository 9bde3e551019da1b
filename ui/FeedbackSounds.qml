import QtQuick
import QtMultimedia

// The two sounds of the floor: a short bright chirp for an accepted scan and three low buzzes
// for a refusal (also for "not saved"), distinct enough to tell apart without looking. Played
// from the device's one Feedback (`feedback`: anything with `result` and a `changed` signal), so
// every feedback any workflow gives, from a scan or a button, sounds.
Item {
    id: sounds
    property bool enabled: true
    property real volume: 0.8
    property var feedback: null
    // The last sound asked for ("accept" or "refuse") and how many were: what a test or a
    // support probe reads, since a sound cannot be seen.
    property string lastPlayed: ""
    property int played: 0

    function play(result) {
        if (!enabled || result === "")
            return
        lastPlayed = result === "accepted" ? "accept" : "refuse"
        played += 1
        if (result === "accepted")
            accept.play()
        else
            refuse.play()
    }

    Connections {
        target: sounds.feedback
        ignoreUnknownSignals: true
        function onChanged() { sounds.play(sounds.feedback.result) }
    }

    SoundEffect {
        id: accept
        source: "qrc:/Dockhand/Ui/sounds/accept.wav"
        volume: sounds.volume
    }
    SoundEffect {
        id: refuse
        source: "qrc:/Dockhand/Ui/sounds/refuse.wav"
        volume: sounds.volume
    }
}
