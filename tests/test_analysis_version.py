"""Each stored article records the analysis that found its quotes (#14 item 7): ingest redoes an
unchanged article analysed by another version, and `quotes reanalyse` redoes stored articles
from their text. A stand-in pipeline, no spaCy model."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

import quotes
from quotes import analysis_version as versions
from quotes import ingest as ingest_module
from quotes import reanalyse as reanalyse_module
from quotes.cli import app
from quotes.detect import DETECTOR_VERSION
from quotes.ingest import ingest
from quotes.reanalyse import reanalyse
from quotes.store import repo
from quotes.store.models import Article, StoredQuote

from test_ingest import fake_analyse

runner = CliRunner()


@pytest.fixture(autouse=True)
def stand_in_pipeline(monkeypatch):
    monkeypatch.setattr(ingest_module, "analyse", fake_analyse)
    monkeypatch.setattr(reanalyse_module, "analyse", fake_analyse)


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("“First,” said Qin Gang.\n", encoding="utf-8")
    (folder / "b.txt").write_text("“Later,” said Shen Dingli.\n", encoding="utf-8")
    return folder


def upgrade(monkeypatch, version="9.9.9+detector.9+weights.000000000000"):
    """As if a newer quotes were installed: the running analysis version changes."""
    monkeypatch.setattr(repo, "analysis_version", lambda: version)
    monkeypatch.setattr(reanalyse_module, "analysis_version", lambda: version)
    return version


def stored(session_factory) -> dict[str, tuple[str | None, list[int]]]:
    with session_factory() as session:
        return {
            a.doc_id: (a.analysis_version, [q.id for q in a.quotes])
            for a in session.scalars(select(Article).order_by(Article.doc_id))
        }


def test_the_version_names_package_detector_and_weights():
    version = versions.analysis_version()
    assert version.startswith(f"{quotes.__version__}+detector.{DETECTOR_VERSION}+weights.")
    assert version == f"{quotes.__version__}+detector.{DETECTOR_VERSION}+weights.{versions.weights_digest()}"


def test_every_json_and_every_models_file_counts_by_pattern(tmp_path):
    (tmp_path / "ranker.json").write_text("{}")
    before = versions.weights_digest(tmp_path)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "resolver.bin").write_bytes(b"\x00\x01")
    with_model = versions.weights_digest(tmp_path)
    (tmp_path / "models" / "resolver.bin").write_bytes(b"\x00\x02")
    assert len({before, with_model, versions.weights_digest(tmp_path)}) == 3
    (tmp_path / "attribute").mkdir()
    (tmp_path / "attribute" / "weights.json").write_text("[1]")
    (tmp_path / "attribute" / "resolver.txt").write_text("tree")
    (tmp_path / "attribute" / "decide.py").write_text("code")
    assert [p.name for p in versions.data_files(tmp_path)] == ["resolver.txt", "weights.json", "resolver.bin", "ranker.json"]


def test_the_shipped_weights_are_in_the_version():
    names = {p.relative_to(versions.PACKAGE).as_posix() for p in versions.data_files()}
    assert {"ranker.json", "attribute/resolver.txt", "attribute/resolver.json"} <= names
    assert not any(n.endswith(".py") for n in names)


def test_ingest_records_the_version(session_factory, news):
    ingest(session_factory, [news])
    assert {v for v, _ in stored(session_factory).values()} == {versions.analysis_version()}


def test_an_unchanged_article_is_analysed_again_when_the_version_changed(session_factory, news, monkeypatch):
    ingest(session_factory, [news])
    before = stored(session_factory)
    assert ingest(session_factory, [news]).skipped == 2  # same text, same analysis: nothing to do
    new = upgrade(monkeypatch)
    summary = ingest(session_factory, [news])
    assert (summary.articles, summary.redone, summary.skipped) == (2, 2, 0)
    after = stored(session_factory)
    assert {v for v, _ in after.values()} == {new}
    assert all(set(after[d][1]).isdisjoint(before[d][1]) for d in after)  # new quote rows
    assert ingest(session_factory, [news]).skipped == 2


def test_the_ingest_command_says_how_many_it_redid(session_factory, db_path, news, monkeypatch):
    ingest(session_factory, [news])
    upgrade(monkeypatch)
    result = runner.invoke(app, ["ingest", str(news), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "2 of them unchanged but re-analysed" in result.stdout


def test_reanalyse_redoes_outdated_articles_from_their_stored_text(session_factory, news, monkeypatch):
    ingest(session_factory, [news])
    for path in news.iterdir():
        path.unlink()  # the files are not needed
    assert reanalyse(session_factory).articles == 0
    new = upgrade(monkeypatch)
    summary = reanalyse(session_factory)
    assert (summary.articles, summary.quotes, summary.current) == (2, 2, 0)
    assert {v for v, _ in stored(session_factory).values()} == {new}
    assert reanalyse(session_factory).articles == 0
    assert reanalyse(session_factory, everything=True).articles == 2


def test_reanalyse_keeps_a_fix(session_factory, db_path, news, monkeypatch):
    ingest(session_factory, [news])
    with session_factory() as session:
        first = session.scalar(select(StoredQuote.id).where(StoredQuote.text == "First,"))
    assert runner.invoke(app, ["fix", str(first), "--speaker", "Derek Chollet", "--db", str(db_path)]).exit_code == 0
    upgrade(monkeypatch)
    result = runner.invoke(app, ["reanalyse", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Re-analysed 2 articles (2 quotes)")
    with session_factory() as session:
        (row,) = session.execute(select(StoredQuote).where(StoredQuote.text == "First,")).scalars()
        assert row.person.name == "Derek Chollet"


def test_articles_stored_before_versions_were_recorded_are_outdated(session_factory, news):
    ingest(session_factory, [news])
    with session_factory.begin() as session:
        for article in session.scalars(select(Article)):
            article.analysis_version = None  # as migration 0011 leaves older rows
    assert ingest(session_factory, [news]).redone == 2
