"""Finds the article in a web page (trafilatura) and reads it into source blocks.

Navigation, cookie banners, ads, related links, newsletter boxes, comments, footers, figures
and photo credits are left behind by the extractor; the page's h1 and og:title become title
lines, its other headings stay headings.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import trafilatura
from trafilatura.settings import use_config

from recapcast.text.editor_export import without_editor_furniture
from recapcast.text.plaintext import html_to_text
from recapcast.text.recognise.rules import _meta_line as meta_line
from recapcast.text.source import RecapSource, SourceBlock, numbered_lines
from recapcast.text.titles import wiki_show

__all__ = ["extract_page", "nesting_depth", "MIN_ARTICLE_WORDS"]

MIN_ARTICLE_WORDS = 8
"""Fewer words than this in the article's paragraphs means the page holds no article."""

_CONFIG = use_config()
# trafilatura's own timeout uses SIGALRM, which only works on the main thread.
_CONFIG.set("DEFAULT", "extraction_timeout", "0")
# The publication date is not narrated; htmldate's extensive search loads dateparser, which
# costs over a second on the first page.
_CONFIG.set("DEFAULT", "extensive_date_search", "off")
_XML_PROLOGUE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(r"</body\s*>", re.IGNORECASE)
_HEADING_TAG = re.compile(r"<h[2-6]\b", re.IGNORECASE)


def _extract(page: str) -> ET.Element | None:
    xml = trafilatura.extract(
        page, output_format="xml", with_metadata=True, include_formatting=True,
        include_comments=False, include_tables=False, include_images=False,
        include_links=False, config=_CONFIG, date_extraction_params={"extensive_search": False},
    )
    return ET.fromstring(xml) if xml else None


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def _lines(element: ET.Element) -> tuple[str, ...]:
    """An element's text, split where the page had a line break (``<lb/>``)."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return tuple(" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip())


def _all_bold(element: ET.Element) -> bool:
    children = [c for c in element if c.tag != "lb"]
    return (not (element.text or "").strip() and len(children) == 1
            and children[0].tag == "hi" and "#b" in children[0].get("rend", "")
            and not (children[0].tail or "").strip())


def _blocks(main: ET.Element, blocks: list[SourceBlock] | None = None,
            titles: list[str] | None = None) -> tuple[list[SourceBlock], list[str]]:
    """The source blocks of trafilatura's ``main`` element, in order; containers such as
    the ``div`` a newsletter's table layout leaves are read through."""
    blocks = [] if blocks is None else blocks
    titles = [] if titles is None else titles
    for element in main:
        if element.tag == "head":
            level = int((element.get("rend") or "h2")[1:] or 2)
            text = " ".join(_text(element).split())
            if not text:
                continue
            if level == 1 and not any(b.kind != "heading" for b in blocks):
                titles.append(text)  # the page's h1 above the article is its title
            else:
                blocks.append(SourceBlock("heading", (text,), level=level))
        elif element.tag == "p":
            lines = _lines(element)
            if lines:
                blocks.append(SourceBlock("paragraph", lines, bold=_all_bold(element)))
        elif element.tag == "quote":
            lines = [line for p in element for line in _lines(p)]
            lines[:0] = [line for line in (element.text or "").split("\n") if line.strip()]
            lines += [" ".join((c.tail or "").split()) for c in element if (c.tail or "").strip()]
            if lines:
                blocks.append(SourceBlock("quote", tuple(" ".join(x.split()) for x in lines)))
        elif element.tag == "list":
            items = tuple(" ".join(_text(item).split()) for item in element.iter("item"))
            items = tuple(item for item in items if item)
            if items:
                ordered = element.get("rend", "") == "ol"
                blocks.append(SourceBlock("list", items, ordered=ordered))
        elif element.tag in ("code", "pre"):
            lines = _lines(element)
            if lines:
                blocks.append(SourceBlock("paragraph", lines))
        elif element.tag in ("div", "main", "section", "article", "body"):
            _blocks(element, blocks, titles)
    return blocks, titles


def _article_words(blocks: list[SourceBlock]) -> int:
    return sum(len(b.text.split()) for b in blocks if b.kind in ("paragraph", "quote", "list"))


def _wrapped_in_article(page: str) -> str:
    opened = _BODY_OPEN.search(page)
    start = opened.end() if opened else 0
    closed = _BODY_CLOSE.search(page, start)
    end = closed.start() if closed else len(page)
    return page[:start] + "<article>" + page[start:end] + "</article>" + page[end:]


def extract_page(page: str) -> RecapSource | None:
    """The article of an HTML page as source blocks, or None when it has no article text."""
    page = _XML_PROLOGUE.sub("", page)  # lxml refuses a str that declares its encoding
    exported = page  # a draft's header, footer and comments are counted as removed
    page, doc_subtitle = without_editor_furniture(page)
    page = _prepared(page)
    doc = _extract(page)
    if doc is None:
        return None
    main = doc.find("main")
    blocks, titles = _blocks(main) if main is not None else ([], [])
    if not any(b.kind == "heading" for b in blocks) and _HEADING_TAG.search(page):
        # Without an <article> or <main> around the text, trafilatura's fallback keeps the
        # paragraphs but drops the headings; read the body as the article, and keep that
        # reading when it holds the same paragraphs and little more.
        retry = _extract(_wrapped_in_article(page))
        again = retry.find("main") if retry is not None else None
        if again is not None:
            more, more_titles = _blocks(again)
            kept = {b.text for b in blocks if b.kind == "paragraph"}
            found = {b.text for b in more if b.kind == "paragraph"}
            if (any(b.kind == "heading" for b in more) and kept <= found
                    and _article_words(more) <= 1.3 * _article_words(blocks) + 40):
                blocks, titles = more, more_titles
    if _article_words(blocks) < MIN_ARTICLE_WORDS:
        return None
    page_title = doc.get("title") or ""
    if page_title and page_title not in titles:
        titles.append(page_title)
    # The <title> element as written: when trafilatura's title is the bare headline, it
    # still names the show and the episode ("Show - Seizoen 3, Aflevering 6: Title | Site").
    tag = _TITLE_TAG.search(page)
    tag_title = " ".join(html.unescape(tag.group(1)).split()) if tag else ""
    if tag_title and tag_title not in titles:
        titles.append(tag_title)
    # A subtitle trafilatura leaves out ('Season 2, Episode 3, "Annealing"' under a catchy
    # headline): a candidate title line, the best of which import takes.
    titles += [x for x in [*_subtitles(page), doc_subtitle] if x and x not in titles]
    author = doc.get("author") or ""
    byline = _byline(exported, author, blocks)
    blocks = list(numbered_lines(byline + blocks))
    return RecapSource(blocks=tuple(blocks), titles=tuple(titles), author=author,
                       site=doc.get("sitename") or _wiki_in_title(page),
                       summary=doc.get("description") or "",
                       removed=_removed_lines(exported, blocks))


def _byline(page: str, author: str, blocks: list[SourceBlock]) -> list[SourceBlock]:
    """The page's byline above the article when the extractor read its author out of it and
    dropped the line ("By Ana Ruiz | March 3, 2025 | 6 min read"), as the article's first
    block: import then leaves it out as a byline, so the account names it, and takes the
    author's name from its words rather than from the extractor's cut of them."""
    name = re.split(r"\s*[;|·,]\s*", author.strip())[0]
    first = next((line for b in blocks for line in b.lines), None)
    if not name or first is None:
        return []
    body = _BODY_OPEN.search(page)
    for line in html_to_text(page[body.end():] if body else page).split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if first.startswith(line):
            return []  # the article began: a name below it is not its byline
        if name in line and meta_line(line)[0]:
            return [SourceBlock("paragraph", (line,))]
    return []


def _removed_lines(page: str, blocks: list[SourceBlock]) -> int:
    """How many lines of the page's visible text the extractor left out of the article:
    the text of its body (scripts and styles aside), a line per block, less the article's."""
    body = _BODY_OPEN.search(page)
    text = html_to_text(page[body.end():] if body else page)
    shown = sum(1 for line in text.split("\n") if any(c.isalnum() for c in line))
    return max(0, shown - sum(len(b.lines) for b in blocks))


def _prepared(page: str) -> str:
    """The page with what trafilatura misreads put right: an ad box inside the article
    (its text would be read) goes; a forum's quote box ("Originally Posted by X" over the
    words, "X wrote:" atop a blockquote), whose words trafilatura drops, becomes a
    blockquote with its speaker after it; and a quotation's <footer>/<cite> attribution,
    which trafilatura drops too, becomes a line of the quote."""
    page = _AD_BOX.sub("", page)
    page = _SOCIAL_EMBED.sub("", page)
    page = _FORUM_QUOTE.sub(lambda m: f"<blockquote><p>{m.group('text')}</p>"
                                      f"<p>— {m.group('name').strip()}</p></blockquote>", page)
    page = _QUOTE_TITLE.sub(lambda m: f"{m.group('open')}<p>{_TAG.sub(' ', m.group('body'))}"
                                      f"</p><p>— {m.group('name').strip()}</p></blockquote>", page)
    return _QUOTE_FOOTER.sub(lambda m: "</p>" if m.group(0).startswith("</") else "<p>", page)


def _subtitles(page: str) -> list[str]:
    """The short text of elements a page marks as its subtitle or episode line."""
    found = []
    for match in _SUBTITLE.finditer(page):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", match.group("text"))).split())
        if text and len(text.split()) <= 16:
            found.append(text)
    return found[:3]


def _wiki_in_title(page: str) -> str:
    """A fan wiki's name from the page's <title> ("Dry County | Starwake Wiki | Fandom"),
    which trafilatura's title leaves out; "" when the title names none."""
    found = _TITLE_TAG.search(page)
    segments = html.unescape(found.group(1)).split("|")[1:] if found else []
    return next((x.strip() for x in segments if wiki_show(x)), "")


# An ad box: a div whose class names an ad or sponsor, holding no other div.
_AD_BOX = re.compile(
    r"<div\b[^>]*\bclass=\"[^\"]*\b(?:inline-ad|ad-slot|ad-container|advert\w*|sponsor\w*|"
    r"promo-box|native-ad)\b[^\"]*\"[^>]*>(?:[^<]|<(?!/?div\b))*</div>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
# An embedded social post: the blockquote each network's embed code writes, by its class.
SOCIAL_EMBEDS = ("twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed",
                 "bluesky-embed", "mastodon-embed", "text-post-media", "reddit-embed-bq",
                 "threads-embed", "fb-xfbml-parse-ignore")
_SOCIAL_EMBED = re.compile(
    r"<blockquote\b[^>]*\bclass=\"[^\"]*\b(?:" + "|".join(map(re.escape, SOCIAL_EMBEDS))
    + r")\b[^\"]*\"[^>]*>.*?</blockquote>", re.IGNORECASE | re.DOTALL)
# vBulletin's quote box: "Originally Posted by <strong>X</strong>" and a message div
_FORUM_QUOTE = re.compile(
    r"(?:Originally Posted by|Quote from|Quote originally posted by)\s*(?:<[^>]+>\s*)*"
    r"(?P<name>[^<>]{2,60}?)\s*(?:<[^>]+>\s*)*?<div\b[^>]*\bclass=\"[^\"]*\b(?:message|"
    r"quote_content|bbcode_quote_content)\b[^\"]*\"[^>]*>(?P<text>(?:[^<]|<(?!/?div\b))*)</div>",
    re.IGNORECASE)
# phpBB's "<cite>X wrote:</cite>" and XenForo's "X said:" title atop a blockquote
_QUOTE_TITLE = re.compile(
    r"(?P<open><blockquote\b[^>]*>)\s*<(?P<tag>cite|div)\b[^>]*>\s*(?:<a\b[^>]*>)?"
    r"(?P<name>[^<>]{2,60}?)\s+(?:wrote|said)\s*:?\s*(?:</a>)?\s*</(?P=tag)>"
    r"(?P<body>(?:[^<]|<(?!/?blockquote\b))*)</blockquote>", re.IGNORECASE)
# A quotation's attribution in its own element: "<footer>— Name</footer>" in a blockquote.
_QUOTE_FOOTER = re.compile(
    r"</?(?:footer|figcaption)\b[^>]*>(?=(?:[^<]|<(?!/?blockquote\b))*</blockquote>)",
    re.IGNORECASE)
_SUBTITLE = re.compile(
    r"<(?P<tag>p|h2|h3|div|span)\b[^>]*\bclass=\"[^\"]*\b(?:entry-subtitle|subtitle|subhead|"
    r"dek|standfirst|season-episode|episode-number|episode-info)\b[^\"]*\"[^>]*>"
    r"(?P<text>[^<]{0,200}(?:<(?!/?(?:p|div|h\d)\b)[^>]*>[^<]{0,200}){0,6})</(?P=tag)>",
    re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class _DepthMeter(HTMLParser):
    _VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td",
             "th"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag not in self._VOID:
            self.stack.append(tag)
            self.deepest = max(self.deepest, len(self.stack))

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def nesting_depth(page: str) -> int:
    """How deeply the page's elements nest (void and self-closing ones not counted)."""
    meter = _DepthMeter()
    meter.feed(page)
    return meter.deepest
