"""Wording comparison: folding, gaps and wildcards, closeness, word diffs."""

from __future__ import annotations

import pytest

from quotes.wording import (
    Gap,
    Wildcard,
    changed_words,
    closeness,
    parse,
    render_diff,
    same_words,
    search_terms,
    tokens,
    word_diff,
)

ORIGINAL = (
    "We would very much like to get back to where we were in the planning in February, "
    "prior to the surveillance balloon flying over the United States, where Secretary Blinken "
    "would go to Beijing on behalf of the president,"
)


def test_tokens_fold_glyphs_and_drop_quote_marks():
    assert tokens("“We’re ‘de-risking’ — now…”") == ["We're", "de-risking", "-", "now", "..."]


def test_parse_keeps_gaps_and_wildcards_and_drops_edge_punctuation():
    assert parse("“… where [he] would go, … to Beijing.”") == [
        "where", Wildcard("[he]"), "would", "go", Gap(), "to", "Beijing",
    ]
    assert parse("held [...] talks") == ["held", Gap(), "talks"]


@pytest.mark.parametrize(
    "draft",
    [
        ORIGINAL,
        "we would very much like to get back to where we were.",
        "Where Secretary Blinken would go to Beijing",
        "We would very much like … where Secretary Blinken would go...",
        "where [Antony] Blinken would go to Beijing",
        "where [he] would go to Beijing",
        "we were in the planning in February...",
    ],
)
def test_same_words(draft):
    assert same_words(parse(draft), ORIGINAL)


@pytest.mark.parametrize(
    "draft",
    [
        "where Secretary Blinken would fly to Beijing",  # a word changed
        "where secretary Blinken would go",  # case inside the quote
        "where Secretary Blinken would go … We would very much like",  # pieces out of order
        "where Secretary Blinken would go to Beijing at once",  # words added
    ],
)
def test_not_the_same_words(draft):
    assert not same_words(parse(draft), ORIGINAL)


def test_closeness_is_high_for_a_changed_word_and_low_for_other_words():
    assert closeness(parse("where Secretary Blinken would fly to Beijing"), ORIGINAL) > 90
    assert closeness(parse("we will open a new chapter of trust next spring"), ORIGINAL) < 60


def test_a_long_draft_is_not_close_to_a_short_original_it_contains():
    assert closeness(parse("It is a good thing that the talks resumed in Vienna this week"), "a good thing") < 50


def test_word_diff_covers_only_the_quoted_stretch():
    diff = word_diff(parse("where Secretary Blinken would fly to Beijing"), ORIGINAL)
    assert render_diff(diff) == "where Secretary Blinken would [-go-] {+fly+} to Beijing"
    assert [(d.op, d.original, d.draft) for d in diff if d.op != "equal"] == [("replace", "go", "fly")]


def test_word_diff_shows_a_gap_and_a_first_letter_in_either_case():
    diff = word_diff(parse("The planning in February … where Secretary Blinken would come"), ORIGINAL)
    assert render_diff(diff) == (
        "the planning in February [-, prior to the surveillance balloon flying over the United States,-] "
        "{+…+} where Secretary Blinken would [-go-] {+come+}"
    )


def test_changed_words_leave_out_what_an_ellipsis_stands_for():
    one = word_diff(parse("The planning in February … where Secretary Blinken would come"), ORIGINAL)
    assert changed_words(one) == 1
    assert changed_words(word_diff(parse("hit the warm ice"), "relations have hit the cold ice")) == 1
    assert changed_words(word_diff(parse("hit the warm water"), "relations have hit the cold ice")) == 2


def test_search_terms_are_the_index_tokens():
    assert search_terms("Résumé: we’re de-risking, we're") == ["resume", "we", "re", "de", "risking"]
