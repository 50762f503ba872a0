#!/usr/bin/env python3
"""An SMTP sink for the notification tests (aiosmtpd, Debian python3-aiosmtpd).

Every message received is decoded with Python's own e-mail parser and
appended to LOG as a JSON line {"from", "to", "subject", "text", "html",
"message_id", "charset_ok"}, so the tests check what a mail client would show
rather than the bytes the sender wrote.

Usage: smtp_sink.py PORT_FILE LOG
"""
import json
import os
import socket
import sys
import time
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller

port_file, log_path = sys.argv[1], sys.argv[2]


class Sink:
    async def handle_DATA(self, server, session, envelope):
        msg = BytesParser(policy=policy.default).parsebytes(envelope.original_content or envelope.content)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        with open(log_path, "a") as f:
            f.write(json.dumps({
                "from": envelope.mail_from,
                "to": envelope.rcpt_tos,
                "subject": str(msg["subject"]),
                "text": text.get_content() if text else "",
                "html": html.get_content() if html else "",
                "message_id": str(msg["message-id"]),
                "charset_ok": bool(text) and text.get_content_charset() == "utf-8",
            }, ensure_ascii=False) + "\n")
        return "250 OK"


s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
controller = Controller(Sink(), hostname="127.0.0.1", port=port)
controller.start()
with open(port_file + ".tmp", "w") as f:
    f.write(str(port))
os.rename(port_file + ".tmp", port_file)
while True:
    time.sleep(3600)
