#!/usr/bin/env python3
"""A local Messenger Send API for the notification tests (features/notify).

POST / with {"recipient": {"id"}, "messaging_type", "tag", "message": {"text"}}
and the page's token as "Authorization: Bearer ...": answered as the Graph API
answers, {"recipient_id", "message_id"}, and appended to LOG as a JSON line
{"token", "recipient", "messaging_type", "tag", "text"}. Outside the messaging
window Messenger answers HTTP 400, {"error": {"code": 10, "error_subcode":
2018278, ...}} (logged too): so is a recipient named "day2" answered to a
standard reply (its last message was over 24 hours ago, but a HUMAN_AGENT tag
passes), and one named "late" to anything (over 7 days ago).

Usage: facebook_send_stub.py PORT_FILE LOG
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
        auth = self.headers.get("Authorization", "")
        recipient = body["recipient"]["id"]
        with lock:
            state["n"] += 1
            n = state["n"]
            append_line(log_path, {"token": auth[len("Bearer "):] if auth.startswith("Bearer ") else "",
                                   "recipient": recipient,
                                   "messaging_type": body.get("messaging_type", ""),
                                   "tag": body.get("tag", ""),
                                   "text": body["message"]["text"]})
        if recipient == "late" or (recipient == "day2" and body.get("tag") != "HUMAN_AGENT"):
            self.answer(400, {"error": {"message": "(#10) This message is sent outside of allowed window.",
                                        "type": "OAuthException", "code": 10, "error_subcode": 2018278}})
        else:
            self.answer(200, {"recipient_id": recipient, "message_id": "m_%d" % n})


serve(Handler, port_file)
