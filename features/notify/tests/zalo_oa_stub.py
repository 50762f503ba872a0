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
        with lock:
            state["n"] += 1
            n = state["n"]
            with open(log_path, "a") as f:
                f.write(json.dumps({"token": self.headers.get("access_token", ""),
                                    "user_id": body["recipient"]["user_id"],
                                    "text": body["message"]["text"]}, ensure_ascii=False) + "\n")
        answer = json.dumps({"error": 0, "message": "Success", "data": {"message_id": "oa-%d" % n}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
