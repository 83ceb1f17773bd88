#!/bin/bash
# Samples the CPU of one running api process with Linux perf for a while, then prints where it went.
# usage: loadtest/profiling/perf-profile.sh <api pid> [seconds, default 25] [output prefix, default /tmp/api-cpu]
# The api must have been started with DOTNET_PerfMapEnabled=1 (the JIT writes /tmp/perf-<pid>.map, which names
# managed frames) and DOTNET_EnableWriteXorExecute=0 (otherwise JIT code runs from a double-mapped file that perf
# cannot match with the map). Needs perf (Debian: linux-perf) and root, or kernel.perf_event_paranoid <= 1.
set -euo pipefail
PID=$1; SECONDS_TO_SAMPLE=${2:-25}; OUT=${3:-/tmp/api-cpu}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -f "/tmp/perf-$PID.map" ] || { echo "no /tmp/perf-$PID.map: start the api with DOTNET_PerfMapEnabled=1" >&2; exit 2; }
perf record -F 999 -g -p "$PID" -o "$OUT.perf" -- sleep "$SECONDS_TO_SAMPLE" >/dev/null 2>&1
perf script -i "$OUT.perf" -F comm,tid,ip,sym,dso 2>/dev/null > "$OUT.stacks"
echo "== where the api's CPU went (first matching category per sample)"
python3 "$HERE/perf-stacks.py" "$OUT.stacks" categories "$HERE/categories.txt"
echo "== by the assembly of the innermost managed frame"
python3 "$HERE/perf-stacks.py" "$OUT.stacks" assemblies 25
echo "== by the innermost frame of our own code"
python3 "$HERE/perf-stacks.py" "$OUT.stacks" ours 30
