"""spaCy's tokenizer with a bound on its work per character.

spaCy splits each stretch of text between white space by peeling prefixes and
suffixes off it one at a time. Each suffix is looked for with a regular
expression searched from the stretch's start, and each peel copies the rest,
so a long stretch of punctuation (200,000 `"` in a row) takes time that grows
with the square of its length: minutes for one file. Two bounds keep it linear:

- a stretch longer than LONGEST_STRETCH characters is cut into pieces of that
  length, each tokenized on its own (no word of prose is that long; a URL of
  that size is split in two tokens, which attribution never reads);
- the suffix is looked for in the last SUFFIX_WINDOW characters only. Every
  English suffix pattern but one is a few characters long; the one that is not
  (`\\.\\.+`, a run of dots) is found where its run starts, so the tokens are
  the same as spaCy's own (tests/test_tokens.py compares them).

The Doc's text is the input text, character for character.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

LONGEST_STRETCH = 1000
SUFFIX_WINDOW = 8
STRETCH_RE = re.compile(r"\S{%d,}" % (LONGEST_STRETCH + 1))


def windowed_suffix(search: Callable[..., re.Match | None]) -> Callable[[str], re.Match | None]:
    """`search` (a compiled suffix pattern's .search) over the end of the string only.

    A match starting right at the window's edge may have begun before it:
    only a run of dots can (the one unbounded suffix), so the search is made
    again from where the run starts.
    """

    def suffix_search(string: str) -> re.Match | None:
        edge = len(string) - SUFFIX_WINDOW
        if edge <= 0:
            return search(string)
        found = search(string, edge)  # look-behinds still see the characters before `edge`
        if found is None or found.start() > edge:
            return found
        return search(string, len(string.rstrip(".")) if string[edge] == "." else 0)

    return suffix_search


class BoundedTokenizer:
    """The pipeline's tokenizer, given overlong stretches of text in pieces."""

    def __init__(self, tokenizer) -> None:
        tokenizer.suffix_search = windowed_suffix(tokenizer.suffix_search)
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if not STRETCH_RE.search(text):
            return self.tokenizer(text)
        docs, done = [], 0
        for stretch in STRETCH_RE.finditer(text):
            if stretch.start() > done:
                docs.append(self.tokenizer(text[done : stretch.start()]))
            for cut in range(stretch.start(), stretch.end(), LONGEST_STRETCH):
                docs.append(self.tokenizer(text[cut : min(cut + LONGEST_STRETCH, stretch.end())]))
            done = stretch.end()
        if done < len(text):
            docs.append(self.tokenizer(text[done:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str):  # vocab, pipe, rules ...: as the wrapped tokenizer
        return getattr(self.tokenizer, name)


def bound_tokenizer(nlp: Language) -> None:
    """Give `nlp` the bounded tokenizer (once)."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
