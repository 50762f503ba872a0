# Sourced by the write benchmarks (bench/writer_cpu.sh, bench/write_instructions.sh):
# what a wrk run sends for write case $CASE against the demo server on port $PORT,
# as bench/http_bench.py sends it:
#   (c) POST /api/v1/units with a bearer token (bench/unit_write.lua),
#   (f) a rating from a paired desk tablet,
#   (j) the public feedback form,
#   (k) a Facebook page's signed message to its webhook, each message new
#       ($MESSAGES of them, signed beforehand; FG_FROM=n in wrk's environment
#       starts after the first n, so a counted run does not repeat a warm-up's).
# write_case_setup writes the wrk script to $WORK/req.lua and sets URL; for
# (c) it also exports FG_TOKEN. Needs WORK, PORT, CASE; the server must answer.

write_case_setup() {
  URL=http://127.0.0.1:$PORT/
  case "$CASE" in
    c)
      FG_TOKEN=$(cd bench && python3 -c "import http_bench; print(http_bench.bearer_token())")
      export FG_TOKEN
      cp bench/unit_write.lua "$WORK/req.lua"
      ;;
    f)
      local kiosk
      kiosk=$(cd bench && python3 -c "import http_bench; print(http_bench.paired_kiosk_token(http_bench.bearer_token()))")
      cat > "$WORK/req.lua" <<LUA
math.randomseed(os.time() + os.clock() * 1e6)
local run = tostring(math.random(1000000000))
local n = 0
local next_id = 0
tid = ""  -- a global: setup's thread:set gives each thread its own
setup = function(thread) next_id = next_id + 1; thread:set("tid", run .. "-" .. next_id) end
request = function()
  n = n + 1
  return wrk.format("POST", "/api/v1/kiosk/ratings", {["X-Kiosk"] = "1", ["X-Kiosk-Token"] = "$kiosk",
    ["Content-Type"] = "application/json"}, '{"level":"very_satisfied","client_key":"r' .. tid .. '-' .. n .. '"}')
end
LUA
      ;;
    k)
      # The Facebook page's webhook of ward 25270 (secret set by the API).
      (cd bench && python3 -c "
import json, http_bench as b, sys
st, _, _, _ = b.http('PUT', '/api/v1/feedback/channels/facebook?unit=25270', json.dumps({'secret': b.FACEBOOK_SECRET}),
                     {'Authorization': 'Bearer ' + b.bearer_token(), 'Content-Type': 'application/json'})
assert st == 204, st
with open(sys.argv[1], 'w') as f:
    for i in range(int(sys.argv[2])):
        body = b.facebook_body('m-%d' % i)
        f.write(b.facebook_signature(body) + '\\t' + body + '\\n')
" "$WORK/webhook.txt" "${MESSAGES:-60000}")
      cat > "$WORK/req.lua" <<LUA
local reqs = {}
for line in io.lines("$WORK/webhook.txt") do
  local sig, body = line:match("^([^\t]+)\t(.*)$")
  reqs[#reqs + 1] = {body, sig}
end
-- Each wrk thread sends its own half of the messages after the first FG_FROM.
local from = tonumber(os.getenv("FG_FROM") or "0")
i = from  -- a global: setup's thread:set gives each thread its own start
local started = 0
setup = function(thread) started = started + 1; thread:set("i", from + (started - 1) * math.floor((#reqs - from) / 2)) end
request = function()
  i = i + 1
  return wrk.format("POST", "/api/v1/feedback/webhooks/facebook/25270",
    {["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = reqs[i][2]}, reqs[i][1])
end
LUA
      ;;
    j)
      local csrf body
      csrf=$(curl -s -D - -o /dev/null "http://127.0.0.1:$PORT/gop-y?unit=25270" | grep -i 'set-cookie: fg_csrf=' |
        sed 's/.*fg_csrf=\([^;]*\).*/\1/')
      body=$(python3 -c "import urllib.parse,sys; print(urllib.parse.urlencode({'csrf_token': sys.argv[1], 'unit_code': '25270', 'feedback_kind': 'feedback', 'category': 'infrastructure', 'feedback_title': 'Đèn đường hỏng', 'content': 'Đèn đường ấp 3 tắt đã một tuần.', 'phone': '0912 345 678'}))" "$csrf")
      cat > "$WORK/req.lua" <<LUA
wrk.method = "POST"
wrk.body = [==[$body]==]
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "fg_csrf=$csrf"
LUA
      URL=http://127.0.0.1:$PORT/gop-y
      ;;
    *)
      echo "CASE must be c, f, j or k" >&2
      return 1
      ;;
  esac
}
