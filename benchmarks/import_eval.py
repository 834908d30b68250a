"""Corpus evaluation of import: how many of an editor's checks hold, per recap and in all.

    python benchmarks/import_eval.py                    # the table, families and total
    python benchmarks/import_eval.py --json             # the same for machines
    python benchmarks/import_eval.py --folder DIR       # score other recaps (repeatable)
    python benchmarks/import_eval.py --check            # exit 1 if a recap fell below its floor
    python benchmarks/import_eval.py --update-baseline  # pin today's figures as the floors

Every recap that sits next to a ``NAME.expected.json`` (the shared corpus, ``s*``, and
``tests/data/recaps``; keys explained in the corpus README) is imported as
``tests/test_import_corpus.py`` imports it, and each expectation counts as one check:

- ``title``, ``show``, ``season``, ``episode``: one check each, the value import found;
- each ``chapters`` entry: found as a heading, in order;
- each ``quotes`` entry: voiced as its speaker, starting with its words, in order;
- each ``must_speak`` phrase: in what the episode says (recall);
- each ``must_not_speak`` phrase: absent (precision on furniture);
- each ``says`` pair: what the voice is handed (``speakable``) holds the spoken form.

The headline is "N of M editor's checks hold (P %)". Families are named by the file name's
prefix (``holdout-h1`` is family ``holdout-h``; the corpus's ``s1`` is ``corpus s*``; our
other recaps in other shapes are ``shapes``). ``--check`` compares each recap's held
checks with ``import_eval_baseline.json`` (as trafilatura's evaluation gate does), so a rule
that fixes one recap and breaks another shows up as a number; recaps absent from the
baseline or from this machine are reported, not failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from recapcast.errors import RecapcastError  # noqa: E402
from recapcast.model import Heading, Paragraph, Quote, Script  # noqa: E402
from recapcast.text.dialogue import runs  # noqa: E402
from recapcast.text.script import import_source, parse_script, render_script  # noqa: E402
from recapcast.text.sources import format_of, read_source  # noqa: E402
from recapcast.text.speakable import speakable, split_sentences  # noqa: E402
from recapcast.text.titles import straight_quotes  # noqa: E402

BASELINE = Path(__file__).with_name("import_eval_baseline.json")
OURS = ROOT / "tests" / "data" / "recaps"
EPISODE_ID = "ep1"
KINDS = ("meta", "chapters", "quotes", "must_speak", "must_not_speak", "says")


def corpus_folder() -> Path:
    """The shared corpus, found as ``tests/conftest.py`` finds it."""
    candidates = [Path(os.environ["RECAPCAST_CORPUS"])] if os.environ.get("RECAPCAST_CORPUS") \
        else []
    candidates += [ROOT.parent / "shared" / "recaps" / "corpus",
                   Path("/work/shared/recaps/corpus")]
    return next((p for p in candidates if p.is_dir()), candidates[0])


def recaps(folder: Path) -> list[Path]:
    """The recaps in ``folder`` that have expectations beside them."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if not p.name.endswith(".json") and p.name != "README.md"
                  and not p.name.startswith(".")
                  and p.with_name(p.stem + ".expected.json").is_file())


def family(path: Path) -> str:
    """``holdout-h3`` -> ``holdout-h``; ``s3`` -> ``corpus s*``; other names -> ``shapes``."""
    if match := re.match(r"(holdout-[a-z]+)\d", path.stem):
        return match.group(1)
    if re.fullmatch(r"s\d+", path.stem):
        return "corpus s*"
    return "shapes"


def _norm(text: str) -> str:
    """Lowercase words, quote marks and other punctuation ignored (as the tests compare)."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", straight_quotes(text).lower()).split())


def _imported(path: Path) -> Script:
    """The script import writes for ``path``, read back as the build would read it."""
    source = read_source(path.read_bytes(), path.name, format_of(path.name), max_bytes=100_000)
    script = import_source(source, EPISODE_ID, date=dt.date(2027, 1, 1))
    return parse_script(render_script(script), EPISODE_ID)


def _voiced(script: Script) -> list[Quote]:
    """What a speaker's voice says, in order: whole-line quotes, and quotations inside a
    paragraph whose speaker is named beside them (voiced as runs of the paragraph)."""
    out: list[Quote] = []
    for block in script.blocks:
        if isinstance(block, Quote):
            out.append(block)
        elif isinstance(block, Paragraph):
            out += [Quote(r.text, r.speaker) for r in runs(block.text) if r.speaker]
    return out


def _spoken(script: Script) -> list[str]:
    """Everything the episode says: headings, paragraphs, quotes and the speakers named."""
    out = []
    for block in script.blocks:
        if isinstance(block, Heading | Paragraph):
            out.append(block.text)
        elif isinstance(block, Quote):
            out += [block.text, block.speaker]
    return out


def _in_order(wanted: list, candidates: list, matches) -> list[bool]:
    """For each wanted item, whether it is found after the previous one found."""
    position, held = 0, []
    for want in wanted:
        found = next((i for i in range(position, len(candidates))
                      if matches(want, candidates[i])), None)
        held.append(found is not None)
        if found is not None:
            position = found + 1
    return held


@dataclass
class Score:
    """One recap's checks: for each kind, the failed expectations and how many there were."""

    name: str
    family: str
    total: dict[str, int] = field(default_factory=dict)
    failed: dict[str, list] = field(default_factory=dict)
    error: str = ""

    @property
    def checks(self) -> int:
        return sum(self.total.values())

    @property
    def held(self) -> int:
        return self.checks - sum(len(f) for f in self.failed.values())

    def add(self, kind: str, items: list, held: list[bool]) -> None:
        self.total[kind] = self.total.get(kind, 0) + len(items)
        failed = [item for item, ok in zip(items, held, strict=True) if not ok]
        self.failed.setdefault(kind, []).extend(failed)


def score(path: Path) -> Score:
    """Import ``path`` and count which of its ``.expected.json`` checks hold."""
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    result = Score(path.name, family(path))
    try:
        script = _imported(path)
    except RecapcastError as exc:  # refused: every check fails, the reason is shown
        script, result.error = None, str(exc)
    if script is None:
        expected["meta"] = ["title", "show", "season", "episode"]
        for kind in KINDS:
            items = expected.get(kind, [])
            result.add(kind, items, [False] * len(items))
        return result

    meta = script.meta
    found = {"title": meta.title, "show": meta.show, "season": meta.season,
             "episode": meta.episode}
    wanted = {"title": expected["title"] or EPISODE_ID, "show": expected["show"] or "",
              "season": expected["season"], "episode": expected["episode"]}
    result.add("meta", [f"{k}: {found[k]!r} (expected {wanted[k]!r})" for k in wanted],
               [found[k] == wanted[k] for k in wanted])

    headings = [_norm(b.text) for b in script.blocks if isinstance(b, Heading)]
    chapters = expected["chapters"]
    result.add("chapters", chapters,
               _in_order(chapters, headings, lambda want, head: head == _norm(want)))

    quotes = _voiced(script)
    wants = expected["quotes"]
    result.add("quotes", [f"{q['speaker']}: {q['starts']}" for q in wants],
               _in_order(wants, quotes, lambda want, q: (
                   _norm(q.speaker) == _norm(want["speaker"])
                   and _norm(q.text).startswith(_norm(want["starts"])))))

    spoken = _spoken(script)
    words = " " + " ".join(_norm(s) for s in spoken) + " "
    raw = "\n".join(speakable(s, phonemes=False) for s in spoken)
    speak = expected["must_speak"]
    result.add("must_speak", speak, [f" {_norm(p)} " in words for p in speak])
    avoid = expected["must_not_speak"]
    # Entries made only of symbols can only be checked in what the voice is handed.
    result.add("must_not_speak", avoid, [f" {_norm(p)} " not in words if _norm(p)
                                         else p not in raw for p in avoid])
    pairs = expected.get("says", [])
    result.add("says", [f"{w} -> {s}" for w, s in pairs],
               [_says(path, spoken, w, s, expected.get("language", "en-us")) for w, s in pairs])
    return result


def _says(path: Path, spoken: list[str], written: str, said: str, language: str) -> bool:
    """Whether the voice says ``written`` as ``said``: in the block of the script that holds
    it, else (a form import took into the metadata, such as the title line's ``S03E06``) in
    the recap's sentence that holds it, as ``tests/test_speakable_corpus.py`` checks. A
    recap's ``language`` (the show's, as show.toml sets it; en-us unless the expectations
    say) decides the words."""
    where = next((s for s in spoken if written in s), None)
    if where is None:
        line = next((x for x in path.read_text("utf-8", "replace").splitlines()
                     if written in x), None)
        if line is None:
            return False
        where = next((s for s in split_sentences(line) if written in s), line)
    return f" {_norm(said)} " in f" {_norm(speakable(where, phonemes=False, language=language))} "


def _percent(held: int, checks: int) -> str:
    return f"{100 * held / checks:.1f} %" if checks else "-"


def headline(held: int, checks: int) -> str:
    return f"{held} of {checks} editor's checks hold ({_percent(held, checks)})"


def _families(scores: list[Score]) -> dict[str, tuple[int, int, int]]:
    """family -> (recaps, held, checks)."""
    out: dict[str, tuple[int, int, int]] = {}
    for s in scores:
        n, held, checks = out.get(s.family, (0, 0, 0))
        out[s.family] = (n + 1, held + s.held, checks + s.checks)
    return dict(sorted(out.items()))


def report(scores: list[Score], verbose: bool) -> str:
    cols = ("recap", "held", "%") + KINDS[:1] + ("chap", "quote", "speak", "not", "says")
    rows = [cols]
    for s in scores:
        cells = [f"{s.total.get(k, 0) - len(s.failed.get(k, []))}/{s.total.get(k, 0)}"
                 if k in s.total else "-" for k in KINDS]
        rows.append((s.name, f"{s.held}/{s.checks}", _percent(s.held, s.checks), *cells))
    widths = [max(len(r[i]) for r in rows) for i in range(len(cols))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                       for i, (c, w) in enumerate(zip(r, widths, strict=True))) for r in rows]
    if verbose:
        for s in scores:
            if s.error:
                lines.append(f"  {s.name}: refused: {s.error}")
            for kind, items in s.failed.items():
                lines += [f"  {s.name}: {kind}: {item}" for item in items]
    lines += ["", "family"]
    for name, (n, held, checks) in _families(scores).items():
        lines.append(f"  {name:<12} {n:>3} recaps  {headline(held, checks)}")
    held, checks = sum(s.held for s in scores), sum(s.checks for s in scores)
    lines += ["", f"total: {len(scores)} recaps, {headline(held, checks)}"]
    return "\n".join(lines)


def as_json(scores: list[Score]) -> dict:
    held, checks = sum(s.held for s in scores), sum(s.checks for s in scores)
    return {"held": held, "checks": checks, "headline": headline(held, checks),
            "families": {name: {"recaps": n, "held": h, "checks": c}
                         for name, (n, h, c) in _families(scores).items()},
            "recaps": [{**asdict(s), "held": s.held, "checks": s.checks} for s in scores]}


def gate(scores: list[Score], baseline: dict) -> list[str]:
    """The recaps whose held checks fell below their pinned floor."""
    floors = {name: pinned["held"] for name, pinned in baseline.get("recaps", {}).items()}
    return [f"{s.name}: {s.held} checks hold, the floor is {floors[s.name]}"
            for s in scores if s.name in floors and s.held < floors[s.name]]


def write_baseline(scores: list[Score]) -> None:
    """Pin these recaps' figures; recaps pinned before and not scored now stay pinned (so
    pinning a new folder of hold-outs keeps the corpus's floors)."""
    pinned = json.loads(BASELINE.read_text("utf-8")).get("recaps", {}) \
        if BASELINE.is_file() else {}
    pinned.update({s.name: {"held": s.held, "checks": s.checks} for s in scores})
    held = sum(p["held"] for p in pinned.values())
    checks = sum(p["checks"] for p in pinned.values())
    BASELINE.write_text(json.dumps(
        {"date": dt.date.today().isoformat(), "held": held, "checks": checks,
         "headline": headline(held, checks), "recaps": dict(sorted(pinned.items()))},
        indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        help="folders of recaps with expectations (default: the corpus and "
                             "tests/data/recaps)")
    parser.add_argument("--folder", action="append", type=Path, default=[],
                        help="another folder of recaps with expectations (repeatable)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each failed check")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a recap's held checks drop below the baseline")
    parser.add_argument("--update-baseline", action="store_true",
                        help=f"pin these figures in {BASELINE.name}")
    args = parser.parse_args(argv)

    folders = args.folders + args.folder or [corpus_folder(), OURS]
    paths = [p for folder in folders for p in recaps(folder)]
    if not paths:
        print(f"error: no recap with an .expected.json in {', '.join(map(str, folders))}",
              file=sys.stderr)
        return 2
    scores = [score(p) for p in paths]
    print(json.dumps(as_json(scores), indent=2) if args.json else report(scores, args.verbose))

    if args.update_baseline:
        write_baseline(scores)
        print(f"baseline written: {BASELINE}", file=sys.stderr)
    if args.check:
        baseline = json.loads(BASELINE.read_text("utf-8"))
        fell = gate(scores, baseline)
        unpinned = [s.name for s in scores if s.name not in baseline.get("recaps", {})]
        if unpinned:
            print(f"not in the baseline (not gated): {', '.join(unpinned)}", file=sys.stderr)
        for line in fell:
            print(f"below the floor: {line}", file=sys.stderr)
        if fell:
            return 1
        print(f"gate: all {len(scores) - len(unpinned)} pinned recaps at or above their floor",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
