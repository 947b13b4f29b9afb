"""Ingest with the NLP on a Dask cluster: the same database as a plain ingest.

One LocalCluster of two worker processes serves the whole module (starting it
and loading the model on both takes a few seconds).
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from quotes import cluster
from quotes.analysis import analyse
from quotes.cli import app
from quotes.cluster import connect, pipeline
from quotes.ingest import ingest
from quotes.store.db import open_db
from quotes.store.models import Article, Person

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUOTES_SHARED", ROOT / ".." / "shared"))  # the eval data beside the repository
POLNEAR = SHARED / "eval" / "polnear-train" / "docs"


@pytest.fixture(scope="module")
def client():
    with connect("local", workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, 20 PolNeAR articles, an unpaired quotation mark and a binary file."""
    if not POLNEAR.is_dir():
        pytest.skip(f"no PolNeAR articles at {POLNEAR} (the shared folder beside the repository)")
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted(POLNEAR.glob("*.txt"))[:20]:
        shutil.copy(path, folder / path.name)
    (folder / "unpaired.txt").write_text("He said “we are ready.\n\nLater Qin Gang said: “Fine,” and left.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(gzip.compress(b"not an article" * 50))
    return folder


def contents(factory) -> dict:
    """Articles in the order stored, each with its quotes (offsets, speakers), and the people."""
    with factory() as session:
        articles = [
            (a.doc_id, a.path, a.sha256, a.title, a.published, a.publisher, a.url,
             [(q.start, q.end, q.text, q.person.name if q.person else None, q.speaker_mention,
               q.cue, q.kind, q.paragraph, q.grp, q.nested, q.detector_version) for q in a.quotes])
            for a in session.scalars(select(Article).order_by(Article.id))
        ]
        people = [
            (p.name, sorted(a.name for a in p.aliases), sorted((r.role, r.article.doc_id) for r in p.roles))
            for p in session.scalars(select(Person).order_by(Person.name))
        ]
    return {"articles": articles, "people": people}


def run(db: Path, corpus: Path, **options):
    factory = open_db(db)
    summary = ingest(factory, [corpus], **options)
    stored = contents(factory)
    factory.kw["bind"].dispose()
    return summary, stored


@pytest.fixture(scope="module")
def plain(corpus, tmp_path_factory):
    """A plain ingest in this process: what the cluster must match."""
    return run(tmp_path_factory.mktemp("plain") / "q.db", corpus)


def test_cluster_ingest_stores_what_a_plain_ingest_stores(corpus, client, plain, tmp_path):
    # Batches of 3 with at most 4 out: many batches, finishing out of order, put back in order.
    summary, stored = run(tmp_path / "q.db", corpus, pipeline=pipeline(client, batch_size=3, window=4))
    expected_summary, expected = plain
    assert len(expected["articles"]) == 23 and sum(len(a[-1]) for a in expected["articles"]) > 100
    assert stored == expected
    assert summary == expected_summary  # the same counts, failures and warnings, each naming its file
    assert [w.path.name for w in summary.warnings] == ["unpaired.txt"]


def test_the_cluster_gives_the_records_this_process_gives(client):
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    texts.append("He said “we are ready.\n\nLater Qin Gang said: “Fine,” and left.\n")
    on_cluster = list(pipeline(client, batch_size=1, window=2)(texts))
    assert on_cluster == list(analyse(texts))
    assert [a.article for a in on_cluster] == texts and on_cluster[-1].warnings == ["unpaired quotation mark at offset 8"]


def test_bad_file_is_reported_and_the_rest_stored(corpus, client, plain, tmp_path):
    summary, stored = run(tmp_path / "q.db", corpus, pipeline=pipeline(client))
    assert [f.path.name for f in summary.failed] == ["binary.txt"] and "binary" in summary.failed[0].reason
    # The detector ran on a worker; its warning still names the file and the offset.
    assert any("unpaired.txt: unpaired quotation mark at offset 8" in w.reason for w in summary.warnings)
    assert [a[0] for a in stored["articles"]] == [a[0] for a in plain[1]["articles"]]


def test_unchanged_articles_are_not_sent_again(corpus, client, tmp_path):
    folder, db, sent = shutil.copytree(corpus, tmp_path / "corpus"), tmp_path / "q.db", []
    run(db, folder, pipeline=pipeline(client))
    (folder / "unpaired.txt").write_text("“Changed,” said Qin Gang.\n", encoding="utf-8")
    on_cluster = pipeline(client)
    summary, stored = run(db, folder, pipeline=lambda todo: on_cluster(sent.append(t.text) or t for t in todo))
    assert sent == ["“Changed,” said Qin Gang.\n"]
    assert (summary.articles, summary.skipped) == (1, 22)


def test_cli_with_a_scheduler_address(client, tmp_path):
    result = CliRunner().invoke(
        app, ["ingest", str(ROOT / "seeds"), "--db", str(tmp_path / "q.db"), "--dask", client.scheduler.address]
    )
    assert result.exit_code == 0, result.output
    assert "Stored 2 articles, 48 quotes" in result.stdout
    assert "Dask: 2 workers at tcp://" in result.stderr


def test_cli_dask_local(tmp_path):
    result = CliRunner().invoke(
        app, ["ingest", str(ROOT / "seeds"), "--db", str(tmp_path / "q.db"), "--dask", "local", "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "Stored 2 articles, 48 quotes" in result.stdout and "Dask: 1 workers" in result.stderr


def test_cli_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    result = CliRunner().invoke(app, ["ingest", str(ROOT / "seeds"), "--db", str(tmp_path / "q.db"), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in result.output
