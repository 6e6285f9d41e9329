-- wrk script for the row-level security benchmark: each request picks one of the benchmark's
-- solutions at random (a line "tenant-slug solution-id" of BENCH_IDS) and fills the path template's
-- {tenant}, {id}, {term} and {nonce}; prints p50/p95/p99 and the error count as JSON.
local ids = {}
local terms = { "health", "data", "open", "education", "payment", "identity", "platform", "management" }
local template = "/health/live"
local counter = 0

function init(args)
  if #args > 0 then template = args[1] end
  for line in io.lines(os.getenv("BENCH_IDS")) do
    local tenant, id = line:match("^(%S+)%s+(%S+)$")
    if tenant then ids[#ids + 1] = { tenant, id } end
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000))
end

function request()
  counter = counter + 1
  local pick = ids[math.random(1, #ids)]
  -- {nonce} makes every URL unique: the response cache cannot answer, so the database is measured.
  local path = template:gsub("{tenant}", pick[1]):gsub("{id}", pick[2]):gsub("{term}", terms[math.random(1, #terms)])
    :gsub("{nonce}", tostring(counter) .. "-" .. math.random(1, 1e9))
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "RESULT {\"requests\":%d,\"seconds\":%.3f,\"rps\":%.1f,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"errors\":%d,\"non2xx\":%d}\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.status))
end
