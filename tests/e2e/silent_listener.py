#!/usr/bin/env python3
"""A loopback server that takes one connection and never answers, for --timeout tests.

usage: silent_listener.py SECONDS > PORTFILE &
Prints its port (flushed) and stops by itself after SECONDS without a connection, or
SECONDS after taking one."""
import socket
import sys
import time

seconds = float(sys.argv[1])
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
s.settimeout(seconds)
print(s.getsockname()[1], flush=True)
try:
    c, _ = s.accept()
    time.sleep(seconds)
except OSError:
    pass
