"""Reading drafts: text, Markdown, HTML and Word, one paragraph a line."""

from __future__ import annotations

import docx
import pytest

from quotes.draft import UnreadableDraft, UnsupportedDraft, read_draft

QUOTE = "“We are ready,” Qin Gang said."


def test_text(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(f"Title\n\n{QUOTE}\n", encoding="utf-8")
    assert read_draft(path) == f"Title\n\n{QUOTE}\n"


def test_markdown_loses_emphasis_headings_and_links_but_not_brackets(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(
        "# Talks\n\n**Qin Gang** said “we are *ready* to [restart] talks” in [Vienna](https://x.test).\n"
        "snake_case_name stays\n",
        encoding="utf-8",
    )
    assert read_draft(path) == "Talks\n\nQin Gang said “we are ready to [restart] talks” in Vienna.\nsnake_case_name stays\n"


def test_html_main_text_a_paragraph_per_block(tmp_path):
    path = tmp_path / "d.html"
    path.write_text(
        "<html><head><title>T</title><style>p{}</style></head><body><nav>Menu</nav>"
        "<main><h1>Talks</h1><p>“We are\n   <em>ready</em>,” Qin Gang said.</p><p>Next<br>line</p></main>"
        "<footer>©</footer></body></html>",
        encoding="utf-8",
    )
    assert read_draft(path) == "Talks\n\n“We are ready,” Qin Gang said.\n\nNext\n\nline"


def test_docx_paragraphs(tmp_path):
    path = tmp_path / "d.docx"
    document = docx.Document()
    document.add_paragraph("Talks")
    document.add_paragraph(QUOTE)
    document.save(str(path))
    assert read_draft(path) == f"Talks\n\n{QUOTE}"


def test_unsupported_missing_and_unreadable(tmp_path):
    with pytest.raises(UnsupportedDraft, match="drafts are .txt"):
        read_draft(tmp_path / "d.pdf")
    with pytest.raises(FileNotFoundError, match="no such draft"):
        read_draft(tmp_path / "missing.md")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x80")
    with pytest.raises(UnreadableDraft, match="not UTF-8"):
        read_draft(tmp_path / "bad.txt")
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    with pytest.raises(UnreadableDraft, match="not a readable .docx"):
        read_draft(tmp_path / "bad.docx")
