"""Recaps kept as documents (Word, OpenDocument, PDF, RTF) import through the real CLI to
the script an editor would make: the same title, chapters and story paragraphs from each,
and none of the document's furniture (running header, page number, footer, comment,
footnote, pending suggestion).

The documents are made by tests/data/documents/make.py from one recap."""

from __future__ import annotations

import io
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import make_show, run_cli
from recapcast.errors import ScriptError
from recapcast.text.documents.pdflayout import Line, Page, paragraphs_of_pages
from recapcast.text.sources import read_source

DOCUMENTS = Path(__file__).resolve().parent / "data" / "documents"
sys.path.insert(0, str(DOCUMENTS))
from make import expected  # noqa: E402

RECAP = expected()
FILES = ["recap.docx", "recap.odt", "recap.pdf", "recap-two-columns.pdf", "recap.rtf"]


def _import(tmp_path: Path, document: Path) -> tuple[str, object]:
    root = make_show(tmp_path / "show", script=None)
    result = run_cli("--root", str(root), "import", str(document), "ep1", cwd=tmp_path)
    script = root / "scripts" / "ep1.md"
    return (script.read_text(encoding="utf-8") if script.exists() else ""), result


@pytest.fixture(scope="module")
def scripts(tmp_path_factory) -> dict[str, str]:
    out = {}
    for name in FILES:
        text, result = _import(tmp_path_factory.mktemp(name.replace(".", "-")),
                               DOCUMENTS / name)
        assert result.returncode == 0, (name, result.stderr)
        out[name] = text
    return out


def _body(script: str) -> str:
    return script.split("\n---\n", 1)[1]


@pytest.mark.parametrize("name", FILES)
def test_a_document_imports_with_its_title_and_byline(scripts, name):
    front = scripts[name].split("\n---\n", 1)[0]
    assert 'title: "The Tidewater Ledger"' in front
    assert 'show: "Lanternfall"' in front
    assert "season: 2" in front and "episode: 5" in front
    assert 'author: "Priya Raman"' in front


@pytest.mark.parametrize("name", FILES)
def test_a_document_keeps_its_chapters_paragraphs_quote_and_list(scripts, name):
    body = _body(scripts[name])
    assert re.findall(r"^# (.+)$", body, re.MULTILINE) == RECAP["chapters"]
    for paragraph in RECAP["paragraphs"]:
        assert paragraph in body, paragraph
    assert f"> {RECAP['quote']}" in body
    for item in RECAP["list"]:
        assert item in body


@pytest.mark.parametrize("name", FILES)
def test_no_furniture_is_narrated(scripts, name):
    body = _body(scripts[name])
    for furniture in RECAP["never"]:
        assert furniture not in body, furniture
    assert "Night Desk" not in body and "Copyright" not in body
    assert not re.search(r"^\d+$", body, re.MULTILINE)  # a page number alone
    assert "¹" not in body


def test_every_format_gives_the_same_script(scripts):
    bodies = {name: _body(text) for name, text in scripts.items()}
    assert len(set(bodies.values())) == 1, {n: len(b) for n, b in bodies.items()}


def test_pdf_words_broken_at_a_line_end_are_joined_and_compounds_kept(scripts):
    body = _body(scripts["recap.pdf"])
    assert "learning to remember what" in body and "remem-" not in body
    assert "a half-drowned oilcloth" in body


def test_a_pending_suggestion_is_not_read_and_a_pending_deletion_is(scripts):
    # The text as it stands until someone accepts the suggestions.
    for name in ("recap.docx", "recap.odt", "recap.rtf"):
        body = _body(scripts[name])
        assert "The tide goes out and leaves" in body
        assert "which are still shaking" in body


def test_a_scanned_pdf_is_refused_with_one_line(tmp_path):
    text, result = _import(tmp_path, DOCUMENTS / "scanned.pdf")
    assert result.returncode != 0 and text == ""
    assert "no text layer" in result.stderr and "ocrmypdf" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("error:") == 1


def test_a_corrupt_docx_is_refused_with_one_line(tmp_path):
    data = (DOCUMENTS / "recap.docx").read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(data[: len(data) // 2])  # cut short, as a failed download is
    _, result = _import(tmp_path, broken)
    assert result.returncode != 0
    assert "cannot read" in result.stderr and "broken.docx" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_docx_whose_xml_is_broken_is_refused(tmp_path):
    with zipfile.ZipFile(DOCUMENTS / "recap.docx") as source:
        parts = {n: source.read(n) for n in source.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:500]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(ScriptError, match="cannot read x.docx as a Word document"):
        read_source(buffer.getvalue(), "x.docx", "docx")


def test_a_corrupt_pdf_is_refused(tmp_path):
    with pytest.raises(ScriptError, match="cannot read x.pdf as a PDF|no text layer"):
        read_source(b"%PDF-1.7\n" + bytes(range(256)) * 20, "x.pdf", "pdf")


def test_a_document_is_known_by_its_bytes_not_its_name(tmp_path):
    for name in ("recap.docx", "recap.odt", "recap.pdf", "recap.rtf"):
        renamed = tmp_path / f"{name}.txt"
        shutil.copy(DOCUMENTS / name, renamed)
        source = read_source(renamed.read_bytes(), renamed.name, "text")
        assert [b.text for b in source.blocks if b.kind == "heading"][1:] == RECAP["chapters"]


def test_other_binaries_are_still_refused():
    with pytest.raises(ScriptError, match="looks like a binary file"):
        read_source(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "cover.png")
    with pytest.raises(ScriptError, match="old Word document"):
        read_source(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "recap.doc")
    locked = "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(ScriptError, match="locked with a password"):
        read_source(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + locked, "x.docx")
    spreadsheet = io.BytesIO()
    with zipfile.ZipFile(spreadsheet, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(ScriptError, match="spreadsheet, not a text document"):
        read_source(spreadsheet.getvalue(), "scores.ods")


def _page(*lines: Line) -> Page:
    return Page(width=600, height=800, lines=lines)


def _body_line(text: str, y: float, x: float = 50, size: float = 10) -> Line:
    return Line(text, x, y, x + 5 * len(text), y + size, size)


# (the line ending, the next line's start, what a reader reads)
HYPHENS = [
    ("learning to remem-", "ber what", "learning to remember what"),
    ("a half-", "drowned cloth", "a half-drowned cloth"),
    ("the well-", "known face", "the well-known face"),
    ("Oksana's inter-", "rogation", "Oksana's interrogation"),
    ("the pier-", "light went out", "the pier-light went out"),
    ("Mbali's cous-", "in Thandeka", "Mbali's cousin Thandeka"),  # "cous" is no word
    ("pages 4-", "5 of it", "pages 4- 5 of it"),
]


@pytest.mark.parametrize(("end", "start", "read"), HYPHENS)
def test_hyphen_at_a_line_end(end, start, read):
    paragraphs = paragraphs_of_pages([_page(_body_line(end, 500), _body_line(start, 486),
                                            _body_line("More words here.", 472))])
    assert paragraphs[0].text.startswith(read)


def test_a_running_header_is_dropped_only_when_it_repeats():
    def page(number: int, header: str) -> Page:
        return _page(_body_line(header, 780), _body_line(f"Story line {number}.", 600),
                     _body_line(f"Page {number} of 3", 20))

    kept = paragraphs_of_pages([page(n, "The Night Desk") for n in (1, 2, 3)])
    assert [p.text for p in kept] == ["Story line 1.", "Story line 2.", "Story line 3."]
    varied = paragraphs_of_pages([page(n, words) for n, words in
                                  ((1, "Opening words"), (2, "Second thoughts"), (3, "Act"))])
    assert "Second thoughts" in [p.text for p in varied]
    assert not any("Page" in p.text for p in varied)


def test_a_locked_pdf_says_so():
    with pytest.raises(ScriptError, match="locked with a password"):
        read_source((DOCUMENTS / "locked.pdf").read_bytes(), "locked.pdf")


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_heading_1_above_heading_2_chapters_is_the_title():
    def build(document):
        document.add_heading("Lanternfall 2x05 Recap: The Tidewater Ledger", level=1)
        document.add_heading("The Warehouse", level=2)
        paragraph = document.add_paragraph("Oksana waits in the rain.")
        paragraph.add_run().add_break()
        paragraph.add_run("The engine is running.")
        document.add_heading("Low Tide", level=2)
        document.add_paragraph("The first reason", style="List Number")
        document.add_paragraph("The second reason", style="List Number")
        table = document.add_table(rows=2, cols=2)
        for row, cells in zip(table.rows, (("Name", "Score"), ("Mbali", "9/10")), strict=True):
            for cell, words in zip(row.cells, cells, strict=True):
                cell.text = words

    blocks = read_source(_docx(build), "x.docx").blocks
    assert [(b.kind, b.level, b.text) for b in blocks if b.kind == "heading"] == [
        ("heading", 1, "Lanternfall 2x05 Recap: The Tidewater Ledger"),
        ("heading", 2, "The Warehouse"), ("heading", 2, "Low Tide")]
    assert blocks[2].lines == ("Oksana waits in the rain.", "The engine is running.")
    numbered = next(b for b in blocks if b.kind == "list")
    assert numbered.ordered and numbered.lines == ("The first reason", "The second reason")
    assert [b.text for b in blocks][-2:] == ["Name, Score", "Mbali, 9/10"]


def test_word_chapters_under_a_title_are_level_2_whatever_their_heading_number():
    def build(document):
        document.add_paragraph("Lanternfall 2x05: The Tidewater Ledger", style="Title")
        document.add_heading("The Warehouse", level=2)  # no Heading 1 in the document
        document.add_heading("Inside", level=3)
        document.add_paragraph("Dmitri reads the manifests.")

    blocks = read_source(_docx(build), "x.docx").blocks
    assert [(b.level, b.text) for b in blocks if b.kind == "heading"] == [
        (1, "Lanternfall 2x05: The Tidewater Ledger"), (2, "The Warehouse"), (3, "Inside")]


def test_a_document_with_no_words_is_refused():
    with pytest.raises(ScriptError, match="holds no text"):
        read_source(_docx(lambda document: document.add_paragraph("   ")), "empty.docx")


@pytest.mark.parametrize("name", ["libreoffice.odt", "libreoffice.rtf", "libreoffice.docx"])
def test_an_office_suites_files_read_as_ours(name):
    """LibreOffice's own .odt, .rtf and .docx of the recap (its styles, list numbering,
    change tracking, fields and footnotes) give the same blocks as the .docx they came
    from."""
    def blocks(path: Path):
        return [(b.kind, b.level, b.ordered, b.lines)
                for b in read_source(path.read_bytes(), path.name).blocks]

    assert blocks(DOCUMENTS / name) == blocks(DOCUMENTS / "recap.docx")


def test_a_word_table_of_contents_and_captions_are_not_read():
    from docx.oxml import parse_xml

    def build(document):
        document.add_paragraph("Lanternfall 2x05: The Tidewater Ledger", style="Title")
        toc = parse_xml(
            '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
            '</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>The Warehouse 1</w:t>'
            '</w:r></w:p></w:sdtContent></w:sdt>')
        document.element.body.insert(1, toc)
        document.add_heading("The Warehouse", level=1)
        document.add_paragraph("Figure 1: the pier at low tide", style="Caption")
        document.add_paragraph("Dmitri reads the manifests.")

    blocks = read_source(_docx(build), "x.docx").blocks
    assert [b.text for b in blocks] == ["Lanternfall 2x05: The Tidewater Ledger",
                                        "The Warehouse", "Dmitri reads the manifests."]


def test_a_pdf_bullet_drawn_apart_joins_its_item_and_a_small_footnote_goes():
    lines = [_body_line("What she wants from him:", 500),
             Line("\uf0b7", 50, 486, 55, 496, 10), Line("The names", 68, 486, 120, 496, 10),
             Line("\uf0b7", 50, 472, 55, 482, 10), Line("The key", 68, 472, 110, 482, 10),
             _body_line("He agrees.", 450),
             Line("1 The ledger first appeared in the premiere.", 50, 60, 250, 68, 8)]
    paragraphs = paragraphs_of_pages([_page(*lines)])
    assert [(p.role, p.text) for p in paragraphs] == [
        ("body", "What she wants from him:"), ("list", "The names"), ("list", "The key"),
        ("body", "He agrees.")]


def test_a_pdf_bold_line_in_the_body_size_is_a_heading():
    lines = [Line("Lanternfall 2x05: The Tidewater Ledger", 50, 740, 400, 758, 18, bold=True),
             Line("The Warehouse", 50, 700, 130, 710, 10, bold=True),
             _body_line("Oksana waits in the rain with the engine running.", 686),
             _body_line("Nobody trusts the night shift.", 672)]
    paragraphs = paragraphs_of_pages([_page(*lines)])
    assert [(p.role, p.level, p.text) for p in paragraphs] == [
        ("title", 0, "Lanternfall 2x05: The Tidewater Ledger"), ("heading", 1, "The Warehouse"),
        ("body", 0, "Oksana waits in the rain with the engine running. Nobody trusts the "
                    "night shift.")]
