"""A long paragraph without punctuation is spoken in chunks, so Piper's memory stays bounded.

Unchunked, Piper needs about 1.5 GB for 200 words in one sentence and 5.7 GB for 800; here
600 words go through a real Piper build in a child process whose peak memory is measured.
``benchmarks/peak_memory.py --words 3000`` measures the full 3,000-word case by hand.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "peak_memory.py"


@pytest.mark.slow
def test_a_600_word_unpunctuated_paragraph_stays_under_1_5_gb():
    result = subprocess.run([sys.executable, str(BENCHMARK), "--words", "600", "--json"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    # The opening's two sentences, the heading, 600 words in 50-word chunks, the sign-off.
    assert out["report"]["segments"] == 2 + 1 + 12 + 1
    assert out["peak_mb"] < 1500, out
