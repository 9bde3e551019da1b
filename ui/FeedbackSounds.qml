import QtQuick
import QtMultimedia

// The two sounds of the floor: a short bright chirp for an accepted scan and three low buzzes
// for a refusal (also for "not saved"), distinct enough to tell apart without looking.
Item {
    id: sounds
    property bool enabled: true
    property real volume: 0.8

    function play(result) {
        if (!enabled || result === "")
            return
        if (result === "accepted")
            accept.play()
        else
            refuse.play()
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
