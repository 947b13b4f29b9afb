"""Stored quotes out to files through pandas: CSV, JSON lines, Parquet, one row per quote."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd
from sqlalchemy.orm import Session

from quotes.query import Filters, all_quotes

# The columns, in order, in every format. Renaming or reordering them breaks
# readers' scripts: add new ones at the end (and to the README's table).
#   quote_id         stable id of the quote in this database
#   doc_id           the article (file stem, or a .jsonl line's id)
#   start, end       character offsets in the article text: text == article[start:end]
#   text             the quoted words, quotation marks excluded
#   speaker          canonical name of the speaker, empty if unknown
#   speaker_mention  how the article refers to the speaker (`he`, `a senior official`)
#   cue              the speech verb or phrase (`said`, `according to`)
#   kind             named | pronoun | description | continuation | nominal | none
#   paragraph        paragraph (line) index in the article, from 0
#   nested           True for a quote inside another quote
#   title, publisher, published (ISO date), url   the article's, empty where unknown
#   speaker_type     person | org, empty without a speaker
#   confidence       the resolver's probability that the speaker is right (0-1), empty if not scored
COLUMNS = [
    "quote_id", "doc_id", "start", "end", "text", "speaker",
    "speaker_mention", "cue", "kind", "paragraph", "nested",
    "title", "publisher", "published", "url", "speaker_type", "confidence",
]
FORMATS = ("csv", "jsonl", "parquet")


def quotes_frame(session: Session, filters: Filters = Filters()) -> pd.DataFrame:
    """The stored quotes `filters` keep (all by default) as a DataFrame with exactly `COLUMNS`."""
    rows = [asdict(row) for row in all_quotes(session, filters=filters)]
    return pd.DataFrame(rows, columns=COLUMNS)


def write(frame: pd.DataFrame, path: str | Path, fmt: str) -> None:
    """`frame` to `path` as csv, jsonl (UTF-8, one object a line) or parquet."""
    if fmt == "csv":
        frame.to_csv(path, index=False, encoding="utf-8")
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    elif fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def export(session: Session, targets: dict[str, str | Path], filters: Filters = Filters()) -> int:
    """Write the quotes `filters` keep to each `{format: path}`; returns the number of rows."""
    frame = quotes_frame(session, filters)
    for fmt, path in targets.items():
        write(frame, path, fmt)
    return len(frame)


def export_csv(session: Session, path: str | Path) -> int:
    """Write every quote to a UTF-8 CSV at `path`; returns the number of rows."""
    return export(session, {"csv": path})
