"""How long Ctrl-C takes to stop ``recapcast studio`` with a page open (target: under 1 s).

For each of N runs (default 5), in a temporary show holding ep12 (the real voice): start the real
command (its voice warm), open the progress stream a page keeps open and load the episode
list, then send SIGINT and time until the process has ended. Prints each run and the
median; stderr must be the two lines ``press Ctrl-C to stop`` and ``stopped``.
``--during-warm-up``: SIGINT 0.5 s after the address is printed, while the voice is still
loading (the studio does not wait for it: takes are written atomically).

    python benchmarks/studio_stop.py [--runs 5] [--during-warm-up]
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
    parser.add_argument("--during-warm-up", action="store_true")
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
            if args.during_warm_up:
                time.sleep(0.5)
                times.append(_stop(proc))
                print(f"{n:3d} stopped during warm-up in {times[-1]:.3f} s", flush=True)
                continue
            stream = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            stream.request("GET", "/api/events", headers=cookie)
            stream.getresponse().fp.readline()
            page = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            page.request("GET", "/api/episodes", headers=cookie)
            page.getresponse().read()
            # A new word spoken (a cached one would answer at once): the voice is loaded
            # (while it loads, in the studio's first seconds, a stop does not wait for it).
            word = f'{{"word": "Ready{"x" * n}"}}'.encode()
            page.request("POST", "/api/episodes/ep12/pronounce/try", body=word,
                         headers={**cookie, "Content-Type": "application/json",
                                  "Origin": f"http://127.0.0.1:{port}",
                                  "Host": f"127.0.0.1:{port}"})
            page.getresponse().read()
            time.sleep(1)
            took = _stop(proc)
            stream.close()
            page.close()
            times.append(took)
            print(f"{n:3d} stopped in {took:.3f} s", flush=True)
    print(f"median {statistics.median(times):.3f} s (target < 1 s)")


def _stop(proc: subprocess.Popen) -> float:
    """SIGINT, and the seconds until the process has ended (with the two lines)."""
    started = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    took = time.perf_counter() - started
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert err == "press Ctrl-C to stop\nstopped\n", err
    return took


if __name__ == "__main__":
    main()
