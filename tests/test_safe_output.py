"""What an article says cannot reach past the output: no escape sequence gets to a
terminal, no formula to a spreadsheet, and no export overwrites the database."""

from __future__ import annotations

import csv
import json
import os

import pytest
from typer.testing import CliRunner

from quotes.analysis import Analysis
from quotes.cli import app
from quotes.cli_output import Format, emit
from quotes.safe_text import for_spreadsheet, for_terminal, terminal_safe
from quotes.store.db import open_db
from quotes.store.repo import add_article
from cli_results import assert_user_error

ESC = "\x1b"
TITLE = f"{ESC}]0;pwned{ESC}\\"  # would retitle the terminal window
CLEAR = f"{ESC}[2J\x9b2J\r"  # clear the screen (7- and 8-bit), return to the line start
ARTICLE = (
    f"Talks{CLEAR}\n"
    f"Qin Gang said that “relations have hit the cold ice{TITLE}”.\n"
    "Blinken said: “=HYPERLINK(\"http://evil.test\",\"click\")”.\n"
    f"Shen said “@SUM(1+1) is not{ESC}[1m a quote”.\n"
)
QUOTES = [
    (f"relations have hit the cold ice{TITLE}", f"Qin Gang{ESC}[31m"),
    ('=HYPERLINK("http://evil.test","click")', "Antony Blinken"),
    (f"@SUM(1+1) is not{ESC}[1m a quote", "Shen Dingli"),
]


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def hostile_db(db_path, attributions):
    factory = open_db(db_path)
    with factory.begin() as session:
        add_article(session, f"a1{ESC}[5m", "a1.txt", ARTICLE, attributions(ARTICLE, QUOTES))
    factory.kw["bind"].dispose()
    return db_path


def no_controls(text: str) -> None:
    assert not any(c in text for c in (ESC, "\x9b", "\r", "\x07")), repr(text)


# --- the two functions ---------------------------------------------------------


def test_for_terminal_writes_controls_out_and_keeps_newline_and_tab():
    assert for_terminal(f"a{ESC}[31mb\tc\nd\x9b\x7f\x00") == "a\\u001b[31mb\tc\nd\\u009b\\u007f\\u0000"
    assert for_terminal("Crème brûlée — “fine”") == "Crème brûlée — “fine”"


def test_terminal_safe_reaches_into_nested_rows():
    assert terminal_safe({"a": [("x" + ESC, 1)], "b": None}) == {"a": [("x\\u001b", 1)], "b": None}


@pytest.mark.parametrize("cell", ["=1+2", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_for_spreadsheet_neutralises_formula_starts(cell):
    assert for_spreadsheet(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["fine", "a = b", "", None, 7, -7])
def test_for_spreadsheet_leaves_other_cells(cell):
    assert for_spreadsheet(cell) == cell


# --- commands that print to a terminal -----------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["who-said", "cold ice"],
        ["said-by", "Shen Dingli"],
        ["search", "cold ice"],
        ["show", "1"],
        ["speakers"],
        ["who-said", "cold ice", "--format", "json"],
        ["who-said", "cold ice", "--format", "jsonl"],
        ["search", "cold ice", "--format", "table"],
    ],
)
def test_no_escape_sequence_reaches_the_terminal(hostile_db, args):
    result = run(*args, "--db", hostile_db)
    assert result.exit_code == 0, result.output
    no_controls(result.output)
    if args != ["speakers"]:  # (a name with an escape in it is not kept as a person's)
        assert "\\u001b" in result.output  # shown, harmless


def test_json_keeps_the_text_as_stored(hostile_db):
    result = run("who-said", "cold ice", "--db", hostile_db, "--format", "json")
    (row,) = json.loads(result.stdout)
    assert row["text"] == f"relations have hit the cold ice{TITLE}"  # escaped the JSON way, not changed


def test_check_shows_no_escape_sequence(hostile_db, tmp_path, monkeypatch, attributions):
    text = f"Qin Gang said “relations have hit the cold ice{TITLE}” and “{ESC}[2Jnew words”.\n"
    quotes = [(f"relations have hit the cold ice{TITLE}", "Qin Gang"), (f"{ESC}[2Jnew words", "Qin Gang")]
    monkeypatch.setattr("quotes.check.analyse", lambda texts: (Analysis(t, attributions(t, quotes), []) for t in texts))
    draft = tmp_path / f"draft{ESC}[8m.txt"
    draft.write_text(text, encoding="utf-8")
    for fmt in ("table", "json"):
        result = run("check", draft, "--db", hostile_db, "--format", fmt)
        assert result.exit_code == 1, result.output
        no_controls(result.output)


def test_a_file_name_with_an_escape_in_an_ingest_error(tmp_path):
    bad = tmp_path / f"bad{ESC}]0;x.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = run("ingest", bad, "--db", tmp_path / "q.db")
    assert result.exit_code == 1
    no_controls(result.output)
    assert "bad\\u001b]0;x.txt" in result.stderr


def test_rich_markup_in_a_value_is_text(capsys):
    emit([{"name": "[link=http://evil.test]Qin Gang[/link]", "note": f"[blink]x{ESC}[/blink]"}], Format.table)
    shown = capsys.readouterr().out
    assert "[link=http://evil.test]Qin Gang[/link]" in shown and "[blink]x\\u001b[/blink]" in shown
    no_controls(shown)


# --- CSV: no formulas ------------------------------------------------------------


def test_export_csv_cells_are_never_formulas(hostile_db, tmp_path):
    out = tmp_path / "quotes.csv"
    assert run("export", "--csv", out, "--jsonl", tmp_path / "q.jsonl", "--db", hostile_db).exit_code == 0
    texts = [row["text"] for row in csv.DictReader(out.open(encoding="utf-8"))]
    assert "'=HYPERLINK(\"http://evil.test\",\"click\")" in texts and f"'@SUM(1+1) is not{ESC}[1m a quote" in texts
    stored = [json.loads(line)["text"] for line in (tmp_path / "q.jsonl").open(encoding="utf-8")]
    assert '=HYPERLINK("http://evil.test","click")' in stored  # JSON lines keep the words as said


def test_format_csv_cells_are_never_formulas(hostile_db):
    result = run("said-by", "Blinken", "--db", hostile_db, "--format", "csv")
    (row,) = csv.DictReader(result.stdout.splitlines())
    assert row["text"] == "'=HYPERLINK(\"http://evil.test\",\"click\")"


# --- an export never writes over its input -----------------------------------------


def test_export_refuses_to_write_over_the_database(hostile_db, tmp_path, monkeypatch):
    before = hostile_db.read_bytes()
    monkeypatch.chdir(tmp_path)
    os.symlink(hostile_db, tmp_path / "link.db")
    for args in (
        ["--csv", hostile_db],
        ["--csv", f"./{hostile_db.name}"],
        ["--parquet", "link.db"],
        ["--jsonl", f"{hostile_db}-wal"],
        ["--csv", "out.csv", "--jsonl", "./out.csv"],
    ):
        result = run("export", *args, "--db", hostile_db.name)
        assert_user_error(result, "is the database" if "out.csv" not in args else "is also the file of")
    assert hostile_db.read_bytes() == before
    assert not (tmp_path / "out.csv").exists()
