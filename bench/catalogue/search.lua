-- wrk script: spreads requests over the benchmark's tenants and a few search terms, so the
-- measurement is not one cached row set; reports through ../report.lua.
-- Usage: wrk -s search.lua <base> -- <path template with {tenant} and {term}>
local tenants = tonumber(os.getenv("BENCH_TENANTS") or "200")
local terms = { "health", "data", "open", "education", "payment", "identity", "platform", "management" }
local template = "/health/live"
local counter = 0
-- BENCH_TOKEN: a member's bearer token, sent with every request (members' searches are never cached).
local token = os.getenv("BENCH_TOKEN") or ""
local headers = token ~= "" and { ["Authorization"] = "Bearer " .. token } or nil

function init(args)
  if #args > 0 then template = args[1] end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000))
end

function request()
  counter = counter + 1
  local tenant = string.format("bench-%03d", math.random(1, tenants))
  local term = terms[math.random(1, #terms)]
  -- {nonce} makes every URL unique: the response cache cannot answer, so the search itself is measured.
  local path = template:gsub("{tenant}", tenant):gsub("{term}", term):gsub("{nonce}", tostring(counter) .. "-" .. math.random(1, 1e9))
  return wrk.format("GET", path, headers)
end

-- done(): the shared report, beside this script's folder.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "../report.lua")
