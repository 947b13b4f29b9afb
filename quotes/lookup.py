"""The one key every name lookup compares: `said-by`, `people merge`, ingest's
lookup aliases and the Datasette query all fold a name with `name_lookup_key`.

Users type `sorensen`, `Mayor Ruiz` and `O'Neill`; articles print `Sørensen`,
`Elena Ruiz` and `O’Neill`. The key folds case, accents and apostrophe glyphs
(`quotes.folding.fold`), full stops (`Donald J. Trump`), and the titles in
front of a name, so each of those finds the person. The key is stored
(`people.key`, `person_aliases.key`) and indexed, so lookups stay an index read.
"""

from __future__ import annotations

from quotes.folding import fold
from quotes.words import TITLES  # dropped from a name's front: never its first word (`State`, `House` are kept)


def name_lookup_key(name: str) -> str:
    """`Mayor Elena Ruiz` -> `elena ruiz`, `Sørensen` -> `sorensen`, `O’Neill` -> `o'neill`,
    `Donald J. Trump` -> `donald j trump`. A title alone stays (`President` -> `president`)."""
    words = fold(name).replace(".", " ").split()
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    return " ".join(words)
