#!/usr/bin/env bash
# Runs the whole test suite. The integration tests start their own redis-server processes on free ports,
# so redis-server must be on PATH; it is installed from apt when it is not. Extra arguments go to dotnet test,
# e.g. ./test.sh --filter "FullyQualifiedName~Reminder"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v redis-server >/dev/null 2>&1; then
    echo "test.sh: redis-server is not on PATH; installing it with apt-get." >&2
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: cannot install redis-server: no apt-get here. Install Redis (redis-server on PATH) and re-run." >&2
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "test.sh: cannot install redis-server: not root and no sudo. Install the redis-server package and re-run." >&2
        exit 1
    fi

    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server

    # The package may start its own daemon on 6379 (only where an init system runs it). The tests never use it,
    # and it was not running before this install, so stop it; failing to is harmless.
    "${as_root[@]}" service redis-server stop >/dev/null 2>&1 || true

    hash -r
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "test.sh: redis-server is still not on PATH after installing it (PATH=$PATH)." >&2
        exit 1
    fi
fi

dotnet test Conversations.sln "$@"
