"""Odd arguments get one line that says what is wrong, never a traceback or a raw database error.

And a password in a URL is never printed, however the URL is written.
"""

from __future__ import annotations

import uuid

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.store.db import encode_userinfo, shown, to_url
from cli_results import assert_user_error

HUGE = "99999999999999999999"  # more than 64 bits


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_show_a_quote_id_beyond_any_integer(filled_db):
    assert_user_error(run("show", HUGE, "--db", filled_db), f"no quote has id {HUGE}")


def test_search_with_a_limit_beyond_any_integer_means_all(filled_db):
    result = run("search", "cold ice", "--limit", HUGE, "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert "relations have hit the cold ice" in result.stdout


def test_who_said_with_a_pasted_paragraph_of_500_words(filled_db):
    # SQLite refuses an expression over 1000 deep; one condition per word made one
    words = " ".join(["relations", "hit", "cold", "ice"] + [f"w{i}" for i in range(500)])
    assert_user_error(run("who-said", words, "--db", filled_db), "no stored quote contains")
    many = " ".join(["relations", "have", "hit", "the", "cold", "ice"] * 100)  # repeated words count once
    result = run("who-said", many, "--db", filled_db)
    assert result.exit_code == 0 and "Qin Gang" in result.stdout, result.output


def test_who_said_with_bytes_that_are_not_utf8(filled_db):
    # what Python makes of a command-line byte that is not UTF-8 (surrogateescape)
    assert_user_error(run("who-said", "cold \udcff", "--db", filled_db), r"b'\xff', which is not UTF-8")


@pytest.mark.parametrize(
    "url, words",
    [
        ("mysql://u:secret@localhost/db", "not mysql"),
        ("oracle://u:secret@localhost/db", "not oracle"),
        ("postgresql://u:secret@[::1/db", "is not a database URL"),
        ("postgresql://u:secret@host:port/db", "is not a database URL"),
    ],
)
def test_database_urls_we_cannot_use(url, words):
    result = run("speakers", "--db", url)
    assert_user_error(result, words)
    assert "secret" not in result.output


def test_a_password_holding_an_at_sign_is_never_shown():
    url = "postgresql://u:myP@ssSECRET@127.0.0.1:9/db"  # unencoded, as people paste it
    result = run("speakers", "--db", url)
    assert_user_error(result, "cannot reach the PostgreSQL server of postgresql://u:***@127.0.0.1:9/db")
    assert "ssSECRET" not in result.output


@pytest.mark.parametrize("url", ["postgresql://u@127.0.0.1:9/db?password=SECRET", "postgresql://u@[::1/db?password=SECRET",
                                 "mysql://u@localhost/db?Password=SECRET&x=1"])
def test_a_password_given_as_a_query_parameter_is_never_shown(url):
    result = run("speakers", "--db", url)
    assert result.exit_code == 1 and "password=" in result.stderr.lower()
    assert "SECRET" not in result.output


@pytest.mark.parametrize(
    "url, encoded",
    [
        ("postgresql://u:p@ss@host/db", "postgresql://u:p%40ss@host/db"),
        ("postgresql://u:p/s@s@host:5432/db", "postgresql://u:p/s%40s@host:5432/db"),
        ("postgresql://u:p@host/db@x", "postgresql://u:p@host/db@x"),  # an @ after the host is not the password's
        ("postgresql://u:p%40ss@host/db", "postgresql://u:p%40ss@host/db"),  # already encoded: kept
        ("postgresql://host/db", "postgresql://host/db"),
    ],
)
def test_the_last_at_sign_before_the_host_ends_the_password(url, encoded):
    assert encode_userinfo(url) == encoded
    assert "ss" not in shown(to_url(url)).split("@")[0].split(":")[-1]


def test_a_sqlite_url_to_a_missing_file_is_not_created(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for db in ("sqlite:///new.db", f"sqlite:///{tmp_path / 'new.db'}", "new.db"):
        assert_user_error(run("speakers", "--db", db), "no database at")
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize("address", ["garbage", "foo://x:1", "tcp://host:port"])
def test_dask_addresses_that_are_not_addresses(tmp_path, address):
    article = tmp_path / "a.txt"
    article.write_text("“We are ready,” Qin Gang said.\n", encoding="utf-8")
    result = run("ingest", article, "--db", tmp_path / "q.db", "--dask", address)
    assert_user_error(result, "is not a scheduler address")


def test_more_workers_than_the_machine_can_use(tmp_path):
    result = run("ingest", tmp_path, "--db", tmp_path / "q.db", "--workers", HUGE)
    assert_user_error(result, "more processes than this machine can use")
    assert not (tmp_path / "q.db").exists()


def test_a_batch_size_beyond_what_memory_holds(tmp_path):
    result = run("ingest", tmp_path, "--db", tmp_path / "q.db", "--batch-size", HUGE)
    assert_user_error(result, "--batch-size 99999999999999999999 is more than 1000")


@pytest.mark.postgres
def test_a_password_with_an_at_sign_logs_in_on_postgresql(postgres):
    import psycopg

    role = f"at_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres.url(), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'my@P@ss'")
        conn.execute(f"CREATE DATABASE {role} OWNER {role}")
    url = f"postgresql://{role}:my@P@ss@127.0.0.1:{postgres.port}/{role}"  # unencoded, as pasted
    result = run("speakers", "--db", url)
    assert result.exit_code == 0, result.output  # logged in with the whole password, migrated, read
    wrong = run("speakers", "--db", url.replace("my@P@ss", "my@P@sX"))
    assert_user_error(wrong, f"cannot log in to postgresql://{role}:***@127.0.0.1")
    assert "P@s" not in wrong.output
