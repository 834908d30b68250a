"""Pronunciation warnings on the recap corpus, run by hand (not a test).

    python benchmarks/check_names.py [CORPUS_DIR]

In a temporary show folder (``recapcast init``, the bundled Piper voice), every recap of the
corpus (default ``../shared/recaps/corpus``) is imported with ``recapcast import`` and the
scripts are checked with ``recapcast check``, as a user would. It prints each warned word
with its recap, count and line, and the share of warned words that are names. Which words
are not names was judged by hand once (``NOT_NAMES``; docs/check.md lists every word and
the judgement); a word warned that is in neither list is printed as unjudged.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_NAMES = frozenset({
    # Ordinary words or site furniture; warned, they count against the figure.
    "Recaps", "Nov", "Capt", "Kestrel", "B-plot",
})
_WARNING = re.compile(r"^scripts/(?P<id>[^:]+)\.md:(?P<line>\d+): warning: '(?P<word>[^']+)' "
                      r"\(said (?P<times>once|\w+ times)\)")


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "recapcast", *args], cwd=cwd, text=True,
                          capture_output=True, check=False)


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/recaps/corpus"
    recaps = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md", ".html")
                    and p.with_name(p.stem + ".expected.json").is_file())
    with tempfile.TemporaryDirectory() as tmp:
        show = Path(tmp) / "show"
        _cli("init", str(show), "--title", "Corpus", cwd=Path(tmp)).check_returncode()
        for recap in recaps:
            result = _cli("import", str(recap), recap.stem, cwd=show)
            if result.returncode:
                print(f"{recap.name}: import failed: {result.stderr.strip()}")
        out = _cli("check", cwd=show).stdout
    warned = [m.groupdict() for m in map(_WARNING.match, out.splitlines()) if m]
    for w in warned:
        mark = "not a name" if w["word"] in NOT_NAMES else "name"
        print(f"{w['id']}\t{w['word']}\t{w['times']}\tline {w['line']}\t{mark}")
    names = sum(w["word"] not in NOT_NAMES for w in warned)
    print(f"\n{len(warned)} warned words in {len(recaps)} recaps, {names} of them names "
          f"({names / max(1, len(warned)):.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
