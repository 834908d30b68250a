"""Shared fixtures: a throwaway show folder and a way to run the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SRC = Path(__file__).resolve().parent.parent / "src"


def _corpus() -> Path:
    """The shared recap corpus: $RECAPCAST_CORPUS, else ``../shared/recaps/corpus`` beside
    the repository, else the workplace's copy (a fresh clone may sit anywhere)."""
    candidates = [Path(os.environ["RECAPCAST_CORPUS"])] if os.environ.get("RECAPCAST_CORPUS") \
        else []
    candidates += [SRC.parent.parent / "shared" / "recaps" / "corpus",
                   Path("/work/shared/recaps/corpus")]
    return next((p for p in candidates if p.is_dir()), candidates[0])


CORPUS = _corpus()
"""Where the corpus is; tests that need it skip, with this reason, when it is absent."""
NO_CORPUS = f"the recap corpus is not at {CORPUS} (set RECAPCAST_CORPUS to its folder)"

# The faster copy of the Piper voice is made once per test machine, not in the user's cache;
# builds run by the tests in other processes inherit it.
os.environ.setdefault("RECAPCAST_MODEL_CACHE",
                      str(Path(tempfile.gettempdir()) / f"recapcast-test-voices-{os.getuid()}"))

# The tests start the CLI in several hundred child processes. Where bytecode writing is
# turned off (PYTHONDONTWRITEBYTECODE), each child compiled the package from source again;
# they keep their bytecode in a per-user folder under the temp dir instead, never in the tree.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
    os.environ.setdefault("PYTHONPYCACHEPREFIX",
                          str(Path(tempfile.gettempdir()) / f"recapcast-test-pyc-{os.getuid()}"))

SHOW_TOML = textwrap.dedent("""\
    [show]
    title = "Test Show"
    author = "Test Author"
    description = "A show made by the tests."
    base_url = "http://127.0.0.1:8000/"
    owner_email = "tests@example.com"

    [voice]
    engine = "{engine}"
    """)

SHORT_SCRIPT = textwrap.dedent("""\
    ---
    title: "A Short Test"
    episode: 3
    season: 1
    date: 2026-01-02
    summary: "Two chapters of test narration."
    guid: "1b4e28ba-2fa1-11d2-883f-0016cb4a4c01"
    ---

    # Opening

    Jessica walks into the bar. She orders a drink and waits.

    > I can only fight one big bad at a time.
    > — Jessica Jones

    # The Chase

    Cage follows her through the park. The night is cold and quiet.
    """)


def make_show(root: Path, engine: str = "tone", script: str | None = SHORT_SCRIPT,
              episode_id: str = "ep3") -> Path:
    """Create a show folder at ``root`` with one script; return ``root``."""
    (root / "scripts").mkdir(parents=True, exist_ok=True)
    (root / "recapcast.toml").write_text(SHOW_TOML.format(engine=engine), encoding="utf-8")
    if script is not None:
        (root / "scripts" / f"{episode_id}.md").write_text(script, encoding="utf-8")
    return root


@pytest.fixture
def show(tmp_path: Path) -> Path:
    """A show folder whose voice is the deterministic tone engine."""
    return make_show(tmp_path / "show")


@pytest.fixture
def piper_show(tmp_path: Path) -> Path:
    """A show folder whose voice is the real bundled Piper voice."""
    return make_show(tmp_path / "show", engine="piper")


@pytest.fixture(scope="session")
def piper_built(tmp_path_factory) -> tuple[Path, dict]:
    """A show whose short script was built once with the real Piper voice, and that build's
    report. Tests only read it; one that changes it works on a copy."""
    show = make_show(tmp_path_factory.mktemp("piper-built") / "show", engine="piper")
    return show, json.loads(run_cli("build", "ep3", "--json", cwd=show, check=True).stdout)


def run_cli(*args: str, cwd: Path, check: bool = False, timeout: float = 600,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m recapcast ARGS`` in ``cwd`` as a user would, capturing its output."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = os.pathsep.join([str(SRC), full_env.get("PYTHONPATH", "")])
    if env:
        full_env.update(env)
    result = subprocess.run([sys.executable, "-m", "recapcast", *args], cwd=cwd,
                            capture_output=True, text=True, timeout=timeout, env=full_env)
    if check and result.returncode != 0:
        raise AssertionError(f"recapcast {' '.join(args)} failed:\n{result.stderr}")
    return result
