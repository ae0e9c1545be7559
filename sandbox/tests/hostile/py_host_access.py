# expect: ok
# stdout: blocked blocked blocked blocked blocked blocked
# why: No host file, process, socket, thread or writable place is reachable from Python.

import os

def attempt(action):
    try:
        result = action()
        return "LEAK:" + repr(result)[:40]
    except BaseException:
        return "blocked"

def spawn_thread():
    import threading
    t = threading.Thread(target=lambda: None)
    t.start()
    return "started"

def open_socket():
    import socket
    s = socket.socket()
    s.connect(("127.0.0.1", 80))
    return s

results = [
    attempt(lambda: open("/etc/passwd").read()),
    attempt(lambda: os.system("cat /etc/passwd") or None),
    attempt(lambda: __import__("subprocess").run(["cat", "/etc/passwd"])),
    attempt(open_socket),
    attempt(spawn_thread),
    attempt(lambda: open("/lib/pwned.txt", "w").write("x")),
]
print(" ".join(results))
