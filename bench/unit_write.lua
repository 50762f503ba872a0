-- wrk script of case (c): POST /api/v1/units with the bearer token in FG_TOKEN,
-- every request a new unit code (unique across runs: a duplicate is refused by
-- an exception, which costs far more than a write). bench/writer_cpu.sh and
-- bench/write_instructions.sh.
math.randomseed(os.time() + os.clock() * 1e6)
local token = os.getenv("FG_TOKEN")
local n = 0
local next_id = 0
setup = function(thread) next_id = next_id + 1; thread:set("tid", next_id .. "-" .. math.random(1000000000)) end
request = function()
  n = n + 1
  return wrk.format("POST", "/api/v1/units", {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"},
    '{"code":"B' .. tid .. '-' .. n .. '","name":"Xã Bench","level":"commune","parent_code":"75"}')
end
