"""Long texts parsed in pieces: the same text back, the same quotes and speakers (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import long_texts
from quotes.long_texts import pieces

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def test_a_short_text_is_one_piece():
    assert pieces("One.\n\nTwo.\n", 100) == ["One.\n\nTwo.\n"]


def test_pieces_end_after_a_line_break_and_join_to_the_text():
    text = "".join(f"Paragraph {i} said “yes”.\n\n" for i in range(200))
    parts = pieces(text, 500)
    assert "".join(parts) == text
    assert all(len(p) <= 500 and p.endswith("\n") for p in parts[:-1])


def test_a_line_longer_than_a_piece_is_cut_at_white_space_or_anywhere():
    assert pieces("aaaa bbbb cccc", 7) == ["aaaa ", "bbbb ", "cccc"]
    assert pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


@pytest.mark.model
def test_articles_parsed_in_pieces_give_the_same_quotes_and_speakers(monkeypatch):
    from quotes.analysis import analyse

    def found():
        return [[(a.quote.start, a.quote.end, a.speaker, a.cue) for a in r.attributions] for r in analyse(SEEDS)]

    whole = found()
    monkeypatch.setattr(long_texts, "LONGEST_PIECE", 1500)  # each seed article in 4 or 5 pieces
    assert len(pieces(SEEDS[0])) > 3
    assert found() == whole


@pytest.mark.model
def test_a_doc_joined_from_pieces_keeps_text_parse_and_entities(monkeypatch):
    from quotes.pipeline import load_nlp

    monkeypatch.setattr(long_texts, "LONGEST_PIECE", 1500)
    doc = next(long_texts.parse(load_nlp(), [SEEDS[0]], batch_size=4))
    assert doc.text == SEEDS[0]
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB") and doc.tensor.shape[0] == len(doc)


@pytest.mark.model
def test_a_doc_joined_from_pieces_keeps_the_text_it_was_given(monkeypatch):
    """Attribution reads the text from user_data (quotes.pipeline.TEXT) instead of joining the tokens again."""
    from quotes.pipeline import TEXT, load_nlp

    monkeypatch.setattr(long_texts, "LONGEST_PIECE", 1500)
    doc = next(long_texts.parse(load_nlp(), [(SEEDS[0], {TEXT: SEEDS[0]})], batch_size=4))
    assert doc.user_data[TEXT] == doc.text == SEEDS[0]
