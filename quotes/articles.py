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

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from quotes.textfile import MAX_BYTES, UnreadableFile, decode, read_article

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
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
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _json_lines(path)
    elif suffix in (".html", ".htm"):
        yield _html(path)
    else:
        read = read_article(path)
        meta = _from_name(path.stem) or _dateline(read.text)
        yield ArticleFile(path.stem, path, read.text, read.encoding, **meta)


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
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"cannot read {path}: {error.strerror or error}") from error
    lines = decode(data, str(path)).text.splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield UnreadableFile(f"{where} is not JSON ({error.msg})")
            continue
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str) or not text.strip():
            yield UnreadableFile(f"{where} has no `text`")
            continue
        if len(text.encode("utf-8")) > MAX_BYTES:
            yield UnreadableFile(f"{where} is over the {MAX_BYTES / 1e6:g} MB limit for one article")
            continue
        given = record.get("id", record.get("doc_id"))
        doc_id = str(given) if given not in (None, "") else f"{path.stem}-{number}"
        meta = {name: _first(record, keys) for name, keys in FIELDS.items()}
        meta["published"] = iso_date(meta["published"])
        yield ArticleFile(doc_id, path, text, **meta)


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
