"""Attribution: who said each quote (placeholder until the resolver lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from quotes.records import Attribution, Quote


def attribute(doc: Doc, quotes: list[Quote]) -> list[Attribution]:
    """One Attribution per quote, in the same order."""
    return [Attribution(quote=q, speaker=None) for q in quotes]
