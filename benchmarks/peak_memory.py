"""Peak memory of a real build of one long paragraph without punctuation.

    python benchmarks/peak_memory.py --words 3000 --engine piper

Builds in a throwaway show with ``python -m recapcast`` in a child process and prints the
largest resident set of it and its children (resource.getrusage(RUSAGE_CHILDREN).ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def measure(words: int, engine: str) -> dict:
    """Build a ``words``-word unpunctuated paragraph; return peak RSS (MB), seconds, report."""
    with tempfile.TemporaryDirectory() as tmp:
        show = Path(tmp)
        (show / "scripts").mkdir()
        (show / "recapcast.toml").write_text(
            f'[show]\ntitle = "Memory"\n\n[voice]\nengine = "{engine}"\n', encoding="utf-8")
        vocabulary = ("jessica walks into the bar and orders a drink while luke waits by the "
                      "door and trish calls from the radio station about kilgrave").split()
        body = " ".join(vocabulary[i % len(vocabulary)] for i in range(words))
        (show / "scripts" / "ep1.md").write_text(
            f'---\ntitle: "Long"\n---\n\n# One paragraph\n\n{body}\n', encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(SRC))
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "recapcast", "build", "ep1", "--json"],
                                cwd=show, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {"peak_mb": round(peak_mb), "seconds": round(seconds, 1),
                "report": json.loads(result.stdout)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=3000)
    parser.add_argument("--engine", default="piper")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()
    out = measure(args.words, args.engine)
    if args.json:
        print(json.dumps(out))
        return
    report = out["report"]
    print(f"{args.words} words, engine {args.engine}: peak RSS {out['peak_mb']} MB, "
          f"{out['seconds']} s, {report['segments']} segments, "
          f"{report['duration_s']:.0f} s of audio")


if __name__ == "__main__":
    main()
