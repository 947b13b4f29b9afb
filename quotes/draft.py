"""Reading a draft into plain text, one paragraph a line: .txt, .md, .html, .docx.

Paragraph breaks matter: attribution never reads a cue across them.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from quotes.textfile import UnreadableFile, require_regular_file

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
DOCX_SUFFIXES = (".docx",)
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES

# Elements that end a paragraph in HTML; everything else flows inline.
BLOCKS = (
    "p", "div", "br", "li", "ul", "ol", "blockquote", "section", "article", "main",
    "header", "footer", "aside", "figure", "figcaption", "table", "tr", "td", "th",
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "dd", "dt",
)
NOT_TEXT = ("script", "style", "noscript", "template", "nav", "head", "svg")
BREAK = "\ue000"  # a private-use mark for paragraph ends while the page is flattened


class UnsupportedDraft(ValueError):
    """A draft whose file type cannot be read."""


class UnreadableDraft(ValueError):
    """A draft that cannot be read whole: not UTF-8 text, too large, a broken or hostile .docx."""


# Bounds on what one draft may cost, whatever is in the file (a draft is ~10,000 characters).
MAX_DRAFT_CHARS = 1_000_000  # spaCy's own limit for one text
MAX_FILE_BYTES = 20_000_000  # a .txt, .md or .html file, read no further
MAX_DOCX_UNPACKED = 100_000_000  # all parts of a .docx together, pictures included
MAX_DOCX_XML = 25_000_000  # its XML parts: what python-docx parses into a tree
LONGEST_EMPHASIS = 200  # characters between Markdown emphasis marks, so each mark looks a bounded way ahead


def strip_markdown(text: str) -> str:
    """Markdown to plain text, just enough for quotations: emphasis marks, heading
    and quote markers and links go; [bracketed] words without a link stay.

    Every pattern looks a bounded way ahead within its line, so the time is
    linear in the text whatever its marks (`*a *a *a ...` took minutes).
    """
    n = LONGEST_EMPHASIS
    text = re.sub(r"^[ \t]{0,3}(?:#{1,6}|>+)[ \t]?", "", text, flags=re.MULTILINE)
    text = re.sub(r"!?\[([^\]\n]{0,%d})\]\(([^)\n]{0,%d})\)" % (n, 5 * n), r"\1", text)  # [words](url)
    text = re.sub(r"(\*\*|__)(?=\S)([^\n]{1,%d}?)(?<=\S)\1" % n, r"\2", text)
    text = re.sub(r"(?<![\w*])([*_])(?=\S)([^\n]{1,%d}?)(?<=\S)\1(?![\w*])" % n, r"\2", text)
    return text


class _PageText(HTMLParser):
    """Text of a page as it streams by, a break at each block's start and end.

    One pass, no tree: a page of 40,000 paragraphs or 100,000 nested tags costs
    what its length does. Text inside `<main>` (or else `<article>`) is also
    kept apart, as the page's main text.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.hidden = 0  # depth inside script, style, nav, ...
        self.roots: dict[str, list[int]] = {"main": [], "article": []}  # chunk index where each began and ended
        self.open_roots: dict[str, int] = {"main": 0, "article": 0}

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in NOT_TEXT:
            self.hidden += 1
        if tag in self.roots:
            if not self.open_roots[tag] and not self.roots[tag]:  # the first one is the page's
                self.roots[tag].append(len(self.chunks))
            self.open_roots[tag] += 1
        if tag in BLOCKS:
            self.chunks.append(BREAK)

    def handle_startendtag(self, tag: str, attrs) -> None:  # <br/>: no content, no end tag
        if tag in BLOCKS:
            self.chunks.append(BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in NOT_TEXT and self.hidden:
            self.hidden -= 1
        if tag in BLOCKS:
            self.chunks.append(BREAK)
        if tag in self.roots and self.open_roots[tag]:
            self.open_roots[tag] -= 1
            if not self.open_roots[tag] and len(self.roots[tag]) == 1:
                self.roots[tag].append(len(self.chunks))

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.chunks.append(data)

    def main_text(self) -> list[str]:
        for tag in ("main", "article"):
            if self.roots[tag]:
                begin, *end = self.roots[tag]
                return self.chunks[begin : end[0] if end else None]
        return self.chunks


def html_text(html: str) -> str:
    """The page's main text (`<main>` or `<article>` when there is one), a line per block."""
    page = _PageText()
    page.feed(html)
    page.close()
    flat = re.sub(r"\s+", " ", "".join(page.main_text()))  # HTML white space is one space
    return "\n\n".join(p.strip() for p in flat.split(BREAK) if p.strip())


def docx_text(path: Path) -> str:
    """The paragraphs of a Word document, tables included.

    Refused before it is opened when it unpacks to more than a draft could
    (a zip bomb), and after when a run of text holds something that is not
    text (an XML entity, a comment): python-docx would give the run's text
    only up to it, and a cut quotation would go unchecked.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    _check_unpacked_size(path)
    try:
        document = docx.Document(str(path))
        cut = next((t for t in document.element.iter(qn_text()) if len(t)), None)
        entity = next(document.element.iter(etree.Entity), None)
        paragraphs = [p.text for p in document.paragraphs]
        for table in document.tables:
            paragraphs.extend(cell.text for row in table.rows for cell in row.cells)
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, etree.LxmlError, zipfile.BadZipFile) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise UnreadableDraft(f"{path} is not a readable .docx file ({reason})") from error
    if entity is not None or cut is not None:
        what = f"the XML entity {entity}" if entity is not None else "markup inside a run of text"
        raise UnreadableDraft(
            f"{path} holds {what}, which Word never writes; its text cannot be read whole "
            "(save it again from Word, or as .txt)"
        )
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def qn_text() -> str:
    from docx.oxml.ns import qn

    return qn("w:t")


def _check_unpacked_size(path: Path) -> None:
    """UnreadableDraft when the .docx unpacks to more than MAX_DOCX_UNPACKED (or its XML to more than MAX_DOCX_XML).

    The sizes are the ones the zip declares; Python's zipfile never unpacks
    more than that (it stops there and checks the CRC).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableDraft(f"{path} is not a readable .docx file ({error})") from error
    unpacked = sum(p.file_size for p in parts)
    xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    if unpacked > MAX_DOCX_UNPACKED or xml > MAX_DOCX_XML:
        raise UnreadableDraft(
            f"{path} unpacks to {unpacked / 1e6:,.0f} MB ({xml / 1e6:,.0f} MB of XML), more than a draft "
            f"({MAX_DOCX_UNPACKED / 1e6:g} MB, {MAX_DOCX_XML / 1e6:g} MB of XML); is it a zip bomb?"
        )


def _read_text_file(path: Path) -> str:
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableDraft(f"{path} is over {MAX_FILE_BYTES / 1e6:g} MB, more than a draft; check it in parts")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableDraft(f"{path} is not UTF-8 text") from error


def read_draft(path: str | Path) -> str:
    """The draft's text. Raises FileNotFoundError, UnsupportedDraft or UnreadableDraft."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedDraft(f"cannot read {path}: drafts are {', '.join(SUFFIXES)} files")
    if not path.exists() and not path.is_symlink():
        raise FileNotFoundError(f"no such draft: {path}")
    try:
        require_regular_file(path)  # a named pipe would block the read; a broken link has nothing to read
    except UnreadableFile as error:
        raise UnreadableDraft(str(error)) from error
    if suffix in DOCX_SUFFIXES:
        text = docx_text(path)
    else:
        raw = _read_text_file(path)
        text = strip_markdown(raw) if suffix in MARKDOWN_SUFFIXES else html_text(raw) if suffix in HTML_SUFFIXES else raw
    if len(text) > MAX_DRAFT_CHARS:
        raise UnreadableDraft(
            f"{path} is {len(text):,} characters, over the {MAX_DRAFT_CHARS:,} one check can read; check it in parts"
        )
    return text
