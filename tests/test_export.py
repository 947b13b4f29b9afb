"""Export to CSV, JSON lines and Parquet over hand-made records (no spaCy model)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from quotes.export import COLUMNS, FORMATS, export, export_csv, quotes_frame
from quotes.query import Filters
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


@pytest.fixture
def two_articles(session_factory, article, attributions):
    body, given = article
    later = "“Cold war thinking must end,” Qin Gang said.\n"
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", body, given, publisher="SCMP", published="2023-06-18")
        add_article(session, "a2", "a2.txt", later, attributions(later, [("Cold war thinking must end,", "Qin Gang")]),
                    publisher="CNN", published="2024-01-05", url="https://cnn.com/a2")
    return session_factory


def test_every_format_has_the_same_rows_and_columns(two_articles, tmp_path):
    paths = {fmt: tmp_path / f"out.{fmt}" for fmt in FORMATS}
    with two_articles() as session:
        assert export(session, paths) == 5
    frames = {
        "csv": pd.read_csv(paths["csv"], keep_default_na=False),
        "jsonl": pd.read_json(paths["jsonl"], lines=True),
        "parquet": pd.read_parquet(paths["parquet"]),
    }
    for frame in frames.values():
        assert list(frame.columns) == COLUMNS
        assert list(frame["quote_id"]) == list(frames["csv"]["quote_id"])
    assert frames["parquet"]["url"].tolist()[-1] == "https://cnn.com/a2"
    assert "Qin Gang" in paths["jsonl"].read_text(encoding="utf-8")  # UTF-8, not \\u escapes


@pytest.mark.parametrize(("given", "texts"), [
    (Filters(speaker="Qin Gang", since=date(2024, 1, 1)), ["Cold war thinking must end,"]),
    (Filters(publisher="scmp", speaker="Chollet"), ["We would very much like to get back to where we were,"]),
    (Filters(until=date(2020, 1, 1)), []),
])
def test_filters_choose_the_rows(two_articles, given, texts):
    with two_articles() as session:
        assert quotes_frame(session, given)["text"].tolist() == texts
