"""The corpus evaluation's gate: no recap with expectations imports worse than its pinned
floor (``benchmarks/import_eval_baseline.json``), and the score it keeps can fall."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "import_eval.py"


def _module():
    spec = importlib.util.spec_from_file_location("import_eval", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folders", [[], ["benchmarks/holdouts/v", "benchmarks/holdouts/w",
                                              "benchmarks/holdouts/x"]],
                         ids=["corpus and test recaps", "hold-out sets"])
def test_no_recap_imports_worse_than_its_pinned_floor(folders):
    args = [a for folder in folders for a in ("--folder", str(BENCHMARK.parents[1] / folder))]
    result = subprocess.run([sys.executable, str(BENCHMARK), "--check", *args],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert "editor's checks hold" in result.stdout
    assert "at or above their floor" in result.stderr


def test_each_expectation_is_one_check_and_a_miss_counts(tmp_path: Path):
    (tmp_path / "holdout-z1.txt").write_text(
        "Harbour Lights, Season 2, Episode 5: Low Tide\n\nBy Ann Example\n\n"
        "Marta counts the boats at dawn. She pays 300 euros for a net that is not hers.\n",
        encoding="utf-8")
    (tmp_path / "holdout-z1.expected.json").write_text(json.dumps({
        "show": "Harbour Lights", "title": "Low Tide", "season": 2, "episode": 5,
        "chapters": ["A Chapter Nobody Wrote"], "quotes": [],
        "must_not_speak": ["By Ann Example"],
        "must_speak": ["Marta counts the boats", "a sentence that is not there"],
        "says": [["300 euros", "three hundred euros"]]}), encoding="utf-8")
    module = _module()
    [score] = [module.score(p) for p in module.recaps(tmp_path)]
    assert score.family == "holdout-z"
    assert score.checks == 4 + 1 + 1 + 2 + 1
    assert score.failed["chapters"] == ["A Chapter Nobody Wrote"]
    assert score.failed["must_speak"] == ["a sentence that is not there"]
    assert score.held == score.checks - 2, score.failed

    baseline = {"recaps": {"holdout-z1.txt": {"held": score.held + 1, "checks": 9}}}
    assert module.gate([score], baseline) == [
        f"holdout-z1.txt: {score.held} checks hold, the floor is {score.held + 1}"]
    baseline["recaps"]["holdout-z1.txt"]["held"] = score.held
    assert module.gate([score], baseline) == []
