"""One way to compare what a user types with what an article prints.

Users type `Sorensen`, `O'Neill` and `we're`; articles print `Sørensen`,
`O’Neill` and `we’re`. Every lookup (names, quotation text, drafts) folds both
sides with `fold` so that case, accents and the glyph chosen for an apostrophe
or a quotation mark never decide whether something is found.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = "'’‘`´ʼʻ′‛"
QUOTATION_MARKS = '"“”„‟«»‹›〝〞＂'
# letters that carry no combining mark to strip under NFKD
_LETTERS = str.maketrans({"ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th"})
_GLYPHS = str.maketrans({**{c: "'" for c in APOSTROPHES}, **{c: '"' for c in QUOTATION_MARKS}})


def fold(text: str) -> str:
    """`Sørensen` -> `sorensen`, `O’Neill` -> `o'neill`, `“Cold”` -> `"cold"`."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_GLYPHS).casefold()


# What may end a typed query without being part of the words looked for.
_TRAILING = ".,;:!?"


def query_text(text: str) -> str:
    """What a user typed, as who-said, search and check look it up: folded, spaces collapsed,
    without quotation marks around it or punctuation ending it.

    `“Cold ice.”` -> `cold ice`, `"cold ice".` -> `cold ice`, `We’re` -> `we're`. A single
    quotation mark is dropped only as a pair (`'cold ice'`), so `'90s` and `goin'` keep theirs.
    """
    folded = " ".join(fold(text).split())
    while True:
        before = folded
        folded = folded.rstrip(_TRAILING + " ")
        if len(folded) >= 2 and folded[0] == folded[-1] == "'":
            folded = folded[1:-1]
        folded = folded.strip('" ')
        if folded == before:
            return folded
