"""Stored quotes out to files through pandas: CSV, JSON lines, Parquet, one row per quote.

CSV is for spreadsheets, so a text cell starting `=`, `+`, `-` or `@` gets a
leading `'` (quotes.safe_text); JSON lines and Parquet keep the text as stored.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import IO

import pandas as pd
from sqlalchemy import Connection

from quotes.query import Filters, all_quotes, quote_roles
from quotes.safe_text import for_spreadsheet
from quotes.store.db import sqlite_file
from quotes.store.search import Reader

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
#   roles            the speaker's roles as this article states them, `; ` between two
COLUMNS = [
    "quote_id", "doc_id", "start", "end", "text", "speaker",
    "speaker_mention", "cue", "kind", "paragraph", "nested",
    "title", "publisher", "published", "url", "speaker_type", "confidence", "roles",
]
FORMATS = ("csv", "jsonl", "parquet")


def quotes_frame(reader: Reader, filters: Filters = Filters()) -> pd.DataFrame:
    """The stored quotes `filters` keep (all by default) as a DataFrame with exactly `COLUMNS`."""
    roles = quote_roles(reader, filters)
    rows = [asdict(row) | {"roles": "; ".join(roles.get(row.quote_id, []))} for row in all_quotes(reader, filters=filters)]
    return pd.DataFrame(rows, columns=COLUMNS)


def write(frame: pd.DataFrame, path: str | Path | IO, fmt: str) -> None:
    """`frame` to `path` (or an open file: text for csv and jsonl, binary for parquet)
    as csv, jsonl (UTF-8, one object a line) or parquet."""
    if fmt == "csv":  # a spreadsheet opens it: no cell may be a formula
        frame.map(for_spreadsheet).to_csv(path, index=False, encoding="utf-8")
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    elif fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


class UnsafeTarget(ValueError):
    """An export would write over the database, one of its files, or another of the same export's outputs."""


def same_file(a: Path, b: Path) -> bool:
    """One file by two names (relative, `..`, a symlink or a hard link), or one path it would be created at."""
    if a.exists() and b.exists():
        return a.samefile(b)
    return a.resolve() == b.resolve()


def check_targets(targets: dict[str, str | Path | IO], database: Path | None) -> None:
    """Refuse outputs that are the database (or its -wal, -shm, -journal) or each other, before writing any;
    an open file (stdout) is the caller's."""
    protected = [] if database is None else [Path(f"{database}{end}") for end in ("", "-wal", "-shm", "-journal")]
    seen: list[Path] = []
    for fmt, path in targets.items():
        if not isinstance(path, (str, Path)):
            continue
        path = Path(path)
        for kept in protected:
            if same_file(path, kept):
                raise UnsafeTarget(f"--{fmt} {path} is the database{'' if kept == database else ' file ' + kept.name}; "
                                   "writing it would destroy the quotes: name another file")
        for other in seen:
            if same_file(path, other):
                raise UnsafeTarget(f"--{fmt} {path} is also the file of another format; give each its own file")
        seen.append(path)


def export(reader: Reader, targets: dict[str, str | Path | IO], filters: Filters = Filters()) -> int:
    """Write the quotes `filters` keep to each `{format: path}` (a path, or an open file such as
    stdout); returns the number of rows.

    Raises UnsafeTarget, writing nothing, when a path is the database or another path.
    """
    engine = reader.engine if isinstance(reader, Connection) else reader.get_bind()
    check_targets(targets, sqlite_file(engine.url.render_as_string(hide_password=False)))
    frame = quotes_frame(reader, filters)
    for fmt, path in targets.items():
        write(frame, path, fmt)
    return len(frame)


def export_csv(reader: Reader, path: str | Path) -> int:
    """Write every quote to a UTF-8 CSV at `path`; returns the number of rows."""
    return export(reader, {"csv": path})
