"""Stored quotes out to files, one row per quote, through pandas."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd
from sqlalchemy.orm import Session

from quotes.query import all_quotes

# The CSV columns, in order. Renaming or reordering them breaks readers' scripts.
#   quote_id         stable id of the quote in this database
#   doc_id           the article (file stem)
#   start, end       character offsets in the article text: text == article[start:end]
#   text             the quoted words, quotation marks excluded
#   speaker          canonical name of the speaker, empty if unknown
#   speaker_mention  how the article refers to the speaker (`he`, `a senior official`)
#   cue              the speech verb or phrase (`said`, `according to`)
#   kind             named | pronoun | description | continuation | nominal | none
#   paragraph        paragraph (line) index in the article, from 0
#   nested           True for a quote inside another quote
COLUMNS = [
    "quote_id", "doc_id", "start", "end", "text", "speaker",
    "speaker_mention", "cue", "kind", "paragraph", "nested",
]


def quotes_frame(session: Session) -> pd.DataFrame:
    """All stored quotes as a DataFrame with exactly `COLUMNS`."""
    rows = [asdict(row) for row in all_quotes(session)]
    return pd.DataFrame(rows, columns=COLUMNS)


def export_csv(session: Session, path: str | Path) -> int:
    """Write every quote to a UTF-8 CSV at `path`; returns the number of rows."""
    frame = quotes_frame(session)
    frame.to_csv(path, index=False, encoding="utf-8")
    return len(frame)
