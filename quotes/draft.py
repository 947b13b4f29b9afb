"""Reading a draft into plain text, one paragraph a line: .txt, .md, .html, .docx.

Paragraph breaks matter: attribution never reads a cue across them.
"""

from __future__ import annotations

import re
from pathlib import Path

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
    """A draft that is not UTF-8 text, or a broken .docx."""


def strip_markdown(text: str) -> str:
    """Markdown to plain text, just enough for quotations: emphasis marks, heading
    and quote markers and links go; [bracketed] words without a link stay."""
    text = re.sub(r"^\s{0,3}(?:#{1,6}|>+)\s?", "", text, flags=re.MULTILINE)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [words](url)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", r"\2", text)
    return text


def html_text(html: str) -> str:
    """The page's main text (`<main>` or `<article>` when there is one), a line per block."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(NOT_TEXT):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for tag in root.find_all(BLOCKS):
        tag.insert_before(BREAK)
        tag.insert_after(BREAK)
    flat = re.sub(r"\s+", " ", root.get_text())  # HTML white space is one space
    return "\n\n".join(p.strip() for p in flat.split(BREAK) if p.strip())


def docx_text(path: Path) -> str:
    """The paragraphs of a Word document, tables included."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise UnreadableDraft(f"{path} is not a readable .docx file ({error})") from error
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        paragraphs.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def read_draft(path: str | Path) -> str:
    """The draft's text. Raises FileNotFoundError, UnsupportedDraft or UnreadableDraft."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedDraft(f"cannot read {path}: drafts are {', '.join(SUFFIXES)} files")
    if not path.is_file():
        raise FileNotFoundError(f"no such draft: {path}")
    if suffix in DOCX_SUFFIXES:
        return docx_text(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableDraft(f"{path} is not UTF-8 text") from error
    if suffix in MARKDOWN_SUFFIXES:
        return strip_markdown(raw)
    if suffix in HTML_SUFFIXES:
        return html_text(raw)
    return raw
