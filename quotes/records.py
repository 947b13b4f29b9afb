"""The records that flow through the pipeline: text -> Quote -> Attribution.

Kept in one small module so that every stage (detect, attribute, store, query)
imports the same shapes and nothing else from its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    """One quotation segment: `source[start:end] == text`, marks excluded.

    A quotation that runs over several paragraphs gives one Quote per paragraph,
    all with the same `group`.
    """

    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (line) the segment is in, from 0
    group: int  # quotations split over paragraphs share a group number
    nested: bool = False  # inside another quotation


@dataclass(frozen=True)
class Attribution:
    """A quote with the person the article says spoke it.

    `speaker` is the canonical name within the article (`Derek Chollet` for
    `Chollet`), or None for an unnamed source or no source at all; `mention` keeps
    the words the article used (`a senior State Department official`, `he`).
    """

    quote: Quote
    speaker: str | None
    mention: str | None = None  # the source phrase as written
    cue: str | None = None  # the speech verb or phrase (`said`, `according to`)
    kind: str = "none"  # named | pronoun | description | continuation | nominal | none
    role: str | None = None  # what the article calls the speaker (`State Department counsellor`)
    speaker_type: str | None = None  # person | org (None when there is no speaker)
    confidence: float | None = None  # calibrated probability that `speaker` is right (None: not scored)
