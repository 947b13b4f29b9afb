"""The quotes of article files as records, no database (`quotes extract`).

`ExtractedQuote` is one line of `quotes extract --format jsonl`, the shape
the shared scorer (`eval/score.py`) reads: its fields and their order are the
output's, so the CLI only formats them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotes.ingest import analyse_files


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


def extract(paths: Iterable[str | Path]) -> Iterator[Extracted]:
    """Each article's quotes in input order, streamed: an unreadable file is one `Extracted`
    with `error` set, and the rest go on."""
    for result in analyse_files(paths):
        doc_id = result.doc_id or result.path.stem
        quotes = [
            ExtractedQuote(doc_id, a.quote.start, a.quote.end, a.quote.text, a.speaker, a.speaker_type, a.confidence)
            for a in result.attributions
        ]
        yield Extracted(result.path, quotes, result.warnings, result.error)
