#!/usr/bin/env bash
# Benchmarks: builds the bench targets and runs them; each prints its figures next to the
# baseline it is compared with, measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
scripts/build.sh ci --target bench
ctest --preset ci -L bench -V 2>&1 | grep -vE '^(UpdateCTestConfiguration|Test project|Constructing|Checking|Updating|Parse|Added|Internal|test [0-9]|\s*Start|[0-9]+: Test command|[0-9]+: Working|[0-9]+: Environment|[0-9]+: Test timeout)'
