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
from quotes.name_checks import DESCRIPTIONS, looks_like_org
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


def the_longer_name(name: str, text: str, find: Finder, quoted: Test, positional: Test, kind: str | None = None) -> str | None:
    """What a name is, outside quotations, when the article never writes it alone: the one
    longer name it is always part of (`Sophie in 't Veld`, `Enrique Peña` of `Enrique Peña
    Nieto`), or "" when it is always run after other capitalised words no name begins with (`at
    Glienicke Bridge`) or, for a name of two words or more, written as a modifier (`the Sandy
    Hook families`, beside `Sandy Hook Elementary School`): a piece of a longer name. None when
    the article writes it alone (`Sen. Cruz`, `When Cruz`: a title or a word capitalised by
    where it stands is no part of a name) or in two longer names. Headlines, where any word is
    capitalised, say nothing. Names of two words or more only of people (`the New York Daily
    News` has more in front than a person's given names)."""
    if not name[:1].isupper() or " " in name and kind != "person":
        return None
    longer, inside = set(), False
    for i in find(name):
        if quoted(i) or _title_case(text, i):
            continue
        start = i if " " in name else _given_names_before(text, i)  # a whole name's given names are its own
        end = _right_edge(text, i + len(name))
        before = re.search(r"([A-ZÀ-Þ][\w’'.-]*) $", text[max(0, start - 40) : start])
        if " " not in name and before and _in_name(before.group(1)) and not positional(start - len(before.group(0))):
            inside = True  # `Glienicke Bridge`: what the name began with is not ours to say
        elif start == i and end == i + len(name):
            if " " in name and _is_modifier(text, end) and text[max(0, i - 4) : i].lower() == "the ":
                inside = True  # `the Sandy Hook families`: a place or an event named, not a speaker
                continue
            return None  # the word alone: a name as it is
        else:
            longer.add(text[start:end])
    if inside:
        return "" if not longer or " " in name else None
    return longer.pop() if len(longer) == 1 else None


_MODIFIER = re.compile(r" ([a-z]{4,}s)\b")  # a plural noun after a name: `the Sandy Hook families`


def _is_modifier(text: str, end: int) -> bool:
    """Is the name ending at `end` followed by a plural noun (not a verb: `the Obama White House was`)?"""
    m = _MODIFIER.match(text, end)
    return bool(m) and not m.group(1).endswith("ss") and not is_said_form(m.group(1))


def _in_name(word: str) -> bool:
    """Could this capitalised word before a name be the start of it? Not a title, a describing
    word, a people's name (`Venezuelan`, `Dutch`, `Israeli`), a small word (`As Vulture put it`),
    a label in capitals (`ROLL TIDE Alabama beat ...`), a possessive or an abbreviation."""
    key = word.lower()
    return not _not_in_name(key) and not (word.isupper() and len(word) > 1) \
        and not key.endswith(("’s", "'s", "’", "'", ".", "an", "ese", "ish", "ch", "i"))


def _not_in_name(key: str) -> bool:
    return key in RESOLVER_TITLES or key in ROLE_WORDS or key in DESCRIPTIONS or key in SMALL_WORDS


def _given_names_before(text: str, i: int) -> int:
    """Where the given names and initials right before `i` begin (`Tim Kaine`, `C. Boyden Gray`)."""
    while True:
        before = re.search(r"(?<![\w’'-])([A-Z][a-z]+|[A-Z]\.) $", text[max(0, i - 30) : i])  # not `pro-Christie`
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
        if m is None or m.group(2).lower() in _NOT_NAMES or m.group(2).endswith(("’s", "'s")) \
                or _not_in_name(m.group(2).lower()):
            return end  # not `Lt` (`Air Force 1st Lt.`), `Director` (`... National Executive Director Nihad Awad`)
        end += len(m.group(0)) + (m.group(2) in ("Jr", "Sr") and text[end + len(m.group(0)) : end + len(m.group(0)) + 1] == ".")


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
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Titles of one famous holder the article need not name in full (`President Obama`, `Pope Francis`).
_HEADS = frozenset("president pope king queen prince princess emperor".split())


def the_full_name(name: str, text: str, find: Finder, pronouns: frozenset[str] = frozenset()) -> str | None:
    """The full name a surname alone stands for: the one given name the article writes before
    it, with the middle names, suffix or second surname it writes there (`Biden` -> `Joseph R.
    Biden Jr.`, `Acosta` -> `Melba Acosta Febo`, `Emanuel` -> `Rahm Emanuel`, `Wasserman Schultz`
    -> `Debbie Wasserman Schultz`, `De Blasio` -> `Bill de Blasio`; `AG Mukasey` -> `Michael
    Mukasey`: a headline's title dropped), the first such form when there are several. None
    when two given names come before it (`Hillary` and `Bill Clinton`), when the full name's
    sex is not the speaker's (`Mr. Obama`, or `he`, beside `Michelle Obama`), or when the
    surname alone takes a head of state's or church's title the full name never does
    (`President Obama` beside `Michelle Obama`)."""
    words = name.split()
    if not words or len(words) > 3 or not (name[:1].isupper() or words[0] in NAME_PARTICLES):
        return None  # `de Blasio` is a surname
    if len(words) > 1 and is_first_name(words[0]) and words[0].lower() not in NAME_PARTICLES:
        return None  # a full name already
    if len(words) == 2 and (words[0].isupper() and len(words[0]) <= 3 or _not_in_name(words[0].lower().rstrip("."))) \
            and words[0].lower() not in NAME_PARTICLES:
        return the_full_name(words[1], text, find, pronouns)  # `AG Mukasey`, `Gov Kasich`
    if looks_like_org(name):
        return None  # `Daily News` is no one's surname
    if len(words) == 1 and is_first_name(name) and any(
            _given_start(text, m.start()) is None and not _title_case(text, m.start()) and m.group(1) not in _SUFFIXES
            for m in re.finditer(rf"\b{re.escape(name)} ([A-Z][a-z]+)", text)):
        return None  # `Kelly Ayotte` beside `Megyn Kelly`: a given name here too (not `Brooks Jr.`, `Sada Solana`)
    forms = {name, name[:1].lower() + name[1:], name[:1].upper() + name[1:]} if len(words) > 1 \
        and words[0].lower() in NAME_PARTICLES else {name}
    places = sorted((i, form) for form in forms for i in find(form))
    found = []
    for i, form in places:
        start = _given_start(text, i, unknown=len(words) == 1)  # `Court Justice`: no guessing a given name
        if start is None and _other_given(text, i):
            return None  # `Liz Cheney` beside `Dick Cheney`: a given name no list has is still one
        if start is not None:
            end = _right_edge_or_suffix(text, i + len(form), find)
            given = text[start:i].split()[0]
            found.append((given, start, re.sub(r" [“\"][A-Z][a-z]+[”\"]", "", text[start:end])))
    if not found or len({given for given, _, _ in found}) > 1 or len({_suffix(full) for _, _, full in found}) > 1:
        return None  # two given names, or a father and son (`Charles Elliott III`, `the Rev. Charles Elliott Jr.`)
    given = found[0][0]
    sex = first_name_gender(given)
    if sex and any(_PRONOUNS.get(p.lower(), sex) != sex for p in pronouns):
        return None  # `he` said it, not Michelle Obama
    full_titles = {_title_before(text, i) for _, i, _ in found}
    for i, _ in places:
        title = _title_before(text, i)
        if title in _HONOURS and sex and _HONOURS[title] != sex:
            return None  # `Mr. Obama` is not Michelle
        if title in _HEADS and title not in full_titles:
            return None  # `President Obama` is not the Obama the article names in full
    return found[0][2]


def _other_given(text: str, i: int) -> bool:
    """Is the word before `i` a capitalised word that may be a given name (not a title, a small
    word, a people's name, a sentence's first word)?"""
    before = re.search(r"(?<![\w’'-])([A-Z][a-z]+) $", text[max(0, i - 30) : i])
    if before is None or not _in_name(before.group(1)):
        return False
    lead = text[: i - len(before.group(0))].rstrip(" ")
    return bool(lead) and lead[-1] not in ".!?:\n“\"‘'(—–-"


def _suffix(full: str) -> str | None:
    last = full.split()[-1].rstrip(".")
    return last if last in _SUFFIXES else None


def _given_start(text: str, i: int, *, unknown: bool = True) -> int | None:
    """Where the given name of the name ending at `i` begins: the first given name (not a title)
    among the two words before it and the middle names between (`Vice President Joseph R.`);
    with `unknown`, also a given name no list has where the article's words vouch for it."""
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
    word = first.group(0)
    if not unknown or not (word[:1].isupper() and word[1:].islower() and len(word) > 2) or not _in_name(word) or len(run) > 1:
        return None
    if before and before[0].lower().rstrip(".") in RESOLVER_TITLES or _APPOSITION.match(text, i) \
            or _only_before(text, word, i - offset - first.start()):
        return offset + first.start()
    return None


def _only_before(text: str, word: str, gap: int) -> bool:
    """Does the article write `word` twice or more and only right before the surname `gap`
    characters on (`CHICAGO - Rahm Emanuel ...`, `Rahm Emanuel's got to go!`): a given name,
    not a word of its own (`Later Cruz left`, `at Glienicke Bridge`: once)?"""
    places = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    surname = text[places[0] + gap :].split()[0] if places else ""
    return len(places) > 1 and all(text.startswith(" " + surname.rstrip(".,;:!?’'s"), p + len(word)) for p in places)


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


def only_in_headlines(name: str, text: str, find: Finder) -> bool:
    """`Hillary Camp Declining To Debate Bernie`: a name of two words or more written only in the
    headline (the first line, every word capitalised), whose last word the body never writes
    capitalised (`Glenn Beck Blasts Drudge` is a name: the body writes `Beck`)."""
    first = text.find("\n") if "\n" in text else len(text)
    places = find(name)
    if " " not in name or not places or places[-1] >= first or not _title_case(text, 0) \
            or text[:first].rstrip().endswith("."):  # a sentence, not a headline
        return False
    return all(i < first for i in find(name.split()[-1]))
