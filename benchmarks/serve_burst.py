"""Connect times of ``recapcast serve`` under a burst of podcast players, on 127.0.0.1.

    python benchmarks/serve_burst.py [--clients 50] [--requests 10] [--runs 3]

Starts the server in a child process over a throwaway 4 MiB MP3, then ``--clients`` threads
at once each make ``--requests`` range requests of 64 KiB, every one on a new connection
(as players seeking through an episode do). Prints the p50, p99 and largest connect time,
how many connects took over 100 ms, and the wall time, for the listen backlog ``serve``
had before (5, socketserver's default) and the one it has now. Every answer is checked to
be a 206 with the right bytes.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
CHUNK = 64 * 1024
BLOCKS = 64

_SERVER = """
import sys
from pathlib import Path
from recapcast.publish.serve import ShowServer, Site, make_server
if int(sys.argv[2]):
    ShowServer.request_queue_size = int(sys.argv[2])
root = Path(sys.argv[1])
server = make_server(Site(root / "feed", root / "audio"), "127.0.0.1", 0)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


def burst(clients: int, requests: int, backlog: int) -> dict:
    """One burst against a fresh server; ``backlog`` 0 keeps the server's own."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "feed").mkdir()
        (root / "audio").mkdir()
        data = os.urandom(CHUNK * BLOCKS)
        (root / "audio" / "burst.mp3").write_bytes(data)
        env = dict(os.environ, PYTHONPATH=str(SRC))
        server = subprocess.Popen([sys.executable, "-c", _SERVER, str(root), str(backlog)],
                                  env=env, stdout=subprocess.PIPE, text=True)
        try:
            port = int(server.stdout.readline())
            connects: list[float] = []
            wrong: list[str] = []
            lock = threading.Lock()
            gate = threading.Barrier(clients)

            def client(n: int) -> None:
                gate.wait()
                for i in range(requests):
                    first = ((n * requests + i) % BLOCKS) * CHUNK
                    started = time.perf_counter()
                    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
                    took = time.perf_counter() - started
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    conn.sock = sock
                    conn.request("GET", "/audio/burst.mp3",
                                 headers={"Range": f"bytes={first}-{first + CHUNK - 1}"})
                    response = conn.getresponse()
                    body = response.read()
                    conn.close()
                    with lock:
                        connects.append(took * 1000)
                        if response.status != 206 or body != data[first:first + CHUNK]:
                            wrong.append(f"{response.status}, {len(body)} bytes")

            threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait()
    ms = sorted(connects)
    return {"p50": statistics.median(ms), "p99": ms[max(0, round(len(ms) * 0.99) - 1)],
            "max": ms[-1], "slow": sum(1 for m in ms if m > 100), "wall": wall,
            "wrong": len(wrong), "count": len(ms)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=10, help="per client")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(SRC))
    from recapcast.publish.serve import ShowServer

    print(f"{args.clients} clients x {args.requests} range requests of 64 KiB, "
          f"{args.runs} runs each; connect times in ms")
    print("backlog  run  p50    p99      max      >100ms  wall s  wrong")
    for backlog in (5, ShowServer.request_queue_size):
        for run in range(1, args.runs + 1):
            r = burst(args.clients, args.requests, backlog)
            print(f"{backlog:<8} {run:<4} {r['p50']:<6.2f} {r['p99']:<8.1f} {r['max']:<8.1f} "
                  f"{r['slow']:>3}/{r['count']:<4} {r['wall']:<7.2f} {r['wrong']}")


if __name__ == "__main__":
    main()
