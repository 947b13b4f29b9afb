"""Every command on PostgreSQL, against a real server (tests/pg_server.py): the same
migrations, the same answers as SQLite for the same articles, ingests that take
turns, and one clear line when the server cannot be used.

Tests marked `model` ingest the seed articles with the real pipeline; the others
store hand-made articles and stay fast.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from typer.testing import CliRunner

import pg_server
from batches import BATCH, before, rows
from drafts import DRAFT
from quotes.cli import app
from quotes.ingest import ingest, store
from quotes.articles import ArticleFile
from quotes.query import Filters, all_quotes, said_by, search, speakers, who_said
from quotes.store import db as store_db
from quotes.store.db import open_db, write_transaction
from quotes.store.errors import DatabaseBusy, LoginFailed, NotQuotesDatabase, ServerUnreachable
from quotes.store.models import Article, Base, Person
from quotes.store.repo import add_article, add_articles
from quotes.store.search import document_counts, is_search_table, matching_ids
from cli_results import assert_user_error

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CLI = "from quotes.cli import app; app()"

pytestmark = pytest.mark.postgres

runner = CliRunner()


def run(*args: str | Path, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)



@pytest.fixture
def pg(pg_url):
    factory = open_db(pg_url)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def lite(tmp_path):
    factory = open_db(tmp_path / "q.db")
    yield factory
    factory.kw["bind"].dispose()


def fill(factory, articles: dict[str, tuple]) -> None:
    for doc_id, (body, attributions) in articles.items():
        write_transaction(factory, lambda s, d=doc_id, b=body, a=attributions: add_article(s, d, f"{d}.txt", b, a))


def by_id(rows: list) -> list:
    return sorted(rows, key=lambda row: row.quote_id)


def answers(factory) -> dict:
    """What the query functions say about a database holding the hand-made articles."""
    with factory() as session:
        return {
            "who_said": [who_said(session, w) for w in ("cold ice", "ICE", "re", "the right", "100%", "café")],
            "said_by": [said_by(session, n) for n in ("Chollet", "derek chollet", "Shen", "Qin Gang")],
            "search": [  # the same quotes; the order is each database's rank
                by_id(search(session, q))
                for q in ("cold ice", '"hit the"', "relation*", "Cafe", '"long term"', '"the long"', "3.5", "a@b")
            ],
            "filtered": by_id(search(session, "the", Filters(speaker="Chollet", article="a2"))),
            "speakers": speakers(session),
            "all": all_quotes(session, context=True),
            "counts": document_counts(session, ["the", "ice", "cafe", "long", "term", "absent"]),
            "ids": sorted(matching_ids(session, ["cold", "cafe"], limit=10)),
        }


MORE = (
    "Plans\n\nThe minister called it “the long-term plan for a café at a@b.com, 3.5 times bigger”.\n\n"
    "“Zebras come last, alphabetically,” said van Zandt.\n\n“Émile is here,” said Émile Zola.\n"
)
MORE_QUOTES = [
    ("the long-term plan for a café at a@b.com, 3.5 times bigger", "Derek Chollet", "Chollet", "called"),
    ("Zebras come last, alphabetically,", "van Zandt", "van Zandt", "said"),  # lower case: after Z, before É
    ("Émile is here,", "Émile Zola", "Émile Zola", "said"),
]


# --- without the model -------------------------------------------------------


def test_migrations_make_the_schema_of_the_models(pg):
    engine = pg.kw["bind"]
    with engine.connect() as connection:
        assert connection.execute(text("select version_num from alembic_version")).scalar() == "0011"
        skip = {"include_name": lambda name, type_, _: not is_search_table(name)}
        assert compare_metadata(MigrationContext.configure(connection, opts=skip), Base.metadata) == []
        indexes = set(connection.execute(text("select indexname from pg_indexes where tablename = 'quotes'")).scalars())
        assert {"quotes_fts", "quotes_fts_trigram"} <= indexes
        collations = dict(connection.execute(text(
            "select table_name || '.' || column_name, collation_name from information_schema.columns "
            "where column_name in ('name', 'doc_id', 'published', 'publisher') and table_schema = 'public'"
            " and table_name in ('people', 'articles', 'person_aliases')"
        )).all())
    assert set(collations.values()) == {"C"}, collations


def test_a_url_in_quotes_db_and_postgres_scheme(pg_url):
    """`postgres://` (as hosts hand it out) and QUOTES_DB work like --db."""
    result = run("speakers", "--format", "json", env={"QUOTES_DB": pg_url.replace("postgresql://", "postgres://")})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_the_same_answers_as_sqlite(pg, lite, article, attributions):
    articles = {"a1": article, "a2": (MORE, attributions(MORE, MORE_QUOTES))}
    fill(pg, articles)
    fill(lite, articles)
    on_pg, on_sqlite = answers(pg), answers(lite)
    for key, expected in on_sqlite.items():
        assert on_pg[key] == expected, key
    assert [r.name for r in on_pg["speakers"]][-2:] == ["van Zandt", "Émile Zola"]  # by code point, as SQLite
    assert all(on_pg["search"]), "each search finds something"


def test_a_batch_stores_the_rows_it_stores_on_sqlite(pg, lite):
    """Speakers meeting across articles, a rename and a fix made before: one executemany per table."""
    for factory in (pg, lite):
        before(factory)
        assert write_transaction(factory, lambda s: add_articles(s, BATCH)) == [True] * len(BATCH)
    assert rows(pg) == rows(lite)


def test_people_merge_and_rename_the_same(pg, lite, pg_url, tmp_path, article):
    fill(pg, {"a1": article})
    fill(lite, {"a1": article})
    outputs = {}
    for kind, db in (("postgresql", pg_url), ("sqlite", tmp_path / "q.db")):
        steps = [
            run("people", "rename", "Qin Gang", "Qin G.", "--db", db),
            run("people", "merge", "Shen", "Derek Chollet", "--db", db),
            run("people", "merge", "Nobody", "Derek Chollet", "--db", db),
            run("speakers", "--db", db, "--format", "json"),
            run("said-by", "chollet", "--db", db, "--format", "json"),
        ]
        outputs[kind] = [(r.exit_code, r.stdout, r.stderr) for r in steps]
    assert outputs["postgresql"] == outputs["sqlite"]
    assert [code for code, *_ in outputs["sqlite"]] == [0, 0, 1, 0, 0]


def test_word_search_uses_the_index(pg, article):
    fill(pg, {"a1": article})
    with pg() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        from quotes.store.search import PG_CONFIG, PG_VECTOR  # noqa: PLC0415

        plan = session.execute(text(
            f"EXPLAIN SELECT id FROM quotes WHERE {PG_VECTOR} @@ to_tsquery('{PG_CONFIG}', 'ice')"
        )).scalars().all()
        assert any("quotes_fts" in line for line in plan), plan
        # who_said's condition: the folded text (migration 0009) holds the words
        plan = session.execute(text("EXPLAIN SELECT id FROM quotes WHERE folded LIKE '%%cold%%'")).scalars().all()
        assert any("quotes_fts_trigram" in line for line in plan), plan


def test_writers_take_turns(pg, article, attributions):
    """Four threads store the same articles (with the same speakers) at once: each stored once, nobody fails."""
    body, found = article
    articles = [
        ArticleFile(path=Path(f"a{i}.txt"), doc_id=f"a{i}", text=f"{body}\nCopy {i}.\n", encoding="utf-8")
        for i in range(6)
    ]
    stored: list[bool] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for a in articles:
                stored.extend(store(pg, [(a, attributions(a.text, [(q.quote.text, q.speaker) for q in found]))]))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert stored.count(True) == len(articles) and len(stored) == 4 * len(articles)
    with pg() as session:
        assert sorted(session.scalars(select(Article.doc_id))) == [a.doc_id for a in articles]
        assert sorted(session.scalars(select(Person.name))) == ["Derek Chollet", "Qin Gang", "Shen Dingli"]


def test_a_writer_that_cannot_get_the_lock_is_told_busy(pg, monkeypatch):
    monkeypatch.setattr(store_db, "BUSY_SECONDS", 0.2)
    url = pg.kw["bind"].url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url) as holder:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (store_db.WRITE_LOCK,))
        with pytest.raises(DatabaseBusy, match="stayed locked"):
            write_transaction(pg, lambda session: None, attempts=2)
    assert write_transaction(pg, lambda session: "free again") == "free again"


def test_a_server_that_is_not_there(postgres):
    url = postgres.url(port=pg_server.free_port())
    with pytest.raises(ServerUnreachable, match="cannot reach the PostgreSQL server"):
        open_db(url)
    assert_user_error(run("who-said", "ice", "--db", url), "is it running")
    assert_user_error(run("ingest", SEEDS, "--db", url), "cannot reach the PostgreSQL server")


def test_wrong_password_and_missing_database(postgres):
    wrong = postgres.url(password="wrong")
    with pytest.raises(LoginFailed, match="password authentication failed"):
        open_db(wrong)
    assert "wrong" not in run("speakers", "--db", wrong).stderr  # the password is not shown
    assert_user_error(run("speakers", "--db", wrong), "check the user and password")
    assert_user_error(run("speakers", "--db", postgres.url("no_such_db")), 'database "no_such_db" does not exist')


def test_a_database_of_another_program_is_left_alone(pg_url):
    with psycopg.connect(pg_url) as connection:
        connection.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(NotQuotesDatabase, match="is a PostgreSQL database but not a quotes database"):
        open_db(pg_url)
    with psycopg.connect(pg_url) as connection:
        tables = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    assert tables == [("invoices",)]


def test_serve_says_it_needs_a_file(pg_url):
    assert_user_error(run("serve", "--db", pg_url), "SQLite database file")


# --- with the model: the seeds, through the command line ---------------------


@pytest.fixture(scope="module")
def seeded(postgres, tmp_path_factory) -> dict[str, str]:
    """The seeds ingested by `quotes ingest` into SQLite and into PostgreSQL."""
    dbs = {"sqlite": str(tmp_path_factory.mktemp("lite") / "q.db"), "postgresql": postgres.create_database()}
    for db in dbs.values():
        result = run("ingest", SEEDS, "--db", db)
        assert result.exit_code == 0, result.output
        assert "Stored 2 articles, 48 quotes" in result.stdout
    return dbs


QUESTIONS = [
    ("who-said", "cold ice"),
    ("who-said", "china"),
    ("who-said", "the two"),
    ("said-by", "Chollet"),
    ("said-by", "derek chollet"),
    ("said-by", "Shen"),
    ("said-by", "Biden"),
    ("speakers",),
    ("show", "10"),
]
SEARCHES = [
    ("cold ice",),
    ('"the two sides"',),
    ("relation*",),
    ("china",),
    ("the", "--speaker", "Blinken"),
    ("the", "--article", "000_773a398dc513c550", "--since", "2024-01-01", "--until", "2024-12-31"),
]


@pytest.mark.model
@pytest.mark.parametrize("question", QUESTIONS, ids=" ".join)
def test_the_seeds_give_the_same_answers(seeded, question):
    outputs = {}
    for kind, db in seeded.items():
        result = run(*question, "--db", db, "--format", "json")
        outputs[kind] = (result.exit_code, result.stdout, result.stderr)
    assert outputs["postgresql"] == outputs["sqlite"]
    assert outputs["sqlite"][0] == 0 and json.loads(outputs["sqlite"][1])


@pytest.mark.model
@pytest.mark.parametrize("question", SEARCHES, ids=" ".join)
def test_the_seeds_give_the_same_search_results(seeded, question):
    """The same quotes; their order is the database's rank (bm25 on SQLite, ts_rank here)."""
    found = {}
    for kind, db in seeded.items():
        result = run("search", *question, "--db", db, "--format", "json")
        assert result.exit_code == 0, result.output
        found[kind] = sorted(json.loads(result.stdout), key=lambda row: row["quote_id"])
    assert found["postgresql"] == found["sqlite"] != []


@pytest.mark.model
def test_the_seeds_export_the_same(seeded, tmp_path):
    for kind, db in seeded.items():
        result = run("export", "--db", db, "--csv", tmp_path / f"{kind}.csv", "--jsonl", tmp_path / f"{kind}.jsonl")
        assert result.exit_code == 0, result.output
    for suffix in ("csv", "jsonl"):
        on_pg = (tmp_path / f"postgresql.{suffix}").read_text(encoding="utf-8")
        assert on_pg == (tmp_path / f"sqlite.{suffix}").read_text(encoding="utf-8")
        assert on_pg.count("\n") >= 48


@pytest.mark.model
def test_a_draft_is_checked_the_same(seeded, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    outputs = {kind: run("check", draft, "--db", db, "--format", "json") for kind, db in seeded.items()}
    assert outputs["postgresql"].stdout == outputs["sqlite"].stdout
    verdicts = [v["verdict"] for v in json.loads(outputs["postgresql"].stdout)]
    assert verdicts == ["verified", "altered", "verified", "misattributed", "unverified"]
    assert outputs["postgresql"].exit_code == outputs["sqlite"].exit_code == 1


def contents(factory) -> dict[str, tuple]:
    """Each stored article with its quotes and speakers, everything but ids and times."""
    with factory() as session:
        stored = {
            a.doc_id: (a.sha256, tuple(
                (q.start, q.end, q.text, q.person.name if q.person else None, q.speaker_mention, q.cue, q.kind)
                for q in a.quotes
            ))
            for a in session.scalars(select(Article))
        }
        stored["(people)"] = tuple(session.scalars(select(Person.name).order_by(Person.name)))
    return stored


@pytest.mark.model
def test_two_ingests_at_once(pg, tmp_path):
    """Two `quotes ingest` processes over overlapping files: each article stored once, as one run stores them."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        for i in range(5):
            body = seed.read_text(encoding="utf-8")
            (corpus / f"{i:02d}_{seed.stem}.txt").write_text(f"{body}\nCopy {i}.\n", encoding="utf-8")
    files = sorted(corpus.glob("*.txt"))
    url = pg.kw["bind"].url.render_as_string(hide_password=False)
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CLI, "ingest", *map(str, part), "--db", url, "--batch-size", "2"],
            cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT,
        )
        for part, log in zip((files[:7], files[3:]), logs)  # 4 files in both
    ]
    assert [p.wait(timeout=300) for p in processes] == [0, 0], [log.read_text() for log in logs]
    counts = [int(re.search(r"Stored (\d+) articles", log.read_text()).group(1)) for log in logs]
    assert sum(counts) == len(files)  # each article stored by exactly one of them

    reference = open_db(tmp_path / "reference.db")
    ingest(reference, [corpus])
    assert contents(pg) == contents(reference)
    reference.kw["bind"].dispose()
