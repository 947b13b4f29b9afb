"""Is one written name a form of another? The rule joins across articles and aliases share.

A person's full names are one person's when the given name, surname and
suffix agree and so do the middle names: `George W. Bush` and `George Walker
Bush` are one, `George H. W. Bush` is his father. A mention is one of a
person's forms when it has a word of their name (`Chollet`, `Mrs. Clinton`,
`State Department counsellor Derek Chollet`) and is not an organisation's
name (`Human Rights Watch`, written beside Meenakshi Ganguly, is hers only as
a role). An organisation's forms are its initials (`IDF`) and names that share
a word of its own (`Washington Post`), not the name cut short at the front
(`Rifle Association`, `Convention`); a word any outlet or body has
(`News`, `Times`, `Post`, `Committee`) makes nobody the same: `Daily News` is
not `Breitbart News`.
"""

from __future__ import annotations

from quotes.lookup import name_lookup_key
from quotes.name_checks import ORG, looks_like_org
from quotes.words import ORG_NAME_WORDS, OUTLET_NAME_WORDS

LINKS = frozenset("of the and for on in at de".split())  # left out of an organisation's initials
# Words that tell one organisation from another by nothing: many bodies have them.
GENERIC_ORG_WORDS = ORG_NAME_WORDS | OUTLET_NAME_WORDS | LINKS | frozenset("a an & new national american united".split())


def initials(name: str) -> str:
    """`Israel Defense Forces` -> `IDF`."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in LINKS and w[0].isalpha()).upper()


def middles_agree(one: list[str], other: list[str]) -> bool:
    """Do two lists of folded middle names fit one person? Word by word, the same word or
    its initial (`w` and `walker`); `h w` and `w` do not (George H. W. and George W. Bush).
    An empty list fits nothing here: whom a name without a middle name joins is the caller's choice."""
    if not one or not other or len(one) != len(other):
        return False
    return all(a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
               for a, b in zip(one, other))


def is_form_of(mention: str, name: str, kind: str) -> bool:
    """Is `mention`, as an article wrote it, a form of the speaker `name` of type `kind`?"""
    said, own = name_lookup_key(mention).split(), name_lookup_key(name).split()
    if not said or said == own:
        return True
    if kind == ORG:
        short = mention.replace(".", "").strip()
        if short.isupper() and " " not in short and short in (initials(name), initials(name.removeprefix("The "))):
            return True  # `IDF`
        if name.replace(".", "").isupper() and initials(mention) == name.replace(".", ""):
            return True  # `Israel Defense Forces` for the speaker `IDF`
        if len(said) < len(own) and own[-len(said):] == said and own[0] != "the":
            return False  # `Rifle Association` of `National Rifle Association`: the name cut short
        return bool((set(said) & set(own)) - GENERIC_ORG_WORDS)
    if _contains(said, own):
        return True  # the whole name, with the role the article gave it (`counsellor Derek Chollet`)
    return bool(set(said) & set(own) - LINKS) and not looks_like_org(mention)


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))
