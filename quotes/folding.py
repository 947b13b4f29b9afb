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
