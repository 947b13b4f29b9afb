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
from quotes.names import first_name_gender, is_first_name
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


_MIDDLE = re.compile(r"[A-Z]\.|[A-Z][a-z]+|[“\"][A-Z][a-z]+[”\"]")  # `R.`, `Rodham`, `“Tig”`
_SUFFIXES = frozenset({"Jr", "Sr", "III", "IV", "II"})
_APPOSITION = re.compile(r"[A-Za-z’'-]+, (?:a|an|the|who)\b")  # `Jahangir, a Sanders supporter`
# A title and its abbreviation are one (`Adm. Harry B. Harris Jr.`, `Admiral Harris`).
_SPELT_OUT = {"adm": "admiral", "sen": "senator", "gov": "governor", "rep": "representative", "gen": "general",
              "pres": "president", "sec": "secretary", "prof": "professor", "lt": "lieutenant", "col": "colonel",
              "capt": "captain", "sgt": "sergeant", "maj": "major", "cmdr": "commander", "rev": "reverend"}
_HONOURS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def the_full_name(name: str, text: str, find: Finder) -> str | None:
    """The full name a surname alone stands for: the one given name the article writes before
    it, with the middle names, suffix or second surname it writes there (`Biden` -> `Joseph R.
    Biden Jr.`, `Acosta` -> `Melba Acosta Febo`, `Emanuel` -> `Rahm Emanuel`), the first such
    form when there are several. None when two given names come before it (`Hillary` and `Bill
    Clinton`), or the surname alone takes a title the full name never does (`President Obama`
    beside `Michelle Obama`; `Mr. Obama` beside her: an honorific of the other sex)."""
    if " " in name or not name[:1].isupper():
        return None
    if is_first_name(name) and any(_given_start(text, m.start()) is None and not _title_case(text, m.start())
                                   and m.group(1) not in _SUFFIXES
                                   for m in re.finditer(rf"\b{re.escape(name)} ([A-Z][a-z]+)", text)):
        return None  # `Kelly Ayotte` beside `Megyn Kelly`: a given name here too (not `Brooks Jr.`, `Sada Solana`)
    found = []
    for i in find(name):
        start = _given_start(text, i)
        if start is not None:
            end = _right_edge_or_suffix(text, i + len(name), find)
            given = text[start:i].split()[0]
            found.append((given, start, re.sub(r" [“\"][A-Z][a-z]+[”\"]", "", text[start:end])))
    if not found or len({given for given, _, _ in found}) > 1 or len({_suffix(full) for _, _, full in found}) > 1:
        return None  # two given names, or a father and son (`Charles Elliott III`, `the Rev. Charles Elliott Jr.`)
    given = found[0][0]
    full_titles = {_title_before(text, i) for _, i, _ in found}
    for i in find(name):
        title = _title_before(text, i)
        if title in _HONOURS and _HONOURS[title] != (first_name_gender(given) or _HONOURS[title]):
            return None  # `Mr. Obama` is not Michelle
        if title and title not in _HONOURS and title not in full_titles:
            return None  # `President Obama` is not the Obama the article names in full
    return found[0][2]


def _suffix(full: str) -> str | None:
    last = full.split()[-1].rstrip(".")
    return last if last in _SUFFIXES else None


def _given_start(text: str, i: int) -> int | None:
    """Where the given name of the name ending at `i` begins: the first given name (not a title)
    among the two words before it and the middle names between (`Vice President Joseph R.`)."""
    words = list(re.finditer(r"\S+", text[max(0, i - 60) : i]))[-3:]
    if not words or not text[:i].endswith(" "):
        return None
    offset = max(0, i - 60)
    run = []
    for w in reversed(words):
        if not _MIDDLE.fullmatch(w.group(0)) or text[offset + w.end() : offset + w.end() + 1] != " ":
            break
        run.insert(0, w)
        if len(run) == 3:
            break
    titles = [k for k, w in enumerate(run) if _not_in_name(w.group(0).lower().rstrip("."))]
    run = run[titles[-1] + 1 :] if titles else run  # `Vice President`, `New York Congressman`
    if not run:
        return None
    known = [k for k, w in enumerate(run) if is_first_name(w.group(0))]
    if known:  # from an initial before the given name (`C. Stewart Verdery Jr.`)
        return offset + run[0 if all(w.group(0).endswith(".") for w in run[: known[0]]) else known[0]].start()
    first = run[0]  # `Mayor Rahm Emanuel`, `Naureen Jahangir, a supporter`: a given name no list has
    before = text[max(0, offset + first.start() - 20) : offset + first.start()].split()[-1:]
    if (before and before[0].lower().rstrip(".") in RESOLVER_TITLES or _APPOSITION.match(text, i)) \
            and first.group(0)[:1].isupper() and first.group(0)[1:].islower() and len(first.group(0)) > 2:
        return offset + first.start()
    return None


def _title_before(text: str, i: int) -> str | None:
    before = re.search(r"([A-Za-z]+)\.? $", text[max(0, i - 20) : i])
    key = before.group(1).lower() if before else None
    return _SPELT_OUT.get(key, key) if key in RESOLVER_TITLES else None


def _right_edge_or_suffix(text: str, end: int, find: Finder) -> int:
    """Past a suffix (`Jr.`, `III`) or a second surname (`Acosta Febo`: a word the article writes
    nowhere else) after the name."""
    m = re.match(r" (?:Jr\.|Sr\.|III|IV|II)(?!\w)", text[end : end + 8])
    if m:
        return end + len(m.group(0))
    second = re.match(r" ([A-Z][a-zà-ÿ]+)(?=[,.;:)]|\s+[a-z(]|$)", text[end : end + 30])
    if second and not _not_in_name(second.group(1).lower()) and not is_first_name(second.group(1)) \
            and second.group(1).lower() not in _NOT_NAMES and find(second.group(1)) == [end + 1]:
        return end + len(second.group(0))
    return end
