-- wrk script for the row-level security benchmark: each request picks one of the benchmark's
-- solutions at random (a line "tenant-slug solution-id" of BENCH_IDS) and fills the path template's
-- {tenant}, {id}, {term} and {nonce}; reports through ../report.lua.
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

-- done(): the shared report, beside this script's folder.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "../report.lua")
