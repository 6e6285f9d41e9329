#!/usr/bin/env bash
# Row-level security benchmark: the catalogue search and a point read, uncached, with PostgreSQL's
# row-level security (three roles, policies forced) and without it (a copy of the same database with
# the policies off, read through the owner's connection). Both Hosts run at once on their own ports and
# wrk alternates between them in short bursts, so a slow patch of the shared machine falls on both;
# each is also compared with its own bare endpoint (/health/live).
#   bench/rls/run.sh
# Needs: the .NET SDK, wrk, python3, psql, openssl and a PostgreSQL superuser (BENCH_PG_* below).
# Tunables: BENCH_TENANTS (20), BENCH_SOLUTIONS (1000), BENCH_CONNECTIONS (16), BENCH_SECONDS (10), BENCH_ROUNDS (4).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/bench/.out/rls"
registry="${BENCH_REGISTRY:-$repo/../shared/data/dpg-registry}"
tenants="${BENCH_TENANTS:-20}"
solutions="${BENCH_SOLUTIONS:-1000}"
connections="${BENCH_CONNECTIONS:-16}"
seconds="${BENCH_SECONDS:-10}"
rounds="${BENCH_ROUNDS:-4}"
port="${BENCH_PORT:-5181}"
base="http://127.0.0.1:$port"
declare -A bases=([rls]="http://127.0.0.1:$port" [plain]="http://127.0.0.1:$((port + 1))")
export PGHOST="${BENCH_PG_HOST:-127.0.0.1}" PGUSER="${BENCH_PG_USER:-postgres}" PGPASSWORD="${BENCH_PG_PASSWORD:-postgres}"
password="Bench-only-$(date +%s)-password!"
role_password="bench-role-$(date +%s)"
database=nucleus_bench_rls
mkdir -p "$out"
export BENCH_IDS="$out/ids.txt"

for tool in dotnet wrk python3 psql curl; do command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }; done
[ -d "$registry" ] || { echo "DPG registry not found at $registry (set BENCH_REGISTRY)" >&2; exit 1; }

connection() { echo "Host=$PGHOST;Username=$1;Password=$role_password;Database=${2:-$database};Maximum Pool Size=64"; }

source "$here/../common.sh"
bench_publish "$repo" "$out"
bench_dpg_zip "$registry" "$out/dpg.zip"
key_ring=$(bench_key_ring "$out")

echo "== roles and a fresh database"
psql -q -d postgres -v ON_ERROR_STOP=1 <<SQL
DROP DATABASE IF EXISTS $database WITH (FORCE);
DROP DATABASE IF EXISTS ${database}_plain WITH (FORCE);
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nucleus_bench_owner') THEN CREATE ROLE nucleus_bench_owner LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nucleus_bench_app') THEN CREATE ROLE nucleus_bench_app LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nucleus_bench_platform') THEN CREATE ROLE nucleus_bench_platform LOGIN; END IF;
END \$\$;
ALTER ROLE nucleus_bench_owner PASSWORD '$role_password';
ALTER ROLE nucleus_bench_app PASSWORD '$role_password';
ALTER ROLE nucleus_bench_platform PASSWORD '$role_password';
CREATE DATABASE $database OWNER nucleus_bench_owner;
SQL

pids=()
stop_hosts() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; pids=(); }
trap stop_hosts EXIT

start_host() { # $1 mode (rls | plain), $2 environment
  local settings=(Database__Provider=Postgres) url="${bases[$1]}"
  if [ "$1" = rls ]; then
    settings+=(Database__ConnectionString="$(connection nucleus_bench_app)" Database__MigrationConnectionString="$(connection nucleus_bench_owner)"
      Database__PlatformConnectionString="$(connection nucleus_bench_platform)")
  else
    # Without row-level security: the copy whose policies are off, the owner's connection, no tenant session.
    settings+=(Database__ConnectionString="$(connection nucleus_bench_owner "${database}_plain")")
  fi
  (cd "$out/host" && exec env ASPNETCORE_ENVIRONMENT="$2" "${settings[@]}" Demo__Seed="${seed:-true}" Demo__Password="$password" Urls="$url" \
    Logging__LogLevel__Default=Warning RateLimits__Search__PermitsPerMinute=100000000 DataProtection__Certificate__Path="$key_ring" Mail__PickupDirectory="$out/mail" \
    dotnet NucleusCloud.Host.dll >"$out/host-$1-$2.log" 2>&1) &
  pids+=($!)
  bench_wait_ready "$url" "$out/host-$1-$2.log"
}

policies() { # $1 database, $2 ENABLE | DISABLE, on every table that has policies
  psql -q -d "$1" -v ON_ERROR_STOP=1 -c "DO \$\$ DECLARE t record; BEGIN
    FOR t IN SELECT DISTINCT schemaname, tablename FROM pg_policies LOOP
      EXECUTE format('ALTER TABLE %I.%I $2 ROW LEVEL SECURITY', t.schemaname, t.tablename);
    END LOOP; END \$\$;"
}


echo "== migrating with row-level security, seeding the demo tenants, importing the DPG registry into 'ee'"
start_host rls Benchmark
base="${bases[rls]}"
token=$(curl -fs "$base/api/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"owner@ee.demo\",\"password\":\"$password\"}" | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
curl -fs "$base/api/ee/catalogue/imports/dpg?publish=true" -H "authorization: Bearer $token" -H 'content-type: application/zip' \
  --data-binary "@$out/dpg.zip" | python3 -c 'import sys, json; r = json.load(sys.stdin); print("   imported", r["imported"], "updated", r["updated"], "failed", r["failed"])'
stop_hosts
echo "== copying into $tenants tenants x $solutions solutions"
psql -q -d "$database" -v ON_ERROR_STOP=1 -v tenants="$tenants" -v solutions="$solutions" -f "$repo/bench/catalogue/replicate.postgres.sql"
psql -q -d "$database" -At -F ' ' -c "SELECT t.\"Slug\", s.\"Id\" FROM catalogue.solutions s JOIN platform.tenants t ON t.\"Id\" = s.\"TenantId\" WHERE t.\"Slug\" LIKE 'bench-%'" >"$out/ids.txt"
psql -q -d "$database" -c "ANALYZE"

psql -q -d postgres -c "CREATE DATABASE ${database}_plain TEMPLATE $database OWNER nucleus_bench_owner"
policies "${database}_plain" DISABLE

echo "== both Hosts up, warming up"
seed=false start_host rls Benchmark
seed=false start_host plain Benchmark
for mode in rls plain; do
  wrk -t2 -c"$connections" -d5s -s "$here/reads.lua" "${bases[$mode]}" -- "/api/{tenant}/catalogue/solutions/{id}?nonce={nonce}" >/dev/null
  wrk -t2 -c"$connections" -d5s -s "$here/reads.lua" "${bases[$mode]}" -- "/api/{tenant}/catalogue/solutions?q={term}&nonce={nonce}" >/dev/null
done

: >"$out/results.txt"
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds"
  for path in "/health/live" "/api/{tenant}/catalogue/solutions?q={term}&nonce={nonce}" "/api/{tenant}/catalogue/solutions/{id}?nonce={nonce}"; do
    # Each round the other one goes first: the second of two bursts can inherit the tail of the first.
    order=(rls plain); [ $((round % 2)) -eq 0 ] && order=(plain rls)
    for mode in "${order[@]}"; do
      line=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/reads.lua" "${bases[$mode]}" -- "$path" | grep '^RESULT ')
      echo "$mode $path ${line#RESULT }" | tee -a "$out/results.txt"
    done
  done
done
stop_hosts

python3 - "$out/results.txt" "$connections" <<'PY'
import sys, json, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    if line.strip():
        mode, path, data = line.split(" ", 2)
        runs[(mode, path)].append(json.loads(data))
def rps(mode, path): return sum(r["rps"] for r in runs[(mode, path)]) / len(runs[(mode, path)])
bare = "/health/live"
print("\n| endpoint | mode | req/s | p50 ms | p95 ms | share of /health/live | with RLS ÷ without |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
for path in [p for (m, p) in runs if m == "rls" and p != bare]:
    shares = {m: rps(m, path) / rps(m, bare) for m in ("rls", "plain")}
    for mode in ("plain", "rls"):
        last = runs[(mode, path)][-1]
        ratio = f"**{shares['rls'] / shares['plain']:.2f}**" if mode == "rls" else ""
        print(f"| `{path}` | {mode} | {rps(mode, path):.0f} | {last['p50_ms']:.1f} | {last['p95_ms']:.1f} | {shares[mode] * 100:.1f}% | {ratio} |")
print(f"\n{sys.argv[2]} connections, 2 wrk threads; req/s averaged over the rounds (alternating bursts), latencies of the last round.")
PY
