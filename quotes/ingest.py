"""Files -> articles -> those not stored yet -> analyses -> store, one write transaction per batch.

Safe to stop and to run again: an article is stored whole or not at all, one
already stored with the same text is skipped, and a changed one has its quotes
replaced in the same transaction that stores its new text. A file that cannot
be read is reported with its reason and the rest go on; a database that cannot
be written stops the run (a StoreError) with the articles stored so far kept.

Each step takes and gives data, in input order: `read` gives each article of
the files or a Failure saying why a file (or a line) was not read; `unique`
fails an article whose id came earlier; `sort_out` looks a batch of articles
up in one query and gives each as a Todo (to analyse) or Current (stored, and
by this analysis); the pipeline gives each Todo's `Analysis`; `ingest` stores
the analyses a batch at a time and counts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from quotes.analysis import Analysis, Pipeline, analyse, analyse_among
from quotes.people import consolidate
from quotes.records import Attribution
from quotes.store.db import write_transaction
from quotes.store.repo import (
    NewArticle, add_articles, find_articles, is_current_article, same_metadata, sha256, update_metadata,
)
from quotes.articles import SUFFIXES, ArticleFile, read_articles
from quotes.textfile import UnreadableFile, read_article

BATCH_SIZE = 16  # texts parsed together; smaller means commits come sooner
KINDS = ".txt, .jsonl, .html"  # what a folder is searched for (articles.SUFFIXES)
SKIPPED_NAMED = 5  # files named in a folder's "not articles" message; the rest are counted


@dataclass(frozen=True)
class Failure:
    """One file and what to tell the user about it (why it failed, or what to check)."""

    path: Path
    reason: str


@dataclass
class IngestSummary:
    """What an ingest run stored. `speakers` counts distinct named speakers stored in this run."""

    articles: int = 0
    quotes: int = 0
    speakers: int = 0
    skipped: int = 0  # already stored with the same text
    without_quotes: int = 0  # stored, but no quotation found (not an error)
    failed: list[Failure] = field(default_factory=list)  # not stored
    ignored: list[Failure] = field(default_factory=list)  # not articles (find_files' skipped), never read
    redone: int = 0  # of `articles`: same text, but stored by another analysis version, so analysed again
    warnings: list[Failure] = field(default_factory=list)  # stored, but worth a look


@dataclass(frozen=True)
class FileList:
    """The article files the paths hold, and what was passed over and why."""

    files: list[Path]
    skipped: list[Failure] = field(default_factory=list)  # not articles; nothing read from them


def find_files(paths: Iterable[str | Path]) -> FileList:
    """Each file as given; each folder searched through its subfolders for `.txt`, `.jsonl` and
    `.html` files (sorted), hidden ones left out. Other files in a folder, and a folder
    holding no article file, are named in `skipped`, one entry per folder.

    Named pipes, links that loop or lead nowhere and other things that are not
    regular files are listed too, so that reading them reports what they are.
    Raises FileNotFoundError for a path that does not exist.
    """
    listing = FileList([])
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, other = [], []
            for top, folders, names in os.walk(path):  # links to folders are not followed
                folders[:] = [f for f in folders if not f.startswith(".")]
                for name in names:
                    if not name.startswith("."):
                        inside = Path(top) / name
                        (found if inside.suffix.lower() in SUFFIXES else other).append(inside)
            found.sort(key=lambda p: p.relative_to(path).parts)
            other.sort(key=lambda p: p.relative_to(path).parts)
            listing.files.extend(found)
            if other:
                names = ", ".join(str(p.relative_to(path)) for p in other[:SKIPPED_NAMED])
                more = f" and {len(other) - SKIPPED_NAMED} more" if len(other) > SKIPPED_NAMED else ""
                listing.skipped.append(Failure(path, f"{path}: {len(other)} {'file is' if len(other) == 1 else 'files are'} "
                                                     f"not articles ({KINDS}), left out: {names}{more}"))
            if not found:
                listing.skipped.append(Failure(path, f"{path} holds no article files ({KINDS}), in it or its subfolders"))
        elif path.exists() or path.is_symlink():
            listing.files.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return listing


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The article files of `find_files`, without what it skipped."""
    yield from find_files(paths).files


def read_text(path: Path) -> str:
    """The file's text (UTF-8, or another encoding when it is clear), or UnreadableFile saying why not."""
    return read_article(path).text


@dataclass(frozen=True)
class Todo:
    """An article to analyse and store; `redo` when its text is stored, by an older analysis."""

    article: ArticleFile
    redo: bool = False

    @property
    def text(self) -> str:  # what the pipeline reads
        return self.article.text


@dataclass(frozen=True)
class Current:
    """An article stored with this text by this analysis: skipped. Small, not holding the text."""

    path: Path
    encoding: str
    doc_id: str
    metadata: dict[str, str | None] | None = None  # newly known (a database from before 0004): to store


def read(files: Iterable[Path]) -> Iterator[ArticleFile | Failure]:
    """Step 1: the articles of each file, in order, or a Failure for a file or a .jsonl line that cannot be read."""
    for path in files:
        try:
            for article in read_articles(path):
                yield Failure(path, str(article)) if isinstance(article, UnreadableFile) else article
        except UnreadableFile as error:
            yield Failure(path, str(error))


def unique(items: Iterable[ArticleFile | Failure]) -> Iterator[ArticleFile | Failure]:
    """Step 2: an article whose id came earlier in the run is a Failure (the file name, or a line's id, is its id)."""
    first: dict[str, Path] = {}
    for item in items:
        if isinstance(item, ArticleFile):
            if item.doc_id in first:
                item = Failure(item.path, duplicate(item.path, item.doc_id, first[item.doc_id]))
            else:
                first[item.doc_id] = item.path
        yield item


def sort_out(
    factory: sessionmaker[Session], items: Iterable[ArticleFile | Failure], batch_size: int
) -> Iterator[Todo | Current | Failure]:
    """Step 3: each article to analyse (Todo) or already stored as it is (Current), one query per batch."""
    it = iter(items)
    while chunk := list(islice(it, batch_size)):
        with factory() as session:
            stored = find_articles(session, [i.doc_id for i in chunk if isinstance(i, ArticleFile)])
        for item in chunk:
            if isinstance(item, Failure):
                yield item
                continue
            found = stored.get(item.doc_id)
            if is_current_article(found, item.text):  # same text, same analysis version
                changed = None if same_metadata(found, item.metadata) else item.metadata
                yield Current(item.path, item.encoding, item.doc_id, changed)
            else:  # new, changed, or found by an older analysis: redo its quotes
                yield Todo(item, redo=found is not None and found.sha256 == sha256(item.text))


def store(factory: sessionmaker[Session], batch: list[tuple[ArticleFile, list[Attribution]]]) -> list[bool]:
    """Store a batch of articles in one write transaction; False for each whose exact text is already stored.

    Each article is stored whole or not at all, with the batch. The check runs
    under the write lock, so when two ingests race for an article the second
    finds it stored and skips it.
    """

    articles = [
        NewArticle(article.doc_id, str(article.path), article.text, attributions, **article.metadata)
        for article, attributions in batch
    ]

    def work(session: Session) -> list[bool]:
        return add_articles(session, articles)  # one executemany per table for the whole batch

    return write_transaction(factory, work)


def duplicate(path: Path, doc_id: str, first: Path) -> str:
    """Why an article was not read: one earlier in this run has its id."""
    if doc_id == path.stem:
        return (f"{path} has the same name as {first}, and a file's name is its article's id ({doc_id!r}); "
                "it was not read: rename one of them")
    taken = "another line of it" if first == path else first
    return (f"{path}: the article with id {doc_id!r} was not read: {taken} has that id already "
            "(a file's name, or a .jsonl line's `id`); give one of them another")


def ingest(
    session_factory: sessionmaker[Session],
    paths: Iterable[str | Path],
    *,
    progress: Callable[[Path], None] | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int = 1,
    pipeline: Pipeline | None = None,
) -> IngestSummary:
    """Read, analyse and store every file; `progress(path)` is called as each one is done.

    `pipeline` replaces this process's `analyse` (quotes.cluster's runs it on a
    Dask cluster); it sees only the articles not already stored (as Todo
    records) and gives back an Analysis of each, in input order.

    Raises StoreError when the database cannot be written (read-only, full,
    locked for too long); articles stored before that stay stored.
    """
    listing = find_files(paths)  # every path checked before any work
    summary = IngestSummary(ignored=listing.skipped)
    speakers: set[str] = set()
    done = progress or (lambda _path: None)
    run = pipeline or (lambda articles: analyse(articles, batch_size=batch_size, workers=workers))
    batch: list[Analysis[Todo]] = []
    known: list[Current] = []  # stored, but with metadata to add

    def flush() -> None:  # One transaction per batch of articles (and one for metadata newly known).
        if known:
            write_transaction(session_factory, lambda s: [update_metadata(s, c.doc_id, c.metadata) for c in known])
            known.clear()
        stored = store(session_factory, [(a.article.article, a.attributions) for a in batch])
        for analysis, new in zip(batch, stored, strict=True):
            attributions = analysis.attributions
            if new:
                summary.articles += 1
                summary.redone += analysis.article.redo
                summary.quotes += len(attributions)
                summary.without_quotes += not attributions
                speakers.update(a.speaker for a in attributions if a.speaker)
            else:
                summary.skipped += 1
            done(analysis.article.article.path)
        batch.clear()

    # Read, sort out and analyse (steps 1-4), then store: every item comes out in input order.
    items = sort_out(session_factory, unique(read(listing.files)), batch_size)
    for item in analyse_among(items, lambda item: isinstance(item, Todo), run):
        if isinstance(item, Failure):
            summary.failed.append(item)
            done(item.path)
            continue
        read_as = item.article.article if isinstance(item, Analysis) else item  # what was read: path, encoding
        path = read_as.path
        if read_as.encoding != "utf-8":
            summary.warnings.append(Failure(path, f"{path} is not UTF-8; read it as {read_as.encoding}"))
        if isinstance(item, Current):
            summary.skipped += 1
            if item.metadata is not None:
                known.append(item)
            done(path)
            continue
        for message in item.warnings:
            summary.warnings.append(Failure(path, f"{path}: {message}; the rest was stored"))
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    # 5. One person across articles (`Trump` -> `Donald Trump`), in one more transaction.
    write_transaction(session_factory, consolidate)
    summary.speakers = len(speakers)
    return summary
