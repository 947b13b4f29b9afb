"""CSV export over hand-made records (no spaCy model)."""

from __future__ import annotations

import pandas as pd

from quotes.export import COLUMNS, export_csv
from quotes.store.repo import add_article


def test_export_writes_one_row_per_quote(session_factory, article, tmp_path):
    body, given = article
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", body, given)
    out = tmp_path / "quotes.csv"
    with session_factory() as session:
        assert export_csv(session, out) == len(given)
    frame = pd.read_csv(out, keep_default_na=False)
    assert list(frame.columns) == COLUMNS
    assert list(frame["text"]) == [a.quote.text for a in given]
    assert list(frame["speaker"]) == [a.speaker or "" for a in given]
    for row in frame.itertuples():
        assert body[row.start : row.end] == row.text


def test_export_of_an_empty_database_has_the_header(session, tmp_path):
    out = tmp_path / "empty.csv"
    assert export_csv(session, out) == 0
    assert out.read_text(encoding="utf-8").strip() == ",".join(COLUMNS)
