#!/usr/bin/env bash
# Runs Dockhand: installs what is missing, builds, starts dockhand-server with the demo
# warehouse, a simulated serial scanner (a socat pty pair) and the dockhand app connected to both.
#
# With a display: the app opens in a window and this terminal becomes the scanner — type a
# barcode and press Enter (write a GS1 separator as <GS>). Ctrl-C stops everything.
# Without a display: runs the app under Xvfb, replays a short demo, writes screenshots, prints
# their paths and what reached the server, and exits.
#
#   DOCKHAND_PORT      server port (default 8765)
#   DOCKHAND_DATA      data folder (default ./data)
#   DOCKHAND_HEADLESS  set to 1 to force the headless demo even with a display
#   DOCKHAND_SHOTS     where the headless demo writes its screenshots (default ./demo-out)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-deps.sh run || exit 1
scripts/build.sh ci || { echo "dockhand: build failed" >&2; exit 1; }

bin="$root/build/ci/bin"
port=${DOCKHAND_PORT:-8765}
data=$(realpath -m "${DOCKHAND_DATA:-$root/data}")
run_dir=$(mktemp -d /tmp/dockhand-run.XXXXXX)
scanner_app="$run_dir/scanner-app"   # the app's end of the simulated scanner cable
scanner_in="$run_dir/scanner-in"     # where barcodes are written
mkdir -p "$data/server" "$data/app"

pids=()
cleanup() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    rm -rf "$run_dir"
}
trap 'echo; echo "dockhand: stopping"; cleanup; exit 130' INT TERM
trap cleanup EXIT

"$bin/dockhand-server" --demo --port "$port" --data-dir "$data/server" > "$run_dir/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
    grep -q "listening on" "$run_dir/server.log" 2>/dev/null && break
    kill -0 "${pids[0]}" 2>/dev/null || break
    sleep 0.1
done
if ! grep -q "listening on" "$run_dir/server.log"; then
    echo "dockhand: the server did not start:" >&2
    cat "$run_dir/server.log" >&2
    exit 1
fi
server_url="http://127.0.0.1:$port"
echo "dockhand: server $server_url (database in $data/server)"

socat pty,raw,echo=0,link="$scanner_app" pty,raw,echo=0,link="$scanner_in" 2>"$run_dir/socat.log" &
pids+=($!)
for _ in $(seq 50); do [ -e "$scanner_app" ] && [ -e "$scanner_in" ] && break; sleep 0.1; done
[ -e "$scanner_in" ] || { echo "dockhand: socat did not create the scanner pty" >&2; exit 1; }
echo "dockhand: simulated scanner on $scanner_app (write barcodes to $scanner_in)"

app_args=(--server "$server_url" --serial "$scanner_app" --data-dir "$data/app"
          --device-id demo-handheld --device-name "Demo handheld" --operator "Alex Weber")

scan() { DOCKHAND_SCANNER_PORT="$scanner_in" "$bin/dockhand-cli" scan "$@"; }

if [ -n "${DISPLAY:-}" ] && [ "${DOCKHAND_HEADLESS:-0}" != 1 ]; then
    "$bin/dockhand" "${app_args[@]}" &
    pids+=($!)
    echo "dockhand: app started. Type a barcode and press Enter to scan it (<GS> = group separator)."
    echo "          Log in by scanning a badge: OP-1001 (picker), OP-2001 (packer), OP-3001 (supervisor);"
    echo "          then pick from the menu. Other scans: 04012345001006  ]C10104012345001006<GS>10LOT-7  A-01-02"
    echo "          Ctrl-C stops the app, the server and the scanner."
    while IFS= read -r -p "scan> " line; do
        [ -n "$line" ] && scan "$line"
    done
    exit 0
fi

# Headless: replay a short demo under Xvfb and take screenshots at both screen sizes.
shots=$(realpath -m "${DOCKHAND_SHOTS:-$root/demo-out}")
mkdir -p "$shots"
demo_scans=(
    "OP-1001"                              # the picker's badge: logs Alex Weber in
    "04012345001006"                       # a GTIN-14 from the demo catalogue
    ']C10104012345001280\x1d10LOT-2611\x1d17270531'  # GS1-128: GTIN + lot + expiry
    "A-01-02"                              # a location label
    "TOTE-0001"                            # a tote
    "4012345001008"                        # an EAN-13 with a wrong check digit: refused
)
for size in 480x800 1280x800; do
    DOCKHAND_SCREEN=sync xvfb-run -a -s "-screen 0 1280x800x24" "$bin/dockhand" "${app_args[@]}" --size "$size" \
        --screenshot "$shots/home-$size.png" --screenshot-delay 5000 > "$run_dir/app-$size.log" 2>&1 &
    app_pid=$!
    pids+=($app_pid)
    for _ in $(seq 100); do grep -q "Scanner connected" "$run_dir/app-$size.log" 2>/dev/null && break; sleep 0.1; done
    sleep 1
    if [ "$size" = 480x800 ]; then batch=("${demo_scans[@]:0:4}"); else batch=("OP-1001" "${demo_scans[@]:4}"); fi
    for s in "${batch[@]}"; do echo "dockhand: scan $s"; scan "$s"; sleep 0.3; done
    wait "$app_pid"
    grep -E "screenshot (written|failed)" "$run_dir/app-$size.log" || cat "$run_dir/app-$size.log"
done
echo
echo "dockhand: screenshots:"
ls -1 "$shots"/home-*.png
echo
echo "dockhand: what reached the server:"
"$bin/dockhand-cli" events --server "$server_url" --device demo-handheld --badge OP-3001 --pin 3001
