"""Long texts parsed in pieces, so the memory of a parse has a bound.

spaCy's tok2vec and parser hold arrays for every token of the text they are
given: one article of 200,000 tokens (1 MB of prose, or 200,000 `"`) took
3.2 GB. A text over LONGEST_PIECE characters is cut at line breaks (each
paragraph is its own sentence anyway: `paragraph_breaks`), the pieces are
parsed as texts of their own and joined back into one Doc, the text character
for character the same. The recognizer and the tagger see a few tokens across
a cut less; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from quotes.pipeline import QUOTE_SPANS

LONGEST_PIECE = 20_000  # characters: ~4,000 tokens of prose (~60 MB while parsed), at most 20,000. An article is ~5,000


def pieces(text: str, longest: int | None = None) -> list[str]:
    """`text` cut after line breaks into pieces of at most `longest` (LONGEST_PIECE)
    characters (a longer line after its last white space, or anywhere if it has none)."""
    longest = longest or LONGEST_PIECE
    parts, start = [], 0
    while len(text) - start > longest:
        end = start + longest
        cut = text.rfind("\n", start, end) + 1 or _last_space(text, start, end) or end
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def _last_space(text: str, start: int, end: int) -> int:
    for i in range(end - 1, start, -1):
        if text[i].isspace():
            return i + 1
    return 0


def parse(nlp: Language, texts: Iterable[str | tuple[str, dict]], *, batch_size: int) -> Iterator[Doc]:
    """`nlp.pipe` over the texts in batches, in order; a long text alone, a piece at a time, given back as one Doc.

    A text may come with the `user_data` its Doc is to have before the
    pipeline runs (the quotations already found: pipeline.QUOTE_SPANS); each
    piece of a long text gets the spans that fall in it. spaCy holds a whole
    batch's arrays at once, so the pieces of a long text are never batched
    together.
    """
    batch: list[Doc] = []
    for item in texts:
        text, data = (item, {}) if isinstance(item, str) else item
        if len(text) <= LONGEST_PIECE:
            batch.append(_doc(nlp, text, data))
            if len(batch) >= batch_size:
                yield from nlp.pipe(batch, batch_size=batch_size)
                batch = []
            continue
        yield from nlp.pipe(batch, batch_size=batch_size)
        batch = []
        parsed, start = [], 0
        for part in pieces(text):
            parsed.append(nlp(_doc(nlp, part, _within(data, start, start + len(part)))))
            start += len(part)
        joined = Doc.from_docs(parsed, ensure_whitespace=False, exclude=["user_data"])
        joined.user_data.update(data)
        yield joined
    yield from nlp.pipe(batch, batch_size=batch_size)


def _doc(nlp: Language, text: str, data: dict) -> Doc:
    doc = nlp.make_doc(text)
    doc.user_data.update(data)
    return doc


def _within(data: dict, start: int, end: int) -> dict:
    """The quotation spans of `data` that fall in text[start:end], cut to it and counted from `start`."""
    if QUOTE_SPANS not in data:
        return {}
    return {QUOTE_SPANS: [(max(a, start) - start, min(b, end) - start) for a, b in data[QUOTE_SPANS] if a < end and b > start]}
