#!/usr/bin/env bash
# Configures and builds Dockhand with a CMake preset (default: ci, where warnings are errors).
# Usage: scripts/build.sh [preset] [extra cmake --build args...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-ci}
shift || true
if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset" -j "$(nproc)" "$@"
