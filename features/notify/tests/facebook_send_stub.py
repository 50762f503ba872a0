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
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, log_path = sys.argv[1], sys.argv[2]
lock = threading.Lock()
state = {"n": 0}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        auth = self.headers.get("Authorization", "")
        recipient = body["recipient"]["id"]
        with lock:
            state["n"] += 1
            n = state["n"]
            with open(log_path, "a") as f:
                f.write(json.dumps({"token": auth[len("Bearer "):] if auth.startswith("Bearer ") else "",
                                    "recipient": recipient,
                                    "messaging_type": body.get("messaging_type", ""),
                                    "tag": body.get("tag", ""),
                                    "text": body["message"]["text"]}, ensure_ascii=False) + "\n")
        outside = recipient == "late" or (recipient == "day2" and body.get("tag") != "HUMAN_AGENT")
        if outside:
            status = 400
            answer = {"error": {"message": "(#10) This message is sent outside of allowed window.",
                                "type": "OAuthException", "code": 10, "error_subcode": 2018278}}
        else:
            status = 200
            answer = {"recipient_id": recipient, "message_id": "m_%d" % n}
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
