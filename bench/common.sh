# Sourced by the benchmarks: what more than one of them does.

# A throwaway certificate for the data-protection key ring, which the Host requires outside Development
# ($1: the folder to keep it in; prints the PFX's path).
bench_key_ring() {
  local pfx="$1/key-ring.pfx"
  [ -f "$pfx" ] || { openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=bench key ring" \
    -keyout "$1/key-ring.key" -out "$1/key-ring.crt" 2>/dev/null \
    && openssl pkcs12 -export -passout pass: -inkey "$1/key-ring.key" -in "$1/key-ring.crt" -out "$pfx"; }
  echo "$pfx"
}

# Waits until a started Host answers /health/ready ($1: its base URL, $2: its log), or exits the benchmark. A first start after
# a benchmark's data is copied can take minutes (at 1,000 tenants it makes 1,000 demo owners, a password hash each):
# BENCH_READY_SECONDS (600) bounds the wait.
bench_wait_ready() {
  for _ in $(seq 1 "${BENCH_READY_SECONDS:-600}"); do curl -fs "$1/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "the Host did not become ready; see $2" >&2; exit 1
}

# Publishes the Host (Release) into $2/host ($1: the repository).
bench_publish() {
  echo "== publishing the Host (Release)"
  dotnet publish "$1/src/Host" -c Release -o "$2/host" --nologo -v quiet >/dev/null
}

# Zips the DPG registry's records ($1: its folder) into $2, for the product's own DPG import.
bench_dpg_zip() {
  python3 - "$1" "$2" <<'PY'
import sys, zipfile, pathlib
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    for f in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
        z.write(f, f.name)
PY
}
