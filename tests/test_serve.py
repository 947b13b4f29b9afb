"""`quotes serve`: Datasette's metadata, and a real server on a local port read over HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.error import URLError

import pytest

from quotes.serve import datasette_args, metadata
from quotes.store.repo import add_article

START_SECONDS = 30  # Datasette's imports and start-up on a slow machine


def test_metadata_facets_and_canned_queries(tmp_path):
    found = metadata(tmp_path / "news.db")["databases"]["news"]
    assert found["tables"]["quote_rows"]["facets"] == ["speaker", "publisher"]
    assert set(found["queries"]) == {"who_said", "quotes_by_person", "people"}
    assert found["tables"]["alembic_version"] == {"hidden": True}
    assert datasette_args("news.db", "m.json", host="127.0.0.1", port=8001)[:6] == [
        "serve", "news.db", "--metadata", "m.json", "--host", "127.0.0.1",
    ]


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
