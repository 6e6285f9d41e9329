#!/usr/bin/env bash
# Slowloris: do 2,000 slow connections (headers never finished, a line every 10 s) starve normal requests? Runs a published Host
# on the embedded SQLite with the demo data (the anonymous search budget lifted: the showcase is read from one address), measures
# /health/live and a cached showcase page with wrk (32 connections, 10 s)
# alone, then again with the slow connections open, and reports the ratios (these machines are shared and noisy: compare within
# one run). Also reports how many slow connections the Host closed (Kestrel's RequestHeadersTimeout, 30 s by default).
#   bench/faults/slowloris.sh [slow connections]        (2000)
# Needs: the .NET SDK, python3, wrk, curl.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/bench/.out"
slow="${1:-2000}"
port="${BENCH_PORT:-5183}"
base="http://127.0.0.1:$port"
for tool in dotnet python3 wrk curl; do command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }; done
mkdir -p "$out"
ulimit -n 65536 2>/dev/null || true

source "$here/../common.sh"
key_ring=$(bench_key_ring "$out")
bench_publish "$repo" "$out"

rm -rf "$out/slowloris-data" && mkdir -p "$out/slowloris-data"
(cd "$out/host" && exec env ASPNETCORE_ENVIRONMENT=Benchmark Database__Provider=Sqlite \
  Database__ConnectionString="Data Source=$out/slowloris-data/nucleus.db" Storage__Root="$out/slowloris-data/files" \
  RateLimits__Search__PermitsPerMinute=1000000000 \
  Demo__Seed=true Urls="$base" Logging__LogLevel__Default=Warning DataProtection__Certificate__Path="$key_ring" \
  dotnet NucleusCloud.Host.dll >"$out/host-slowloris.log" 2>&1) &
host_pid=$!
slow_pid=""
trap 'kill $slow_pid $host_pid 2>/dev/null || true; wait $host_pid 2>/dev/null || true' EXIT
bench_wait_ready "$base" "$out/host-slowloris.log"

paths=(/health/live /ee/showcase)
measure() { # $1: label
  for path in "${paths[@]}"; do
    curl -fs "$base$path" >/dev/null && curl -fs "$base$path" >/dev/null # the showcase is cached from its second request
    wrk -t2 -c32 -d10s --latency "$base$path" | awk -v label="$1" -v path="$path" '
      /Requests\/sec/ { rps = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { errors = $5 } /Socket errors/ { socket = $0 }
      END { printf "%s %s %s %s %s\n", label, path, rps, p99, (errors == "" ? 0 : errors) }'
  done
}

echo "== warm-up"; measure warm-up >/dev/null
echo "== alone"; measure alone | tee "$out/slowloris-results.txt"
echo "== $slow slow connections opening"
python3 "$here/slow-clients.py" 127.0.0.1 "$port" "$slow" 10 >"$out/slowloris-clients.log" &
slow_pid=$!
sleep 15
tail -1 "$out/slowloris-clients.log"
echo "== beside $slow slow connections"; measure slowed | tee -a "$out/slowloris-results.txt"
sleep 20 # past Kestrel's 30 s for headers
echo "== the slow connections after 45 s"; tail -1 "$out/slowloris-clients.log"
rss=$(awk '/VmRSS/ { print $2 }' "/proc/$host_pid/status")
echo "Host RSS: $((rss / 1024)) MB"

python3 - "$out/slowloris-results.txt" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
alone = {r[1]: r for r in rows if r[0] == "alone"}
print("\n| path | alone req/s | beside the slow connections req/s | ratio | p99 alone | p99 beside | non-2xx beside |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    if r[0] != "slowed": continue
    a = alone[r[1]]
    print(f"| {r[1]} | {float(a[2]):.0f} | {float(r[2]):.0f} | {float(r[2]) / float(a[2]):.2f} | {a[3]} | {r[3]} | {r[4]} |")
PY
