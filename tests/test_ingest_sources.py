"""What ingest reads from the paths it is given, and what it says about the rest (#14 item 4)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from quotes import ingest as ingest_module
from quotes.cli import app
from quotes.ingest import find_files, ingest

from test_ingest import fake_analyse

runner = CliRunner()


@pytest.fixture(autouse=True)
def stand_in_pipeline(monkeypatch):
    monkeypatch.setattr(ingest_module, "analyse", fake_analyse)


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "2023" / "june").mkdir(parents=True)
    (root / "empty").mkdir()
    (root / "2023" / "june" / "a.txt").write_text("“First,” said Qin Gang.\n", encoding="utf-8")
    (root / "2023" / "b.jsonl").write_text('{"id": "b1", "text": "“Second,” said Shen Dingli."}\n', encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4")
    (root / ".DS_Store").write_bytes(b"\0")
    return root


def test_folders_are_read_through_their_subfolders(corpus):
    listing = find_files([corpus])
    assert [p.relative_to(corpus).as_posix() for p in listing.files] == ["2023/b.jsonl", "2023/june/a.txt"]


def test_what_is_not_an_article_is_named_with_the_reason(corpus):
    reasons = [s.reason for s in find_files([corpus]).skipped]
    assert reasons == [f"{corpus}: 2 files are not articles (.txt, .jsonl, .html), left out: notes.md, scan.pdf"]
    assert [s.reason for s in find_files([corpus / "empty"]).skipped] == [
        f"{corpus / 'empty'} holds no article files (.txt, .jsonl, .html), in it or its subfolders"
    ]


def test_ingest_stores_what_the_subfolders_hold_and_lists_what_it_left_out(session_factory, corpus):
    summary = ingest(session_factory, [corpus])
    assert (summary.articles, summary.quotes) == (2, 2)
    assert [f.path for f in summary.ignored] == [corpus]


def test_the_command_says_what_it_skipped(corpus, tmp_path):
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Stored 2 articles")
    assert "Skipped: " in result.stderr and "notes.md, scan.pdf" in result.stderr


@pytest.mark.parametrize("folder", ["empty", "only-notes"])
def test_arguments_without_any_article_exit_1(tmp_path, folder):
    (tmp_path / folder).mkdir()
    if folder == "only-notes":
        (tmp_path / folder / "notes.md").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / folder), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Error: no articles to ingest in ")
    assert "holds no article files" in result.stderr
    assert not (tmp_path / "q.db").exists()  # nothing to store, so no database made


def test_extract_reads_subfolders_and_says_what_it_skipped(corpus):
    result = runner.invoke(app, ["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    assert [line.split('"doc_id": ')[1].split(",")[0] for line in result.stdout.splitlines()] == ['"b1"', '"a"']
    assert "notes.md, scan.pdf" in result.stderr
    assert runner.invoke(app, ["extract", str(corpus / "empty")]).exit_code == 1
