"""How long Ctrl-C takes to stop ``recapcast studio`` with a page open (target: under 1 s).

For each of N runs (default 5), in a temporary show holding ep12 (the real voice): start the real
command (its voice warm), open the progress stream a page keeps open and load the episode
list, then send SIGINT and time until the process has ended. Prints each run and the
median; stderr must be the two lines ``press Ctrl-C to stop`` and ``stopped``.

    python benchmarks/studio_stop.py [--runs 5]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        show = Path(tmp) / "show"
        (show / "scripts").mkdir(parents=True)
        for name in ("recapcast.toml", "lexicon.toml"):
            if (ROOT / name).is_file():
                shutil.copy(ROOT / name, show / name)
        shutil.copy(ROOT / "scripts" / "ep12.md", show / "scripts" / "ep12.md")
        env["XDG_STATE_HOME"] = str(Path(tmp) / "state")
        for n in range(1, args.runs + 1):
            proc = subprocess.Popen([sys.executable, "-m", "recapcast", "studio",
                                     "--no-browser"], cwd=show, env=env, text=True,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            found = re.search(r":(\d+)/\?token=(\S+)", proc.stdout.readline())
            port, token = int(found.group(1)), found.group(2)
            cookie = {"Cookie": f"recapcast-studio-{port}={token}"}
            stream = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            stream.request("GET", "/api/events", headers=cookie)
            stream.getresponse().fp.readline()
            page = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            page.request("GET", "/api/episodes", headers=cookie)
            page.getresponse().read()
            # A word spoken: the voice is loaded (while it loads, in its first seconds, the
            # imports of onnxruntime hold the interpreter and a stop waits for them).
            page.request("POST", "/api/episodes/ep12/pronounce/try", body=b'{"word": "Ready"}',
                         headers={**cookie, "Content-Type": "application/json",
                                  "Origin": f"http://127.0.0.1:{port}",
                                  "Host": f"127.0.0.1:{port}"})
            page.getresponse().read()
            time.sleep(1)
            started = time.perf_counter()
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)
            took = time.perf_counter() - started
            err = proc.stderr.read()
            stream.close()
            page.close()
            proc.stdout.close()
            proc.stderr.close()
            assert err == "press Ctrl-C to stop\nstopped\n", err
            times.append(took)
            print(f"{n:3d} stopped in {took:.3f} s", flush=True)
    print(f"median {statistics.median(times):.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
