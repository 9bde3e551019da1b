#!/usr/bin/env bash
# Runs a lint tool found when the test runs, not when the build was configured, so a tool
# installed later is used and a missing tool fails the test loudly instead of the test vanishing.
# Usage: run-tool.sh "<name> [<other name>...]" <args...>
set -uo pipefail
names=$1
shift
for name in $names; do
    if command -v "$name" >/dev/null 2>&1; then
        exec "$name" "$@"
    fi
done
echo "dockhand lint: none of [$names] is installed, so this check cannot run." >&2
echo "dockhand lint: install what the tests need with: scripts/install-deps.sh test" >&2
exit 1
