# Sourced by the benchmarks: a throwaway certificate for the data-protection key ring, which the Host
# requires outside Development ($1: the folder to keep it in; prints the PFX's path).
bench_key_ring() {
  local pfx="$1/key-ring.pfx"
  [ -f "$pfx" ] || { openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=bench key ring" \
    -keyout "$1/key-ring.key" -out "$1/key-ring.crt" 2>/dev/null \
    && openssl pkcs12 -export -passout pass: -inkey "$1/key-ring.key" -in "$1/key-ring.crt" -out "$pfx"; }
  echo "$pfx"
}
