"""`quotes check` fails closed (issue 15): a draft, or a quotation in it, that could
not be read is exit 2 with one line saying why, fast, whatever the file holds.

The detector runs for real; attribution is left out (no model).
"""

from __future__ import annotations

import os
import time
import zipfile

import docx
import pytest
from typer.testing import CliRunner

from quotes import draft as draft_module
from quotes.analysis import Analysis
from quotes.cli import app
from quotes.detect import find_quotes
from quotes.draft import UnreadableDraft, html_text, read_draft, strip_markdown
from quotes.records import Attribution

runner = CliRunner()
QUOTE = "“Relations have hit the cold ice,” Qin Gang said."


def detector_only(texts):
    for text in texts:
        found = find_quotes(text)
        yield Analysis(text, [Attribution(q, None) for q in found.quotes], found.warnings)


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    monkeypatch.setattr("quotes.check.analyse", detector_only)


def check(path, db):
    return runner.invoke(app, ["check", str(path), "--db", str(db)])


def assert_unchecked(result, words: str) -> None:
    """Exit 2 and one line on stderr naming the trouble, no traceback."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.output


def make_docx(path, *paragraphs: str):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def replace_part(path, name: str, change) -> None:
    """Rewrite one part of a .docx with `change(xml) -> xml`."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[name] = change(parts[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


# --- a quotation it could not read --------------------------------------------


def test_an_unclosed_quotation_is_exit_2_not_no_quotations_found(filled_db, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("Talks.\n\nQin Gang said “relations have hit the cold ice.\n", encoding="utf-8")
    assert_unchecked(
        check(path, filled_db),
        "could not check every quotation: unpaired quotation mark at offset 22 (line 3: '“relations have hit",
    )


def test_a_closing_mark_with_no_opening_one_is_exit_2(filled_db, tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("Qin Gang said relations have hit the cold ice,” and left.\n", encoding="utf-8")
    assert_unchecked(check(path, filled_db), "closing quotation mark with no opening one")


def test_a_docx_cut_at_an_xml_entity_is_exit_2(filled_db, tmp_path):
    path = make_docx(tmp_path / "draft.docx", "Talks", "Qin Gang said “relations have hit the cold ice”.")
    replace_part(
        path,
        "word/document.xml",
        lambda xml: b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY close "\xe2\x80\x9d">]>\n'
        + xml.split(b"?>", 1)[1].replace("ice”".encode(), b"ice&close;"),
    )
    # python-docx would read the run only up to the entity: “relations have hit the cold ice
    assert_unchecked(check(path, filled_db), "holds the XML entity &close;, which Word never writes")


# --- a draft it could not read -------------------------------------------------


def test_malformed_docx_xml_is_one_line(filled_db, tmp_path):
    path = make_docx(tmp_path / "draft.docx", QUOTE)
    replace_part(path, "word/document.xml", lambda xml: xml[: len(xml) // 2])
    assert_unchecked(check(path, filled_db), "is not a readable .docx file")


def test_an_undefined_entity_in_docx_xml_is_one_line(filled_db, tmp_path):
    path = make_docx(tmp_path / "draft.docx", QUOTE)
    replace_part(path, "word/document.xml", lambda xml: xml.replace(b"Qin", b"Qin&nbsp;"))
    assert_unchecked(check(path, filled_db), "is not a readable .docx file")


def test_a_zip_bomb_docx_is_refused_before_it_is_unpacked(filled_db, tmp_path, monkeypatch):
    monkeypatch.setattr(draft_module, "MAX_DOCX_UNPACKED", 5_000_000)  # the real bound is 100 MB
    path = make_docx(tmp_path / "draft.docx", QUOTE)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("word/media/bomb.bin", "w") as part:
        for _ in range(10):
            part.write(bytes(1_000_000))  # 10 MB of zeros, 10 KB packed
    assert path.stat().st_size < 100_000
    assert_unchecked(check(path, filled_db), "unpacks to 11 MB (1 MB of XML), more than a draft")


def test_a_draft_over_a_million_characters_is_one_line(filled_db, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text((QUOTE + "\n") * 25_000, encoding="utf-8")  # 1,250,000 characters: spaCy would raise
    assert_unchecked(check(path, filled_db), "is 1,250,000 characters, over the 1,000,000 one check can read")


def test_a_text_file_over_the_limit_is_read_no_further(tmp_path, monkeypatch):
    monkeypatch.setattr(draft_module, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "draft.html"
    path.write_text("<p>" + "x" * 5000, encoding="utf-8")
    with pytest.raises(UnreadableDraft, match="is over 0.001 MB, more than a draft"):
        read_draft(path)


@pytest.mark.parametrize(
    ("convert", "text"),
    [
        (strip_markdown, "*a " * 40_000),  # the review's 120 KB line: 43 s
        (strip_markdown, "**a " * 30_000),
        (strip_markdown, "[a" * 60_000),
        (strip_markdown, "![x](" * 30_000),
        (html_text, "<p>" * 40_000),  # the review's page: 110 s
        (html_text, "<div>" * 100_000 + "x"),
        (html_text, "<p>x</p>" * 40_000),
    ],
    ids=["emphasis", "strong", "brackets", "links", "paragraphs", "nested", "closed-paragraphs"],
)
def test_pathological_markdown_and_html_are_read_in_linear_time(convert, text):
    started = time.perf_counter()
    convert(text)
    assert time.perf_counter() - started < 10  # under a second each


def test_html_main_text_still_prefers_main_then_article():
    page = "<body><p>Menu</p><article><p>Art</p></article><main><p>One</p><p>Two</p></main><p>Foot</p></body>"
    assert html_text(page) == "One\n\nTwo"
    assert html_text("<body><p>Menu</p><article><p>Art</p></article></body>") == "Art"
    assert html_text("<p>a &amp; b</p><script>x()</script><p>c<br/>d</p>") == "a & b\n\nc\n\nd"


def test_a_draft_that_is_a_named_pipe_or_a_broken_link_is_exit_2(filled_db, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert_unchecked(check(tmp_path / "pipe.txt", filled_db), "is a named pipe (FIFO), not a file")
    (tmp_path / "link.md").symlink_to(tmp_path / "gone.md")
    assert_unchecked(check(tmp_path / "link.md", filled_db), "is a symbolic link to")
