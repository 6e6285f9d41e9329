#!/usr/bin/env bash
# Exchange benchmark: 100, 1,000 and 5,000 SignalR connections joined to the demo space "Digital Government Exchange 2026" on
# a Host running on PostgreSQL (its LISTEN/NOTIFY backplane in use), while a poster posts through the REST API at a fixed rate. Reports the
# delivery latency from a post's acceptance to its receipt (p50/p95/p99), the losses, and each storm's join time (from its first
# connection attempt) with the CPU-seconds the Host and the clients spent in it.
#   bench/exchange/run.sh [connections...]           (100 1000 5000 when none is given)
# Needs: the .NET SDK, Node with tests/js installed (npm ci), python3, psql and a PostgreSQL server (BENCH_PG_*).
# Tunables: BENCH_RATE posts per second (5), BENCH_SECONDS (20), BENCH_TYPISTS: how many of the connections signal typing
# meanwhile, one run per value ("0"; e.g. BENCH_TYPISTS="0 100 500 1000" bash bench/exchange/run.sh 1000);
# BENCH_WARMUP connections joined and dropped once before the measured runs, as the other benchmarks warm up (2000; 0 for a
# cold Host); BENCH_CLIENT: "raw" (the default: a bare-WebSocket client of the same JSON hub protocol, raw-hub-client.mjs) or
# "official" (the @microsoft/signalr client the tests use), both in Node; the driver's BENCH_WORKERS (Node processes, 4) and BENCH_IN_FLIGHT (connections opening at once per process, 50).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/bench/.out"
rate="${BENCH_RATE:-5}"
seconds="${BENCH_SECONDS:-20}"
port="${BENCH_PORT:-5181}"
base="http://127.0.0.1:$port"
export PGHOST="${BENCH_PG_HOST:-127.0.0.1}" PGUSER="${BENCH_PG_USER:-postgres}" PGPASSWORD="${BENCH_PG_PASSWORD:-postgres}"
password="Bench-only-$(date +%s)-password!"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100 1000 5000)
read -r -a typist_counts <<<"${BENCH_TYPISTS:-0}"
warmup="${BENCH_WARMUP:-2000}"

for tool in dotnet node python3 psql curl; do command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }; done
[ -d "$repo/tests/js/node_modules/@microsoft/signalr" ] || (cd "$repo/tests/js" && npm ci --no-audit --no-fund)
mkdir -p "$out"
ulimit -n 65536 2>/dev/null || true

source "$here/../common.sh"
key_ring=$(bench_key_ring "$out")
bench_publish "$repo" "$out"

connection="Host=$PGHOST;Username=$PGUSER;Password=$PGPASSWORD;Database=nucleus_bench_exchange;Maximum Pool Size=64"
psql -q -d postgres -c 'DROP DATABASE IF EXISTS nucleus_bench_exchange WITH (FORCE)' -c 'CREATE DATABASE nucleus_bench_exchange'
(cd "$out/host" && exec env ASPNETCORE_ENVIRONMENT=Benchmark Database__Provider=Postgres Database__ConnectionString="$connection" \
  Demo__Seed=true Demo__Password="$password" Urls="$base" Logging__LogLevel__Default=Warning DataProtection__Certificate__Path="$key_ring" \
  dotnet NucleusCloud.Host.dll >"$out/host-exchange.log" 2>&1) &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true; wait $host_pid 2>/dev/null || true' EXIT
bench_wait_ready "$base" "$out/host-exchange.log"

token=$(curl -fs "$base/api/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"owner@undesa.demo\",\"password\":\"$password\"}" | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
read -r space channel < <(python3 - "$base" "$token" <<'PY'
import sys, json, urllib.request
base, token = sys.argv[1:3]
def get(path):
    return json.load(urllib.request.urlopen(urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})))
space = next(s for s in get("/api/undesa/exchange/spaces?pageSize=100")["items"] if s["name"] == "Digital Government Exchange 2026")
details = get(f"/api/undesa/exchange/spaces/{space['id']}")
print(details["id"], next(c["id"] for c in details["channels"] if c["name"] == "general"))
PY
)

if [ "$warmup" -gt 0 ]; then
  echo "== warm-up: $warmup connections (not reported)"
  node "$here/clients.mjs" "$base" undesa "$token" "$space" "$channel" "$warmup" 1 1 >/dev/null
fi

: >"$out/exchange-results.txt"
for size in "${sizes[@]}"; do
  for typists in "${typist_counts[@]}"; do
    echo "== $size connections, $rate posts/s for ${seconds}s, $typists typing"
    BENCH_TYPISTS="$typists" BENCH_HOST_PID="$host_pid" node "$here/clients.mjs" "$base" undesa "$token" "$space" "$channel" "$size" "$rate" "$seconds" | tee -a "$out/exchange-results.txt"
  done
done

python3 - "$out/exchange-results.txt" <<'PY'
import sys, json
print("\n| client | connections | typing signals/s | typing deliveries/s (share delivered) | posts | deliveries expected | delivered | losses | p50 ms | p95 ms | p99 ms | max ms | join time s | Host CPU-s in the storm | clients' CPU-s in the storm |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for line in open(sys.argv[1]):
    r = json.loads(line)
    typing = f"{r['typingDeliveriesPerSecond']} ({r['typingDeliveredShare']})" if r.get('typingSent') else "—"
    print(f"| {r.get('client', 'official')} | {r['connections']} | {r.get('typingSignalsPerSecond', 0)} | {typing} | {r['posted']} | {r['expected']} | {r['delivered']} | {r['losses']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['max_ms']} | {r['joinSeconds']} | {r.get('hostJoinCpuSeconds')} | {r.get('clientsJoinCpuSeconds')} |")
PY
