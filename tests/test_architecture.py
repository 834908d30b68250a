"""The layout rules: each outside library is imported by one module only."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "recapcast"
OWNERS = {
    "pydub": "mixdown.py", "imageio_ffmpeg": "mixdown.py", "mutagen": "tags.py",
    "feedgen": "feed.py", "lxml": "feed.py", "piper": "engines/piper.py",
    "onnxruntime": "engines/piper.py", "gtts": "engines/gtts.py", "click": "cli.py",
    "rich": "cli.py", "PIL": "cover.py", "scipy": "(none)",
    "onnx": "engines/piper_model.py",
}


def test_each_outside_library_is_imported_in_one_module():
    importers = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in OWNERS:
                    importers[top].add(path.relative_to(PACKAGE).as_posix())
    for library, owner in OWNERS.items():
        assert importers[library] <= {owner}, (library, importers[library])
