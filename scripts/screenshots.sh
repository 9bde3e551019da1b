#!/usr/bin/env bash
# Renders the screens to docs/screenshots at handheld (480x800) and pack-station (1280x800)
# sizes, under Xvfb, from a fresh demo run (its own data folder and a free port).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d /tmp/dockhand-shots.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
port=$(( 20000 + RANDOM % 20000 ))
DOCKHAND_HEADLESS=1 DOCKHAND_DATA="$tmp/data" DOCKHAND_SHOTS="$tmp/shots" DOCKHAND_PORT=$port bash scripts/run.sh
mkdir -p docs/screenshots
cp "$tmp"/shots/*.png docs/screenshots/
ls -l docs/screenshots
