#!/usr/bin/env bash
# Catalogue benchmark: 200 tenants x 1,000 published solutions, then wrk against a running Host,
# measuring /health/live, the showcase search page and the API search in one run.
#   bench/catalogue/run.sh [postgres] [sqlite]        (both when none is named)
# Needs: the .NET SDK, wrk, python3, sqlite3, psql and a PostgreSQL server (BENCH_PG_* below).
# Tunables: BENCH_TENANTS (200), BENCH_SOLUTIONS (1000), BENCH_CONNECTIONS (32), BENCH_SECONDS (20),
#   BENCH_READY_SECONDS (600: how long a Host may take to start; see bench/common.sh).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/bench/.out"
registry="${BENCH_REGISTRY:-$repo/../shared/data/dpg-registry}"
tenants="${BENCH_TENANTS:-200}"
solutions="${BENCH_SOLUTIONS:-1000}"
connections="${BENCH_CONNECTIONS:-32}"
seconds="${BENCH_SECONDS:-20}"
port="${BENCH_PORT:-5180}"
base="http://127.0.0.1:$port"
export PGHOST="${BENCH_PG_HOST:-127.0.0.1}" PGUSER="${BENCH_PG_USER:-postgres}" PGPASSWORD="${BENCH_PG_PASSWORD:-postgres}"
password="Bench-only-$(date +%s)-password!"
providers=("$@"); [ ${#providers[@]} -eq 0 ] && providers=(postgres sqlite)

for tool in dotnet wrk python3 sqlite3 psql; do command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }; done
[ -d "$registry" ] || { echo "DPG registry not found at $registry (set BENCH_REGISTRY)" >&2; exit 1; }

source "$here/../common.sh"
bench_publish "$repo" "$out"
bench_dpg_zip "$registry" "$out/dpg.zip"
key_ring=$(bench_key_ring "$out")


host_pid=""
stop_host() { if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; host_pid=""; fi; }
trap stop_host EXIT

start_host() { # $1 provider, $2 connection string, $3 environment
  (cd "$out/host" && exec env ASPNETCORE_ENVIRONMENT="$3" Database__Provider="$1" Database__ConnectionString="$2" \
    Demo__Seed=true Demo__Password="$password" Urls="$base" Logging__LogLevel__Default=Warning RateLimits__Search__PermitsPerMinute=100000000 \
    DataProtection__Certificate__Path="$key_ring" Mail__PickupDirectory="$out/mail" \
    dotnet NucleusCloud.Host.dll >"$out/host-$1-$3.log" 2>&1) &
  host_pid=$!
  bench_wait_ready "$base" "$out/host-$1-$3.log"
}

load() { # $1 provider, $2 connection string
  echo "== $1: migrating, seeding the demo tenants, importing the DPG registry into 'ee'"
  start_host "$1" "$2" Benchmark
  token=$(curl -fs "$base/api/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"owner@ee.demo\",\"password\":\"$password\"}" | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
  curl -fs "$base/api/ee/catalogue/imports/dpg?publish=true" -H "authorization: Bearer $token" -H 'content-type: application/zip' \
    --data-binary "@$out/dpg.zip" | python3 -c 'import sys, json; r = json.load(sys.stdin); print("   imported", r["imported"], "updated", r["updated"], "failed", r["failed"])'
  stop_host
  echo "== $1: copying into $tenants tenants x $solutions solutions"
}

measure() { # $1 provider, $2 connection string
  # Not Production: that refuses PostgreSQL without row-level security's roles (bench/rls measures them).
  start_host "$1" "$2" Benchmark
  echo "== $1: warming up (JIT, connection pools, and the response cache: every tenant x term twice)"
  wrk -t2 -c"$connections" -d5s -s "$here/search.lua" "$base" -- "/health/live" >/dev/null
  for n in $(seq 1 "$tenants"); do for term in health data open education payment identity platform management; do
    printf '%s/bench-%03d/showcase?q=%s\n%s/api/bench-%03d/catalogue/solutions?q=%s\n' "$base" "$n" "$term" "$base" "$n" "$term"
  done; done | awk '{ print; print }' | xargs -P 4 -n 1 curl -fs -o /dev/null  # twice: a page is stored on its second request
  # The members' line: a viewer of every benchmark tenant (see replicate.*.sql), signed in with a bearer token — never cached.
  member=$(curl -fs "$base/api/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"owner@ee.demo\",\"password\":\"$password\"}" | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
  for path in "/health/live" "/{tenant}/showcase?q={term}" "/api/{tenant}/catalogue/solutions?q={term}" "/api/{tenant}/catalogue/solutions?q={term}&nonce={nonce}" \
      "member:/api/{tenant}/catalogue/solutions?q={term}&nonce={nonce}"; do
    token=""; [[ "$path" == member:* ]] && token="$member"
    line=$(BENCH_TENANTS="$tenants" BENCH_TOKEN="$token" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/search.lua" "$base" -- "${path#member:}" | grep '^RESULT ')
    echo "$1 $path ${line#RESULT }" | tee -a "$out/results.txt"
  done
  # The Host's resident memory with every tenant's search index built (the warm-up searched them all).
  echo "$1 $(awk '/VmRSS/ { print $2 }' "/proc/$host_pid/status") $(awk '/VmHWM/ { print $2 }' "/proc/$host_pid/status")" >>"$out/memory.txt"
  stop_host
}

: >"$out/results.txt"; : >"$out/memory.txt"
for provider in "${providers[@]}"; do
  case "$provider" in
    postgres)
      connection="Host=$PGHOST;Username=$PGUSER;Password=$PGPASSWORD;Database=nucleus_bench;Maximum Pool Size=64"
      psql -q -d postgres -c 'DROP DATABASE IF EXISTS nucleus_bench WITH (FORCE)' -c 'CREATE DATABASE nucleus_bench'
      load Postgres "$connection"
      psql -q -d nucleus_bench -v ON_ERROR_STOP=1 -v tenants="$tenants" -v solutions="$solutions" -f "$here/replicate.postgres.sql"
      measure Postgres "$connection" ;;
    sqlite)
      rm -f "$out/catalogue.db" "$out/catalogue.db-wal" "$out/catalogue.db-shm"
      connection="Data Source=$out/catalogue.db"
      load Sqlite "$connection"
      { echo "CREATE TEMP TABLE bench(tenants, solutions); INSERT INTO bench VALUES ($tenants, $solutions);"; cat "$here/replicate.sqlite.sql"; } \
        | sqlite3 -bail "$out/catalogue.db"
      measure Sqlite "$connection" ;;
    *) echo "unknown provider: $provider" >&2; exit 1 ;;
  esac
done

python3 - "$out/results.txt" "$connections" <<'PY'
import sys, json
rows = [line.split(" ", 2) for line in open(sys.argv[1]) if line.strip()]
print(f"\n| database | endpoint | req/s | p50 ms | p95 ms | p99 ms | errors | share of /health/live |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
bare = {}
for provider, path, data in rows:
    r = json.loads(data)
    if path == "/health/live": bare[provider] = r["rps"]
    share = r["rps"] / bare[provider] * 100 if provider in bare else float("nan")
    print(f"| {provider} | `{path}` | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} | {share:.1f}% |")
print(f"\n{sys.argv[2]} connections, 2 wrk threads.")
PY
while read -r provider rss peak; do
  echo "$provider: the Host's resident memory after the runs $((rss / 1024)) MB (peak $((peak / 1024)) MB), every tenant's search index built"
done <"$out/memory.txt"
