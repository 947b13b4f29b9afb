"""Files -> texts -> pipeline -> store, one write transaction per batch of articles.

Safe to stop and to run again: an article is stored whole or not at all, one
already stored with the same text is skipped, and a changed one has its quotes
replaced in the same transaction that stores its new text. A file that cannot
be read is reported with its reason and the rest go on; a database that cannot
be written stops the run (a StoreError) with the articles stored so far kept.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from quotes.detect import detector_warnings
from quotes.people import consolidate
from quotes.pipeline import analyse
from quotes.records import Attribution
from quotes.store.db import write_transaction
from quotes.store.repo import (
    NewArticle, add_articles, find_article, is_current_article, same_metadata, sha256, update_metadata,
)
from quotes.articles import SUFFIXES, ArticleFile, read_articles
from quotes.textfile import UnreadableFile, read_article

BATCH_SIZE = 16  # texts parsed together; smaller means commits come sooner
KINDS = ".txt, .jsonl, .html"  # what a folder is searched for (articles.SUFFIXES)
SKIPPED_NAMED = 5  # files named in a folder's "not articles" message; the rest are counted
# What turns texts into quotes: one list per text, in input order (as `analyse`).
Pipeline = Callable[[Iterable[str]], Iterable[list[Attribution]]]


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
class Analysed:
    """One file through the pipeline: its quotes, or why it could not be read."""

    path: Path
    text: str
    attributions: list[Attribution]
    warnings: list[str]  # e.g. unpaired quotation marks; the rest of the file was read
    error: str | None = None
    doc_id: str = ""  # the article's id: the file stem, or one line's of a .jsonl file


def analyse_files(paths: Iterable[str | Path]) -> Iterator[Analysed]:
    """Each file's quotes, streamed through the pipeline, no database.

    An unreadable file gives an `Analysed` with `error` set, and the rest go on.
    """
    files = list(iter_files(paths))  # every path checked before any work
    pending: deque[ArticleFile] = deque()
    failed: deque[Analysed] = deque()

    def texts() -> Iterator[str]:
        for path in files:
            try:
                for article in read_articles(path):
                    if isinstance(article, UnreadableFile):
                        failed.append(Analysed(path, "", [], [], str(article)))
                        continue
                    pending.append(article)
                    yield article.text
            except UnreadableFile as error:
                failed.append(Analysed(path, "", [], [], str(error)))

    with detector_warnings() as warnings:
        for attributions in analyse(texts()):
            while failed:
                yield failed.popleft()
            article = pending.popleft()
            yield Analysed(article.path, article.text, attributions, warnings.drain(), doc_id=article.doc_id)
    yield from failed


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


def _articles(path: Path, fail: Callable[[Path, str], None]) -> Iterator[ArticleFile]:
    """The readable articles of one file; `fail` hears of the file, or the lines, that are not."""
    try:
        for article in read_articles(path):
            if isinstance(article, UnreadableFile):
                fail(path, str(article))
            else:
                yield article
    except UnreadableFile as error:
        fail(path, str(error))


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
    Dask cluster); it sees only the texts not already stored, and the detector
    warnings it logs for a text must come just before that text's result.

    Raises StoreError when the database cannot be written (read-only, full,
    locked for too long); articles stored before that stay stored.
    """
    listing = find_files(paths)  # every path checked before any work
    files = listing.files
    summary = IngestSummary(ignored=listing.skipped)
    speakers: set[str] = set()
    pending: deque[ArticleFile] = deque()
    done = progress or (lambda _path: None)

    def fail(path: Path, reason: str) -> None:
        summary.failed.append(Failure(path, reason))
        done(path)

    # 1. Read files lazily, dropping unreadable ones and those already stored unchanged.
    outdated: set[str] = set()

    def texts() -> Iterator[str]:
        names: dict[str, Path] = {}
        for path in files:
            for article in _articles(path, fail):
                if article.doc_id in names:  # the file name (or a line's id) is the article's id
                    fail(path, duplicate(path, article.doc_id, names[article.doc_id]))
                    continue
                names[article.doc_id] = path
                if article.encoding != "utf-8":
                    summary.warnings.append(Failure(path, f"{path} is not UTF-8; read it as {article.encoding}"))
                with session_factory() as session:
                    found = find_article(session, article.doc_id)
                    unchanged = is_current_article(found, article.text)  # same text, same analysis version
                    stored = unchanged and same_metadata(found, article.metadata)
                    if not unchanged and found is not None and found.sha256 == sha256(article.text):
                        outdated.add(article.doc_id)  # quotes found by an older analysis: redo them
                if unchanged:
                    if not stored:  # metadata newly known (e.g. a database from before 0004)
                        write_transaction(session_factory, lambda s, a=article: update_metadata(s, a.doc_id, a.metadata))
                    summary.skipped += 1
                    done(path)
                    continue
                pending.append(article)
                yield article.text

    # 2. The pipeline keeps input order, so results pair with `pending` front to back;
    #    the detector's warnings for a text are logged just before its result comes out.
    run = pipeline or (lambda texts: analyse(texts, batch_size=batch_size, workers=workers))
    batch: list[tuple[ArticleFile, list[Attribution]]] = []

    def flush() -> None:  # 3. One transaction per batch of articles.
        for (article, attributions), new in zip(batch, store(session_factory, batch)):
            if new:
                summary.articles += 1
                summary.redone += article.doc_id in outdated
                summary.quotes += len(attributions)
                summary.without_quotes += not attributions
                speakers.update(a.speaker for a in attributions if a.speaker)
            else:
                summary.skipped += 1
            done(article.path)
        batch.clear()

    with detector_warnings() as warnings:
        for attributions in run(texts()):
            article = pending.popleft()
            for message in warnings.drain():
                summary.warnings.append(Failure(article.path, f"{article.path}: {message}; the rest was stored"))
            batch.append((article, attributions))
            if len(batch) >= batch_size:
                flush()
        flush()
    # 4. One person across articles (`Trump` -> `Donald Trump`), in one more transaction.
    write_transaction(session_factory, consolidate)
    summary.speakers = len(speakers)
    return summary
