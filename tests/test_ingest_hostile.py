"""Files made to break ingest: each is one error line and the rest goes in (issue 15).

A file name that is not UTF-8, a .jsonl line holding a lone surrogate, a NUL
or 100,000 nested brackets, a .jsonl of nothing but `{}` lines. The pipeline
is the detector alone (no model).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from quotes import articles
from quotes.articles import ArticleFile, read_articles
from quotes.cli import app
from quotes.detect import detect
from quotes.ingest import ingest
from quotes.store.db import open_db
from quotes.store.models import Article
from quotes.textfile import UnreadableFile

GOOD = "“Cold ice,” said Qin Gang.\n"
SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")).read_text(encoding="utf-8")


pytestmark = pytest.mark.usefixtures("detector_only_ingest")


def stored(factory) -> list[str]:
    with factory() as session:
        return sorted(session.scalars(select(Article.doc_id)))


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


BAD_LINES = {  # a .jsonl line -> what its one error line says
    '{"text": "\\ud800 lone"}': "`text` holds a lone surrogate",
    "[" * 100_000: "nested too deeply",
    '{"text": "before\\u0000after"}': "`text` holds a NUL character",
    '{"text": "Fine.", "title": "Talks\\u0000"}': "`title` holds a NUL character",
    '{"text": "Fine.", "id": "\\udfff"}': "`id` holds a lone surrogate",
}


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_one_error_and_the_rest_go_in(session_factory, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    summary = ingest(session_factory, [folder])
    (failure,) = summary.failed
    assert failure.reason == f"{folder}/bad\\xff.txt: the file name is not valid UTF-8; rename it (e.g. with `convmv`)"
    failure.reason.encode("utf-8")  # printable
    assert stored(session_factory) == ["good"]
    assert ingest(session_factory, [folder]).skipped == 1  # and the rerun does not crash either


def test_bad_jsonl_lines_are_one_error_each_and_the_good_lines_go_in(session_factory, tmp_path):
    feed = write_lines(tmp_path / "feed.jsonl", *BAD_LINES, json.dumps({"id": "ok", "text": GOOD}))
    summary = ingest(session_factory, [feed])
    reasons = [f.reason for f in summary.failed]
    assert len(reasons) == len(BAD_LINES)
    for number, (reason, words) in enumerate(zip(reasons, BAD_LINES.values()), 1):
        assert reason.startswith(f"{feed} line {number}") and words in reason
    assert stored(session_factory) == ["ok"]


@pytest.mark.postgres
def test_a_nul_in_a_jsonl_text_never_reaches_postgresql(pg_url, tmp_path):
    factory = open_db(pg_url)
    feed = write_lines(tmp_path / "feed.jsonl", '{"text": "a\\u0000b"}', json.dumps({"id": "ok", "text": GOOD}))
    summary = ingest(factory, [feed])
    assert [f.reason for f in summary.failed] == [f"{feed} line 1: `text` holds a NUL character (\\u0000), which is not text"]
    assert stored(factory) == ["ok"]


def test_a_jsonl_file_with_no_article_is_given_up_after_a_thousand_lines(tmp_path):
    feed = write_lines(tmp_path / "braces.jsonl", *["{}"] * 200_000)  # the review's was 50 MB: 5 GB, 178 s
    read = list(read_articles(feed))
    assert len(read) == articles.MAX_BAD_LINES + 1
    assert all(isinstance(r, UnreadableFile) for r in read)
    assert str(read[-1]).startswith(f"{feed}: no article in its first 1,000 lines; the rest was not read")


def test_many_bad_lines_among_good_ones_are_counted_not_listed(tmp_path):
    lines = [json.dumps({"text": f"Article {i}."}) if i % 2 else "{}" for i in range(3000)]
    read = list(read_articles(write_lines(tmp_path / "mixed.jsonl", *lines)))
    good = [r for r in read if isinstance(r, ArticleFile)]
    bad = [str(r) for r in read if isinstance(r, UnreadableFile)]
    assert len(good) == 1500
    assert len(bad) == articles.MAX_BAD_LINES + 1 and bad[-1].endswith(": 1,490 more bad lines, not listed")


def test_an_overlong_jsonl_line_is_skipped_unread_and_the_next_one_read(tmp_path, monkeypatch):
    monkeypatch.setattr(articles, "MAX_LINE_BYTES", 1000)
    feed = write_lines(tmp_path / "long.jsonl", json.dumps({"text": "x" * 5000}), json.dumps({"text": GOOD}))
    too_long, article = read_articles(feed)
    assert "line 1 is over 0.001 MB, too long for one article" in str(too_long)
    assert article.text == GOOD and article.doc_id == "long-2"


def test_a_jsonl_line_in_another_clear_encoding_is_read_and_named(tmp_path):
    feed = tmp_path / "cp1252.jsonl"
    text = SEED.encode("cp1252", "replace").decode("cp1252")
    feed.write_bytes(json.dumps({"text": text}, ensure_ascii=False).encode("cp1252") + b"\n")
    (article,) = read_articles(feed)
    assert (article.text, article.encoding) == (text, "cp1252")


def test_a_utf16_jsonl_file_is_refused_with_a_hint(tmp_path):
    feed = tmp_path / "utf16.jsonl"
    feed.write_bytes(json.dumps({"text": GOOD}).encode("utf-16"))
    with pytest.raises(UnreadableFile, match="is UTF-16 or binary; JSON lines files are UTF-8"):
        list(read_articles(feed))


def test_a_mac_roman_article_goes_in_with_all_its_quotes(session_factory, tmp_path):
    (tmp_path / "mac.txt").write_bytes(SEED.encode("mac_roman", "replace"))
    summary = ingest(session_factory, [tmp_path / "mac.txt"])
    assert summary.quotes == len(detect(SEED)) > 20
    assert [w.reason for w in summary.warnings] == [f"{tmp_path / 'mac.txt'} is not UTF-8; read it as mac_roman"]


# --- things in a folder that are not files (issue 15: they were skipped in silence) ---


@pytest.fixture
def odd_folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer forever
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    return folder


ODD = {
    "dangling.txt": "is a symbolic link to {folder}/gone.txt, which does not exist",
    "loop.txt": "is a symbolic link that loops (to {folder}/loop.txt); there is nothing to read",
    "pipe.txt": "is a named pipe (FIFO), not a file; only regular files are read",
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_pipes_and_broken_links_in_a_folder_are_each_named_and_the_rest_go_in(session_factory, odd_folder):
    summary = ingest(session_factory, [odd_folder])
    reasons = {f.path.name: f.reason for f in summary.failed}
    assert reasons == {name: f"{odd_folder / name} " + why.format(folder=odd_folder) for name, why in ODD.items()}
    assert stored(session_factory) == ["good"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("name", sorted(ODD))
def test_a_pipe_or_broken_link_named_directly_says_what_it_is(odd_folder, tmp_path, name):
    result = CliRunner().invoke(app, ["ingest", str(odd_folder / name), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {odd_folder / name} " + ODD[name].format(folder=odd_folder)


@pytest.mark.parametrize("db", [":memory:", "sqlite://", "sqlite:///:memory:"])
def test_an_ingest_into_memory_is_refused_not_reported_stored(tmp_path, db):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    assert result.exit_code == 1 and "Stored" not in result.stdout
    assert result.stderr.startswith(f"Error: {db} is a database in memory, which keeps nothing once this command ends")
