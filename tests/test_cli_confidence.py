"""The resolver's confidence and the speaker's type, as a reader meets them (#13, #16 item 2):
in `speakers`, quote listings, exports, `--min-confidence` and `check` (no model)."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from quotes.check import check_quotes
from quotes.cli import app
from quotes.records import Attribution, Quote
from quotes.store.repo import add_article

runner = CliRunner()

TEXT = (
    "“We strike back,” the Israel Defense Forces said.\n"
    "“Talks are on,” Derek Chollet said.\n"
    "“Maybe later,” someone said, perhaps Derek Chollet.\n"
)


def attribution(words: str, speaker: str | None, kind: str | None, confidence: float | None) -> Attribution:
    start = TEXT.index(words)
    quote = Quote(start=start, end=start + len(words), text=words, paragraph=TEXT.count("\n", 0, start), group=start)
    return Attribution(quote=quote, speaker=speaker, mention=speaker, cue="said", kind="named",
                       speaker_type=kind, confidence=confidence)


@pytest.fixture
def db(session_factory, db_path):
    given = [attribution("We strike back,", "Israel Defense Forces", "org", 0.96),
             attribution("Talks are on,", "Derek Chollet", "person", 0.93),
             attribution("Maybe later,", "Derek Chollet", "person", 0.31)]
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", TEXT, given)
    return db_path


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_speakers_by_type_and_the_type_shown(db):
    orgs = json.loads(run("speakers", "--db", db, "--type", "org", "--format", "json").stdout)
    assert [(s["name"], s["type"]) for s in orgs] == [("Israel Defense Forces", "org")]
    people = json.loads(run("speakers", "--db", db, "--type", "person", "--format", "json").stdout)
    assert [(s["name"], s["type"], s["quotes"]) for s in people] == [("Derek Chollet", "person", 2)]
    table = run("speakers", "--db", db).stdout
    assert "Israel Defense Forces  [org]" in table


def test_uncertain_speakers_are_marked_where_quotes_are_listed(db):
    out = run("said-by", "--db", db, "chollet").stdout
    assert "Derek Chollet (uncertain: 0.31)" in out and out.count("uncertain") == 1


def test_min_confidence_on_queries_and_exports(db, tmp_path):
    sure = json.loads(run("said-by", "--db", db, "chollet", "--min-confidence", "0.5", "--format", "json").stdout)
    assert [(r["text"], r["confidence"]) for r in sure] == [("Talks are on,", 0.93)]
    out = tmp_path / "q.csv"
    assert run("export", "--db", db, "--csv", out, "--min-confidence", "0.9").exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["speaker"], r["speaker_type"], r["confidence"]) for r in rows] == [
        ("Israel Defense Forces", "org", "0.96"), ("Derek Chollet", "person", "0.93"),
    ]
    assert run("who-said", "--db", db, "maybe", "--min-confidence", "0.5").exit_code == 1  # the only match is unsure


def test_a_draft_against_an_uncertain_attribution_is_a_conflict_not_a_misattribution(db, session_factory):
    draft = "“Maybe later,” said Antony Blinken. “Talks are on,” said Antony Blinken.\n"
    given = []
    for words in ("Maybe later,", "Talks are on,"):
        start = draft.index(words)
        given.append(Attribution(quote=Quote(start, start + len(words), words, 0, start), speaker="Antony Blinken"))
    with session_factory() as session:
        verdicts = check_quotes(session, given)
    assert [(v.verdict, v.source.speaker, v.source.confidence) for v in verdicts] == [
        ("conflict", "Derek Chollet", 0.31), ("misattributed", "Derek Chollet", 0.93),
    ]


def test_the_report_shows_a_conflict_with_how_sure_the_store_was(db, session_factory):
    from rich.console import Console

    from quotes.check_report import print_report

    draft = "“Maybe later,” said Antony Blinken.\n"
    quote = Quote(draft.index("Maybe"), draft.index("Maybe") + 12, "Maybe later,", 0, 0)
    with session_factory() as session:
        verdicts = check_quotes(session, [Attribution(quote=quote, speaker="Antony Blinken")])
    console = Console(record=True, width=200)
    print_report(console, "draft.txt", verdicts)
    out = console.export_text()
    assert "1 conflict" in out and "CONFLICT (1)" in out
    assert "stored as Derek Chollet in a1, but only 0.31 sure" in out
