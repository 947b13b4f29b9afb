"""A folder of messy files: each bad one is named with its reason, the rest go in, exit 1.

The pipeline is a stand-in that runs the real detector (so unpaired marks are
reported as in a real run) and names no speakers; no spaCy model is needed.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from quotes.cli import app
from quotes.ingest import ingest
from quotes.store.models import Article, StoredQuote
from quotes.textfile import MAX_BYTES

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")).read_text(encoding="utf-8")

STORED = ["cp1252", "good", "no_quotes", "unpaired"]
FAILED = {  # file -> words its reason must contain
    "binary.txt": "binary",
    "blank.txt": "only white space",
    "damaged.txt": "not valid UTF-8 at byte 40",
    "empty.txt": "is empty",
    "huge.txt": "over the 1 MB limit",
    "latin1.txt": "encoding is uncertain",
}


pytestmark = pytest.mark.usefixtures("detector_only_ingest")


@pytest.fixture
def messy(tmp_path) -> Path:
    folder = tmp_path / "messy"
    folder.mkdir()
    good = "“We would very much like to get back to where we were,” Derek Chollet said.\n"
    (folder / "good.txt").write_text(good, encoding="utf-8")
    (folder / "cp1252.txt").write_bytes(SEED.encode("cp1252", "replace"))
    (folder / "latin1.txt").write_bytes("Le ministre a déclaré « ça va » à Paris.".encode("latin-1"))
    (folder / "binary.txt").write_bytes(gzip.compress(SEED.encode()))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("\n   \n", encoding="utf-8")
    (folder / "damaged.txt").write_bytes(good.encode()[:40] + b"\xff" + good.encode()[40:])
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(5 * MAX_BYTES)
    (folder / "unpaired.txt").write_text("He said “we are ready.\n\nLater she said: “Fine,” and left.\n", encoding="utf-8")
    (folder / "no_quotes.txt").write_text("Talks resumed on Monday.\n", encoding="utf-8")
    return folder


def stored_doc_ids(factory) -> list[str]:
    with factory() as session:
        return list(session.scalars(select(Article.doc_id).order_by(Article.doc_id)))


def test_library_reports_each_bad_file_and_stores_the_rest(session_factory, messy):
    summary = ingest(session_factory, [messy])
    assert {f.path.name: f.reason for f in summary.failed}.keys() == FAILED.keys()
    for failure in summary.failed:
        assert FAILED[failure.path.name] in failure.reason
        assert str(failure.path) in failure.reason  # names the file
    assert stored_doc_ids(session_factory) == STORED
    assert (summary.articles, summary.without_quotes) == (4, 1)
    warnings = [w.reason for w in summary.warnings]
    assert any("cp1252.txt is not UTF-8; read it as cp1252" in w for w in warnings)
    assert any("unpaired.txt: unpaired quotation mark at offset 8" in w for w in warnings)
    with session_factory() as session:
        unpaired = session.scalar(select(Article).where(Article.doc_id == "unpaired"))
        assert [q.text for q in unpaired.quotes] == ["Fine,"]  # the paired quote is kept


def test_running_again_skips_what_is_stored_and_fails_the_same(session_factory, messy):
    ingest(session_factory, [messy])
    with session_factory() as session:
        before = session.scalar(select(func.count()).select_from(StoredQuote))
    again = ingest(session_factory, [messy])
    assert (again.articles, again.skipped, len(again.failed)) == (0, 4, len(FAILED))
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(StoredQuote)) == before
    assert stored_doc_ids(session_factory) == STORED


def test_two_files_with_one_name_in_one_run(session_factory, messy, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "good.txt").write_text("“Other,” said Qin Gang.\n", encoding="utf-8")
    summary = ingest(session_factory, [messy / "good.txt", other / "good.txt"])
    assert summary.articles == 1
    (failure,) = summary.failed
    assert "other/good.txt has the same name as" in failure.reason
    assert "it was not read: rename one of them" in failure.reason


def test_a_jsonl_id_used_twice_says_where_it_was_first(session_factory, tmp_path):
    (tmp_path / "talks.txt").write_text("“First,” said Qin Gang.\n", encoding="utf-8")
    lines = [{"id": "talks", "text": "“Again,” said Qin Gang."}, {"id": "x", "text": "“One,” said Qin Gang."},
             {"id": "x", "text": "“Two,” said Qin Gang."}]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    summary = ingest(session_factory, [tmp_path / "talks.txt", feed])
    assert summary.articles == 2
    assert [f.reason.split(": ", 1)[1] for f in summary.failed] == [
        f"the article with id 'talks' was not read: {tmp_path / 'talks.txt'} has that id already "
        "(a file's name, or a .jsonl line's `id`); give one of them another",
        "the article with id 'x' was not read: another line of it has that id already "
        "(a file's name, or a .jsonl line's `id`); give one of them another",
    ]


def test_cli_names_every_bad_file_and_exits_1(messy, tmp_path):
    db = tmp_path / "q.db"
    result = CliRunner().invoke(app, ["ingest", str(messy), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "Stored 4 articles" in result.stdout and "1 with no quotation" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert sorted(Path(line.split()[1]).name for line in errors) == sorted(FAILED)
    assert any(line.startswith("Warning: ") and "unpaired.txt" in line for line in result.stderr.splitlines())
    assert "Traceback" not in result.output


def test_cli_all_good_exits_0_even_with_warnings(messy, tmp_path):
    for name in FAILED:
        (messy / name).unlink()
    result = CliRunner().invoke(app, ["ingest", str(messy), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 0, result.output
    assert "Warning: " in result.stderr and "Error: " not in result.stderr
