#!/usr/bin/env bash
# Runs the whole suite:
#   1. the contract: `buf lint` (STANDARD rules) and `buf breaking` against the contract of the previous commit;
#   2. `dotnet test` (the integration tests start their own redis-server processes on free ports);
#   3. the Python client example (examples/python) against a running api.
# What they need is installed when missing: redis-server, openssl, node and npm (for buf, from the npm registry), and
# python3-grpcio, python3-protobuf and protobuf-compiler, with apt. Extra arguments go to dotnet test,
# e.g. ./test.sh --filter "FullyQualifiedName~Reminder"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

BUF_VERSION=1.75.0

# Installs Debian packages, as root or through sudo; the first argument is what needs them, for the messages.
apt_install() {
    local why=$1
    shift
    echo "test.sh: $why needs $*; installing with apt-get." >&2
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: cannot install $*: no apt-get here. Install them and re-run." >&2
        exit 1
    fi
    local as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "test.sh: cannot install $*: not root and no sudo. Install them and re-run." >&2
            exit 1
        fi
        as_root=(sudo)
    fi
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
    hash -r
}

if ! command -v redis-server >/dev/null 2>&1; then
    apt_install "the integration tests" redis-server
    # The package may start its own daemon on 6379 (only where an init system runs it). The tests never use it,
    # and it was not running before this install, so stop it; failing to is harmless.
    if [ "$(id -u)" -eq 0 ]; then service redis-server stop >/dev/null 2>&1 || true; else sudo service redis-server stop >/dev/null 2>&1 || true; fi
    command -v redis-server >/dev/null 2>&1 || { echo "test.sh: redis-server is still not on PATH (PATH=$PATH)." >&2; exit 1; }
fi

# The README's mTLS block makes its certificates with openssl (tests/Conversations.EndToEnd.Tests/ReadmeMutualTlsTests.cs).
if ! command -v openssl >/dev/null 2>&1; then
    apt_install "the README's mTLS example" openssl
fi

# --- 1. The contract ---
buf=.tools/buf/node_modules/.bin/buf
if [ ! -x "$buf" ] || [ "$("$buf" --version)" != "$BUF_VERSION" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        apt_install "buf (from the npm registry)" nodejs npm
    fi
    echo "test.sh: installing @bufbuild/buf@$BUF_VERSION from the npm registry into .tools/buf." >&2
    npm install --silent --no-audit --no-fund --prefix .tools/buf "@bufbuild/buf@$BUF_VERSION" >&2
fi

echo "test.sh: buf lint (STANDARD rules, buf.yaml)" >&2
"$buf" lint

# The contract only grows: compared with the previous commit's, nothing may be removed, renamed or renumbered
# (a deliberate break is a new package, conversations.v2, beside v1).
contract=api/Protos/conversations/v1/conversations.proto
if git rev-parse --verify --quiet HEAD~1 >/dev/null && git cat-file -e "HEAD~1:$contract" 2>/dev/null; then
    echo "test.sh: buf breaking against HEAD~1 ($(git rev-parse --short HEAD~1))" >&2
    "$buf" breaking --against ".git#ref=HEAD~1,subdir=api/Protos"
elif git rev-parse --verify --quiet HEAD~1 >/dev/null; then
    echo "test.sh: buf breaking: HEAD~1 has no $contract, so there is no earlier contract to compare with." >&2
else
    echo "test.sh: buf breaking NOT RUN: this clone has no HEAD~1 (shallow?); fetch one more commit to check it." >&2
fi

# --- 2. The .NET suite ---
dotnet test Conversations.sln "$@"

# --- 3. A client outside .NET, against a running api ---
examples/python/run.sh
