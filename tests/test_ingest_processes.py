"""Real `quotes ingest` processes: killed part way, run again, run two at once, read meanwhile.

Every check compares with an uninterrupted run over the same folder: thirty
copies of the seed articles, each with its own last line so no two are alike.
"""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from quotes.ingest import ingest
from quotes.query import speakers, who_said
from quotes.store.db import open_db
from quotes.store.models import Article, Person

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
COPIES = 15  # of each seed article: 30 files
CLI = "from quotes.cli import app; app()"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for i in range(COPIES):
            (folder / f"{i:02d}_{seed.stem}.txt").write_text(f"{text}\nCopy {i}.\n", encoding="utf-8")
    return folder


def contents(db: Path) -> dict[str, tuple]:
    """Each stored article with its quotes and speakers, everything but ids and times."""
    factory = open_db(db)
    with factory() as session:
        stored = {
            a.doc_id: (
                a.path,
                a.sha256,
                tuple(
                    (q.start, q.end, q.text, q.person.name if q.person else None, q.speaker_mention,
                     q.cue, q.kind, q.paragraph, q.grp, q.nested, q.detector_version)
                    for q in a.quotes
                ),
            )
            for a in session.scalars(select(Article))
        }
        # a partial name (`Biden` alone) is its article's: named with that article's doc_id
        people = session.execute(select(Person.name, Article.doc_id).outerjoin(Article, Article.id == Person.article_id))
        stored["(people)"] = tuple(sorted((name, doc_id or "") for name, doc_id in people))
    factory.kw["bind"].dispose()
    return stored


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict[str, tuple]:
    """An uninterrupted run, in this process."""
    db = tmp_path_factory.mktemp("reference") / "q.db"
    factory = open_db(db)
    summary = ingest(factory, [corpus])
    factory.kw["bind"].dispose()
    assert summary.articles == 2 * COPIES and summary.failed == []
    return contents(db)


def start_ingest(db: Path, *paths: Path, log: Path, batch_size: int = 2) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "ingest", *map(str, paths), "--db", str(db), "--batch-size", str(batch_size)],
        cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT, text=True,
    )


def stored_count(db: Path) -> int:
    """Articles committed so far, read without waiting for (or disturbing) the writer."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created or not migrated yet


def assert_intact(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        if "quotes_fts" in tables:  # the search index was kept in step by the same transactions
            connection.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
    connection.close()


def test_killed_ingest_leaves_whole_articles_and_a_rerun_finishes_the_job(corpus, reference, tmp_path):
    db, total = tmp_path / "q.db", 2 * COPIES
    process = start_ingest(db, corpus, log=tmp_path / "killed.log")
    # 1. Kill it once a few articles are committed, while it is still working.
    deadline = time.monotonic() + 180
    while stored_count(db) < 4:
        assert process.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline, "no article was committed in time"
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL

    # 2. The database opens, is intact, and holds only whole articles.
    assert_intact(db)
    killed = contents(db)
    assert 4 <= len(killed) - 1 < total, "killed too late to prove anything"
    for doc_id, stored in killed.items():
        if doc_id != "(people)":
            assert stored == reference[doc_id], f"{doc_id} is not whole"

    # 3. The same ingest again ends exactly as the uninterrupted run.
    rerun = subprocess.run(
        [sys.executable, "-c", CLI, "ingest", str(corpus), "--db", str(db)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert rerun.returncode == 0, rerun.stderr
    done = len(killed) - 1
    assert f"Stored {total - done} articles" in rerun.stdout and f"({done} unchanged" in rerun.stdout
    assert_intact(db)
    assert contents(db) == reference


def test_two_ingests_at_once_with_queries_meanwhile(corpus, reference, tmp_path):
    db, files = tmp_path / "q.db", sorted(corpus.glob("*.txt"))[:20]  # 20 are enough here
    first = start_ingest(db, *files[:13], log=tmp_path / "first.log")
    second = start_ingest(db, *files[7:], log=tmp_path / "second.log")  # 6 files in both
    quote_counts = {doc_id: len(stored[2]) for doc_id, stored in reference.items() if doc_id != "(people)"}

    # Read while both write: every article seen is whole, and no query fails.
    reads, factory = 0, None
    while first.poll() is None or second.poll() is None:
        if factory is None and stored_count(db):
            factory = open_db(db)
        if factory is not None:
            with factory() as session:
                for article in session.scalars(select(Article)):
                    assert len(article.quotes) == quote_counts[article.doc_id]
                speakers(session)
                who_said(session, "china")
            reads += 1
        time.sleep(0.05)
    assert reads > 0
    factory.kw["bind"].dispose()

    logs = [(tmp_path / name).read_text() for name in ("first.log", "second.log")]
    assert (first.returncode, second.returncode) == (0, 0), logs
    stored = [int(re.search(r"Stored (\d+) articles", log).group(1)) for log in logs]
    assert sum(stored) == len(files)  # each article stored by exactly one of them
    assert_intact(db)
    with sqlite3.connect(db) as connection:
        for column in ("doc_id", "sha256"):
            dupes = connection.execute(f"SELECT {column} FROM articles GROUP BY {column} HAVING count(*) > 1")
            assert dupes.fetchall() == []
    connection.close()
    expected = {doc_id: reference[doc_id] for doc_id in [f.stem for f in files]}
    expected["(people)"] = tuple(p for p in reference["(people)"] if p[1] in expected or not p[1])
    assert contents(db) == expected
