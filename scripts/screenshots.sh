#!/usr/bin/env bash
# Renders every screen to docs/screenshots at handheld (480x800) and pack-station (1280x800)
# sizes, under Xvfb (not offscreen: Material needs OpenGL), from a scripted demo shift: a
# dockhand-server with the demo warehouse, a simulated serial scanner (socat pty) and the app.
# Each picture is one app run: DOCKHAND_SCREEN opens the screen, then the barcodes of the story
# so far are written to the scanner, then the app saves the window and quits.
#   DOCKHAND_BIN   folder with dockhand and dockhand-server (default build/ci/bin; built if missing)
#   SHOTS          output folder (default docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=$(realpath -m "${DOCKHAND_BIN:-$root/build/ci/bin}")
out=$(realpath -m "${SHOTS:-$root/docs/screenshots}")
if [ ! -x "$bin/dockhand" ] || [ ! -x "$bin/dockhand-server" ]; then
    scripts/install-deps.sh run
    scripts/build.sh ci
fi
mkdir -p "$out"
tmp=$(mktemp -d /tmp/dockhand-shots.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

# A fresh demo server per screen size, so each size tells the same story from the start.
port=0
start_server() { # start_server NAME
    port=$(( 20000 + RANDOM % 20000 ))
    "$bin/dockhand-server" --demo --port "$port" --data-dir "$tmp/server-$1" > "$tmp/server-$1.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do grep -q "listening on" "$tmp/server-$1.log" && break; sleep 0.1; done
    grep -q "listening on" "$tmp/server-$1.log" || { cat "$tmp/server-$1.log" >&2; exit 1; }
}

socat pty,raw,echo=0,link="$tmp/scanner-app" pty,raw,echo=0,link="$tmp/scanner-in" 2>"$tmp/socat.log" &
pids+=($!)
# The pack station's serial scale, on a second pty.
socat pty,raw,echo=0,link="$tmp/scale-app" pty,raw,echo=0,link="$tmp/scale-in" 2>"$tmp/socat-scale.log" &
pids+=($!)
for _ in $(seq 50); do [ -e "$tmp/scanner-in" ] && [ -e "$tmp/scale-in" ] && break; sleep 0.1; done

# Preferences of the runs (English, day theme, sounds off) live in their own QSettings folder.
conf="$tmp/config/Dockhand/dockhand.conf"
prefs() { # prefs LANGUAGE HIGHCONTRAST
    mkdir -p "$(dirname "$conf")"
    printf '[ui]\nlanguage=%s\nhighContrast=%s\nsoundsEnabled=false\n' "$1" "$2" > "$conf"
}
prefs en false

# The device's data folder (queue and downloaded cache) per screen size, kept across runs like a
# real device's.
cache_has() { # cache_has SIZE TYPE: the app's cache holds entities of TYPE
    python3 - "$tmp/app-$1/queue.sqlite" "$2" <<'PY'
import sqlite3, sys
try:
    n = sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM cache_entities WHERE type=?", (sys.argv[2],)).fetchone()[0]
except Exception:
    n = 0
sys.exit(0 if n > 0 else 1)
PY
}

# shot NAME SIZE SCREEN DELAY_MS [BARCODE...]: one app run, one picture. A barcode "scale:LINE"
# is written to the scale instead (e.g. scale:ST,GS,+  1.234kg).
shot() {
    local name=$1 size=$2 screen=$3 delay=$4
    shift 4
    XDG_CONFIG_HOME="$tmp/config" LANG=en_US.UTF-8 DOCKHAND_SCREEN="$screen" \
        xvfb-run -a -s "-screen 0 1280x1024x24" "$bin/dockhand" --server "http://127.0.0.1:$port" \
        --serial "$tmp/scanner-app" --scale "$tmp/scale-app" --data-dir "$tmp/app-$size" --size "$size" \
        --screenshot "$out/$name-$size.png" --screenshot-delay "$delay" > "$tmp/app.log" 2>&1 &
    local app=$!
    # Wait for the scanner port to open and the cache to be downloaded, then scan.
    for _ in $(seq 100); do cache_has "$size" operator && cache_has "$size" task && break; sleep 0.1; done
    sleep 1.5
    for code in "$@"; do
        if [[ $code == scale:* ]]; then
            printf '%s\r\n' "${code#scale:}" > "$tmp/scale-in"
        else
            printf '%b\r\n' "$code" > "$tmp/scanner-in"
        fi
        sleep 0.35
    done
    wait "$app" || { echo "screenshots: $name-$size failed:" >&2; cat "$tmp/app.log" >&2; return 1; }
    # A QML error or warning means the picture may show a broken screen: stop and show it.
    if grep -q "qrc:/Dockhand/" "$tmp/app.log"; then
        echo "screenshots: $name-$size: the screens reported problems:" >&2
        grep "qrc:/Dockhand/" "$tmp/app.log" >&2
        return 1
    fi
    echo "screenshots: $out/$name-$size.png"
}

# The pick story of WAVE-0001 from the device's cache: totes for its orders, then per line
# location (once per place), the units, and the line's tote.
wave_scans() { # wave_scans SIZE PART: PART = totes | first | all | wrong (another product)
    python3 - "$tmp/app-$1/queue.sqlite" "$2" <<'PY'
import json, sqlite3, sys
db, part = sys.argv[1], sys.argv[2]
task = json.loads(sqlite3.connect(db).execute(
    "SELECT data FROM cache_entities WHERE type='task' AND key='WAVE-0001'").fetchone()[0])
orders = task["orders"]
lines = sorted(task["lines"], key=lambda l: l.get("walkSequence", 0))
if part == "wrong":
    for (key,) in sqlite3.connect(db).execute("SELECT key FROM cache_entities WHERE type='product'"):
        if key != lines[0]["gtin"]:
            print(key); sys.exit()
totes = {o: "TOTE-%04d" % (i + 1) for i, o in enumerate(orders)}
scans = [totes[o] for o in orders] if len(orders) > 1 else []
if part == "totes":
    print("\n".join(scans)); sys.exit()
products = {k: json.loads(d) for k, d in sqlite3.connect(db).execute(
    "SELECT key, data FROM cache_entities WHERE type='product'")}
serial = 0
def unit(gtin):
    # A GS1-128 scan (AIM ]C1) carrying what the product needs: expiry, lot, serial.
    global serial
    p = products.get(gtin, {})
    if not (p.get("lotTracked") or p.get("expiryTracked") or p.get("serialTracked")):
        return gtin
    code = "]C101" + gtin
    if p.get("expiryTracked"):
        code += "17301231"
    if p.get("serialTracked"):
        serial += 1
        code += "21SN%05d" % serial + ("\x1d" if p.get("lotTracked") else "")
    if p.get("lotTracked"):
        code += "10LOT42"
    return code
last = None
for l in lines:
    if l["location"] != last:
        scans.append(l["location"]); last = l["location"]
    if part == "first":
        break
    scans += [unit(l["gtin"]) for _ in range(l["quantity"])]
    if len(orders) > 1:
        scans.append(totes[l["order"]])
print("\n".join(scans))
PY
}

for size in 480x800 1280x800; do
    start_server "$size"
    shot login "$size" login 2500
    shot menu "$size" menu 2500 OP-1001
    shot pick-tasks "$size" pick 2500 OP-1001
    shot pick-totes "$size" pick:WAVE-0001 2500 OP-1001
    mapfile -t first < <(wave_scans "$size" first)
    shot pick-line "$size" pick:WAVE-0001 4000 OP-1001 "${first[@]}"
    shot pick-refused "$size" pick:WAVE-0001 5000 OP-1001 "${first[@]}" "$(wave_scans "$size" wrong)"
    prefs en true
    shot pick-line-contrast "$size" pick:WAVE-0001 4000 OP-1001 "${first[@]}"
    prefs de false
    shot pick-line-de "$size" pick:WAVE-0001 4000 OP-1001 "${first[@]}"
    prefs en false
    mapfile -t all < <(wave_scans "$size" all)
    shot summary "$size" pick:WAVE-0001 $(( 3000 + 400 * ${#all[@]} )) OP-1001 "${all[@]}"
    shot pack-start "$size" pack 2500 OP-2001
    shot pack-items "$size" pack 5000 OP-2001 TOTE-0001 04012345001914 04012345001006
    shot pack-refused "$size" pack 5000 OP-2001 TOTE-0001 04012345001143
    order1=(TOTE-0001 04012345001914 04012345001914 04012345001914 04012345001006
        ']C101040123450020581730123110LOT42')
    shot pack-carton "$size" pack 6000 OP-2001 "${order1[@]}"
    # The carton chosen by scanning its label, the scale's stable reading; then the same label
    # again closes the carton and the order is packed.
    shot pack-weigh "$size" pack 7000 OP-2001 "${order1[@]}" BOX-M 'scale:ST,GS,+  1.734kg'
    shot pack-closed "$size" pack 7500 OP-2001 "${order1[@]}" BOX-M 'scale:ST,GS,+  1.734kg' BOX-M
    # The supervisor's review of this device's exceptions (the refusals of the shots above).
    shot review "$size" review 3500 OP-3001
    shot sync "$size" sync 2500
    # The README's picture of the first screen the project had: the sync status.
    cp "$out/sync-$size.png" "$out/home-$size.png"
    shot settings "$size" settings 2500
done
ls -l "$out"
