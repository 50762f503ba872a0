"""What the notification tests' local HTTP gateways share (zalo_oa_stub.py,
facebook_send_stub.py, sms_gateway_stub.py): a handler that reads and answers
JSON and logs nothing, a JSON line appended to a log, and the server on a free
loopback port whose number is written to a file once it listens.
"""
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()  # the stubs' counters and log files


class JsonHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def answer(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def append_line(path, obj):
    """Appends obj to path as one JSON line (call with `lock` held)."""
    with open(path, "a") as f:
        f.write(json.dumps(obj, ensure_ascii=False) + "\n")


def serve(handler, port_file):
    """Serves `handler` on 127.0.0.1 and a free port, written to port_file (atomically) once listening."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()
