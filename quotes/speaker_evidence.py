"""What the article's own words say about a speaker the resolver named.

The resolver reads a name from a capitalised phrase and types it from the
tagger's labels, but capitals also come from where a word stands (a
sentence's first word, a headline, the title of a book) and the small model
mislabels people and outlets. The article's text settles much of it:

1. it writes the name in lower case elsewhere and capitalises it only where
   any word would be (`Deforestation is ...` and `tackling deforestation`;
   `the star then recalled`): a common word, not a name;
2. it names it only inside quotation marks (`''The Art of the Deal''`, `“My
   dear Michael Cohen,”`): a title or a quoted word, not the speaker;
   a one-word name written once, at a line's start, with no title
   (`Spurns offer, blasts ...`), is a headline's word too;
3. `the Clintons` beside `Clinton`: a family, not one speaker;
4. the words right around the name: a title, a given name or a kin word in
   apposition before it (`Mr. Symms`, `Bernie Sanders`, `his son, Grant,`) or
   `, who` after it make a person, `the` or an organisation's noun before it
   (`the Las Vegas Sun`, `the newspaper NRC Handelsblad`), `, which` or an
   apposition that names a kind of organisation after it (`America Rising, a
   research firm,`) an organisation. The type changes only when the
   article's words are one-sided against the resolver's; for a person typed
   an organisation, what it says of the surname counts too (`Whit Symms` ...
   `Symms said he`). Outlets, bodies and places are also known by the words
   they come with: an organisation's name they begin (`the Pew Research
   Center`), a media job and a person's name after them (`Blaze co-host Stu
   Burguiere`), publishing (`Scribner is set to publish`), a country after
   a comma (`San Pedro Sula, Honduras;`). A capitalised `The` inside a
   sentence (`according to The Blaze.`) and a country after the name say so
   even of a name a given name could be (`Blaze`, `San Pedro Sula`). A name
   written only as a hashtag is no speaker.

`checked` applies this to one article's attributions: a speaker failing 1-3
becomes no speaker (its words kept as the mention, as storage does with a
name that is not one); 4 corrects `speaker_type`; a person's name with an
organisation after it (`Meenakshi Ganguly of Human Rights Watch`) becomes the
person, the organisation their role. Plain text, no model: `quotes.analysis`
runs it on every article after the resolver.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from quotes.cues import is_said_form
from quotes.folding import QUOTATION_MARKS
from quotes.name_checks import COUNTRIES, ORG, ORG_WORDS, PERSON, looks_like_org, name_problems
from quotes.names import is_first_name
from quotes.records import Attribution
from quotes.written_forms import (
    in_capitals, is_pun, only_in_headlines, the_full_name, the_longer_name, without_nickname,
)
from quotes.words import DESCRIBERS, JOBS, KIN, RESOLVER_TITLES, ROLE_WORDS, SURNAME_PARTICLES

# Nouns that say what kind of organisation the next name is (`the newspaper NRC Handelsblad`).
ORG_KINDS = ORG_WORDS | frozenset("""
newspaper paper daily tabloid outlet site website blog magazine channel station broadcaster network
publisher publication firm company group organisation organization charity think-tank tank nonprofit non-profit
""".split())
PERSON_TITLES = RESOLVER_TITLES - DESCRIBERS - {"state", "house", "senate", "foreign", "national"}
# Verbs that open a question and are given names too (`Will Sanders come down ...?`).
QUESTION_VERBS = frozenset("will can may".split())
# Nouns a work's title follows (`the book Clinton Cash`, `the documentary Crashing the Party`).
WORKS = frozenset("book film movie documentary memoir novel biography album play musical series show".split())
# Small words no given name is, whatever the list of names says (`The` is one there).
FUNCTION_WORDS = frozenset("the a an and or but of to in on at by for from with as that this his her its their".split())
_OPENING = set("“‘«„‹•*")  # marks a quotation or a list item opens with
_STRAIGHT = set("\"'`")  # open a quotation when the word follows them directly
_CLOSING = "”’»›\"')"
_ENDS = set(".!?:;…")
_WORD = r"[\w’'.-]"
_WORD_BEFORE = re.compile(r"(?<!\S)(\S+) $")  # the word just before a position
LOOK_BACK = 200  # characters read before a name (a long article costs the same per name)
STRONG = "org, whatever the name's shape"  # what `_before` and `_after` say of `according to The Blaze`
NAMED_FOR = "org, unless a person's name"  # `the Pew Research Center`; `the Donald J. Trump Foundation` is his


def checked(text: str, attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions with speakers the article's words rule out set to None and types set right."""
    article = _Article(text, [(a.quote.start, a.quote.end) for a in attributions])
    out = []
    pronouns = defaultdict(set)  # the pronouns each speaker is read from (`he` is not Michelle Obama)
    for a in attributions:
        if a.speaker and a.mention and a.mention.lower() in ("he", "she"):
            pronouns[a.speaker].add(a.mention.lower())
    for a in attributions:
        if not a.speaker:
            out.append(a)
            continue
        said = frozenset(pronouns.get(a.speaker, ()))
        person, affiliation = split_affiliation(a.speaker)
        if affiliation:  # `Meenakshi Ganguly of Human Rights Watch`: the person spoke, the group is her role
            a = dataclasses.replace(a, speaker=person, speaker_type=PERSON, role=a.role or affiliation)
        person, title = split_title(a.speaker)
        if title:  # `Spokeswoman Haley Morris`, read as an organisation's name
            a = dataclasses.replace(a, speaker=person, speaker_type=PERSON, role=a.role or title)
        whole = article.with_particle(article.without_question_verb(a.speaker)) if a.speaker_type == PERSON else a.speaker
        if whole != a.speaker:  # `Blasio` where the article always writes `de Blasio`
            a = dataclasses.replace(a, speaker=whole)
        written, kind = article.as_written(a.speaker, a.speaker_type, said)
        if (written, kind) != (a.speaker, a.speaker_type):  # `Un` -> `UN`, `Sophie` -> `Sophie in 't Veld`
            a = dataclasses.replace(a, speaker=written or None, speaker_type=kind if written else None,
                                    mention=a.mention or a.speaker, confidence=a.confidence if written else None)
            if not written:  # `Bridge`, only ever part of `Glienicke Bridge`
                out.append(a)
                continue
        problem = article.problem(a.speaker, a.speaker_type)
        if problem:
            out.append(dataclasses.replace(a, speaker=None, speaker_type=None, confidence=None,
                                           mention=a.mention or a.speaker))
            continue
        kind = article.kind(a.speaker, a.speaker_type) if not name_problems(a.speaker, a.speaker_type) else a.speaker_type
        out.append(a if kind == a.speaker_type else dataclasses.replace(a, speaker_type=kind))
    return out


_AFFILIATED = re.compile(r"(?P<person>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){1,3}) of (?:the )?(?P<org>[A-Z].*)")


def split_affiliation(name: str) -> tuple[str, str | None]:
    """`Meenakshi Ganguly of Human Rights Watch` -> (`Meenakshi Ganguly`, `Human Rights Watch`): a
    person's name (a given name first, no organisation word) and where they are from. Other names
    stay whole (`Bank of America`, `Secretary of State`, `Duke of Edinburgh`)."""
    m = _AFFILIATED.fullmatch(name)
    if m is None or not _given_name(m["person"]) or any(w.lower() in RESOLVER_TITLES for w in m["person"].split()):
        return name, None
    return m["person"], m["org"]


def split_title(name: str) -> tuple[str, str | None]:
    """`Spokeswoman Haley Morris` -> (`Haley Morris`, `Spokeswoman`): a title or role before a
    person's whole name (a given name first). `King Charles`, `Sen. Warren` are left to the resolver."""
    words = name.split()
    if len(words) < 3 or words[0].lower().rstrip(".") not in ROLE_WORDS or not _given_name(" ".join(words[1:])):
        return name, None
    return " ".join(words[1:]), words[0]


class _Article:
    """One article's text and quotation spans, with each name's verdict remembered."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1] + 1:  # the marks between two segments
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._starts = [s for s, _ in merged]
        self._spans = merged
        self._problems: dict[tuple[str, str | None], str | None] = {}
        self._kinds: dict[tuple[str, str | None], str | None] = {}
        self._lines = [m.start() for m in re.finditer("\n", text)]

    def problem(self, name: str, kind: str | None) -> str | None:
        """Why the article's words say `name` is no speaker's name (None: nothing against it)."""
        if (name, kind) not in self._problems:
            self._problems[(name, kind)] = self._problem(name, kind)
        return self._problems[(name, kind)]

    def _problem(self, name: str, kind: str | None) -> str | None:
        text = self.text
        capitalised = _find(name, text)
        one_word = " " not in name
        # 1. A common word: written in lower case too, capitalised only where any word is
        if capitalised and name.isalpha() and name.islower() and not _find("@" + name, text):
            return "a common word: the article writes it in lower case"  # `the business mogul told People`
        if capitalised and name != name.lower() and all(map(self._positional, capitalised)) and (
                _find(name.lower(), text) or " " in name and _find(_lower_last(name), text)):
            return "a common word: the article writes it in lower case"  # `Deforestation`, `The Christian speaker`
        if (kind == PERSON or kind == ORG and not looks_like_org(name)) and one_word and len(capitalised) == 1 \
                and self._only_by_position(capitalised[0], name):
            return "named once, where any word is capitalised: a word, not a name"  # `\nSpurns offer, blasts ...`
        if capitalised and all(text[i - 1 : i] == "#" for i in capitalised):
            return "a hashtag, not a speaker"  # `The hashtag #PorteOuverte - ''open door'' -`
        # 2. Named only inside quotation marks
        places = [i for w in name.split() if len(w) > 2 for i in _find(w, text)]
        if places and all(self._quoted(i) for i in places):
            return "named only inside quotation marks"
        # 2b. A work's title: `Peter Schweizer’s book Clinton Cash, reveal`; not `the book Hillary Clinton wrote`
        if " " in name and any(self._a_work(i, name) for i in capitalised) \
                and not any(self._before(i, name) == PERSON or _after(text[i + len(name) : i + len(name) + 80]) == PERSON
                            for i in capitalised):
            return "the title of a book, film or show"
        if kind == PERSON and is_pun(name, text, lambda p: _find(p, text)):
            return "someone's surname run into a phrase (`Cruz Control`)"
        if kind == PERSON and only_in_headlines(name, text, lambda p: _find(p, text)):
            return "only in a headline, its last word nowhere in the body (`Hillary Camp Declining ...`)"
        # 3. A family
        if kind == PERSON and one_word and name.endswith("s") and _find(f"the {name}", text, case=False) \
                and _find(name[:-1], text):
            return "a family or group (`the Clintons`)"
        return None

    def as_written(self, name: str, kind: str | None, pronouns: frozenset[str] = frozenset()) -> tuple[str, str | None]:
        """The name and type as the article writes the name (`quotes.written_forms`); "" for a piece of a longer name."""
        find = lambda phrase: _find(phrase, self.text)  # noqa: E731
        if upper := in_capitals(name, self.text, find):
            return upper, ORG if looks_like_org(upper) else kind
        if whole := without_nickname(name, self.text):
            return whole, PERSON
        person = kind != ORG or not looks_like_org(name) and self.kind(name, ORG) == PERSON  # `Stanton`, tagged ORG
        if person and (full := the_full_name(name, self.text, find, pronouns)):
            return full, PERSON  # `Biden` -> `Joseph R. Biden Jr.`
        longer = the_longer_name(name, self.text, find, self._quoted, self._positional, kind)
        return (name, kind) if longer is None else (longer, kind)

    def _a_work(self, i: int, name: str) -> bool:
        """Is the name at `i` a work's title: right after `book`, `film` ... and followed by punctuation?"""
        before = _WORD_BEFORE.search(self.text, max(0, i - 20), i)
        return bool(before) and before.group(1) in WORKS and self.text[i + len(name) : i + len(name) + 1] in tuple(",.;:)")

    def without_question_verb(self, name: str) -> str:
        """`Will Sanders` -> `Bernie Sanders` (or `Sanders`) when the name is only ever a question's
        verb and subject (`Game over. Will Sanders come down off the pique?`): `Will` there is no
        given name. `Will Smith said` is left alone."""
        words = name.split()
        places = _find(name, self.text)
        if len(words) < 2 or words[0].lower() not in QUESTION_VERBS or not places:
            return name
        for i in places:
            after = (self.text[i + len(name) : i + len(name) + 20].split() or [""])[0]
            if not (self._positional(i) and after.isalpha() and after.islower() and not is_said_form(after)):
                return name
        rest = " ".join(words[1:])
        given = Counter(m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(rest)}\b", self.text)
                        if is_first_name(m.group(1)) and m.group(1).lower() not in QUESTION_VERBS)
        return f"{given.most_common(1)[0][0]} {rest}" if given else rest

    def with_particle(self, name: str) -> str:
        """`Blasio` -> `de Blasio` when the article writes the particle before the name every time
        (the resolver cuts lower-case words off the front of a name)."""
        before = {m.group(1) if (m := _WORD_BEFORE.search(self.text, max(0, i - 12), i)) else ""
                  for i in _find(name, self.text)}
        if len(before) == 1 and (particle := before.pop()) in SURNAME_PARTICLES \
                and _find(f"{particle} {name}", self.text):
            return f"{particle} {name}"
        return name

    def _only_by_position(self, i: int, name: str) -> bool:
        """A word capitalised by its place, not a given name, with no title, and not a label
        (`Milbank: ...` names who speaks)."""
        return self._positional(i) and not is_first_name(name) and not self._before(i, name) \
            and self.text[i + len(name) : i + len(name) + 1] != ":" and not is_said_form((self.text[i + len(name) : i + len(name) + 20].split() or [""])[0])

    def kind(self, name: str, given: str | None) -> str | None:
        """person or org as the words around the name say, when they all say the same; else `given`."""
        if (name, given) not in self._kinds:
            self._kinds[(name, given)] = self._kind(name, given)
        return self._kinds[(name, given)]

    def _kind(self, name: str, given: str | None) -> str | None:
        person = org = strong = 0
        places = [(i, name) for i in _find(name, self.text)]
        if given == ORG and " " in name and not looks_like_org(name):  # `Whit Symms` ... `Symms said he`
            surname = name.split()[-1]
            places += [(i, surname) for i in _find(surname, self.text) if not self.text.startswith(name, i - len(name) + len(surname))]
        described = False
        for i, written in places:
            following = self.text[i + len(written) : i + len(written) + 80]
            said = self._before(i, written)
            if said is None and (said := _after(following)) == NAMED_FOR:
                # `Sanders Campaign Responds`: a headline capitalises any word
                said = None if _given_name(name) or self._title_case_line(i) else ORG
            person += said == PERSON
            org += said in (ORG, STRONG)
            strong += said == STRONG
            described |= bool(_ORG_APPOSITION.match(following))
        if given == PERSON and described and not person:
            return ORG  # `America Rising, a conservative opposition research firm,`
        shaped = " " in name and _given_name(name) and not any(self.text[max(0, i - 4) : i] == " at " for i, _ in places)
        if given == ORG and not org and (person or shaped) and not looks_like_org(name):
            return PERSON  # `Sen. Sanders`, `Whit Symms`, `his son, Grant`; not `analysts at Morgan Stanley`
        if given == PERSON and org and not person and (strong or not _given_name(name)):
            return ORG  # `the Las Vegas Sun`, `the newspaper NRC Handelsblad`, `according to The Blaze.`
        return given

    def _before(self, i: int, name: str) -> str | None:
        """What the word just before the name at `i`, in the same sentence, says it is."""
        line = self.text[max(0, i - 40) : i].rsplit("\n", 1)[-1]
        words = line.split()
        if not words or not line[-1:].isspace():
            return None
        word = words[-1]
        key = word.lower().rstrip(".")
        if key in PERSON_TITLES:
            return PERSON  # `Sen. Sanders`, `Mr. Symms`
        if word.endswith(",") and word[:-1].lower() in KIN | JOBS | PERSON_TITLES:
            return PERSON  # `Schilling’s son, Grant,`, `its spokesman, Jason Miller`
        if not word[-1].isalpha():
            return None  # `West Bank. Rahm Emanuel`: another sentence or clause
        if key == "the":
            after = self.text[i + len(name) : i + len(name) + 1]
            inside = word == "The" and len(words) > 1 and words[-2][-1].isalpha() \
                and not self._positional(i - len(line) + line.rindex(word))  # not `(AFP) – The Trump troops`
            verb = (self.text[i + len(name) : i + len(name) + 20].split() or [""])[0].rstrip(".,;:!?”\"'")
            if word == "The" and is_said_form(verb):
                return STRONG  # `The Blaze reported`: nobody's given name takes `The`
            if " " in name or not after.isspace() or inside:  # `the Las Vegas Sun`, `the Federalist,`, `as The Hill pointed out`
                return STRONG if inside or word == "The" and not after.isspace() else ORG  # `The Blaze’s Matt Walsh`
            return None  # `the Obama administration`
        if key in ORG_KINDS:
            return ORG  # `the newspaper NRC Handelsblad`
        if key not in FUNCTION_WORDS and is_first_name(word):
            return PERSON  # `Bernie Sanders`, `Debbie Wasserman Schultz`
        return None

    def _quoted(self, i: int) -> bool:
        k = bisect_right(self._starts, i) - 1
        return k >= 0 and self._spans[k][0] <= i < self._spans[k][1]

    def _positional(self, i: int) -> bool:
        """Is the word at `i` capitalised by where it stands: a line's or sentence's first word,
        after an opening quotation mark, or in a headline where every word is capitalised?"""
        if i and self.text[i - 1] in _STRAIGHT:
            return True  # `"Obama`
        before = self.text[max(0, i - LOOK_BACK) : i].rstrip(" \t\u00a0")
        if not before or before[-1] == "\n" or before[-1] in _OPENING:
            return True
        end = before.rstrip(_CLOSING)  # `done.” Obama` begins a sentence, `careful,” Obama` does not
        if end and end[-1] in _ENDS:
            last = end.split()[-1].rstrip(".")
            return not (end[-1] == "." and (last.lower() in PERSON_TITLES or len(last) == 1))  # `Sen. Young`, `J. Young`
        return self._title_case_line(i)

    def _title_case_line(self, i: int) -> bool:
        k = bisect_right(self._lines, i)
        start = max(self._lines[k - 1] + 1 if k else 0, i - LOOK_BACK)
        end = min(self._lines[k] if k < len(self._lines) else len(self.text), i + LOOK_BACK)
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", self.text[start:end]) if len(w) > 3]
        return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# Words after a name that only a person takes (`Trump, who`, `Symms, 54,`, `Cruz (R-Texas)`, `Sanders said he`),
# and those only an organisation takes (`Politifact, which`).
_PERSON_AFTER = re.compile(
    r"(?:,\s+who\b|,\s+\d{1,3},|\s+\([RDI]-|\s+(?:said|says|told|added|wrote)\s+(?:he|she)\b"
    rf"|[’']s\s+(?:{'|'.join(sorted(KIN))})\b|\s+\w+\s+(?:himself|herself)\b)"
)
_ORG_AFTER = re.compile(r",\s+which\b|\s+\w+\s+itself\b")
# An apposition that says what kind of organisation it is (`America Rising, a conservative research firm,`),
# whatever the name's first word is to the list of given names; `, a member of the committee` says nothing.
_ORG_APPOSITION = re.compile(
    rf",\s+(?:a|an|the)\s+(?:(?!(?:of|at|for|in|with|from|to|by|and|who|whose)\b)[\w’'-]+\s+){{0,4}}"
    rf"(?i:{'|'.join(map(re.escape, sorted(ORG_KINDS)))})s?(?=[,.;)]|\s+(?:that|which|based|founded|run|backed|supporting|opposing|backing|funded)\b)"
)


# What only an outlet, a body or a place is followed by: an organisation's name it begins (`Pew Research
# Center`, `Pew Hispanic Center`), publishing (`Scribner is set to publish ''Trump Revealed''`), and, for a place, its country (`San Pedro
# Sula, Honduras;`); and a media job before a person's name (`Blaze co-host Stu Burguiere`). `Clinton
# campaign` (lower case) and `Trump said` say nothing.
_ORG_NAME_ENDS = ORG_WORDS | {"research", "polling"}  # `Pew Research`
_ORG_NAMED_AFTER = re.compile(
    rf"(?:\s+[A-Z][a-z][\w’'-]*){{0,2}}\s+(?:{'|'.join(sorted(w.title() for w in _ORG_NAME_ENDS if w.isalpha()))})\b"
    r"|\s+(?:is\s+set\s+to\s+|will\s+|plans\s+to\s+)?publish(?:es|ed)?\s+(?:a|an|the|''|“|\")"
)
_MEDIA_JOB_AFTER = re.compile(r"\s+(?:co-)?(?:reporter|columnist|correspondent|anchor|host|editor|contributor|commentator)\s+[A-Z]")
_PLACES = sorted({c.title() for c in COUNTRIES} - {"Moscow", "Beijing", "Washington", "Tehran", "Kyiv", "Kiev"}) + """
Honduras Guatemala Belize Haiti Jamaica Cameroon Senegal Angola Mozambique Botswana Namibia Malawi Madagascar Liberia
Congo Laos England Scotland Wales Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont
Virginia Wisconsin Wyoming""".split() + ["El Salvador", "Costa Rica", "New Zealand", "South Africa", "New York", "New Jersey",
                                        "New Mexico", "New Hampshire", "North Carolina", "South Carolina", "North Dakota",
                                        "South Dakota", "West Virginia", "Rhode Island"]
_PLACE_AFTER = re.compile(rf",\s+(?:{'|'.join(_PLACES)})(?=\s*[;,.)]|\s*$)")


def _after(following: str) -> str | None:
    if _PERSON_AFTER.match(following):
        return PERSON
    if _PLACE_AFTER.match(following) or _MEDIA_JOB_AFTER.match(following):
        return STRONG  # `San Pedro Sula, Honduras;`, `Blaze co-host Stu Burguiere`
    if _ORG_AFTER.match(following) or _ORG_APPOSITION.match(following):
        return ORG
    return NAMED_FOR if _ORG_NAMED_AFTER.match(following) else None


def _find(phrase: str, text: str, *, case: bool = True) -> list[int]:
    """Where `phrase` stands as whole words in `text`.

    The same places as `_pattern(phrase, case).finditer(text)`, which it is for
    a case-blind search; with case, `str.find` finds the phrase and its two
    edges are checked by hand: a pattern that opens with a look-behind is tried
    at every character, and each new phrase had to be compiled (together most
    of the time `checked` took)."""
    if not case or not phrase:
        return [m.start() for m in _pattern(phrase, case).finditer(text)]
    found, n, size = [], len(phrase), len(text)
    i = text.find(phrase)
    while i >= 0:
        j = i + n
        if (i == 0 or not _word_char(text[i - 1])) and not (
                j < size and (_is_w(text[j]) or text[j] in "’'-" and j + 1 < size and _is_w(text[j + 1]))):
            found.append(i)  # as finditer: the next match starts after this one
            i = text.find(phrase, j)
        else:
            i = text.find(phrase, i + 1)
    return found


def _is_w(c: str) -> bool:
    """A character regular expressions' `\\w` matches in a str pattern."""
    return c.isalnum() or c == "_"


def _word_char(c: str) -> bool:
    """A character of `_WORD`."""
    return _is_w(c) or c in "’'.-"


@lru_cache(maxsize=4096)
def _pattern(phrase: str, case: bool) -> re.Pattern:
    return re.compile(rf"(?<!{_WORD}){re.escape(phrase)}(?!\w|[’'-]\w)", 0 if case else re.I)


def _lower_last(name: str) -> str:
    """`Christian Speaker` -> `Christian speaker`: the phrase as running text writes a description."""
    words = name.split()
    return " ".join([*words[:-1], words[-1].lower()])


def _given_name(name: str) -> bool:
    """A person's name by its shape: a given name first (`Sophie`, `Roman Smbatyan`), no organisation word."""
    words = name.split()
    return bool(words) and is_first_name(words[0]) and not any(w.lower() in ORG_WORDS for w in words)
