#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds (warnings are errors), runs each fuzz
# target and the crash soak for a bounded time, the unit tests under ASan + UBSan, and then every
# ctest test (unit, qml, e2e, lint) — ctest's summary of that full run is the last thing printed.
# Exits non-zero on any failure. Benchmarks are not tests: run scripts/bench.sh for figures.
#   DOCKHAND_FUZZ_SECONDS  seconds per fuzz target (default 30; 0 skips fuzzing)
#   DOCKHAND_ASAN          1 (default) runs the unit tests under ASan + UBSan; 0 skips
#   DOCKHAND_SOAK_SECONDS  time for the crash soak (label soak: SIGKILL the scanning driver again
#                          and again; default 180; 0 skips)
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test || exit 1
# Configure again every time: what the run command configured before the test tools were
# installed must not decide which tests exist.
cmake --preset ci >/dev/null || { echo "dockhand: configure failed" >&2; exit 1; }
scripts/build.sh ci || { echo "dockhand: build failed" >&2; exit 1; }

status=0
fuzz_seconds=${DOCKHAND_FUZZ_SECONDS:-30}
if [ "$fuzz_seconds" -gt 0 ]; then
    echo "== fuzz: ${fuzz_seconds}s per target =="
    if cmake --preset fuzz -DDOCKHAND_FUZZ_SECONDS="$fuzz_seconds" >/dev/null \
        && cmake --build build/fuzz -j "$(nproc)" --target fuzzers >/dev/null; then
        ctest --test-dir build/fuzz -L fuzz --output-on-failure || status=1
    else
        echo "dockhand: fuzz build failed" >&2
        status=1
    fi
fi

if [ "${DOCKHAND_ASAN:-1}" = 1 ]; then
    echo "== unit tests under ASan + UBSan =="
    if scripts/build.sh asan >/dev/null; then
        ASAN_OPTIONS=detect_leaks=0 ctest --preset asan -j 2 -L unit --output-on-failure || status=1
    else
        echo "dockhand: asan build failed" >&2
        status=1
    fi
fi

soak_seconds=${DOCKHAND_SOAK_SECONDS:-180}
if [ "$soak_seconds" -gt 0 ]; then
    echo "== soak: crash proof for ${soak_seconds}s =="
    DOCKHAND_CRASH_SECONDS="$soak_seconds" ctest --preset ci -C soak -L soak --output-on-failure || status=1
fi

echo "== ctest: unit, qml, e2e, lint =="
ctest --preset ci -j 2 --output-on-failure -LE 'bench|fuzz|soak' || status=1
exit $status
