"""Main-content extractors on recap pages: what each keeps, drops and how long it takes.

    pip install readability-lxml       # to compare with trafilatura (on its own: with
                                       # '.[bench]' pip 24 trips over lxml's two extras)
    python benchmarks/extractors.py

For each HTML recap of the shared corpus (``../shared/recaps/corpus``) and of
``tests/data/recaps``, runs trafilatura (as ``text/extract.py`` calls it) and
readability-lxml on the raw page and scores the article text against the page's
``.expected.json``: ``must_speak`` phrases kept, ``chapters`` kept as headings,
``must_not_speak`` phrases (site furniture, bylines, credits) left in. Then the same for
recapcast's whole import (the extractor plus the byline, title and structure rules).
Times are the mean of 20 runs after a warm-up, on one core.
"""

from __future__ import annotations

import html
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from recapcast.model import Heading, Paragraph, Quote  # noqa: E402
from recapcast.text.extract import _CONFIG  # noqa: E402
from recapcast.text.script import import_source  # noqa: E402
from recapcast.text.sources import decode_page, read_source  # noqa: E402

PAGES = sorted((ROOT.parent / "shared/recaps/corpus").glob("*.html")) + sorted(
    (ROOT / "tests/data/recaps").glob("*.html"))
RUNS = 20


def _norm(text: str) -> str:
    text = html.unescape(text).replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w\s]|_", " ", text.lower()).split())


def _trafilatura(page: str) -> tuple[str, list[str]]:
    import trafilatura

    xml = trafilatura.extract(page, output_format="xml", with_metadata=True,
                              include_formatting=True, include_comments=False,
                              include_tables=False, include_images=False, include_links=False,
                              config=_CONFIG, date_extraction_params={"extensive_search": False})
    heads = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<head[^>]*>(.*?)</head>", xml or "")]
    return re.sub(r"<[^>]+>", " ", xml or ""), heads


def _readability(page: str) -> tuple[str, list[str]]:
    from readability import Document

    summary = Document(page).summary(html_partial=True)
    heads = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>",
                                                           summary, re.S)]
    return re.sub(r"<[^>]+>", " ", summary), heads


def _recapcast(data: bytes, name: str) -> tuple[str, list[str]]:
    script = import_source(read_source(data, name, "html"), "ep1")
    spoken = [b.text for b in script.blocks if isinstance(b, Heading | Paragraph)]
    spoken += [f"{b.text} {b.speaker}" for b in script.blocks if isinstance(b, Quote)]
    return " ".join(spoken), [b.text for b in script.blocks if isinstance(b, Heading)]


def _score(text: str, heads: list[str], expected: dict) -> dict:
    words = f" {_norm(text)} "
    heads = [_norm(h) for h in heads]
    kept = [p for p in expected["must_speak"] if f" {_norm(p)} " in words]
    junk = [p for p in expected["must_not_speak"] if _norm(p) and f" {_norm(p)} " in words]
    chapters = [c for c in expected["chapters"] if _norm(c) in heads]
    return {"content": f"{len(kept)}/{len(expected['must_speak'])}",
            "headings": f"{len(chapters)}/{len(expected['chapters'])}",
            "furniture left": f"{len(junk)}/{len([p for p in expected['must_not_speak']])}",
            "left": junk}


def _ms(call) -> float:
    call()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.mean(times) * 1000


def _import_s(module: str) -> float:
    """Seconds a fresh interpreter takes to import ``module``."""
    code = (f"import time; t = time.perf_counter(); import {module}; "
            "print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout)


def _big_page(path: Path) -> str:
    """``path``'s page with its article's paragraphs repeated to about 1 MB."""
    page = decode_page(path.read_bytes(), path.name)
    paragraphs = "".join(re.findall(r"<p>.*?</p>", page, re.S))
    return page.replace("</article>", paragraphs * (1_000_000 // len(paragraphs)) + "</article>")


def main() -> None:
    try:
        import readability  # noqa: F401
    except ImportError:
        sys.exit("error: readability-lxml is not installed\n"
                 "hint: pip install readability-lxml (on its own, see this file's docstring)")
    for module in ("trafilatura", "readability"):
        print(f"import {module}: {min(_import_s(module) for _ in range(3)):.2f} s")
    print()
    print("| page | extractor | content kept | chapters as headings | furniture left | ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for path in PAGES:
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
        data = path.read_bytes()
        page = decode_page(data, path.name)
        for name, run in (("trafilatura", lambda page=page: _trafilatura(page)),
                          ("readability-lxml", lambda page=page: _readability(page)),
                          ("recapcast import",
                           lambda data=data, name=path.name: _recapcast(data, name))):
            score = _score(*run(), expected)
            left = f" ({'; '.join(score['left'])})" if score["left"] else ""
            print(f"| {path.name} | {name} | {score['content']} | {score['headings']} | "
                  f"{score['furniture left']}{left} | {_ms(run):.1f} |")
    if PAGES and PAGES[0].name == "s2.html":
        big = _big_page(PAGES[0])
        print(f"\n{len(big.encode()):,}-byte page (s2.html, article repeated), one run each:")
        for name, run in (("trafilatura", lambda: _trafilatura(big)),
                          ("readability-lxml", lambda: _readability(big))):
            start = time.perf_counter()
            run()
            print(f"- {name}: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
