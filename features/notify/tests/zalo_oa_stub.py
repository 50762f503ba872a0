#!/usr/bin/env python3
"""A local Zalo Official Account API for the notification tests (features/notify).

POST / with a consultation message, {"recipient": {"user_id"}, "message":
{"text"}}, and the OA's access token in the access_token header: answered as
Zalo answers, {"error": 0, "message": "Success", "data": {"message_id"}}, and
appended to LOG as a JSON line {"token", "user_id", "text"}.

Usage: zalo_oa_stub.py PORT_FILE LOG
Prints nothing; writes the port it listens on to PORT_FILE.
"""
import json
import sys

from stub_http import JsonHandler, append_line, lock, serve

port_file, log_path = sys.argv[1], sys.argv[2]
state = {"n": 0}


class Handler(JsonHandler):
    def do_POST(self):
        body = json.loads(self.body())
        with lock:
            state["n"] += 1
            n = state["n"]
            append_line(log_path, {"token": self.headers.get("access_token", ""),
                                   "user_id": body["recipient"]["user_id"],
                                   "text": body["message"]["text"]})
        self.answer(200, {"error": 0, "message": "Success", "data": {"message_id": "oa-%d" % n}})


serve(Handler, port_file)
