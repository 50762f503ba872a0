#!/usr/bin/env python3
"""Soak: a mixed load for N minutes (default 10) against one friendlygov on
SQLite, sampling each minute the server's resident memory, p50/p99 latency,
requests per second and the answers by status class.

  bench/soak.py [--minutes 10] [--connections 32]      (make soak)

Mix per request (wrk Lua): 55% reads (public lunar, token point reads of a unit
and of the caller), 25% durable writes (new unit), 10% bad input (invalid JSON, unknown
field, bad date: 400), 5% wrong-password logins (401/429/503: argon2id is
bounded to two at once), 5% not-found pages. Memory should stay flat and
latency steady; 5xx other than the bounded hash queue's 503 are errors.
Traffic goes to 127.0.0.1 only; each minute is one bounded wrk run.
"""
import argparse, os, re, shutil, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_bench as hb  # noqa: E402

LUA = r"""
local n = 0
local next_id = 0
counts = {}
setup = function(thread) next_id = next_id + 1; thread:set("tid", "%s." .. next_id) end
local auth = {["Authorization"] = "Bearer %s"}
local json = {["Authorization"] = "Bearer %s", ["Content-Type"] = "application/json"}
request = function()
  n = n + 1
  local r = math.random(100)
  if r <= 25 then return wrk.format("GET", "/api/v1/calendar/lunar?date=2026-0" .. (1 + n %% 9) .. "-17")
  elseif r <= 45 then return wrk.format("GET", "/api/v1/units/75", auth)
  elseif r <= 55 then return wrk.format("GET", "/api/v1/me", auth)
  elseif r <= 80 then
    return wrk.format("POST", "/api/v1/units", json,
      '{"code":"S' .. tid .. '-' .. n .. '","name":"Xã Soak","level":"commune","parent_code":"75"}')
  elseif r <= 84 then return wrk.format("POST", "/api/v1/units", json, '{"code":')
  elseif r <= 87 then return wrk.format("POST", "/api/v1/units", json, '{"code":"X1","nope":1}')
  elseif r <= 90 then return wrk.format("GET", "/api/v1/calendar/lunar?date=2026-02-30")
  elseif r <= 95 then
    return wrk.format("POST", "/dang-nhap", {["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = "fg_csrf=soak-csrf-token-0123456789"},
      "username=admin&password=wrong-password&csrf_token=soak-csrf-token-0123456789")
  else return wrk.format("GET", "/no-such-page-" .. n) end
end
response = function(status, headers, body)
  local k = tostring(status)
  counts[k] = (counts[k] or 0) + 1
end
threads = {}
local old_setup = setup
setup = function(thread) old_setup(thread); table.insert(threads, thread) end
done = function(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts")) do total[k] = (total[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(total) do table.insert(parts, k .. "=" .. v) end
  table.sort(parts)
  print("STATUS " .. table.concat(parts, " "))
end
"""


def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=int, default=10)
    ap.add_argument("--connections", type=int, default=32)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="fg-soak-")
    log = open(os.path.join(work, "server.log"), "w")
    env = dict(os.environ, FRIENDLYGOV_ANONYMOUS_REQUESTS_PER_MINUTE="0")
    fg = subprocess.Popen([hb.BIN, "--database", "sqlite:" + os.path.join(work, "fg.db"), "--assets-dir", hb.ROOT,
                           "serve", "--demo", "--listen", f"127.0.0.1:{hb.FG_PORT}"], stdout=log,
                          stderr=subprocess.STDOUT, env=env)
    try:
        hb.wait_port(hb.FG_PORT, fg)
        token = hb.bearer_token()
        print(f"soak {time.strftime('%Y-%m-%d %H:%M')}: {args.minutes} x 1 min, {args.connections} connections, "
              f"{os.cpu_count()} cores; RSS at start {rss_mib(fg.pid):.0f} MiB")
        print(f"{'min':>3} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'RSS MiB':>8}  statuses")
        for minute in range(1, args.minutes + 1):
            script = os.path.join(work, f"soak{minute}.lua")
            open(script, "w").write(LUA % (minute, token, token))
            out = subprocess.run(["wrk", "-t2", f"-c{args.connections}", "-d60s", "--latency", "--timeout", "10s",
                                  "-s", script, f"http://127.0.0.1:{hb.FG_PORT}/"],
                                 capture_output=True, text=True, timeout=180).stdout
            rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
            def pct(p):
                m = re.search(rf"{p}%\s+([\d.]+)(us|ms|s)\b", out)
                return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
            statuses = re.search(r"STATUS (.*)", out).group(1)
            errors = re.search(r"Socket errors:.*", out)
            print(f"{minute:>3} {rps:>8,.0f} {pct(50):>7.2f} {pct(99):>7.2f} {rss_mib(fg.pid):>8.0f}  {statuses}"
                  + (f"  {errors.group(0)}" if errors else ""), flush=True)
            if fg.poll() is not None:
                sys.exit("the server died")
    finally:
        if fg.poll() is None:
            fg.send_signal(signal.SIGTERM)
            fg.wait(timeout=60)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
