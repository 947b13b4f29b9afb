"""Article files to articles with metadata: `.txt`, `.jsonl` and `.html`.

- `.txt`: the text; a name like `breitbart_2015-11-11_some-slug.txt` (publisher,
  date, slug, as the PolNeAR corpus names its files) also gives the publisher
  and the date, and so does a first line that is only a date (`November 27, 2024`).
- `.jsonl`: one article per line, `text` plus any of `id` (or `doc_id`),
  `title`, `date` (or `published`), `publisher` (or `source`, `sitename`) and
  `url`. A bad line is reported on its own and the other lines go in.
- `.html`: the main text taken out by trafilatura (menus, ads and footers
  left behind), with the title, date, site name and URL it finds.

Bytes are decoded by `quotes.textfile` (UTF-8, or another encoding only when
it is clear), so every kind gets the same checks.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from quotes.textfile import MAX_BYTES, UnreadableFile, decode, read_article, require_regular_file

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
MAX_BAD_LINES = 10  # bad lines of one .jsonl file reported one by one; the rest are counted
GIVE_UP_AFTER = 1000  # bad lines, none good, after which a .jsonl file is read no further
MAX_LINE_BYTES = 8 * MAX_BYTES  # a .jsonl line: one article's text, with room for JSON escapes
CORPUS_NAME = re.compile(r"^(?P<publisher>[a-z0-9-]+)_(?P<date>\d{4}-\d{2}-\d{2})_")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
DATELINES = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d")
FIELDS = {  # metadata field -> the names a JSON line may give it
    "title": ("title", "headline"),
    "published": ("date", "published", "published_at"),
    "publisher": ("publisher", "source", "sitename"),
    "url": ("url", "link"),
}


@dataclass(frozen=True)
class ArticleFile:
    """One article as read from a file, before the pipeline sees it."""

    doc_id: str  # the file stem; `stem-N` (or the line's `id`) for line N of a .jsonl file
    path: Path
    text: str
    encoding: str = "utf-8"
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    publisher: str | None = None
    url: str | None = None

    @property
    def metadata(self) -> dict[str, str | None]:
        """The fields stored on the article beside its text."""
        return {"title": self.title, "published": self.published, "publisher": self.publisher, "url": self.url}


def read_articles(path: Path) -> Iterator[ArticleFile | UnreadableFile]:
    """The articles in one file; a bad line of a .jsonl file comes out as an UnreadableFile.

    Raises UnreadableFile when the file as a whole cannot be read.
    """
    if not storable_name(path):
        raise UnreadableFile(f"{shown(path)}: the file name is not valid UTF-8; rename it (e.g. with `convmv`)")
    require_regular_file(path)  # a named pipe would block the read
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _json_lines(path)
    elif suffix in (".html", ".htm"):
        yield _html(path)
    else:
        read = read_article(path)
        meta = _from_name(path.stem) or _dateline(read.text)
        yield ArticleFile(path.stem, path, read.text, read.encoding, **meta)


def storable_name(path: Path) -> bool:
    """Can the path be stored as text? A name in another encoding than the system's is not."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(path: Path) -> str:
    """The path as printable text, bytes that are not UTF-8 as escapes (`bad\\xff.txt`)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _from_name(stem: str) -> dict[str, str]:
    match = CORPUS_NAME.match(stem)
    if not match or iso_date(match["date"]) is None:
        return {}
    return {"publisher": match["publisher"], "published": match["date"]}


def _dateline(text: str) -> dict[str, str]:
    """A first line that is only a date (`November 27, 2024`) is the date published."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    for form in DATELINES:
        try:
            return {"published": datetime.strptime(first, form).date().isoformat()}
        except ValueError:
            continue
    return {}


def iso_date(value: object) -> str | None:
    """`2023-06-18T10:00:00Z` -> `2023-06-18`; None for anything that is not a real date."""
    if not isinstance(value, str) or not ISO_DATE.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _json_lines(path: Path) -> Iterator[ArticleFile | UnreadableFile]:
    """The articles of a JSON lines file, read a line at a time (a file of any size takes
    memory for one line); each bad line is its own UnreadableFile, the first MAX_BAD_LINES
    of them, then one for the rest, and a file with no article in its first
    GIVE_UP_AFTER lines is not read further."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise UnreadableFile(f"cannot read {path}: {error.strerror or error}") from error
    good = bad = 0
    with handle:
        head = handle.read(4096)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
            raise UnreadableFile(
                f"{path} is UTF-16 or binary; JSON lines files are UTF-8 (`iconv -f utf-16 -t utf-8`)"
            )
        handle.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
        for number, raw in enumerate(_lines(handle), 1):
            if raw is not None and not raw.strip():
                continue
            read = _json_line(path, number, raw)
            if isinstance(read, ArticleFile):
                good += 1
                yield read
                continue
            bad += 1
            if bad <= MAX_BAD_LINES:
                yield read
            if not good and bad >= GIVE_UP_AFTER:
                yield UnreadableFile(
                    f"{path}: no article in its first {bad:,} lines; the rest was not read "
                    "(is it a JSON lines file of articles, each with a `text`?)"
                )
                return
    if bad > MAX_BAD_LINES:
        yield UnreadableFile(f"{path}: {bad - MAX_BAD_LINES:,} more bad lines, not listed")


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The file's lines as bytes; None for a line over the size limit, which is skipped unread."""
    while True:
        line = handle.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # the rest of the long line, a piece at a time
                line = handle.readline(MAX_LINE_BYTES)
            yield None
        else:
            yield line


def _json_line(path: Path, number: int, raw: bytes | None) -> ArticleFile | UnreadableFile:
    """One line's article, or why it is not one."""
    where = f"{path} line {number}"
    if raw is None:
        return UnreadableFile(f"{where} is over {MAX_LINE_BYTES / 1e6:g} MB, too long for one article")
    try:
        line = raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            read = decode(raw, where)  # a line in another encoding, read only when it is clear
        except UnreadableFile as error:
            return error
        line, encoding = read.text, read.encoding
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return UnreadableFile(f"{where} is not JSON ({error.msg})")
    except RecursionError:
        return UnreadableFile(f"{where} is nested too deeply to be an article")
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str) or not text.strip():
        return UnreadableFile(f"{where} has no `text`")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return UnreadableFile(f"{where} is over the {MAX_BYTES / 1e6:g} MB limit for one article")
    given = record.get("id", record.get("doc_id"))
    doc_id = str(given) if given not in (None, "") else f"{path.stem}-{number}"
    meta = {name: _first(record, keys) for name, keys in FIELDS.items()}
    meta["published"] = iso_date(meta["published"])
    for name, value in {"text": text, "id": doc_id, **meta}.items():
        problem = _not_storable(value)
        if problem:
            return UnreadableFile(f"{where}: `{name}` {problem}")
    return ArticleFile(doc_id, path, text, encoding, **meta)


def _not_storable(value: str | None) -> str | None:
    """Why a string cannot be stored as text (every database takes UTF-8 without NUL), or None."""
    if value is None:
        return None
    if "\x00" in value:
        return "holds a NUL character (\\u0000), which is not text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"holds a lone surrogate ({value[error.start]!r}), which is not text"
    return None


def _first(record: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _html(path: Path) -> ArticleFile:
    import trafilatura  # only .html needs it, and it takes a moment to load

    read = read_article(path)
    found = trafilatura.bare_extraction(read.text, with_metadata=True, include_comments=False)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise UnreadableFile(f"{path} has no article text that could be taken out of its HTML")
    return ArticleFile(
        path.stem,
        path,
        text,
        read.encoding,
        title=found.title or None,
        published=iso_date(found.date),
        publisher=found.sitename or found.hostname or None,
        url=found.url or None,
    )
