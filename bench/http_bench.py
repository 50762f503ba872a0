#!/usr/bin/env python3
"""One-run HTTP benchmark: friendlygov against nginx serving the same bytes.

  make bench-http            (or: bench/http_bench.py [--seconds N] [--postgres URL])

For 64 and 256 keep-alive connections, interleaved, wrk measures req/s and p99:
  (a) GET /api/v1/calendar/lunar?date=2026-02-17   (public, no store read)
  (b) GET /api/v1/units/75 with a bearer token     (authenticated point read)
  (c) POST /api/v1/units with a bearer token       (one durable write + event)
  (d) GET /api/v1/public/dossiers/{code}           (the public lookup, anonymous, 100 codes in
                                                    turn; again with 4 wrong digits, which is
                                                    never answered from a held copy)
  (e) POST /api/v1/dossiers with a bearer token    (durable dossier intake: code, deadline,
                                                    hand-over, history, counters, event)
  (f) POST /api/v1/kiosk/ratings from a paired     (durable rating ingestion: idempotency key,
      desk tablet                                   rating, counters, event; a key per request)
  (g) GET /xa/25270/thu-tuc                        (the demo ward's procedure catalogue page,
                                                    anonymous: a kept rendered page)
  (h) GET /xa/25270/thu-tuc/1.001193               (one procedure's page, with its QR code)
  (i) GET /xa/25270/so-lieu                        (the live figures page, kept up to 60 s)
  (j) POST /gop-y, the public feedback form         (durable feedback intake from a phone: CSRF
                                                    cookie and token, code, legal deadline, event)
  (k) POST /api/v1/feedback/webhooks/facebook/...  (a page's message, signed: a new message per
                                                    request from 120,000 pre-signed ones)
and nginx serving a file with exactly the bytes of each answer. The lookup's
and the feedback form's per-address limits and the anonymous limit are off for the run. It also runs
raw SQLite inserts (store_bench: synchronous=FULL, WAL, 100 rows per
transaction) on the same disk and prints every ratio the pipeline issue asks
for, with the mean group-commit size read from /metrics.
Traffic goes to 127.0.0.1 only; every run is bounded in time.
"""
import argparse, hashlib, hmac, http.client as httpclient, json, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("FG_BENCH_BINARY", os.path.join(ROOT, "build-bench", "friendlygov"))
# Migrations, templates and messages: another checkout's, to run an older build as it was.
ASSETS = os.environ.get("FG_BENCH_ASSETS", ROOT)
STORE_BENCH = os.path.join(ROOT, "build-bench", "store_bench")
FG_PORT, NGINX_PORT = 18080, 18081


def http(method, path, body=None, headers=None, port=FG_PORT):
    c = httpclient.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    out = (r.status, dict((k.lower(), v) for k, v in r.getheaders()), data, r.msg.get_all("Set-Cookie") or [])
    c.close()
    return out


def wait_port(port, proc=None):
    for _ in range(1200):
        try:
            http("GET", "/healthz" if port == FG_PORT else "/", port=port)
            return
        except OSError:
            if proc and proc.poll() is not None:
                sys.exit("server exited early")
            time.sleep(0.05)
    sys.exit(f"nothing listens on {port}")


def cookie(set_cookies, name):
    for c in set_cookies:
        if c.startswith(name + "="):
            return c.split(";")[0].split("=", 1)[1]
    return ""


def bearer_token():
    st, h, body, sc = http("GET", "/dang-nhap")
    anon = cookie(sc, "fg_csrf")
    csrf = re.search(rb'name="csrf_token" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode({"username": "admin", "password": "demo", "csrf_token": csrf})
    st, h, body, sc = http("POST", "/dang-nhap", form, {"Content-Type": "application/x-www-form-urlencoded",
                                                    "Cookie": "fg_csrf=" + anon})
    session = cookie(sc, "fg_session")
    st, h, body, sc = http("GET", "/dashboard", headers={"Cookie": "fg_session=" + session})
    csrf = re.search(rb'name="csrf_token" value="([^"]+)"', body).group(1).decode()
    st, h, me, sc = http("GET", "/api/v1/me", headers={"Cookie": "fg_session=" + session})
    st, h, tok, sc = http("POST", "/api/v1/tokens", json.dumps({"official_id": json.loads(me)["id"], "name": "bench"}),
                          {"Cookie": "fg_session=" + session, "X-CSRF-Token": csrf, "Content-Type": "application/json"})
    if st != 201:
        sys.exit(f"token: {st} {tok!r}")
    return json.loads(tok)["token"]


FACEBOOK_SECRET = "bench-secret"


def facebook_body(mid):
    """A Facebook page's webhook call carrying one new message `mid` (case (k))."""
    return json.dumps({"object": "page", "entry": [{"id": "1", "messaging": [
        {"sender": {"id": "u" + mid}, "message": {"mid": mid, "text": "Cống ấp 2 bị tắc, nước tràn ra đường."}}]}]})


def facebook_signature(body):
    return "sha256=" + hmac.new(FACEBOOK_SECRET.encode(), body.encode(), hashlib.sha256).hexdigest()


def paired_kiosk_token(bearer):
    """A desk tablet of ward 25270 paired through its pages (pairing code by the API, then the
    /kiosk form): its device token."""
    st, _, pairing, _ = http("POST", "/api/v1/ratings/devices", json.dumps({"unit_code": "25270", "name": "Bench"}),
                             {"Authorization": "Bearer " + bearer, "Content-Type": "application/json"})
    if st != 201:
        sys.exit(f"pairing: {st} {pairing[:300]!r}")
    _, _, _, sc = http("GET", "/kiosk")
    csrf = cookie(sc, "fg_csrf")
    _, _, _, sc = http("POST", "/kiosk/ghep-noi", urllib.parse.urlencode(
        {"csrf_token": csrf, "code": json.loads(pairing)["pairing_code"]}),
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "fg_csrf=" + csrf})
    kiosk = cookie(sc, "fg_kiosk")
    if not kiosk:
        sys.exit("the tablet was not paired")
    return kiosk


def wrk(port, path, conns, secs, script=None):
    cmd = ["wrk", "-t2", f"-c{conns}", f"-d{secs}s", "--latency", "--timeout", "5s"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run(cmd + [f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, timeout=secs + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return rps, p99, int(non2xx.group(1)) if non2xx else 0, errors.group(0) if errors else ""


PG_BIN = "/usr/lib/postgresql/15/bin"


def start_postgres(work):
    """A throwaway PostgreSQL 15 on a Unix socket, durable (fsync on): (url, stop)."""
    d = os.path.join(work, "pg")
    os.makedirs(d)
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(work, "postgres")
        shutil.chown(d, "postgres")
    subprocess.run(as_pg + [f"{PG_BIN}/initdb", "-D", d + "/data", "-A", "trust", "-U", "postgres", "-E", "UTF8",
                            "--no-locale"], check=True, capture_output=True)
    subprocess.run(as_pg + [f"{PG_BIN}/pg_ctl", "-D", d + "/data", "-l", d + "/server.log", "-w", "-o",
                            f"-k {d} -p 25432 -c listen_addresses='' -c max_connections=200", "start"],
                   check=True, capture_output=True)
    subprocess.run(as_pg + [f"{PG_BIN}/createdb", "-h", d, "-p", "25432", "-U", "postgres", "fg"], check=True)
    stop = lambda: subprocess.run(as_pg + [f"{PG_BIN}/pg_ctl", "-D", d + "/data", "-m", "fast", "-w", "stop"],
                                  capture_output=True)
    return f"postgresql://postgres@/fg?host={d}&port=25432", d, stop


def pgbench_inserts(sock_dir, secs, clients):
    """pgbench-style pipelined inserts: 100 rows per transaction, pipelined; rows/s."""
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    psql = as_pg + [f"{PG_BIN}/psql", "-h", sock_dir, "-p", "25432", "-U", "postgres", "-d", "fg", "-q", "-c"]
    subprocess.run(psql + ["CREATE TABLE IF NOT EXISTS bench (id BIGSERIAL PRIMARY KEY, k TEXT NOT NULL, v TEXT NOT NULL)"],
                   check=True)
    script = os.path.join(sock_dir, "insert.sql")
    lines = ["\\startpipeline", "BEGIN;"]
    lines += ["INSERT INTO bench (k, v) VALUES ('key-' || :client_id, 'value of a typical small row');"] * 100
    lines += ["COMMIT;", "\\endpipeline"]
    open(script, "w").write("\n".join(lines) + "\n")
    if os.geteuid() == 0:
        shutil.chown(script, "postgres")
    out = subprocess.run(as_pg + [f"{PG_BIN}/pgbench", "-h", sock_dir, "-p", "25432", "-U", "postgres", "-n", "-M",
                                  "extended", "-c", str(clients), "-j", "2", "-T", str(secs), "-f", script, "fg"],
                         capture_output=True, text=True).stdout
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))
    return tps * 100


def metric(name):
    body = http("GET", "/metrics")[2].decode()
    m = re.search(rf"^{name} (\d+)", body, re.M)
    return int(m.group(1)) if m else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=8)
    ap.add_argument("--cases", default="abcdefghijk", help="which cases to run (letters, default abcdefghijk)")
    ap.add_argument("--postgres", action="store_true",
                    help="run friendlygov on a throwaway local PostgreSQL (fsync on) and compare writes with pgbench")
    args = ap.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not os.path.exists("/usr/sbin/" + tool):
            sys.exit(f"{tool} is missing: run scripts/setup.sh --bench")
    work = tempfile.mkdtemp(prefix="fg-bench-", dir=os.path.join(ROOT, "var") if os.path.isdir(os.path.join(ROOT, "var")) else None)
    env = dict(os.environ, FRIENDLYGOV_ANONYMOUS_REQUESTS_PER_MINUTE="0", FRIENDLYGOV_LOOKUPS_PER_ADDRESS="0",
               FRIENDLYGOV_FEEDBACK_PER_ADDRESS="0")
    pg_stop = None
    if args.postgres:
        database, pg_sock, pg_stop = start_postgres(work)
    else:
        database = "sqlite:" + os.path.join(work, "fg.db")
    log = open(os.path.join(work, "server.log"), "w")
    fg = subprocess.Popen([BIN, "--database", database, "--assets-dir", ASSETS, "serve", "--demo",
                           "--listen", f"127.0.0.1:{FG_PORT}"], stdout=log, stderr=subprocess.STDOUT, env=env)
    nginx = None
    try:
        wait_port(FG_PORT, fg)
        token = bearer_token()
        auth = {"Authorization": "Bearer " + token}
        # The exact bytes of each answer, for nginx to serve.
        root = os.path.join(work, "www")
        os.makedirs(root)
        bodies = {
            "lunar": http("GET", "/api/v1/calendar/lunar?date=2026-02-17")[2],
            "unit": http("GET", "/api/v1/units/75", headers=auth)[2],
            "write": http("POST", "/api/v1/units", json.dumps({"code": "BENCH0", "name": "Xã Bench", "level": "commune",
                                                                "parent_code": "75"}), dict(auth, **{"Content-Type": "application/json"}))[2],
        }
        # The ward's demo dossiers for the lookup, a procedure of the ward for the intake.
        codes = [d["code"] for d in json.loads(http("GET", "/api/v1/dossiers?unit=25270&limit=100", headers=auth)[2])["items"]]
        lookup_paths = ["/api/v1/public/dossiers/" + urllib.parse.quote(c, safe="") for c in codes]
        procedure = json.loads(http("GET", "/api/v1/procedures?unit=25270&limit=1")[2])["items"][0]["id"]
        intake_body = json.dumps({"procedure_id": procedure, "unit_code": "25270", "summary": "Hồ sơ đo tải",
                                  "applicant": {"name": "Nguyễn Văn Thử", "phone": "0912 345 678"}}, ensure_ascii=False)
        os.makedirs(os.path.join(root, "lookup"))
        for i, p in enumerate(lookup_paths):
            open(os.path.join(root, "lookup", str(i)), "wb").write(http("GET", p)[2])
            # With 4 wrong digits the answer is the same, read in full every time.
            if http("GET", p + "?check=0000")[2] != open(os.path.join(root, "lookup", str(i)), "rb").read():
                sys.exit(f"lookup {p}: the answer with wrong digits differs")
        def rotate_script(name, paths):
            # Each wrk thread walks the list from its own starting point.
            path = os.path.join(work, name + ".lua")
            open(path, "w").write("""
local paths = {%s}
i = 0  -- a global: setup's thread:set gives each thread its own start
local started = 0
setup = function(thread) started = started + 1; thread:set("i", started * 37) end
request = function() i = i %% #paths + 1; return wrk.format("GET", paths[i]) end
""" % ", ".join(json.dumps(p) for p in paths))
            return path
        nginx_lookup = rotate_script("nginx_lookup", [f"/lookup/{i}" for i in range(len(lookup_paths))])
        fg_lookup = rotate_script("fg_lookup", lookup_paths)
        fg_lookup_full = rotate_script("fg_lookup_full", [p + "?check=0000" for p in lookup_paths])
        st, _, bodies["intake"], _ = http("POST", "/api/v1/dossiers", intake_body.encode(),
                                          dict(auth, **{"Content-Type": "application/json"}))
        if st != 201:
            sys.exit(f"intake: {st} {bodies['intake'][:300]!r}")
        kiosk_token = paired_kiosk_token(token)
        rating_headers = {"X-Kiosk": "1", "X-Kiosk-Token": kiosk_token, "Content-Type": "application/json"}
        st, _, bodies["rating"], _ = http("POST", "/api/v1/kiosk/ratings",
                                          json.dumps({"level": "satisfied", "client_key": "bench-0"}), rating_headers)
        if st != 201:
            sys.exit(f"rating: {st} {bodies['rating'][:300]!r}")
        # The portal's pages (issue 16), as an anonymous visitor gets them.
        portal = {"g": ("(g) portal catalogue", "/xa/25270/thu-tuc"),
                  "h": ("(h) portal procedure", "/xa/25270/thu-tuc/1.001193"),
                  "i": ("(i) portal figures", "/xa/25270/so-lieu")}
        for case, (_, path) in portal.items():
            st, h, body, sc = http("GET", path)
            if st != 200 or sc or not h.get("etag"):
                sys.exit(f"portal {path}: {st}, cookies {sc}, etag {h.get('etag')}")
            bodies["portal_" + case] = body
        # Feedback intake (issue 15): the public form, as a phone posts it (the CSRF cookie and token of
        # one GET of the form), and a Facebook page's webhook (a connected page, signed messages).
        _, _, _, sc = http("GET", "/gop-y?unit=25270")
        form_csrf = cookie(sc, "fg_csrf")
        form_body = urllib.parse.urlencode({"csrf_token": form_csrf, "unit_code": "25270", "feedback_kind": "feedback",
                                            "category": "infrastructure", "feedback_title": "Đèn đường hỏng",
                                            "content": "Đèn đường ấp 3 tắt đã một tuần.", "phone": "0912 345 678"})
        form_headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "fg_csrf=" + form_csrf}
        st, _, bodies["feedback_form"], sc = http("POST", "/gop-y", form_body, form_headers)
        if st != 303:
            sys.exit(f"feedback form: {st} {bodies['feedback_form'][:300]!r}")
        st, _, _, _ = http("PUT", "/api/v1/feedback/channels/facebook?unit=25270", json.dumps({"secret": FACEBOOK_SECRET}),
                           dict(auth, **{"Content-Type": "application/json"}))
        if st != 204:
            sys.exit(f"facebook channel: {st}")
        probe = facebook_body("m-probe")
        st, _, bodies["webhook"], _ = http("POST", "/api/v1/feedback/webhooks/facebook/25270", probe,
                                           {"Content-Type": "application/json", "X-Hub-Signature-256": facebook_signature(probe)})
        if st != 200 or b'"created":1' not in bodies["webhook"]:
            sys.exit(f"webhook: {st} {bodies['webhook'][:300]!r}")
        for k, v in bodies.items():
            open(os.path.join(root, k), "wb").write(v)
        conf = os.path.join(work, "nginx.conf")
        open(conf, "w").write(f"""worker_processes auto; pid {work}/nginx.pid; error_log {work}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{ access_log {work}/nginx-access.log combined buffer=64k; keepalive_requests 100000;
  default_type application/json;
  server {{ listen 127.0.0.1:{NGINX_PORT}; root {root}; }} }}
""")
        nginx = subprocess.Popen(["nginx", "-c", conf, "-g", "daemon off;"])
        wait_port(NGINX_PORT, nginx)
        def unique_post_script(name, run, path, headers, body):
            # POSTs whose `body` (a Lua expression) may use `key`, unique across
            # threads and runs: <run>-<thread>-<n>.
            script = os.path.join(work, f"{name}{run}.lua")
            lua_headers = ", ".join(f'["{k}"] = "{v}"' for k, v in headers.items())
            open(script, "w").write(f"""
local n = 0
local next_id = 0
setup = function(thread) next_id = next_id + 1; thread:set("tid", "{run}-" .. next_id) end
request = function()
  n = n + 1
  local key = tid .. '-' .. n
  return wrk.format("POST", "{path}", {{{lua_headers}}}, {body})
end
""")
            return script
        def write_script(run):
            return unique_post_script("write", run, "/api/v1/units",
                                      {"Authorization": "Bearer " + token, "Content-Type": "application/json"},
                                      """'{"code":"B' .. key .. '","name":"Xã Bench","level":"commune","parent_code":"75"}'""")
        def rating_script(run):
            return unique_post_script("rating", run, "/api/v1/kiosk/ratings",
                                      {"X-Kiosk": "1", "X-Kiosk-Token": kiosk_token, "Content-Type": "application/json"},
                                      """'{"level":"very_satisfied","client_key":"r' .. key .. '"}'""")
        form_script = os.path.join(work, "feedback_form.lua")
        open(form_script, "w").write("""
wrk.method = "POST"
wrk.body = [==[%s]==]
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "fg_csrf=%s"
""" % (form_body, form_csrf))
        def webhook_script(run, count):
            # `count` distinct signed messages (a platform sends each once), walked in turn by the threads;
            # read from a data file (a Lua chunk may hold at most 65,536 constants).
            data = os.path.join(work, f"webhook{run}.txt")
            with open(data, "w") as f:
                for i in range(count):
                    body = facebook_body(f"m-{run}-{i}")
                    f.write(facebook_signature(body) + "\t" + body + "\n")
            script = os.path.join(work, f"webhook{run}.lua")
            open(script, "w").write("""
local reqs = {}
for line in io.lines("%s") do
  local sig, body = line:match("^([^\\t]+)\\t(.*)$")
  reqs[#reqs + 1] = {body, sig}
end
i = 0  -- a global: setup's thread:set gives each thread its own start
local started = 0
setup = function(thread) started = started + 1; thread:set("i", (started - 1) * math.floor(#reqs / 2)) end
request = function()
  i = i %% #reqs + 1
  return wrk.format("POST", "/api/v1/feedback/webhooks/facebook/25270",
    {["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = reqs[i][2]}, reqs[i][1])
end
""" % data)
            return script
        intake_script = os.path.join(work, "intake.lua")
        open(intake_script, "w").write("""
wrk.method = "POST"
wrk.body = [==[%s]==]
wrk.headers["Authorization"] = "Bearer %s"
wrk.headers["Content-Type"] = "application/json"
""" % (intake_body, token))
        header = open(os.path.join(work, "auth.lua"), "w")
        header.write('wrk.headers["Authorization"] = "Bearer %s"\n' % token)
        header.close()

        def durable_case(label, nginx_path, fg_path, conns, script, note=""):
            n_rps, n_p99, _, _ = wrk(NGINX_PORT, nginx_path, conns, args.seconds)
            b0, w0 = metric("friendlygov_db_write_batches_total"), metric("friendlygov_db_writes_total")
            f_rps, f_p99, bad, err = wrk(FG_PORT, fg_path, conns, args.seconds, script)
            b1, w1 = metric("friendlygov_db_write_batches_total"), metric("friendlygov_db_writes_total")
            limit = 1 / (1 / n_rps + 1 / raw_rows)
            batch = (w1 - w0) / max(1, b1 - b0)
            print(f"{label:<26}{conns:>6}{n_rps:>13,.0f}{n_p99:>8.2f}{f_rps:>11,.0f}{f_p99:>8.2f}{f_rps / limit:>7.2f}  0.50  "
                  f"vs combined limit {limit:,.0f}/s; {w1 - w0:,.0f} writes{note}; mean group commit {batch:.1f}; "
                  f"{bad} non-2xx/3xx {err}")

        print(f"date {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, {args.seconds} s per run, database {database.split(':')[0]}")
        if not set("cefjk") & set(args.cases):
            pass  # no write case: no raw insert reference to measure
        elif args.postgres:
            raw_rows = pgbench_inserts(pg_sock, args.seconds, 64)
            print(f"pgbench pipelined inserts (100 rows/transaction, 64 clients, fsync on): {raw_rows:,.0f} rows/s")
        else:
            raw = subprocess.run([STORE_BENCH, "50000", "128", work], capture_output=True, text=True, timeout=600).stdout
            raw_rows = float(re.search(r"raw SQLite.*?:\s+(\d+)", raw).group(1))
            store_rows = float(re.search(r"store, \d+ coroutines.*?:\s+(\d+)", raw).group(1))
            print(f"raw SQLite inserts (100 rows/transaction, synchronous=FULL, WAL): {raw_rows:,.0f} rows/s; "
                  f"store_bench (in-process, 128 waiting writes): {store_rows:,.0f} rows/s, ratio {store_rows / raw_rows:.2f} (floor 0.70)")
        print()
        print(f"{'case':<26}{'conns':>6}{'nginx req/s':>13}{'p99 ms':>8}{'fg req/s':>11}{'p99 ms':>8}{'ratio':>7}  floor  notes")
        for conns in (64, 256):
            if "a" in args.cases:
                n_rps, n_p99, _, _ = wrk(NGINX_PORT, "/lunar", conns, args.seconds)
                f_rps, f_p99, bad, err = wrk(FG_PORT, "/api/v1/calendar/lunar?date=2026-02-17", conns, args.seconds)
                print(f"{'(a) public lunar':<26}{conns:>6}{n_rps:>13,.0f}{n_p99:>8.2f}{f_rps:>11,.0f}{f_p99:>8.2f}{f_rps / n_rps:>7.2f}  0.80  {bad} non-2xx {err}")
            if "b" in args.cases:
                n_rps, n_p99, _, _ = wrk(NGINX_PORT, "/unit", conns, args.seconds)
                f_rps, f_p99, bad, err = wrk(FG_PORT, "/api/v1/units/75", conns, args.seconds, os.path.join(work, "auth.lua"))
                print(f"{'(b) token point read':<26}{conns:>6}{n_rps:>13,.0f}{n_p99:>8.2f}{f_rps:>11,.0f}{f_p99:>8.2f}{f_rps / n_rps:>7.2f}  0.50  {bad} non-2xx {err}")
            if "c" in args.cases:
                durable_case("(c) durable write", "/write", "/api/v1/units", conns, write_script(conns))
            if "d" in args.cases:
                n_rps, n_p99, _, _ = wrk(NGINX_PORT, "/", conns, args.seconds, nginx_lookup)
                f_rps, f_p99, bad, err = wrk(FG_PORT, "/", conns, args.seconds, fg_lookup)
                print(f"{'(d) public lookup':<26}{conns:>6}{n_rps:>13,.0f}{n_p99:>8.2f}{f_rps:>11,.0f}{f_p99:>8.2f}{f_rps / n_rps:>7.2f}  0.50  "
                      f"{len(lookup_paths)} codes in turn; p99 floor 10 ms; {bad} non-2xx {err}")
                f_rps, f_p99, bad, err = wrk(FG_PORT, "/", conns, args.seconds, fg_lookup_full)
                print(f"{'(d) ... with wrong digits':<26}{conns:>6}{n_rps:>13,.0f}{n_p99:>8.2f}{f_rps:>11,.0f}{f_p99:>8.2f}{f_rps / n_rps:>7.2f}     -  "
                      f"read in full every time (no held answer); {bad} non-2xx {err}")
            if "e" in args.cases:
                durable_case("(e) durable intake", "/intake", "/api/v1/dossiers", conns, intake_script)
            if "f" in args.cases:
                durable_case("(f) durable rating", "/rating", "/api/v1/kiosk/ratings", conns, rating_script(conns))
            if "j" in args.cases:
                durable_case("(j) feedback form", "/feedback_form", "/gop-y", conns, form_script)
            if "k" in args.cases:
                durable_case("(k) feedback webhook", "/webhook", "/api/v1/feedback/webhooks/facebook/25270", conns,
                             webhook_script(conns, 120000), " (a write per new message)")
            for case, (label, path) in portal.items():
                if case not in args.cases:
                    continue
                n_rps, n_p99, _, _ = wrk(NGINX_PORT, "/portal_" + case, conns, args.seconds)
                f_rps, f_p99, bad, err = wrk(FG_PORT, path, conns, args.seconds)
                print(f"{label:<26}{conns:>6}{n_rps:>13,.0f}{n_p99:>8.2f}{f_rps:>11,.0f}{f_p99:>8.2f}{f_rps / n_rps:>7.2f}  0.70  "
                      f"{len(bodies['portal_' + case]):,} bytes; {bad} non-2xx {err}")
    finally:
        for p in (nginx, fg):
            if p and p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    p.kill()
        log.close()
        if pg_stop:
            pg_stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
