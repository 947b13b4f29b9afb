"""The candidates table's reading of names (quotes.attribute.candidates), on plain strings."""

from __future__ import annotations

from quotes.attribute.candidates import _titled_person


def test_a_name_after_a_title_in_an_organisations_span_is_a_person():
    """`Congress MP Pradeep Dhanuka`, tagged an organisation, is the MP, not a body called so."""
    assert _titled_person("Pradeep Dhanuka", "Congress MP Pradeep Dhanuka")
    assert _titled_person("Dhanuka", "Congress MP Pradeep Dhanuka")


def test_an_organisations_own_words_are_no_title():
    assert not _titled_person("Rifle Association", "National Rifle Association")
    assert not _titled_person("Affairs", "Ministry of Foreign Affairs")
    assert not _titled_person("Post", "Washington Post")
