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


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int) -> Iterator[Doc]:
    """`nlp.pipe` over the texts in batches, in order; a long text alone, a piece at a time, given back as one Doc.

    spaCy holds a whole batch's arrays at once, so the pieces of a long text
    are never batched together.
    """
    batch: list[str] = []
    for text in texts:
        if len(text) <= LONGEST_PIECE:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from nlp.pipe(batch, batch_size=batch_size)
                batch = []
            continue
        yield from nlp.pipe(batch, batch_size=batch_size)
        batch = []
        yield Doc.from_docs([nlp(part) for part in pieces(text)], ensure_whitespace=False)
    yield from nlp.pipe(batch, batch_size=batch_size)
