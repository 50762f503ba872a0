#!/usr/bin/env python3
"""A local SMS gateway for the notification tests (features/notify).

POST / with a JSON body {"to", "text", "id"} (the default body template).
The first FAIL calls answer 503; the call after them sleeps SLOW seconds (the
client times out) and then accepts; the rest accept at once. A message is
accepted once per idempotency key (the Idempotency-Key header): a repeat gets
the same message id and is not delivered again, as real gateways with
idempotency do. Every accepted message is appended to LOG as a JSON line
{"key", "to", "text", "id", "callback"}; every call to LOG.calls.

Usage: sms_gateway_stub.py PORT_FILE LOG FAIL SLOW
Prints nothing; writes the port it listens on to PORT_FILE.
"""
import json
import sys
import time

from stub_http import JsonHandler, append_line, lock, serve

port_file, log_path, fail, slow = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
state = {"calls": 0, "seen": {}}


class Handler(JsonHandler):
    def do_POST(self):
        body = self.body()
        key = self.headers.get("Idempotency-Key", "")
        with lock:
            state["calls"] += 1
            n = state["calls"]
            append_line(log_path + ".calls", {"n": n, "key": key})
        if n <= fail:
            return self.answer(503, {"status": "busy"})
        if n == fail + 1 and slow > 0:
            time.sleep(slow)
        msg = json.loads(body.decode("utf-8"))
        with lock:
            if key not in state["seen"]:
                state["seen"][key] = "gw-%d" % (len(state["seen"]) + 1)
                append_line(log_path, {"key": key, "to": msg["to"], "text": msg["text"],
                                       "id": state["seen"][key], "callback": msg.get("callback", "")})
            mid = state["seen"][key]
        try:
            self.answer(200, {"status": "ok", "id": mid})
        except (BrokenPipeError, ConnectionResetError):
            pass


serve(Handler, port_file)
