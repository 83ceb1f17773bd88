#!/usr/bin/env bash
# Runs the Python example (conversations_example.py) against the api, with Debian's python3-grpcio, python3-protobuf
# and protobuf-compiler (installed with apt-get when missing).
#
#   examples/python/run.sh                       starts the built api (Debug; run `dotnet build Conversations.sln`
#                                                first) on free loopback ports, runs the example, stops the api
#   examples/python/run.sh --address HOST:PORT   runs the example against an api already listening there (add
#                                                CONVERSATIONS_SIMULATOR=URL when that api sends to its Meta simulator)
#
# The api it starts is in-memory and talks to its own local Meta simulator: nothing leaves the machine.
# Exits with the example's code (0 success, 1 not as documented, 3 api unreachable), or 1 when the api did not start.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python=/usr/bin/python3   # Debian's python: the apt packages are installed for it, not for a pyenv or venv python
startup_timeout_seconds=90

address=""
case "${1:-}" in
    --address) address="${2:?run.sh: --address needs HOST:PORT}" ;;
    "") ;;
    *) echo "usage: $0 [--address HOST:PORT]" >&2; exit 2 ;;
esac

have_packages() {
    [ -x "$python" ] && "$python" -c 'import grpc, google.protobuf' >/dev/null 2>&1 && command -v protoc >/dev/null 2>&1
}

if ! have_packages; then
    echo "run.sh: installing python3-grpcio, python3-protobuf and protobuf-compiler with apt-get." >&2
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "run.sh: no apt-get here. Install python3-grpcio, python3-protobuf and protobuf-compiler and re-run." >&2
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "run.sh: not root and no sudo. Install python3-grpcio, python3-protobuf and protobuf-compiler and re-run." >&2
        exit 1
    fi
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        python3-grpcio python3-protobuf protobuf-compiler
    hash -r
    if ! have_packages; then
        echo "run.sh: $python still cannot import grpc and google.protobuf, or protoc is not on PATH." >&2
        exit 1
    fi
fi

# Loopback calls (gRPC, /healthz, the simulator) must not go through a proxy the environment may name.
export no_proxy="127.0.0.1,localhost${no_proxy:+,$no_proxy}" NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"

if [ -n "$address" ]; then
    exec "$python" -B "$here/conversations_example.py" --address "$address"
fi

shopt -s nullglob
dlls=("$repo"/api/bin/Debug/*/Conversations.Api.dll)
shopt -u nullglob
if [ "${#dlls[@]}" -eq 0 ]; then
    echo "run.sh: the api is not built (no api/bin/Debug/*/Conversations.Api.dll); run 'dotnet build Conversations.sln' first." >&2
    exit 1
fi
dll="${dlls[-1]}"

# Five free loopback ports, held together while they are picked so they differ: gRPC, HTTP (webhooks and /healthz),
# the Meta simulator, and the embedded silo's silo-to-silo and gateway ports.
read -r grpc_port http_port simulator_port silo_port gateway_port < <("$python" -c '
import socket
sockets = [socket.socket() for _ in range(5)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))
for s in sockets:
    s.close()
')

log="$(mktemp -t conversations-api.XXXXXX.log)"
api_pid=""
cleanup() {
    local status=$?
    if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
        kill "$api_pid" 2>/dev/null || true
        wait "$api_pid" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ]; then
        echo "run.sh: failed ($status); the api's log ($log):" >&2
        sed 's/^/  api| /' "$log" >&2 || true
    fi
    rm -f "$log"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Only the settings below: whatever Conversations__*, ConnectionStrings__* or Kestrel__* the caller's environment has
# (a Redis, a real Meta access token, other ports) must not change where this api listens or sends.
clean_env=()
while IFS= read -r name; do
    case "$name" in
        Conversations__*|ConnectionStrings__*|Kestrel__*|ASPNETCORE_URLS|ASPNETCORE_HTTP_PORTS|ASPNETCORE_HTTPS_PORTS)
            clean_env+=(-u "$name") ;;
    esac
done < <(compgen -e)

echo "run.sh: starting the api ($dll): gRPC 127.0.0.1:$grpc_port, HTTP 127.0.0.1:$http_port"
# The dll's folder is its content root, where appsettings.json is. exec keeps $api_pid the api's own pid.
(
    cd "$(dirname "$dll")"
    exec env "${clean_env[@]}" \
        Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc_port" \
        Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" \
        Conversations__Hosting__SiloPort="$silo_port" \
        Conversations__Hosting__GatewayPort="$gateway_port" \
        Conversations__Meta__Simulator__Url="http://127.0.0.1:$simulator_port" \
        Conversations__Meta__Simulator__WebhookUrl="http://127.0.0.1:$http_port/webhooks/whatsapp" \
        dotnet "$(basename "$dll")"
) >"$log" 2>&1 &
api_pid=$!

healthy() {
    "$python" -c '
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception:
    sys.exit(1)
' "http://127.0.0.1:$http_port/healthz"
}

deadline=$((SECONDS + startup_timeout_seconds))
until healthy; do
    if ! kill -0 "$api_pid" 2>/dev/null; then
        echo "run.sh: the api exited before it was healthy." >&2
        exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo "run.sh: the api was not healthy at http://127.0.0.1:$http_port/healthz within ${startup_timeout_seconds} s." >&2
        exit 1
    fi
    sleep 0.5
done
echo "run.sh: the api is healthy; running the example."

"$python" -B "$here/conversations_example.py" --address "127.0.0.1:$grpc_port" --simulator "http://127.0.0.1:$simulator_port"
