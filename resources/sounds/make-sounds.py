#!/usr/bin/env python3
"""Generates the two feedback sounds (16-bit mono 22.05 kHz WAV). Run once; the WAVs are
committed. accept: a short bright rising two-tone chirp. refuse: three low, harsh buzzes."""
import math, struct, wave

RATE = 22050

def tone(freq, ms, square=False, amp=0.6):
    n = int(RATE * ms / 1000)
    out = []
    for i in range(n):
        s = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            s = 1.0 if s >= 0 else -1.0
            s *= 0.5
        env = min(1.0, i / 200, (n - i) / 200)  # 9 ms fades, no clicks
        out.append(amp * s * env)
    return out

def silence(ms):
    return [0.0] * int(RATE * ms / 1000)

def write(name, samples):
    with wave.open(name, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))

write("accept.wav", tone(1046, 70) + tone(1568, 110))
write("refuse.wav", tone(196, 160, square=True) + silence(60) + tone(196, 160, square=True)
      + silence(60) + tone(165, 300, square=True))
