"""Properties of detection on any Unicode text (hypothesis).

`test_detect.py` already checks offsets and order on a small alphabet of marks;
these add arbitrary Unicode (other scripts, combining marks, line separators,
astral characters), long texts built from news-like pieces, and the full
no-overlap rule: two quotes are apart, or one is nested inside the other.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.detect import detect

MARKS = list("\"'“”‘’„‚«»‹›`") + ["``", "''"]
# Pieces a news text is made of, odd ones included, joined in any order.
PIECES = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from([" ", "\n", "\n\n", "\r\n", "\u2028", "\u00a0", "\t", ", ", ". ", "— ", "("]),
    st.sampled_from(["said", "Chollet", "don't", "China’s", "'90s", "rock ’n’ roll", "it’s", "l’été"]),
    st.text(min_size=1, max_size=8),  # anything at all, any script
)
NEWSY = st.lists(PIECES, max_size=60).map("".join)
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_invariants(text: str) -> None:
    quotes = detect(text)  # 1. never raises
    for q in quotes:
        # 2. offsets inside the text, and they give back the quote
        assert 0 <= q.start < q.end <= len(text), (q, len(text))
        assert text[q.start : q.end] == q.text
    # 3. in order of start, no two the same
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert len({(q.start, q.end) for q in quotes}) == len(quotes)
    # 4. never overlapping: two quotes are apart, or the nested one lies inside the other
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            apart = a.end <= b.start
            inside = b.nested and a.start <= b.start and b.end <= a.end
            assert apart or inside, (a, b)
    # 5. a nested quote always has a quote around it
    for q in quotes:
        if q.nested:
            assert any(o is not q and o.start <= q.start and q.end <= o.end for o in quotes), q


@FAST
@given(st.text())
def test_any_unicode_text(text):
    check_invariants(text)


@FAST
@given(NEWSY)
def test_news_like_text_with_every_kind_of_mark(text):
    check_invariants(text)


@settings(max_examples=50, deadline=None)
@given(st.lists(NEWSY, min_size=20, max_size=40).map("\n".join))
def test_long_texts_of_many_paragraphs(text):
    check_invariants(text)


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40), st.text(max_size=40))
def test_a_quote_in_any_surroundings_is_found_whole(before, after):
    """A plain quotation between spaces is found exactly, whatever text is around it."""
    words = "we are ready"
    text = f"{before}\n“{words},” she said.\n{after}"
    start = len(before) + 2
    found = [(q.start, q.end) for q in detect(text)]
    check_invariants(text)
    assert (start, start + len(words) + 1) in found
