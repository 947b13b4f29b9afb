"""Files -> texts -> pipeline -> store, one transaction per article.

A file that cannot be read or stored is recorded as failed and the rest go on;
a crash leaves whole articles or none.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from quotes.pipeline import analyse
from quotes.records import Attribution
from quotes.store.repo import add_article, is_current


class UnreadableFile(ValueError):
    """A file that is not UTF-8 text or cannot be opened."""


@dataclass
class Failure:
    path: Path
    reason: str


@dataclass
class IngestSummary:
    """What an ingest run stored. `speakers` counts distinct named speakers stored in this run."""

    articles: int = 0
    quotes: int = 0
    speakers: int = 0
    skipped: int = 0  # already stored with the same text
    failed: list[Failure] = field(default_factory=list)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path as given, folders expanded to the `*.txt` files directly in them (sorted).

    Raises FileNotFoundError for a path that does not exist.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.glob("*.txt") if p.is_file())
        elif path.is_file():
            yield path
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")


def read_text(path: Path) -> str:
    """The file's text as UTF-8, or UnreadableFile saying why not."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path} is not UTF-8 text (byte {error.start})") from error
    except OSError as error:
        raise UnreadableFile(f"cannot read {path}: {error.strerror or error}") from error


def analyse_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str, list[Attribution]]]:
    """(path, text, attributions) for each file, streamed through the pipeline, no database."""
    files = list(iter_files(paths))  # every path checked before any work
    pending: deque[tuple[Path, str]] = deque()

    def texts() -> Iterator[str]:
        for path in files:
            text = read_text(path)
            pending.append((path, text))
            yield text

    for attributions in analyse(texts()):
        path, text = pending.popleft()
        yield path, text, attributions


def ingest(
    session_factory: sessionmaker[Session],
    paths: Iterable[str | Path],
    *,
    progress: Callable[[Path], None] | None = None,
) -> IngestSummary:
    """Read, analyse and store every file; `progress(path)` is called as each one is done."""
    files = list(iter_files(paths))  # every path checked before any work
    summary = IngestSummary()
    speakers: set[str] = set()
    pending: deque[tuple[Path, str]] = deque()
    done = progress or (lambda _path: None)

    # 1. Read files lazily, dropping unreadable ones and those already stored unchanged.
    def texts() -> Iterator[str]:
        for path in files:
            try:
                text = read_text(path)
            except UnreadableFile as error:
                summary.failed.append(Failure(path, str(error)))
                done(path)
                continue
            with session_factory() as session:
                unchanged = is_current(session, path.stem, text)
            if unchanged:
                summary.skipped += 1
                done(path)
                continue
            pending.append((path, text))
            yield text

    # 2. The pipeline keeps input order, so results pair with `pending` front to back.
    for attributions in analyse(texts()):
        path, text = pending.popleft()
        # 3. One transaction per article.
        try:
            with session_factory.begin() as session:
                add_article(session, path.stem, str(path), text, attributions)
        except SQLAlchemyError as error:
            summary.failed.append(Failure(path, f"could not store {path}: {error}"))
        else:
            summary.articles += 1
            summary.quotes += len(attributions)
            speakers.update(a.speaker for a in attributions if a.speaker)
        done(path)
    summary.speakers = len(speakers)
    return summary
