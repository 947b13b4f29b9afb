"""The quotes of article files as records, no database (`quotes extract`).

`ExtractedQuote` is one line of `quotes extract --format jsonl`, the shape
the shared scorer (`eval/score.py`) reads: its fields and their order are the
output's, so the CLI only formats them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotes.analysis import Analysis, Pipeline, analyse, analyse_among
from quotes.articles import ArticleFile
from quotes.ingest import iter_files, read


@dataclass(frozen=True)
class ExtractedQuote:
    """One quotation: where it is in its article, its words, who said it and how sure that is."""

    doc_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_type: str | None  # person | org
    confidence: float | None


@dataclass(frozen=True)
class Extracted:
    """One article's quotes, or a file (or a .jsonl line) that could not be read and why."""

    path: Path
    quotes: list[ExtractedQuote]
    warnings: list[str]  # the detector's (an unpaired mark); the rest of the article was read
    error: str | None = None


def extract(paths: Iterable[str | Path], *, pipeline: Pipeline | None = None) -> Iterator[Extracted]:
    """Each article's quotes in input order, streamed: a file (or a .jsonl line) that cannot be
    read is one `Extracted` with `error` set, and the rest go on.

    A folder is read through its subfolders (quotes.ingest.find_files); `pipeline` replaces `analyse`.
    """
    for item in analyse_among(read(list(iter_files(paths))), lambda item: isinstance(item, ArticleFile), pipeline or analyse):
        if isinstance(item, Analysis):
            article = item.article
            quotes = [
                ExtractedQuote(article.doc_id, a.quote.start, a.quote.end, a.quote.text, a.speaker, a.speaker_type,
                               a.confidence)
                for a in item.attributions
            ]
            yield Extracted(article.path, quotes, item.warnings)
        else:
            yield Extracted(item.path, [], [], item.reason)
