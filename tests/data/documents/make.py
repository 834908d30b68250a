"""Writes one recap as the documents tests/test_import_documents.py imports.

    PYTHONPATH=src python tests/data/documents/make.py [--office]

--office also saves the .docx through LibreOffice (soffice) as libreoffice.odt, .rtf and
.docx.

The files are kept beside this script (each under 50 KB), so the tests need none of the
writers: python-docx and odfpy are dependencies already, fpdf2 is in the test extra.
Each file carries what an editor's document has and a listener must not hear: a running
header with the page number, a footer, a comment, a footnote, a pending suggestion.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

TITLE = "Lanternfall Season 2, Episode 5 Recap: The Tidewater Ledger"
BYLINE = "By Priya Raman"
HEADER = "The Night Desk - Lanternfall recaps"
FOOTER = "Copyright 2027 The Night Desk. All rights reserved."
COMMENT = "Check the spelling of Mbali with the network"
FOOTNOTE = "The ledger first appeared in the season premiere."
# A suggestion pending in the editor's copy: its words are not the text until accepted.
SUGGESTED = " very slowly"
# Pending deletion: the words stay the text until the deletion is accepted.
DELETED = " still"

CHAPTERS: list[tuple[str, list[tuple[str, str]]]] = [
    ("The Warehouse", [
        ("p", "The episode opens in the rain outside the Tidewater warehouse, where Oksana "
              "has been waiting for three hours with the engine running. Nobody in the "
              "harbour district trusts the night shift, and tonight she can see why: two "
              "guards walk the fence line, and neither of them is wearing a uniform."),
        ("p", "Inside, Dmitri is going through the shipping manifests with a torch between "
              "his teeth. The camera lingers on his hands, which are[DEL] shaking, and the "
              "score drops out completely. It is the quietest five minutes the show has ever "
              "attempted, and it works because we have spent a season learning to "
              "remem|ber what happens when Dmitri is afraid."),
        ("quote", "Keep the engine running. If I am not out by midnight, you never saw me."),
        ("p", "He finds the ledger in a drawer that should have been empty, wrapped in a "
              "half-|drowned oilcloth, and the episode finally lets us see the page everyone "
              "has been killing for since the premiere.[NOTE]"),
    ]),
    ("Mbali's Gamble", [
        ("p", "Across town, Mbali is playing a much quieter game. She invites the harbour "
              "master to dinner and lets him talk about his daughter for most of an hour "
              "before she mentions the ledger at all.[COMMENT]"),
        ("p", "What she wants from him is simple, and she lists it out the way a lawyer "
              "would:"),
        ("list", "The names of the night shift"),
        ("list", "The key to the east gate"),
        ("list", "One hour without questions"),
        ("p", "He agrees to all three, which should worry her more than it does. The scene "
              "ends on her face as he leaves, and the actress plays the doubt so lightly "
              "that you only catch it on a second watch."),
    ]),
    ("Low Tide", [
        ("p", "The last act belongs to the water. The tide goes out[INS] and leaves the old "
              "pier standing in the mud, and all three of our leads end up there for "
              "different reasons: Oksana to collect Dmitri, Dmitri to hide the ledger, and "
              "Mbali to meet the man who sent the guards."),
        ("p", "Nobody touches the ledger. Mbali says it twice before anyone listens, and by "
              "then the boat has already gone. The final shot is the pier light going out "
              "one bulb at a time, which is the kind of flourish this show earns about once "
              "a season."),
        ("p", "Next week the crew has to decide whether the ledger is worth a war. Based on "
              "tonight, I would not bet against Mbali."),
    ]),
]


def _plain(text: str) -> str:
    """A paragraph's words as the reader should get them (no marks, the suggestion left
    out, the pending deletion kept, the hyphen broken word whole)."""
    text = text.replace("[INS]", "").replace("[DEL]", DELETED)
    text = text.replace("[NOTE]", "").replace("[COMMENT]", "")
    return text.replace("remem|ber", "remember").replace("half-|drowned", "half-drowned")


def expected() -> dict:
    """What each document's import must give: title, chapters, story paragraphs."""
    return {"title": TITLE, "byline": BYLINE,
            "chapters": [name for name, _ in CHAPTERS],
            "paragraphs": [_plain(text) for _, body in CHAPTERS for kind, text in body
                           if kind == "p"],
            "quote": CHAPTERS[0][1][2][1],
            "list": [text for _, body in CHAPTERS for kind, text in body if kind == "list"],
            "never": [HEADER, FOOTER, COMMENT, FOOTNOTE, SUGGESTED.strip(), "Page 2"]}


def _pieces(text: str) -> list[tuple[str, str]]:
    """A paragraph cut at its marks: ("text", ...), ("ins", ...), ("del", ...), ("note",),
    ("comment",)."""
    out: list[tuple[str, str]] = []
    rest = text.replace("remem|ber", "remember").replace("half-|drowned", "half-drowned")
    marks = {"[INS]": ("ins", SUGGESTED), "[DEL]": ("del", DELETED), "[NOTE]": ("note", ""),
             "[COMMENT]": ("comment", "")}
    while rest:
        at = min((rest.find(m), m) for m in marks if m in rest) if any(
            m in rest for m in marks) else (len(rest), "")
        if at[0]:
            out.append(("text", rest[:at[0]]))
        if not at[1]:
            break
        out.append(marks[at[1]])
        rest = rest[at[0] + len(at[1]):]
    return out


def write_docx(path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER + "\tPage "
    _page_field(section.header.paragraphs[0], OxmlElement, qn)
    section.footer.paragraphs[0].text = FOOTER
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(BYLINE)
    for name, body in CHAPTERS:
        document.add_paragraph(name, style="Heading 1")
        for kind, text in body:
            if kind == "list":
                document.add_paragraph(text, style="List Bullet")
                continue
            paragraph = document.add_paragraph(style="Quote" if kind == "quote" else None)
            for piece, words in _pieces(text):
                if piece == "text":
                    paragraph.add_run(words)
                elif piece in ("ins", "del"):
                    _tracked(paragraph, piece, words, OxmlElement, qn)
                elif piece == "comment":
                    run = paragraph.runs[-1]
                    document.add_comment(run, text=COMMENT, author="Editor", initials="ED")
                elif piece == "note":
                    # python-docx writes no footnotes part; the footnote's text is kept as
                    # Word keeps a footnote's reference: a superscript run of its own.
                    run = paragraph.add_run("1")
                    run.font.superscript = True
                    run.font.size = Pt(8)
    # Word's footnote: a reference in the text, its words in footnotes.xml. Without the
    # part, a footnote reference element is enough to show the reader skips it.
    document.save(path)
    _add_footnote(path)


def _page_field(paragraph, OxmlElement, qn) -> None:
    """A PAGE field: Word shows the page number where it stands."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        run = OxmlElement("w:r")
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        else:
            element = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            element.text = text
            run.append(element)
        paragraph._p.append(run)


def _tracked(paragraph, kind, words, OxmlElement, qn) -> None:
    """A suggestion: ``w:ins`` around inserted words, ``w:del`` around deleted ones."""
    change = OxmlElement("w:ins" if kind == "ins" else "w:del")
    change.set(qn("w:id"), "90" if kind == "ins" else "91")
    change.set(qn("w:author"), "Editor")
    change.set(qn("w:date"), "2027-01-05T10:00:00Z")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t" if kind == "ins" else "w:delText")
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.text = words
    run.append(text)
    change.append(run)
    paragraph._p.append(change)


_FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
    '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    '<w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
    f'{FOOTNOTE}</w:t></w:r></w:p></w:footnote></w:footnotes>')


def _add_footnote(path: Path) -> None:
    """Turn the superscript "1" into a real footnote reference with a footnotes part."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    run = body.rfind("<w:t>1</w:t>")
    start = body.rfind("<w:r>", 0, run)
    end = body.find("</w:r>", run) + len("</w:r>")
    body = (body[:start] + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>' + body[end:])
    parts["word/document.xml"] = body.encode("utf-8")
    parts["word/footnotes.xml"] = _FOOTNOTES.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>').encode()
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", '<Override PartName="/word/footnotes.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def write_odt(path: Path) -> None:
    from odf import dc, office, style, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    styles = {}
    for name, size, bold in (("Title", "22pt", True), ("Heading_20_1", "16pt", True),
                             ("Quotations", "11pt", False), ("Text_20_body", "11pt", False)):
        paragraph_style = style.Style(name=name, family="paragraph",
                                      displayname=name.replace("_20_", " "))
        paragraph_style.addElement(style.TextProperties(
            fontsize=size, fontweight="bold" if bold else "normal"))
        document.styles.addElement(paragraph_style)
        styles[name] = paragraph_style
    layout = style.PageLayout(name="Page")
    document.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    header = style.Header()
    header.addElement(text.P(text=HEADER + " Page "))
    master.addElement(header)
    footer = style.Footer()
    footer.addElement(text.P(text=FOOTER))
    master.addElement(footer)
    document.masterstyles.addElement(master)
    bullets = text.ListStyle(name="Bullets")
    bullets.addElement(text.ListLevelStyleBullet(level=1, bulletchar="•"))
    document.automaticstyles.addElement(bullets)

    changes = text.TrackedChanges()
    body = document.text
    body.addElement(changes)
    body.addElement(text.P(stylename=styles["Title"], text=TITLE))
    body.addElement(text.P(stylename=styles["Text_20_body"], text=BYLINE))
    for name, chapter in CHAPTERS:
        body.addElement(text.H(outlinelevel=1, stylename=styles["Heading_20_1"], text=name))
        items = None
        for kind, words in chapter:
            if kind == "list":
                if items is None:
                    items = text.List(stylename=bullets)
                    body.addElement(items)
                item = text.ListItem()
                item.addElement(text.P(stylename=styles["Text_20_body"], text=words))
                items.addElement(item)
                continue
            items = None
            paragraph = text.P(stylename=styles["Quotations" if kind == "quote"
                                                else "Text_20_body"])
            for piece, part in _pieces(words):
                if piece == "text":
                    paragraph.addText(part)
                elif piece == "ins":
                    _odt_change(changes, "ins1", text.Insertion, office, dc, text)
                    paragraph.addElement(text.ChangeStart(changeid="ins1"))
                    paragraph.addText(part)
                    paragraph.addElement(text.ChangeEnd(changeid="ins1"))
                elif piece == "del":
                    region = _odt_change(changes, "del1", text.Deletion, office, dc, text)
                    region.addElement(text.P(text=part))
                    paragraph.addElement(text.Change(changeid="del1"))
                elif piece == "note":
                    note = text.Note(id="ftn1", noteclass="footnote")
                    note.addElement(text.NoteCitation(text="1"))
                    note_body = text.NoteBody()
                    note_body.addElement(text.P(text=FOOTNOTE))
                    note.addElement(note_body)
                    paragraph.addElement(note)
                elif piece == "comment":
                    annotation = office.Annotation()
                    annotation.addElement(dc.Creator(text="Editor"))
                    annotation.addElement(text.P(text=COMMENT))
                    paragraph.addElement(annotation)
            body.addElement(paragraph)
    document.meta.addElement(dc.Title(text=TITLE))
    document.save(str(path))


def _odt_change(changes, name, kind, office, dc, text):
    xml_id = ("http://www.w3.org/XML/1998/namespace", "id")
    region = text.ChangedRegion(qattributes={xml_id: name, (text.TEXTNS, "id"): name})
    change = kind()
    info = office.ChangeInfo()
    info.addElement(dc.Creator(text="Editor"))
    info.addElement(dc.Date(text="2027-01-05T10:00:00"))
    change.addElement(info)
    region.addElement(change)
    changes.addElement(region)
    return change


def _pdf_blocks() -> list[tuple[str, str]]:
    """The recap as (kind, words) with its hyphen-break marks kept (the PDF breaks there)."""
    out = [("title", TITLE), ("p", BYLINE)]
    for name, body in CHAPTERS:
        out.append(("h", name))
        for kind, words in body:
            words = (words.replace("[INS]", "").replace("[DEL]", DELETED)
                     .replace("[COMMENT]", "").replace("[NOTE]", "¹"))
            out.append((kind, words))
    return out


def write_pdf(path: Path, columns: int = 1) -> None:
    """A PDF laid out line by line (so the hyphen breaks fall where the test expects), with
    a running header naming the page, a footer and a page number on every page."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P" if columns == 1 else "L", format="A5")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 20)
    width = pdf.w - 30
    gutter = 8
    column_width = (width - gutter * (columns - 1)) / columns
    top, bottom = 22.0, pdf.h - 26
    state = {"page": 0, "column": 0, "y": top, "column_top": top}

    def new_page() -> None:
        pdf.add_page()
        state["page"] += 1
        pdf.set_font("Helvetica", "I", 8)
        pdf.set_xy(15, 8)
        pdf.cell(width, 5, HEADER)
        pdf.set_xy(15, 8)
        pdf.cell(width, 5, f"Page {state['page']}", align="R")
        pdf.set_xy(15, pdf.h - 13)
        pdf.cell(width, 5, FOOTER)
        pdf.set_xy(15, pdf.h - 9)
        pdf.cell(width, 5, str(state["page"]), align="C")
        state["column"], state["y"], state["column_top"] = 0, top, top

    def line(words: str, size: float, style: str = "", indent: float = 0,
             full: bool = False) -> None:
        height = size * 0.5
        if state["y"] + height > bottom:
            if state["column"] + 1 < columns:
                state["column"] += 1
                state["y"] = state["column_top"]  # below a title that spans the columns
            else:
                new_page()
        x = 15 + (0 if full else state["column"] * (column_width + gutter)) + indent
        pdf.set_font("Helvetica", style, size)
        pdf.set_xy(x, state["y"])
        pdf.cell(0, height, words)
        state["y"] += height

    def wrap(words: str, size: float, style: str, room: float) -> list[str]:
        pdf.set_font("Helvetica", style, size)
        lines, current = [], ""
        for word in words.split():
            if "|" in word:  # break here, with the hyphen the word shows
                head, tail = word.split("|")
                head = head if head.endswith("-") else head + "-"
                lines.append(f"{current} {head}".strip())
                current = tail
                continue
            trial = f"{current} {word}".strip()
            if pdf.get_string_width(trial) > room and current:
                lines.append(current)
                current = word
            else:
                current = trial
        return lines + [current] if current else lines

    new_page()
    for kind, words in _pdf_blocks():
        words = words.replace("’", "'")
        if kind == "title":
            for text in wrap(words, 18, "B", width):
                line(text, 18, "B", full=True)
            state["y"] += 3
            state["column_top"] = state["y"]
            continue
        if kind == "h":
            state["y"] += 3
            line(words, 13, "B")
            state["y"] += 1
            continue
        size, style, indent = 10, "", 0.0
        if kind == "quote":
            style, indent = "I", 6.0
        if kind == "list":
            words, indent = "- " + words, 4.0
        for text in wrap(words, size, style, column_width - indent):
            line(text, size, style, indent)
        if "¹" in words:  # the footnote, at the foot of the page its mark is on
            pdf.set_font("Helvetica", "", 7)
            pdf.set_xy(15, pdf.h - 22)
            pdf.cell(width, 4, "¹ " + FOOTNOTE)
        state["y"] += 0 if kind == "list" else 3
    pdf.set_title(TITLE)
    pdf.output(str(path))


def write_scanned_pdf(path: Path) -> None:
    """A PDF that is one picture of a page (as a scanner makes it): no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    picture = Image.new("L", (420, 595), 255)
    draw = ImageDraw.Draw(picture)
    for row in range(12):
        draw.text((30, 40 + row * 30), "The episode opens in the rain outside", fill=0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    pdf = FPDF(format="A5")
    pdf.add_page()
    pdf.image(buffer, x=0, y=0, w=pdf.w)
    pdf.output(str(path))


def write_locked_pdf(path: Path) -> None:
    """A PDF that opens only with its password."""
    from fpdf import FPDF

    pdf = FPDF(format="A5")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 5, "The episode opens in the rain outside the Tidewater warehouse.")
    pdf.output(str(path))


def _rtf_escape(words: str) -> str:
    out = []
    for char in words.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        out.append(char if ord(char) < 128 else f"\\u{ord(char)}?")
    return "".join(out)


def write_rtf(path: Path) -> None:
    """An RTF file as Word writes one: a style sheet, a header and footer, styled
    headings, a bullet list, a footnote, a comment and a tracked insertion."""
    parts = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}",
             r"{\stylesheet{\s0 Normal;}{\s1 heading 1;}{\s15 Title;}{\s29 Quote;}"
             r"{\s34 List Bullet;}}",
             r"{\*\revtbl{Unknown;}{Editor;}}",
             r"{\header\pard\plain " + _rtf_escape(HEADER) +
             r" Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}",
             r"{\footer\pard\plain " + _rtf_escape(FOOTER) + r"\par}",
             r"\pard\plain\s15\fs44\b " + _rtf_escape(TITLE) + r"\par",
             r"\pard\plain\s0 " + _rtf_escape(BYLINE) + r"\par"]
    for name, body in CHAPTERS:
        parts.append(r"\pard\plain\s1\outlinelevel0\fs32\b " + _rtf_escape(name) + r"\par")
        for kind, words in body:
            if kind == "list":
                parts.append(r"\pard\plain\s34\ls1\ilvl0{\listtext\'95\tab}" +
                             _rtf_escape(words) + r"\par")
                continue
            style = r"\s29\i" if kind == "quote" else r"\s0"
            text = []
            for piece, part in _pieces(words):
                if piece == "text":
                    text.append(_rtf_escape(part))
                elif piece == "ins":
                    text.append(r"{\revised\revauth1 " + _rtf_escape(part) + "}")
                elif piece == "del":
                    text.append(r"{\deleted\revauthdel1 " + _rtf_escape(part) + "}")
                elif piece == "note":
                    text.append(r"{\super\chftn}{\footnote\pard\plain{\super\chftn} " +
                                _rtf_escape(FOOTNOTE) + r"\par}")
                elif piece == "comment":
                    text.append(r"{\*\atnid ED}{\*\annotation\pard\plain " +
                                _rtf_escape(COMMENT) + r"\par}")
            parts.append(r"\pard\plain" + style + " " + "".join(text) + r"\par")
    parts.append("}")
    path.write_text("\n".join(parts), encoding="ascii")


def write_office_copies() -> None:
    """The recap as LibreOffice writes it (its .odt, .rtf and .docx, saved from our
    .docx), when LibreOffice is installed: files from a real office suite, with its own
    styles, numbering, change tracking and fields."""
    import shutil
    import subprocess
    import tempfile

    office = shutil.which("soffice")
    if not office:
        print("soffice not found: the LibreOffice copies are left as they are")
        return
    with tempfile.TemporaryDirectory() as work:
        home = Path(work) / "home"
        source = Path(work) / "recap.docx"
        shutil.copy(HERE / "recap.docx", source)
        for fmt, origin in (("odt", source), ("rtf", source),
                            ("docx", Path(work) / "recap.odt")):
            out = Path(work) / fmt
            subprocess.run([office, f"-env:UserInstallation=file://{home}", "--headless",
                            "--convert-to", fmt, "--outdir", str(out), str(origin)],
                           check=True, capture_output=True, timeout=300)
            shutil.copy(out / f"recap.{fmt}", HERE / f"libreoffice.{fmt}")
            if fmt == "odt":
                shutil.copy(out / "recap.odt", Path(work) / "recap.odt")


def main() -> None:
    write_docx(HERE / "recap.docx")
    write_odt(HERE / "recap.odt")
    write_pdf(HERE / "recap.pdf")
    write_pdf(HERE / "recap-two-columns.pdf", columns=2)
    write_scanned_pdf(HERE / "scanned.pdf")
    write_locked_pdf(HERE / "locked.pdf")
    write_rtf(HERE / "recap.rtf")
    if "--office" in sys.argv:
        write_office_copies()
    for path in sorted(HERE.iterdir()):
        if path.suffix != ".py":
            print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
