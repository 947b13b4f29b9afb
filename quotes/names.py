"""Person names: clean a mention, and make names canonical within an article.

An article names a person in full once (`State Department counsellor Derek
Chollet`) and by surname after (`Chollet`, `Mr. Chollet`); the canonical name is
the full one. People who share a surname stay apart (`Bill Clinton`, `Hillary
Clinton`): a bare surname goes to the one the article names most often (the
article's subject, not the spouse mentioned once), then to the one it names
first (the subject is introduced before the relatives: `Tanner Fischer` before
`his mother, Adrianne Fischer`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

import gender_guesser.detector

from quotes.words import (
    EPITHETS, FORMS_OF_ADDRESS, ORG_NAME_WORDS, PERSONAL_TITLES, RESOLVER_TITLES as TITLES, ROLE_WORDS, SURNAME_PARTICLES as PARTICLES,
)

SUFFIXES = frozenset("jr sr ii iii iv".split())
def person_key(name: str) -> str:
    """The form names are looked up by: `Donald J. Trump` -> `donald j trump`."""
    return " ".join(name.replace(".", " ").casefold().split())


def name_parts(name: str) -> tuple[list[str], str | None]:
    """The words of `person_key(name)` and the suffix (`jr`), titles kept."""
    words = person_key(name).split()
    suffix = words.pop() if len(words) > 1 and words[-1] in SUFFIXES else None
    return words, suffix


FEMALE_TITLES = frozenset("mrs ms miss madam".split())
MALE_TITLES = frozenset("mr sir".split())
GENDER_TITLES = FEMALE_TITLES | MALE_TITLES
_POSSESSIVE = re.compile(r"[’']s?$")


@lru_cache(maxsize=100_000)
def clean_name(text: str) -> str:
    """`Mr. Trump's` -> `Trump`; `Secretary of State John Kerry` -> `John Kerry`; `the de Blasio` -> `de Blasio`.

    Kept per text: an article asks it of the same names dozens of times."""
    text = text.strip().rsplit("\n", 1)[-1]  # a name never runs across a line (`X.\n\nTrump`: a list's mark, then Trump)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:-–—\"“”‘’'()")
    words = text.split(" ")
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) if len(words[-1]) > 2 else words[-1]
    # drop everything up to the last title word or lower-case word before the name;
    # a particle before a capitalised word begins the surname (`Mayor Bill de Blasio`, `van Gogh`)
    cut = 0
    for i, w in enumerate(words[:-1]):
        key = w.lower().rstrip(".")
        if w.split("-")[0].lower() in PARTICLES and not w.endswith(".") and _surname_follows(words[i + 1 :]):
            continue  # `Regina Del Monte`, `Le Pen`: a particle, capitalised or not, not a title (`Del.`, a delegate)
        if key in TITLES or key in {"of", "for", "and"} or not w[:1].isupper() or _hyphenated_title(key):
            cut = i + 1
    if cut and words[cut - 1].lower().rstrip(".") in GENDER_TITLES:
        cut -= 1  # `Mr.` stays: it tells which of two Clintons is meant
    words = [w for w in words[cut:] if w]
    return " ".join(words)


def _surname_follows(words: list[str]) -> bool:
    """Do more particles and then a capitalised word follow (`'t Veld` of `Sophie in 't Veld`)?"""
    rest = list(itertools.dropwhile(lambda w: w.lower() in PARTICLES, words))
    return bool(rest) and rest[0][:1].isupper()


def _hyphenated_title(key: str) -> bool:
    """`secretary-treasurer`, `president-ceo`: titles joined by a hyphen are a title."""
    parts = key.split("-")
    return len(parts) > 1 and all(p in TITLES or p in ROLE_WORDS for p in parts)


def strip_title(name: str) -> str:
    """`Mr. Trump` -> `Trump`."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in GENDER_TITLES:
        words.pop(0)
    return " ".join(words)


def title_gender(name: str) -> str | None:
    """"f" for `Mrs. Clinton`, "m" for `Mr. Clinton`, else None."""
    first = name.split()[0].lower().rstrip(".") if name.split() else ""
    return "f" if first in FEMALE_TITLES else "m" if first in MALE_TITLES else None


@lru_cache(maxsize=65536)
def _name_key(name: str) -> tuple[tuple[str, ...], str | None]:
    words = [w.lower().rstrip(".") for w in name.split() if w.lower().rstrip(".") not in TITLES]
    suffix = None
    if words and words[-1] in SUFFIXES:
        suffix = words.pop()
    return tuple(words), suffix


def name_key(name: str) -> tuple[list[str], str | None]:
    """Lower-case name words without titles, and the suffix (`jr`) if any."""
    words, suffix = _name_key(name)
    return list(words), suffix




_BRACKETED = re.compile(r"\(([A-Z][\w’'-]+)\)")
_SPELLED = re.compile(r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}")


def full_name(name: str) -> str:
    """A person's name as the article's names keep it: no title, no epithet or job before it
    (`Actress Amandla Stenberg` -> `Amandla Stenberg`)."""
    return _drop_leading_epithet(strip_title(name))


def _drop_leading_epithet(name: str) -> str:
    """`Brave Marina Lacerda` -> `Marina Lacerda`: an epithet, title or role
    before a given name, in a name of three words or more, is no part of it.
    Any other word is kept: a given name the name list does not know (`Shiza
    Fatima Khawaja`, `Moner Mohammad Abusalha`) or an organisation's word
    (`Right Wing Watch`, `New York Times`)."""
    words = name.split()
    if any(w.lower() in ORG_NAME_WORDS for w in words):
        return name
    if len(words) < 3 or words[1].lower() in PARTICLES:
        return name
    if words[0].lower().rstrip(".") in EPITHETS | TITLES | ROLE_WORDS:
        return " ".join(words[1:])  # `Actress Amandla Stenberg`: a listed word, whatever the given name
    if _not_a_name_word(words[0]) and is_first_name(words[1]):
        return " ".join(words[1:])
    return name


# Endings of words that describe a person and are no given name (`Assemblywoman`, `Filmmaker`,
# `Kentuckian`, `Telling`, `Certainly`)
_DESCRIBING_ENDINGS = ("man", "woman", "men", "women", "maker", "ian", "ians", "ing", "ly")


def _not_a_name_word(word: str) -> bool:
    """An epithet, title or role (`Brave`, `Archbishop`), a possessive (`Breitbart’s`) or a
    describing word by its ending; never a known given name or an initial (`C. Boyden Gray`)."""
    key = word.lower().rstrip(".")
    if key in EPITHETS | TITLES | ROLE_WORDS or _POSSESSIVE.search(word) and len(word) > 3:
        return True
    return not is_first_name(word) and len(key) > 4 and key.endswith(_DESCRIBING_ENDINGS)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English function words, imported only when an article is read: the
    corrections (`fix`, `people rename`) use these names without loading spaCy."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _first_names() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


DETERMINERS = frozenset("the a an this that these those his her its our their my your".split())  # `The` is a given name to gender_guesser


@lru_cache(maxsize=100_000)
def is_first_name(word: str) -> bool:
    """Is this a known given name (`Carly`), whatever its gender? (Kept per word: asked of every capitalised word.)"""
    return word.istitle() and word.lower() not in DETERMINERS and _first_names().get_gender(word) != "unknown"


@lru_cache(maxsize=100_000)
def first_name_gender(first: str) -> str | None:
    """"m" or "f" when a first name is clearly one or the other, else None."""
    found = _first_names().get_gender(first)
    return {"male": "m", "female": "f"}.get(found)


def title_keys(title: str) -> list[str]:
    """The words a title is later written as alone: its last word, and for a title of several
    words its initials (`Chief Financial Officer` -> `cfo`; `Chief Executive` -> `ce`, `ceo`)."""
    words = [w.lower().rstrip(".") for w in title.replace("-", " ").split() if w.lower() not in ("of", "and", "the")]
    if not words:
        return []
    keys = [words[-1]]
    if len(words) > 1:
        letters = "".join(w[0] for w in words)
        keys += [letters] if words[-1] == "officer" else [letters, letters + "o"]
    return keys[:1] + [k for k in keys[1:] if k not in FORMS_OF_ADDRESS]  # not `Democratic Rep.` -> `dr`


@dataclass
class ArticleNames:
    """The full names an article uses, by position, to expand short mentions."""

    full: list[tuple[int, str]] = field(default_factory=list)  # (char offset, full name)
    titled: dict[str, str] = field(default_factory=dict)  # surname -> "m"/"f" from Mr./Mrs./Ms.
    pronouns: dict[str, str] = field(default_factory=dict)  # surname -> "m"/"f" from the pronouns that follow it
    words: set[str] = field(default_factory=set)  # every word of every full name, for `knows`
    spelled: list[tuple[int, str]] = field(default_factory=list)  # full names read from the text, not the tagger
    by_title: dict[str, str] = field(default_factory=dict)  # `king` -> `Charles`, from `King Charles`
    kin: set[str] = field(default_factory=set)  # full names introduced as someone's kin (`Her daughter, Ada Whitfield,`)
    # indexes of `full` and `spelled`, so a lookup costs the same in a long article as in a short one
    _forms: dict[tuple[str, str, str | None], str] = field(default_factory=dict)  # (first, last, suffix) -> first form
    _by_last: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _spelled_by_last: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _spelled_by_first: dict[str, str] = field(default_factory=dict)
    _by_first: dict[str, str] = field(default_factory=dict)  # given name -> first full name without a suffix

    def add_titled(self, title: str, name: str) -> None:
        """`King Charles`, `CEO Bob Enslin`: a later `the King` or `the CEO` alone is that person.
        A title of several words goes by its last word and by its initials too (`Chief Financial
        Officer Priya Raman`, `Chief Executive Dan Ferro`: `the CFO`, `the CEO`)."""
        if not name:
            return
        for key in title_keys(title):
            if key in PERSONAL_TITLES:
                self.by_title[key] = strip_title(name)

    def add_kin(self, name: str) -> None:
        """`Her daughter, Ada Whitfield,`: a relative, whose surname alone means someone else when the article names another."""
        self.kin.add(full_name(name))

    def add_title(self, title: str, surname: str) -> None:
        """`Mrs. Clinton` tells the article's Clinton is a woman."""
        key = title.lower().rstrip(".")
        if key in FEMALE_TITLES | MALE_TITLES:
            self.titled.setdefault(surname.lower(), "f" if key in FEMALE_TITLES else "m")

    def gender(self, name: str) -> str | None:
        """"m", "f" or None (unknown) for a canonical name: from its first
        name, else as the article tells it (`told_gender`)."""
        words, _ = name_key(name)
        if len(words) >= 2 and (found := first_name_gender(words[0])):
            return found
        return self.told_gender(name)

    def told_gender(self, name: str) -> str | None:
        """The gender the article itself gives a person: a title (`Mrs.
        Clinton`), or the pronouns it uses after the name (`Naureen Jahangir
        ... she`: a given name the list does not know)."""
        words, _ = name_key(name)
        if not words:
            return None
        return title_gender(name) or self.titled.get(words[-1]) or self.pronouns.get(words[-1])

    def add(self, offset: int, name: str) -> None:
        """Remember a name mention; only names of two words or more expand others."""
        words, _ = name_key(name)
        if len(words) >= 2:
            full = full_name(name)
            self.words.update(full.split())
            self.words.update(part for word in full.split() if "-" in word for part in word.split("-"))  # `Reyes` of `Gonzalez-Reyes`, a token of its own
            if words[0] not in PARTICLES:  # `De La Rosa` is a surname: it expands, it does not name in full
                self.full.append((offset, full))
                fw, fs = name_key(full)
                if fw:
                    self._forms.setdefault((fw[0], fw[-1], fs), full)
                    self._by_last.setdefault(fw[-1], []).append((offset, full))
                    if fs is None:
                        self._by_first.setdefault(fw[0], full)

    def add_spelled(self, text: str) -> None:
        """Full names the tagger missed, read from the text: a given name and
        one to three capitalised words after it (`Brave Marina Lacerda`, `PM
        Imran Khan’s`). Used only for a surname no tagged name explains."""
        text = _BRACKETED.sub(r"\1", text)  # `President (Joe) Biden`
        for m in _SPELLED.finditer(text):
            words = m.group(0).split()
            words[-1] = _POSSESSIVE.sub("", words[-1])
            first = next((i for i, w in enumerate(words[:-1]) if is_first_name(w)), None)
            full = " ".join(words[first:]) if first is not None else ""
            if any(w.lower() in ORG_NAME_WORDS for w in words):
                continue  # `The New York Times`, `Trayvon Martin Foundation`: an organisation, not `York Times` someone
            if full and not is_first_name(words[-1]) and len(name_key(full)[0]) >= 2:
                self.spelled.append((m.start(), full))
                self._spelled_by_last.setdefault(name_key(full)[0][-1], []).append((m.start(), full))
                if name_key(full)[1] is None and not any(w.lower() in _stop_words() for w in full.split()[1:]):
                    self._spelled_by_first.setdefault(name_key(full)[0][0], full)  # not `Kelly Is No ...`, a headline

    def knows(self, word: str) -> bool:
        """Is `word` part of a person's name in this article?"""
        return word in self.words

    def spelled_surname(self, word: str) -> bool:
        """Is `word` the surname of a full name read from the text (`Osei` of
        `Amara Osei`, which the tagger ran into `Amara Osei founded Helion
        Dynamics`)?"""
        return word.lower() in self._spelled_by_last

    def title_holder(self, title: str) -> str | None:
        """The person the article gives a title to (`King Charles` for `the King`), if any."""
        plain = strip_title(title)
        titled = self.by_title.get(plain.split()[-1].lower().rstrip(".")) if plain else None
        return titled if titled and name_key(titled)[0] else None

    def canonical(self, name: str, offset: int) -> str:
        """The full name behind `name` as the article uses it at `offset`;
        a title (`Mr.`, `Mrs.`) picks among people who share a surname."""
        plain = strip_title(name)
        if len(plain.split()) >= 3 and (kept := _drop_leading_epithet(plain)) != plain:
            name = plain = kept  # `Certainly Donald Trump`: a headline's word before the name
        words, suffix = name_key(name)
        if not words:  # a title alone (`the King said`): the person the article gives it to
            titled = self.title_holder(name)
            return self.canonical(titled, offset) if titled else plain
        if len(words) >= 2:
            return self._longest_form(words, suffix) or self._by_surname(words, suffix) or plain
        word, gender = words[0], title_gender(name)
        # every full name with this surname, as one person per first form seen
        people: dict[str, list[int]] = {}
        named = self._by_last.get(word, []) + self._spelled_for(word)
        if any(full not in self.kin for _, full in named):
            # `Ms. Whitfield` is the obituary's Dolores Whitfield, not `her daughter, Ada Whitfield,`:
            # a relative the article introduces as such is named in full when meant
            named = [(o, full) for o, full in named if full not in self.kin]
        for o, full in named:
            fw, fs = name_key(full)
            if fw[-1] == word and fs == suffix and (gender is None or first_name_gender(fw[0]) in (None, gender)):
                form = self._longest_form(fw, fs) or full
                people.setdefault(form, []).append(o)
        if people:
            # the one the article names most; on a tie, the one it names first
            return max(people, key=lambda f: (len(people[f]), -min(people[f])))
        return self._by_first.get(word) or self._spelled_by_first.get(word, plain)  # a first name alone (`Hillary`)

    def _spelled_for(self, surname: str) -> list[tuple[int, str]]:
        return [] if surname in self._by_last else self._spelled_by_last.get(surname, [])

    def _by_surname(self, words: list[str], suffix: str | None) -> str | None:
        """A surname of several words (`De La Rosa` for Alano De La Rosa), or
        a surname after words that are no given name (`Daily Mail Lacerda`,
        where the tagger ran an outlet into the name): the one person the
        article names in full with that surname. None when the text reading
        cut a name from this one (`Wing Watch` from `Right Wing Watch`): it is
        its own full form."""
        if is_first_name(words[0].title()) and words[0] not in PARTICLES or words[-1] in ORG_NAME_WORDS:
            return None  # a given name's own surname; `Daily News` is not `Breitbart News`
        spelled = [full for _, full in self._spelled_by_last.get(words[-1], [])]
        if any(len(fw := name_key(full)[0]) < len(words) and words[-len(fw):] == fw for full in spelled):
            return None  # the text reading cut this very name: it names itself
        found = {
            full for _, full in self._by_last.get(words[-1], []) + self._spelled_by_last.get(words[-1], [])
            if (fw := name_key(full)[0]) and name_key(full)[1] == suffix and len(fw) > 1
            and (fw[-len(words):] == words or fw[-1] == words[-1])
        }
        found -= {one for one in found if any(other.endswith(" " + one) for other in found)}  # `Van Buren` of `Anna Van Buren`
        return found.pop() if len(found) == 1 else None

    def _longest_form(self, words: list[str], suffix: str | None) -> str | None:
        """`Donald J. Trump` and `Donald Trump` are one person: keep the first form seen."""
        return self._forms.get((words[0], words[-1], suffix))
