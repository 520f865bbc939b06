#!/usr/bin/env python3
"""A local SMTP sink for the mailer's end-to-end tests (aiosmtpd from PyPI).

Usage: smtp_sink.py PORT FOLDER
Listens on 127.0.0.1:PORT and writes each message it receives to FOLDER/NNNN.eml (written
beside, then renamed, so a reader never sees half a message), exactly as it came (the DATA,
CRLF line endings). Writes FOLDER/ready once it listens; runs until killed.
"""
import os
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.lock = threading.Lock()
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        tmp = os.path.join(self.folder, ".%04d.tmp" % n)
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(self.folder, "%04d.eml" % n))
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port, decode_data=False)
    controller.start()
    with open(os.path.join(folder, "ready"), "w") as f:
        f.write(str(port))
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
