#!/usr/bin/env bash
# Installs the Debian 12 packages Dockhand needs to build, run and test, skipping what is present.
# Usage: scripts/install-deps.sh [run|test]   (test adds what only the test suite needs)
set -euo pipefail

mode=${1:-run}
packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-declarative-dev qt6-serialport-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-multimedia-dev qt6-tools-dev qt6-declarative-dev-tools qt6-l10n-tools qt6-tools-dev-tools
    libqt6sql6-sqlite libqt6sql6-psql libqt6opengl6-dev libgl-dev
    qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-window
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick-templates qml6-module-qtquick-dialogs
    qml6-module-qtmultimedia qml6-module-qttest
    libzxing-dev libzint-dev
    socat xvfb xauth fonts-dejavu-core curl ca-certificates
)
if [ "$mode" = test ]; then
    packages+=(zint zbar-tools clang-14 libclang-rt-14-dev clang-format postgresql openssl python3)
    # The OpenAPI lint (tests/lint/openapi/validate.py): the official OpenAPI 3.0 JSON Schema
    # and the Python modules that read the YAML and check it against that schema.
    packages+=(openapi-specification python3-jsonschema python3-yaml)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "dockhand: all ${#packages[@]} packages present"
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "dockhand: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
fi
echo "dockhand: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "dockhand: packages installed"
