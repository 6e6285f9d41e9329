#!/usr/bin/env bash
# Attack scans (issue 15, item 5): sqlmap against every query parameter and JSON body the API documents, and wapiti crawling
# and attacking the pages, both as a signed-in owner of a demo tenant, against a loopback Host on its own SQLite database
# with the demo data. Writes bench/security/sqlmap-report.md and bench/security/wapiti-report.json (+ a summary), which are
# committed; the raw logs stay in bench/.out/security.
# Usage: bash bench/security/run.sh [sqlmap|wapiti ...]   (both by default)
# Needs: the .NET SDK, python3, sqlmap and wapiti (Debian: apt-get install sqlmap wapiti).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd); out="${SCAN_OUT:-$repo/bench/.out/security}"
source "$repo/bench/common.sh"
scans=("$@"); [ ${#scans[@]} -gt 0 ] || scans=(sqlmap wapiti)
for tool in dotnet python3 "${scans[@]}"; do command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }; done

port=${SCAN_PORT:-5197}; base="http://127.0.0.1:$port"; password="Scan-only-$(date +%s)-password!"
rm -rf "$out"; mkdir -p "$out/data"
bench_publish "$repo" "$repo/bench/.out"
pfx=$(bench_key_ring "$repo/bench/.out")

# Production-like, but the request budgets are opened: the scans look for injection, not for throttling (tested elsewhere).
(cd "$repo/bench/.out/host" && exec env ASPNETCORE_ENVIRONMENT=Benchmark Database__Provider=Sqlite Database__ConnectionString="Data Source=$out/data/scan.db" \
  Storage__Root="$out/data/files" Demo__Seed=true Demo__Password="$password" Urls="$base" Logging__LogLevel__Default=Warning \
  RateLimits__Search__PermitsPerMinute=1000000 RateLimits__SignIn__PermitsPerMinute=1000000 RateLimits__Account__PermitsPerMinute=1000000 \
  RateLimits__Invitations__PermitsPerMinute=1000000 DataProtection__Certificate__Path="$pfx" \
  dotnet NucleusCloud.Host.dll >"$out/host.log" 2>&1) &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true' EXIT
bench_wait_ready "$base" "$out/host.log"

for scan in "${scans[@]}"; do
  echo "== $scan"
  python3 "$here/scan.py" "$scan" "$base" "owner@ee.demo" "$password" "$out" "$here"
done
echo "== the Host's log: errors it wrote during the scans"
grep -c '"LogLevel":"Error"' "$out/host.log" || true
