"""`quotes serve`: Datasette's metadata, and a real server on a local port read over HTTP."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.error import HTTPError, URLError

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.serve import datasette_args, is_local, metadata, public_copy
from quotes.store.repo import add_article
from cli_results import assert_user_error

START_SECONDS = 30  # Datasette's imports and start-up on a slow machine


def test_metadata_facets_and_canned_queries(tmp_path):
    found = metadata(tmp_path / "news.db")["databases"]["news"]
    assert found["tables"]["quote_rows"]["facets"] == ["speaker", "publisher"]
    assert set(found["queries"]) == {"who_said", "quotes_by_person", "people"}
    assert found["tables"]["alembic_version"] == {"hidden": True}
    args = datasette_args("news.db", "m.json", host="127.0.0.1", port=8001)
    assert args[:4] == ["serve", "--metadata", "m.json", "--host=127.0.0.1"]
    assert args[-2:] == ["--", "news.db"]  # the path last, after `--`


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.fixture
def server(session_factory, db_path, article):
    body, given = article
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", body, given, publisher="SCMP", published="2023-06-18")
    session_factory.kw["bind"].dispose()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from quotes.cli import app; app()", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                fetch(base + "/-/versions.json")
                break
            except (URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()  # its output ends only when it does: reading a live server's would wait forever
                    pytest.fail(f"quotes serve did not start: {process.stdout.read().decode()}")
                time.sleep(0.2)
        yield f"{base}/{db_path.stem}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_pages_facets_and_canned_queries(server):
    home = fetch(server)
    assert "quote_rows" in home and "who_said" in home and "alembic_version" not in home
    page = fetch(server + "/quote_rows")
    assert "facet-speaker" in page and "facet-publisher" in page and "Qin Gang" in page
    searched = json.loads(fetch(server + "/quote_rows.json?_search=cold+ice&_shape=array"))
    assert [(r["speaker"], r["publisher"]) for r in searched] == [("Qin Gang", "SCMP")]
    said = json.loads(fetch(server + "/who_said.json?words=cold+ice&_shape=array"))
    assert [r["text"] for r in said] == ["relations have hit the cold ice"]
    by = json.loads(fetch(server + "/quotes_by_person.json?name=chollet&_shape=array"))
    assert [r["speaker"] for r in by] == ["Derek Chollet"]
    for typed in ("Mr.+CHOLLET", "Counsellor+Derek+Chollet", "%C3%A7hollet"):  # titles folded; ç is c
        by = json.loads(fetch(server + f"/quotes_by_person.json?name={typed}&_shape=array"))
        assert [(r["speaker"], r["speaker_type"]) for r in by] == [("Derek Chollet", "person")], typed


def forbidden(url: str) -> bool:
    try:
        fetch(url)
    except HTTPError as error:
        return error.code == 403
    return False


def test_serve_shows_the_quotes_and_nothing_of_the_host(server, db_path):
    database = server.rsplit("/", 1)[0] + "/" + db_path.stem
    for sql in ("select fts3_tokenizer('simple')", "select length(randomblob(200000000))",
                "select file from pragma_database_list", "select path from articles"):
        assert forbidden(f"{database}.json?sql={urllib.parse.quote(sql)}"), sql
    assert str(db_path.parent) not in fetch(server.rsplit("/", 1)[0] + "/-/databases.json")
    assert [r["path"] for r in json.loads(fetch(server + "/articles.json?_shape=array"))] == [""]
    for wildcard in ("%", "_", "%25", "+"):
        assert json.loads(fetch(server + f"/quotes_by_person.json?name={wildcard}&_shape=array")) == [], wildcard


@pytest.mark.parametrize("host, local", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
                                         ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("example.org", False)])
def test_which_hosts_are_this_machine_only(host, local):
    assert is_local(host) is local


def test_a_network_host_needs_public(filled_db, monkeypatch):
    served = []
    monkeypatch.setattr("datasette.cli.cli.main", lambda **kwargs: served.append(kwargs))
    assert_user_error(CliRunner().invoke(app, ["serve", "--db", str(filled_db), "--host", "0.0.0.0"]), "add --public")
    assert not served
    result = CliRunner().invoke(app, ["serve", "--db", str(filled_db), "--host", "0.0.0.0", "--public"])
    assert result.exit_code == 0, result.output
    assert "Warning: --public: anyone who can reach 0.0.0.0:8001 can read every quote" in result.stderr
    assert len(served) == 1


def test_a_database_named_like_an_option_is_served_as_a_file(filled_db, session_factory, tmp_path, monkeypatch):
    from datasette.cli import serve

    session_factory.kw["bind"].dispose()  # the WAL folded back in: the file alone is the database
    filled_db.rename(tmp_path / "--root")
    monkeypatch.chdir(tmp_path)
    seen = {}

    def parse(*, args, **_kwargs):  # what Datasette's own parser makes of our arguments, while the copy exists
        seen.update(serve.make_context("serve", args[1:]).params)
        with sqlite3.connect(args[-1]) as copy:
            seen["paths"] = [path for (path,) in copy.execute("SELECT path FROM articles")]

    monkeypatch.setattr("datasette.cli.cli.main", parse)
    result = CliRunner().invoke(app, ["serve", "--db", "--root"])
    assert result.exit_code == 0, result.output
    assert not seen["root"] and [Path(f).name for f in seen["files"]] == ["--root"]
    assert Path(seen["files"][0]).parent != tmp_path  # the copy, not the database
    assert seen["paths"] == [""]


def test_the_copy_holds_the_quotes_without_paths_or_deleted_text(filled_db, tmp_path):
    with sqlite3.connect(filled_db) as connection:
        connection.execute("INSERT INTO articles (doc_id, path, text, sha256, ingested_at) "
                           "SELECT 'gone', '/home/me/secret-folder/gone.txt', 'deleted words', sha256, ingested_at FROM articles")
        connection.execute("DELETE FROM articles WHERE doc_id = 'gone'")
    connection.close()
    (tmp_path / "web").mkdir()
    copy = public_copy(filled_db, tmp_path / "web")
    assert copy.name == filled_db.name
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM quotes").fetchone() == (4,)
        assert connection.execute("SELECT path FROM articles").fetchall() == [("",)]
    connection.close()
    assert b"secret-folder" not in copy.read_bytes() and b"a1.txt" not in copy.read_bytes()
    assert sorted(p.name for p in copy.parent.iterdir()) == [filled_db.name]


def test_a_host_that_looks_like_an_option_is_a_host(tmp_path):
    from datasette.cli import serve

    (tmp_path / "q.db").touch()
    (tmp_path / "m.json").write_text("{}", encoding="utf-8")
    args = datasette_args(tmp_path / "q.db", tmp_path / "m.json", host="--root", port=8001)
    params = serve.make_context("serve", args[1:]).params
    assert params["host"] == "--root" and not params["root"]
