"""Quote detection: text in, quotation segments (marks excluded) out. No model."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.detect import detect, find_quotes

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "seeds" / "gold.jsonl"


def spans(text: str) -> list[str]:
    """The quoted words detect() finds, in order, checked against the offsets."""
    quotes = detect(text)
    for q in quotes:
        assert text[q.start : q.end] == q.text
    return [q.text for q in quotes]


# ------------------------------------------------------------ marks


def test_straight_double_quotes():
    assert spans('Chollet said "a good thing" happened.') == ["a good thing"]


def test_curly_double_quotes():
    assert spans("Chollet said “a good thing” happened.") == ["a good thing"]


def test_doubled_single_quotes():
    assert spans("Chollet said ''a good thing'' happened.") == ["a good thing"]


def test_latex_style_quotes():
    assert spans("Chollet said ``a good thing'' happened.") == ["a good thing"]


def test_curly_single_quotes_as_quotation_marks():
    text = "Blinken hoping to visit China ‘in the near future’, close adviser says"
    assert spans(text) == ["in the near future"]


def test_straight_single_quotes_as_quotation_marks():
    assert spans("He called it 'straight single' today.") == ["straight single"]


def test_single_quoted_quote_with_apostrophe_inside():
    assert spans("'I don't know,' he said.") == ["I don't know,"]


@pytest.mark.parametrize(
    "text",
    [
        "I don't think so.",
        "China’s top diplomat Wang Yi met Sullivan.",
        "Contacts between the countries’ leaders are frozen.",
        "It sounded like the '90s.",
        "They played rock 'n' roll all night.",
        "It's 'em ’til the 'hood.",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert spans(text) == []


def test_apostrophes_inside_a_quote_do_not_end_it():
    text = "She said “we’re ready” and “the ’90s are over”."
    assert spans(text) == ["we’re ready", "the ’90s are over"]


def test_misdirected_glyphs_still_pair():
    assert spans("”Hello,” she said.") == ["Hello,"]
    assert spans("“Hello,“ she said.") == ["Hello,"]


def test_german_quotes():
    assert spans("Er sagte: „Guten Tag“ und ging.") == ["Guten Tag"]


def test_french_guillemets_with_spaces_inside():
    assert spans("Il a dit « bonjour » et il est parti.") == ["bonjour"]


# ------------------------------------------------------------ structure


def test_quotation_over_several_paragraphs_shares_a_group():
    text = (
        "“We would very much like to get back to where we were.\n\n"
        "“They talked about what we’re hoping to get out of such a visit.\n\n"
        "“It is a good thing.”\n\n"
        "Chollet pointed to “mutual vulnerabilities” around supply chains."
    )
    quotes = detect(text)
    assert [q.text for q in quotes] == [
        "We would very much like to get back to where we were.",
        "They talked about what we’re hoping to get out of such a visit.",
        "It is a good thing.",
        "mutual vulnerabilities",
    ]
    assert [q.paragraph for q in quotes] == [0, 1, 2, 3]
    assert quotes[0].group == quotes[1].group == quotes[2].group
    assert quotes[3].group != quotes[0].group


def test_closed_quote_then_new_paragraph_is_a_new_group():
    text = "“We would like to get back,” Chollet said.\n\n“They talked about a visit.”"
    first, second = detect(text)
    assert first.group != second.group


def test_nested_single_inside_double():
    text = "He said “she told me ‘no way’ yesterday” and left."
    outer, inner = detect(text)
    assert (outer.text, outer.nested) == ("she told me ‘no way’ yesterday", False)
    assert (inner.text, inner.nested) == ("no way", True)
    assert outer.start < inner.start < inner.end < outer.end


def test_partial_quotes_inside_a_sentence():
    text = (
        "Fifteen months into the Russian invasion, Chollet said it is “a good thing” China is "
        "“involved in the sense of talking to the Ukrainians”."
    )
    assert spans(text) == ["a good thing", "involved in the sense of talking to the Ukrainians"]


def test_quote_in_a_headline_without_full_stop():
    text = "Blinken visits China, promises to raise “real concerns”\n\nBlinken is in Beijing."
    assert spans(text) == ["real concerns"]


# ------------------------------------------------------------ odd input


@pytest.mark.parametrize("text", ['He said "hello.', "“A” “B", '"', "", "\n\n", "x ” y “ z"])
def test_unpaired_marks_do_not_crash(text):
    for q in detect(text):
        assert 0 <= q.start < q.end <= len(text)


def test_unpaired_marks_keep_the_paired_quote():
    assert spans("He said \"hello.") == []
    assert spans("“A” “B") == ["A"]


def test_nested_quote_only_inside_a_closed_outer_quote():
    # “A is never closed, so “B” is an ordinary quote, not nested in anything
    (quote,) = detect("“A “B” C")
    assert (quote.text, quote.nested) == ("B", False)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("ab .,\n’'\"“”‘„«»`"), max_size=30))
def test_any_text_gives_sorted_in_range_non_overlapping_quotes(text):
    quotes = detect(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    outer = [q for q in quotes if not q.nested]
    for a, b in zip(outer, outer[1:]):
        assert a.end <= b.start


# ------------------------------------------------------------ the seed articles

QUOTE_CHARS = set("\"“”„‟«»'‘’‚‛`´")
TRAIL_PUNCT = set(".,;:!?…-–—")


def core(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding white space, marks and trailing punctuation (as the scorer)."""
    while start < end and (text[start].isspace() or text[start] in QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_CHARS | TRAIL_PUNCT):
        end -= 1
    return start, end


def gold_records(doc_id: str) -> list[dict]:
    if not GOLD.exists():
        pytest.skip(f"no gold file at {GOLD}")
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r["doc_id"] == doc_id]


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in (ROOT / "seeds").glob("*.txt")))
def test_seed_article_quotes_match_gold_spans(doc_id):
    text = (ROOT / "seeds" / f"{doc_id}.txt").read_text(encoding="utf-8")
    gold = {core(text, r["start"], r["end"]) for r in gold_records(doc_id)}
    found = {core(text, q.start, q.end) for q in detect(text)}
    assert found == gold


def test_attribute_values_of_markup_left_in_the_text_are_not_quotes():
    text = '<tweet tweet-id="669350861383049216" tweet-date="2016-07-23"><tweet/>. He said "yes."'
    assert [q.text for q in detect(text)] == ["yes."]


# ------------------------------------------------------------ bounded work (issue 15)


def test_quotations_nested_past_three_deep_are_left_out_with_a_warning():
    text = "He said “one ‘two “three ‘four’ three” two’ one” today."
    found = find_quotes(text)
    assert [q.text for q in found.quotes] == ["one ‘two “three ‘four’ three” two’ one", "two “three ‘four’ three” two", "three ‘four’ three"]
    assert found.warnings == ["quotations nested more than 3 deep at offset 26; the innermost were left out"]


def test_deep_nesting_keeps_the_quoted_text_within_a_few_times_the_article():
    depth = 2000
    text = "“‘" * depth + "x" + "’”" * depth
    quotes = detect(text)
    assert len(quotes) == 3
    assert sum(len(q.text) for q in quotes) <= 3 * len(text)


@pytest.mark.parametrize(
    "text",
    [
        '"' * 50_000,  # the review's file (200,000 marks): every mark pairs with the next
        "‘x " * 25_000 + "x” " * 25_000,  # closing marks with no opener of their kind above many openers
        "“ ‘a " * 12_500 + "” ’" * 12_500,
    ],
    ids=["straight-marks", "lone-closers", "deep"],
)
def test_pairing_is_linear_in_the_marks(text):
    started = time.perf_counter()
    detect(text)
    assert time.perf_counter() - started < 10  # ~0.3 s; quadratic pairing took many minutes
