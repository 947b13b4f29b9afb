"""The speaker's name as the article writes it, when the resolver's form is not one the article has.

News writes a name whole at its first mention and short after it; the
resolver sometimes keeps a form the article never writes, or a piece of one:

1. a name it put in title case (`Un`) that the article writes only in
   capitals (`UN: PEACEKEEPERS ...`): the article's capitals (an acronym);
2. a one-word name every one of whose mentions outside quotations is part of
   one longer name (`Sophie` of `Sophie in 't Veld`, `Bridge` of `Glienicke
   Bridge`): the longer name, which the name checks then judge;
3. a surname after a given name and a nickname in quotation marks (`John
   “Tig” Tiegen`): the given name and surname (`John Tiegen`), a person;
4. a word run after someone's surname in a phrase (`Cruz Control, plus
   Fox-style ...`: written once, its last word the article writes in lower
   case and never as a name, its first word elsewhere as a surname after a
   given name, `Ted Cruz`): a pun, not a name.

Plain text, no model; `quotes.speaker_evidence.checked` asks it for every
named speaker. Each function answers None when the article says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quotes.cues import is_said_form
from quotes.names import is_first_name
from quotes.name_checks import DESCRIPTIONS
from quotes.words import NAME_PARTICLES, RESOLVER_TITLES, ROLE_WORDS

MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())

# Words that begin a sentence or clause, never a name (`As Vulture put it`, `When Cruz spoke`).
SMALL_WORDS = frozenset("""
the a an and or but nor as if when while after before since because though although so yet then now here
there this that these those what who whom how why where on in at by for from with to of about into over
under via per like unlike than once even also only just still both either neither each every all some
""".split())
Finder = Callable[[str], list[int]]  # where a phrase stands as whole words in the article
Test = Callable[[int], bool]  # something about the character offset

_NICKNAME = "[“\"‘'][A-Z][\\w.-]*[”\"’']"  # `“Tig”`, `"Magic"`


def in_capitals(name: str, text: str, find: Finder) -> str | None:
    """`Un` -> `UN` when the article never writes `Un` but writes `UN` (a label, an acronym)."""
    if name.isupper() or find(name) or not find(name.upper()):
        return None
    return name.upper()


def the_longer_name(name: str, text: str, find: Finder, quoted: Test, positional: Test) -> str | None:
    """What a one-word name is, outside quotations, when the article never writes it alone:
    the one longer name it is always part of (`Sophie in 't Veld`), or "" when it is always
    run after other capitalised words no name begins with (`at Glienicke Bridge`): a piece
    of a longer name. None when the article writes it alone (`Sen. Cruz`, `When Cruz`: a
    title or a word capitalised by where it stands is no part of a name) or in two longer
    names. Headlines, where any word is capitalised, say nothing."""
    if " " in name or not name[:1].isupper():
        return None
    longer, inside = set(), False
    for i in find(name):
        if quoted(i) or _title_case(text, i):
            continue
        start, end = _given_names_before(text, i), _right_edge(text, i + len(name))
        before = re.search(r"([A-ZÀ-Þ][\w’'.-]*) $", text[max(0, start - 40) : start])
        if before and _in_name(before.group(1)) and not positional(start - len(before.group(0))):
            inside = True  # `Glienicke Bridge`: what the name began with is not ours to say
        elif start == i and end == i + len(name):
            return None  # the word alone: a name as it is
        else:
            longer.add(text[start:end])
    if inside:
        return "" if not longer else None
    return longer.pop() if len(longer) == 1 else None


def _in_name(word: str) -> bool:
    """Could this capitalised word before a name be the start of it? Not a title, a describing
    word, a people's name (`Venezuelan`, `Dutch`, `Israeli`), a small word (`As Vulture put it`),
    a label in capitals (`ROLL TIDE Alabama beat ...`), a possessive or an abbreviation."""
    key = word.lower()
    return not _not_in_name(key) and not (word.isupper() and len(word) > 1) \
        and not key.endswith(("’s", "'s", ".", "an", "ese", "ish", "ch", "i"))


def _not_in_name(key: str) -> bool:
    return key in RESOLVER_TITLES or key in ROLE_WORDS or key in DESCRIPTIONS or key in SMALL_WORDS


def _given_names_before(text: str, i: int) -> int:
    """Where the given names and initials right before `i` begin (`Tim Kaine`, `C. Boyden Gray`)."""
    while True:
        before = re.search(r"([A-Z][a-z]+|[A-Z]\.) $", text[max(0, i - 30) : i])
        if before is None or not (is_first_name(before.group(1)) or before.group(1).endswith(".")) \
                or _not_in_name(before.group(1).lower().rstrip(".")):
            return i  # `Judge Berman`: `Judge` is a given name too
        i -= len(before.group(0))


# Particles that join the words of one name after a given name (`Sophie in 't Veld`, `Ludwig van Beethoven`);
# `in`, `e`, `y` alone join anything (`Bridge in Berlin`).
_PARTICLES = "|".join(map(re.escape, sorted((NAME_PARTICLES - {"in", "e", "y", "do", "st"}) | {"in 't", "in ’t"},
                                            key=len, reverse=True)))
_NOT_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) | MONTH_NAMES


def _right_edge(text: str, end: int) -> int:
    """Where the capitalised words (not days or months) and name particles after `end` end."""
    while True:
        m = re.match(rf" ((?:(?:{_PARTICLES}) )*)([A-ZÀ-Þ][\w’'-]*\w)", text[end : end + 40])
        if m is None or m.group(2).lower() in _NOT_NAMES or m.group(2).endswith(("’s", "'s")):
            return end
        end += len(m.group(0))


def _title_case(text: str, i: int) -> bool:
    """Is the line around `i` a headline: most of its longer words capitalised?"""
    start, stop = text.rfind("\n", 0, i) + 1, text.find("\n", i)
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text[start : stop if stop >= 0 else len(text)]) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def without_nickname(name: str, text: str) -> str | None:
    """`Tiegen` -> `John Tiegen` when the article writes `John “Tig” Tiegen` (one such given name)."""
    if " " in name:
        return None
    given = {m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+) {_NICKNAME} {re.escape(name)}\b", text)
             if is_first_name(m.group(1))}
    return f"{given.pop()} {name}" if len(given) == 1 else None


def is_pun(name: str, text: str, find: Finder) -> bool:
    """`Cruz Control`: two words written once, with no speech verb beside them; the second the
    article writes in lower case and never alone as a name, the first elsewhere after a given
    name (`Ted Cruz`): someone's surname run into a phrase."""
    words = name.split()
    if len(words) != 2 or not all(w.isalpha() for w in words):
        return False
    first, last = words
    places = find(name)
    if len(places) != 1 or _near_speech(text, places[0], name) or not find(last.lower()):
        return False
    if [i for i in find(last) if i != places[0] + len(first) + 1]:
        return False  # `Control` on its own: a surname
    return any(_given_before(text, i) for i in find(first) if i != places[0])  # `Ted Cruz`: Cruz is a surname here


def _given_before(text: str, i: int) -> bool:
    before = re.search(r"\b([A-Z][a-z]+) $", text[max(0, i - 20) : i])
    return before is not None and is_first_name(before.group(1))


def _near_speech(text: str, i: int, name: str) -> bool:
    """A speech verb among the two words before or after the name (`said Bill Gates`, `Gates told`)."""
    before = text[max(0, i - 30) : i].split()[-2:]
    after = text[i + len(name) : i + len(name) + 30].split()[:2]
    return any(is_said_form(w.strip(".,;:!?”\"'’").lower()) for w in before + after)
