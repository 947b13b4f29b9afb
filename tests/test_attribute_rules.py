"""Attribution rules found on PolNeAR-train errors, each with a short
passage in and the expected speaker out (real spaCy pipeline)."""

from __future__ import annotations

import pytest

from quotes.pipeline import analyse_text

pytestmark = pytest.mark.model


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(first words of the quote, speaker) for every quote of `text`."""
    return [(" ".join(a.quote.text.split()[:3]), a.speaker) for a in analyse_text(text)]


def test_cue_after_an_exclamation_is_read_from_the_next_sentence():
    text = (
        "Supporters of Bernie Sanders rallied in Oakland on Saturday.\n\n"
        '"All the way!" Dawson shouted, shorthand for taking the pro-Sanders fight all the way to the '
        "Democratic convention in Philadelphia this summer."
    )
    assert speakers(text) == [("All the way!", "Dawson")]


def test_name_before_a_cue_the_parse_did_not_make_its_subject():
    text = (
        "Mike Skelly worked with Matt Braynard at the RNC for years.\n\n"
        "And Skelly called Braynard “a real smart guy. I’d imagine he’s probably a good asset.”"
    )
    assert speakers(text) == [("a real smart", "Mike Skelly")]
