"""Article files with metadata: .txt, .jsonl lines, .html through trafilatura (no model)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from quotes.analysis import Analysis
from quotes.articles import ArticleFile, iso_date, read_articles
from quotes.ingest import ingest
from quotes.store.models import Article
from quotes.textfile import UnreadableFile

PAGE = """<html><head><title>Blinken in Beijing | CNN</title>
<meta property="og:site_name" content="CNN">
<meta property="article:published_time" content="2023-06-18T10:00:00Z">
<link rel="canonical" href="https://edition.cnn.com/2023/06/18/blinken"></head>
<body><nav>Home | World | Politics</nav><article><h1>Blinken in Beijing</h1>
<p>“We would very much like to get back to where we were,” Derek Chollet said on Saturday in Stockholm.</p>
<p>Chinese Foreign Minister Qin Gang said that “relations have hit the cold ice” after months of tension.</p>
</article><footer>© 2023 Cable News Network. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    page = tmp_path / "blinken.html"
    page.write_text(PAGE, encoding="utf-8")
    (article,) = read_articles(page)
    assert "“relations have hit the cold ice”" in article.text
    assert "Home" not in article.text and "rights reserved" not in article.text
    assert (article.doc_id, article.title, article.published, article.publisher, article.url) == (
        "blinken", "Blinken in Beijing", "2023-06-18", "CNN", "https://edition.cnn.com/2023/06/18/blinken",
    )


def test_html_without_an_article(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="no article text"):
        list(read_articles(page))


def test_json_lines_one_article_each_and_bad_lines_named(tmp_path):
    lines = [
        {"id": "scmp-1", "text": "“Cold ice,” said Qin Gang.", "title": "Talks", "date": "2023-06-18T10:00:00Z",
         "publisher": "SCMP", "url": "https://scmp.com/1"},
        {"text": "“Warm,” said Shen Dingli.", "source": "CNN", "date": "not a date"},
        {"title": "no text here"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(line) for line in lines) + "\n{oops\n", encoding="utf-8")
    first, second, no_text, not_json = read_articles(feed)
    assert first == ArticleFile("scmp-1", feed, "“Cold ice,” said Qin Gang.", title="Talks",
                                published="2023-06-18", publisher="SCMP", url="https://scmp.com/1")
    assert (second.doc_id, second.publisher, second.published) == ("feed-2", "CNN", None)
    assert isinstance(no_text, UnreadableFile) and "feed.jsonl line 3 has no `text`" in str(no_text)
    assert isinstance(not_json, UnreadableFile) and "line 4 is not JSON" in str(not_json)


def test_txt_named_like_the_corpus_gives_publisher_and_date(tmp_path):
    path = tmp_path / "breitbart_2015-11-11_the-ninth-circle.txt"
    path.write_text("Text.\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.publisher, article.published, article.title) == ("breitbart", "2015-11-11", None)


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-06-18", "2023-06-18"), ("2023-06-18T10:00:00+02:00", "2023-06-18"),
    ("2023-02-30", None), ("June 18, 2023", None), (None, None), (20230618, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_ingest_stores_metadata_from_every_kind(session_factory, tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.ingest.analyse", lambda articles, **_: (Analysis(a, [], []) for a in articles))
    (tmp_path / "blinken.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "x1", "text": "One.", "publisher": "SCMP"}) + "\n" + json.dumps({"text": "Two."}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "cnn_2023-06-18_talks.txt").write_text("Three.\n", encoding="utf-8")
    summary = ingest(session_factory, [tmp_path])
    assert summary.articles == 4 and not summary.failed
    with session_factory() as session:
        stored = {a.doc_id: (a.publisher, a.published) for a in session.scalars(select(Article))}
    assert stored == {
        "blinken": ("CNN", "2023-06-18"), "x1": ("SCMP", None), "feed-2": (None, None),
        "cnn_2023-06-18_talks": ("cnn", "2023-06-18"),
    }
    again = ingest(session_factory, [tmp_path])
    assert again.articles == 0 and again.skipped == 4


def test_reingest_adds_metadata_to_articles_stored_without_it(session_factory, tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.ingest.analyse", lambda articles, **_: (Analysis(a, [], []) for a in articles))
    plain = tmp_path / "plain.txt"
    plain.write_text("Text.\n", encoding="utf-8")
    ingest(session_factory, [plain])
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "plain", "text": "Text.\n", "title": "Talks"}) + "\n", encoding="utf-8")
    assert ingest(session_factory, [feed]).skipped == 1  # the same text: not analysed again...
    with session_factory() as session:
        (article,) = session.scalars(select(Article))
    assert article.title == "Talks"  # ...but its metadata is taken


@pytest.mark.parametrize(("first", "published"), [
    ("November 27, 2024", "2024-11-27"), ("27 November 2024", "2024-11-27"), ("Nov 27, 2024", "2024-11-27"),
    ("America", None), ("November 27, 2024: talks resume", None),
])
def test_txt_whose_first_line_is_a_date(tmp_path, first, published):
    path = tmp_path / "a.txt"
    path.write_text(f"\n{first}\n\nText.\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert article.published == published
