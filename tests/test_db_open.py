"""Opening databases that are not what they should be: refused clearly, left as they were.

And an old one (made by the first migration) is brought up to date with its data.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import select, text
from typer.testing import CliRunner

from quotes.cli import app
from quotes.ingest import ingest
from quotes.store.db import alembic_config, make_engine, open_db
from quotes.store.errors import DamagedSchema, NewerSchema, NotADatabase, NotQuotesDatabase, ReadOnlyDatabase
from quotes.store.models import Article, Person
from quotes.store.repo import add_article

ROOT = Path(__file__).resolve().parents[1]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in the folder with the hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def quotes_db(path: Path, article) -> Path:
    factory = open_db(path)
    with factory.begin() as session:
        add_article(session, "a1", "a1.txt", *article)
    factory.kw["bind"].dispose()  # the last close folds the WAL back into the file
    return path


def speakers_cli(db: Path):
    return CliRunner().invoke(app, ["speakers", "--db", str(db)])


def assert_one_line_error(result, words: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.output


# --- refused, nothing changed --------------------------------------------------


def test_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list\n", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(NotADatabase, match="notes.db is not an SQLite database"):
        open_db(path)
    assert_one_line_error(speakers_cli(path), "not an SQLite database")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("special", ["fifo", "/dev/null"])
def test_a_pipe_or_device_is_not_a_database(tmp_path, special):
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "q.db"
        os.mkfifo(path)  # opening it to read would wait for a writer forever
    with pytest.raises(NotADatabase, match="is not a regular file"):
        open_db(path)
    assert_one_line_error(speakers_cli(path), "not a regular file")


def test_a_damaged_database(tmp_path, article):
    path = quotes_db(tmp_path / "q.db", article)
    with path.open("r+b") as handle:  # keep the header, wreck the schema page after it
        handle.seek(100)
        handle.write(b"\xaa" * 3900)
    before = snapshot(tmp_path)
    with pytest.raises(NotADatabase, match=r"q.db is damaged or not an SQLite database \(.*malformed"):
        open_db(path)
    assert_one_line_error(speakers_cli(path), "damaged")
    assert snapshot(tmp_path) == before


def test_another_programs_database(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        connection.execute("INSERT INTO invoices (total) VALUES (9.5)")
    connection.close()
    before = snapshot(tmp_path)
    with pytest.raises(NotQuotesDatabase, match="other.db is an SQLite database but not a quotes database"):
        open_db(path)
    result = CliRunner().invoke(app, ["ingest", str(ROOT / "seeds"), "--db", str(path)])
    assert_one_line_error(result, "not a quotes database")
    assert snapshot(tmp_path) == before  # not migrated, not even switched to WAL


def test_a_database_from_a_newer_quotes(tmp_path, article):
    path = quotes_db(tmp_path / "q.db", article)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.close()
    before = snapshot(tmp_path)
    with pytest.raises(NewerSchema, match="schema revision 0099_from_the_future, newer than"):
        open_db(path)
    assert_one_line_error(speakers_cli(path), "upgrade quotes")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "damage, words",
    [
        ("DROP TABLE alembic_version; CREATE TABLE alembic_version (x)", "alembic_version table cannot be read"),
        ("INSERT INTO alembic_version VALUES ('0003')", "holds 2 revisions (0003, 0011)"),
        ("DROP TABLE alembic_version; CREATE TABLE alembic_version (version_num INT); INSERT INTO alembic_version VALUES (7)",
         "holds 7, not a revision name"),
        ("UPDATE alembic_version SET version_num = x'00ff'", "not a revision name"),
    ],
)
def test_a_damaged_alembic_version_table(tmp_path, article, damage, words):
    path = quotes_db(tmp_path / "q.db", article)
    with sqlite3.connect(path) as connection:
        connection.executescript(damage)
    connection.close()
    before = snapshot(tmp_path)
    with pytest.raises(DamagedSchema, match=re.escape(words)):
        open_db(path)
    assert_one_line_error(speakers_cli(path), "nothing was changed")
    assert snapshot(tmp_path) == before


def test_another_programs_alembic_database_is_not_called_newer(tmp_path):
    path = tmp_path / "app.db"
    with sqlite3.connect(path) as connection:
        connection.executescript(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
            "INSERT INTO alembic_version VALUES ('ae1027a6acf');"
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);"
        )
    connection.close()
    before = snapshot(tmp_path)
    with pytest.raises(NotQuotesDatabase, match="app.db is another program's database .*revision ae1027a6acf.*users"):
        open_db(path)
    assert_one_line_error(speakers_cli(path), "left untouched")
    assert snapshot(tmp_path) == before


def crash_mid_write(path: Path, *, wal: bool) -> None:
    """Another program's database, its writer killed with the write half done."""
    script = f"""
import os, sqlite3
c = sqlite3.connect({str(path)!r}, isolation_level=None)
if {wal}:
    c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("CREATE TABLE invoices (note TEXT)")
c.execute("PRAGMA cache_size=1")  # pages spill into the file before the commit
c.execute("BEGIN")
c.executemany("INSERT INTO invoices VALUES (?)", [("x" * 500,)] * 2000)
if {wal}:
    c.execute("COMMIT")
os._exit(0)
"""
    subprocess.run([sys.executable, "-c", script], check=True)


@pytest.mark.parametrize("wal", [False, True], ids=["journal", "wal"])
def test_another_programs_crashed_database_is_left_untouched(tmp_path, wal):
    # A normal connection would roll the journal back (or fold the WAL in) before we refuse
    path = tmp_path / "app.db"
    crash_mid_write(path, wal=wal)
    assert Path(f"{path}-{'wal' if wal else 'journal'}").exists()
    before = snapshot(tmp_path)
    with pytest.raises(NotQuotesDatabase, match="left untouched"):
        open_db(path)
    assert_one_line_error(speakers_cli(path), "not a quotes database")
    after = snapshot(tmp_path)
    after.pop("app.db-shm", None)  # SQLite may add the WAL's index beside it; file and log are as they were
    before.pop("app.db-shm", None)
    assert after == before


# --- an old database is migrated with its data ---------------------------------


def test_a_database_made_by_the_first_migration_is_upgraded_with_its_data(db_path, article):
    engine = make_engine(db_path)
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text(
            "INSERT INTO articles (id, doc_id, path, text, sha256, ingested_at) "
            "VALUES (1, 'old', 'old.txt', 'Qin Gang said “it is cold”.', 'x', '2024-01-01 00:00:00')"
        ))
        connection.execute(text("INSERT INTO people (id, name) VALUES (1, 'Qin Gang')"))
        connection.execute(text(
            "INSERT INTO quotes (article_id, person_id, start, \"end\", text, kind, paragraph, grp, "
            "nested, detector_version) VALUES (1, 1, 15, 25, 'it is cold', 'named', 0, 1, 0, '1')"
        ))
    engine.dispose()

    factory = open_db(db_path)
    with factory() as session:
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        old = session.scalar(select(Article).where(Article.doc_id == "old"))
        assert [(q.text, q.person.name) for q in old.quotes] == [("it is cold", "Qin Gang")]
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    with factory.begin() as session:  # and it takes new articles
        add_article(session, "new", "new.txt", *article)
    with factory() as session:
        assert len(session.scalars(select(Person)).all()) == 3
    factory.kw["bind"].dispose()
    script = ScriptDirectory.from_config(config)
    assert version == script.get_current_head()


def test_an_empty_file_is_a_new_database(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    factory = open_db(path)
    with factory() as session:
        assert session.scalars(select(Article)).all() == []
    factory.kw["bind"].dispose()


# --- read-only places ----------------------------------------------------------


def test_a_read_only_connection_refuses_writes_clearly(tmp_path, article):
    path = quotes_db(tmp_path / "q.db", article)
    factory = open_db(f"sqlite:///file:{path}?mode=ro&uri=true")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "b.txt").write_text("“Yes,” said Qin Gang.\n", encoding="utf-8")
    with pytest.raises(ReadOnlyDatabase, match=r"q.db cannot be written"):
        ingest(factory, [tmp_path / "news"])
    factory.kw["bind"].dispose()


def run_unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`quotes ARGS` in a child process; as `nobody` when we are root, whom permissions do not stop."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: file permissions cannot be tested")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT)}
    code = "from quotes.cli import app; app()"
    return subprocess.run(
        [*prefix, sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def locked_folder(article):
    """A folder nobody may write to, holding a quotes database and an article."""
    folder = Path(tempfile.mkdtemp(prefix="quotes-ro-"))
    quotes_db(folder / "q.db", article)
    (folder / "a.txt").write_text("“Yes,” said Qin Gang.\n", encoding="utf-8")
    for p in folder.iterdir():
        p.chmod(0o644)
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


@pytest.mark.parametrize("command", ["ingest-new", "ingest", "speakers"])
def test_a_read_only_folder(locked_folder, command):
    before = snapshot(locked_folder)
    args = {
        "ingest-new": ["ingest", "a.txt", "--db", "new.db"],
        "ingest": ["ingest", "a.txt", "--db", "q.db"],
        "speakers": ["speakers", "--db", "q.db"],
    }[command]
    result = run_unprivileged(*args, cwd=locked_folder)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in result.stderr, lines
    assert "can be written" in lines[0] or "cannot be written" in lines[0]
    assert snapshot(locked_folder) == before


def test_a_file_size_limit_hit_while_writing_is_one_clear_error(tmp_path):
    # `ulimit -f`: the write fails with EFBIG, which SQLite reports as "disk I/O error"
    script = f"""
import resource, sys
from quotes.store.db import open_db, write_transaction
from quotes.store.errors import StoreError
from quotes.store.repo import add_article
factory = open_db({str(tmp_path / "q.db")!r})
resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, resource.RLIM_INFINITY))
try:
    for i in range(100):
        write_transaction(factory, lambda s, i=i: add_article(s, f"a{{i}}", f"a{{i}}.txt", "words " * 5000, []))
except StoreError as error:
    print(error)
    sys.exit(3)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    assert "cannot write" in done.stdout and "ulimit -f" in done.stdout and "q.db" in done.stdout
