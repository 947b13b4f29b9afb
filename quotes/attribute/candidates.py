"""Who could have said a quotation: the people and organisations an article names.

Read once per article (`ArticleMentions`): every name the tagger marks, made
canonical (`Chollet` -> `Derek Chollet`), with where it stands (sentence,
paragraph, inside a quotation or not) and its role (subject of a speech verb,
subject of anything). For each quotation the candidates are those named near it,
the speakers the rules gave the quotations around it, the article's most named
people, and "no named speaker" (None).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from quotes.cues import is_cue
from quotes.mentions import Mentions, role
from quotes.name_checks import looks_like_org
from quotes.names import clean_name, full_name, is_first_name
from quotes.records import Attribution, Quote
from quotes.words import ANY_ORG_NOUNS, OUTLET_NAME_WORDS, OUTLET_NOUNS, PERSONAL_TITLES, RESOLVER_TITLES, ROLE_WORDS

TITLE_WORDS = RESOLVER_TITLES | ROLE_WORDS

SPEAKER_ENTS = {"PERSON", "ORG"}
VOICE_ENTS = {"GPE", "NORP"}  # a state speaks only as the subject of a speech verb (`Israel said`)
BEFORE, AFTER = 3, 1  # paragraphs around a quotation whose names are its candidates
TOP = 3  # the article's most named people are candidates everywhere


@dataclass(frozen=True)
class NameMention:
    """One place where the article names a candidate."""

    name: str  # canonical within the article
    kind: str  # person | org
    token: int  # the name's last token
    sent: int
    paragraph: int  # among the article's non-empty lines
    in_quote: bool
    subject: bool  # subject of a verb
    cue_subject: bool  # subject of a speech verb (`Chollet said`)
    dep: str = ""  # the name's role in the parse (`pobj` in `figures like Malcolm X`)


class ArticleMentions:
    """Every name in one article, read once and shared by all its quotations."""

    def __init__(self, m: Mentions, quotes: list[Quote]) -> None:
        self.m = m
        text = m.text
        self._lines = [i for i, c in enumerate(text) if c == "\n"]
        blank = [text[a + 1 : b].strip() == "" for a, b in zip([-1, *self._lines], [*self._lines, len(text)])]
        self._line_rank = [0] * len(blank)  # line number -> index among non-empty lines
        rank = 0
        for n, empty in enumerate(blank):
            self._line_rank[n] = rank
            rank += not empty
        self.mentions = [mention for ent in m.ents if (mention := self._read(ent)) is not None]
        self.by_name: dict[str, list[NameMention]] = {}
        for mention in self.mentions:
            self.by_name.setdefault(mention.name, []).append(mention)
        counts = Counter(mention.name for mention in self.mentions if mention.kind == "person")
        self.ranked = [name for name, _ in counts.most_common()]
        self.kind = {name: Counter(x.kind for x in ms).most_common(1)[0][0] for name, ms in self.by_name.items()}
        self.quote_paragraphs = [self.paragraph(q.start) for q in quotes]
        firsts = sorted((ms[0].token, name) for name, ms in self.by_name.items())
        self.introduced = {name: n for n, (_, name) in enumerate(firsts)}  # 0 for the first named
        self.narrated = [x for x in self.mentions if not x.in_quote]  # in token order
        self.narrated_tokens = [x.token for x in self.narrated]
        self.per_paragraph: dict[int, Counter] = {}
        for x in self.narrated:
            self.per_paragraph.setdefault(x.paragraph, Counter())[x.name] += 1
        self.named_in: dict[int, list[str]] = {}  # paragraph -> the names in it, quoted or not, in order
        for x in self.mentions:
            self.named_in.setdefault(x.paragraph, []).append(x.name)
        self.at_token = {x.token: x for x in self.mentions}
        self._ties: dict[str, set[str]] = {}  # organisation -> the nouns the text calls it by
        self._elsewhere: dict[str, str] = {}  # a speaker no mention names -> its type from the rest of the article

    def paragraph(self, offset: int) -> int:
        """The non-empty line that holds `offset`."""
        return self._line_rank[bisect.bisect_left(self._lines, offset)]

    def _read(self, ent) -> NameMention | None:
        m, last = self.m, ent[-1]
        head = role(last)
        end = last  # the name's last token
        if ent.label_ in SPEAKER_ENTS:
            if ent.label_ == "PERSON" or m.names.knows(last.text):
                found = m.person_at(last)
                if found is None:
                    return None
                name, kind = found[1], "person"
            else:
                name, kind = org_name(ent), "org"
                if (tail := title_tail(ent)) is not None:  # `The New Hampshire Union Leader said`: `Leader` ends the name
                    end, head = tail, role(tail)
        elif ent.label_ in VOICE_ENTS and head.dep_ in ("nsubj", "nsubjpass") and is_cue(head.head):
            name, kind = org_name(ent), "org"
        else:
            return None
        if not name:
            return None
        return NameMention(
            name=name,
            kind=kind,
            token=end.i,
            sent=m.sent_of[end.i],
            paragraph=self.paragraph(end.idx),
            in_quote=m.inside[end.i],
            subject=head.dep_ in ("nsubj", "nsubjpass"),
            cue_subject=head.dep_ in ("nsubj", "nsubjpass") and is_cue(head.head),
            dep=head.dep_,
        )

    def org_before(self, offset: int, noun: str, phrase: str = "") -> str | None:
        """The organisation a description means (`the ministry` after `Russia’s
        Defense Ministry`): the latest one named in the three paragraphs before
        that the article ties to the noun: its name has the noun, or it is an
        outlet and the noun one's (`the editorial board`, `the newspaper` after
        `The New Hampshire Union Leader`), or the text calls it so (`Tesla, the
        electric-car company,`, `investment banking giant Goldman Sachs`, `the
        BLM group`). None when nothing ties one: the latest organisation named
        is not the one meant (`State of the Union` before `the editorial board`)."""
        p = self.paragraph(offset)
        before = [x for x in self.narrated if x.kind == "org" and self.m.doc[x.token].idx < offset and x.paragraph >= p - 3]
        fits = [x for x in before if self._is_a(x.name, noun.lower(), offset)]
        if not fits and (owned := self._owned_before(offset, phrase)):
            return owned
        if not fits and noun.lower() == "government":
            return self.government_before(offset)
        if not fits and noun.lower() in ANY_ORG_NOUNS:
            return self.org_acting_before(offset)  # `The World Health Organization said ... "...," the agency said`
        return (self.org_named(fits[-1].name) or fits[-1].name) if fits else None  # `the Journal` -> Wall Street Journal

    def org_acting_before(self, offset: int) -> str | None:
        """The one organisation that does something (a subject) in the
        paragraph of `offset` or the one before, not one inside a title
        (`Health Cabinet Secretary Aden Duale`): what `the agency` or `it`
        means there. None when there are more."""
        p = self.paragraph(offset)
        near = [x for x in self.narrated if x.kind == "org" and x.subject and self.m.doc[x.token].idx < offset and x.paragraph >= p - 1]
        if len({x.name for x in near}) != 1:
            return None
        return self.org_named(near[-1].name) or near[-1].name

    def _owned_before(self, offset: int, phrase: str) -> str | None:
        """`Ukraine's air force said ... "...," the air force said`: the same
        words with their owner's name, the last time the paragraph or the one
        before wrote them so outside a quotation."""
        words = re.sub(r"^(?:the|its|their)\s+", "", phrase.strip(), flags=re.I)
        if not words:
            return None
        lo = self._paragraph_start(self.paragraph(offset) - 1)
        found = None
        for match in re.finditer(rf"(?<![\w’'])([A-Z][\w-]+(?:’s|'s) (?i:{re.escape(words)}))(?![\w])", self.m.text[lo:offset]):
            if not self.m.inside[self.m.token_at(lo + match.start())]:
                found = match.group(1)
        return found

    def _paragraph_start(self, paragraph: int) -> int:
        """The offset where the non-empty line `paragraph` starts (0 for the first)."""
        line = next((n for n, rank in enumerate(self._line_rank) if rank >= max(paragraph, 0)), 0)
        return self._lines[line - 1] + 1 if line > 0 else 0

    def government_before(self, offset: int) -> str | None:
        """`Brazil’s role is ...: the government says`: the government of the
        latest country named in the paragraph or the one before, in the
        article's own words when it has them (`the Brazilian government`)."""
        p = self.paragraph(offset)
        places = [e for e in self.m.ents if e.label_ == "GPE" and e.end_char <= offset and not self.m.inside[e.start]
                  and self.paragraph(e.start_char) >= p - 1]
        if not places:
            return None
        place = places[-1].text
        said = re.search(rf"(?<!\w)({re.escape(place[:4])}\w*(?:[’']s)? government)(?!\w)", self.m.text)
        return said.group(1) if said else f"government of {place}"

    def _is_a(self, name: str, noun: str, offset: int) -> bool:
        """Does the article tie organisation `name` to the description noun at `offset`?"""
        words = [w.lower() for w in name.split()]
        if noun in words:
            return True  # `Russia’s Defense Ministry` ... `the ministry`
        outlet_noun = noun in OUTLET_NOUNS or noun == "board" and self.m.text[max(0, offset - 10) : offset].lower().rstrip().endswith("editorial")
        if outlet_noun and any(w in OUTLET_NAME_WORDS for w in words):
            return True  # `the Miami Herald` ... `the newspaper`, `the editorial board`
        ties = self._ties.get(name)
        if ties is None:  # the words right before the name, the one after it (`the BLM group`), an apposition's
            said = re.escape(name)
            after = re.findall(rf"(?<!\w){said}(?:, ([^,.;:()\n]{{1,60}})| ([\w’'-]+))", self.m.text)
            after = [" ".join(pair) for pair in after]
            before = re.findall(rf"((?:[\w’'-]+ ){{1,4}}){said}(?!\w)", self.m.text)
            ties = self._ties[name] = {w.lower() for w in " ".join(after + before).split()}
        return any(w.startswith(noun) for w in ties) or outlet_noun and bool(ties & OUTLET_NOUNS)

    def org_whole(self, name: str, offset: int) -> str | None:
        """An organisation's whole name where the rules read part of it
        (`Ministry` of `Russia’s Defense Ministry`)."""
        token = self.m.token_at(offset)
        ent = self.m.ent_of.get(token)
        found = self.at_token.get(ent.end - 1 if ent is not None else token)  # `Leader` after `The New Hampshire Union`
        if found is not None and found.kind == "org" and name.split()[:1] in (["The"], ["the"]) and name.split()[1:] == found.name.split():
            return found.name  # `The Federal Aviation Administration said`: the name without its article
        if found is None or found.kind != "org" or self.m.names.knows(name.split()[-1]) or len(found.name.split()) <= len(name.split()):
            return None  # a person's name the tagger took for an organisation, or nothing more to add
        if _titled_person(name, found.name):
            return None
        return found.name if name.split()[-1:] == found.name.split()[-1:] else None

    def org_named(self, name: str) -> str | None:
        """The one organisation whose name the article gives in full and ends
        with this short form (`the Post said` -> `Washington Post`), or else
        begins with it (`Norrbrook` -> `Norrbrook Foods`); never for a
        person's name (`Trump`, tagged an organisation once)."""
        words = name.split()
        if not words or self.m.names.knows(words[-1]):
            return None
        fuller = {n for n, kind in self.kind.items() if kind == "org" and n.split()[-len(words):] == words and len(n.split()) > len(words)}
        if not fuller:  # `Norrbrook said` after `Norrbrook Foods`: the name's first words, when they are nobody's name
            fuller = {n for n, kind in self.kind.items() if kind == "org" and n.split()[: len(words)] == words
                      and 1 <= len(n.split()) - len(words) <= 2 and all(w.isalpha() for w in n.split()[len(words):])
                      and looks_like_org(n) and not any(self.m.names.knows(w) for w in words)}  # not `Fox News 6`
        if len(fuller) != 1:
            return None
        found = fuller.pop()  # a person the tagger called an organisation keeps a person's form: `Actress Amandla Stenberg`
        if _titled_person(name, found):
            return clean_name(found)  # `Congress MP Pradeep Dhanuka`: Pradeep Dhanuka
        return found if looks_like_org(found) else full_name(found)

    def type_of(self, name: str | None) -> str | None:
        """person or org for a speaker: as the article's mentions of it are
        typed, else as the tagger labels the same words elsewhere in the
        article (an outlet or group tagged ORG or NORP, a place tagged GPE or
        LOC: a state or city speaking is an organisation), else as its name
        says (`America Rising PAC`); a person when nothing says otherwise."""
        if not name:
            return None
        if name in self.kind and not (self.kind[name] == "person" and self._a_place(name)):
            return self.kind[name]
        if name not in self._elsewhere:
            self._elsewhere[name] = self._kind_elsewhere(name)
        return self._elsewhere[name]

    def _a_place(self, name: str) -> bool:
        """A one-word name the article writes as a place (`in Clarkston`, `from Clarkston`) more
        often than the tagger calls it a person: the town, not someone named so."""
        if " " in name:
            return False
        same = [ent for ent in self.m.ents if _bare(ent.text) == name]
        placed = sum(ent.label_ in PLACE_LABELS and ent[-1].dep_ == "pobj" and ent[-1].head.lower_ in PLACE_PREPOSITIONS
                     for ent in same)
        return placed >= 2 and placed > sum(ent.label_ == "PERSON" for ent in same)

    def _kind_elsewhere(self, name: str) -> str:
        same = [ent for ent in self.m.ents if _bare(ent.text) == _bare(name)]
        labels = Counter(ent.label_ for ent in same)
        if self._a_place(name):
            return "org"
        if labels["PERSON"] or len(name.split()) > 1 and is_first_name(name.split()[0]) and not looks_like_org(name):
            return "person"  # `Neera Tanden`, tagged a building once, is still a person
        if labels["ORG"] or labels["NORP"] or looks_like_org(name):
            return "org"  # `Mediaite`, `The New York Times`, `America Rising PAC`
        places = [ent for ent in same if ent.label_ in PLACE_LABELS]
        if any(c.dep_ == "appos" and c.lower_ in TITLE_WORDS for ent in places for c in ent[-1].children):
            return "person"  # `Joh Husted, Ohio Secretary of State, voiced`, tagged a place
        if len(places) > 1 or any(not _speaks(ent[-1]) for ent in places):
            return "org"  # `Orlando`, `Syria`: a place the article writes as one, speaking
        return "person"  # `“...,” Husted said`: a place only where a person would speak

    def candidates(self, i: int, rules: list[Attribution]) -> list[str | None]:
        """Everyone who could have said quotation `i`, given the rules' answers."""
        p = self.quote_paragraphs[i]
        names: dict[str | None, None] = {None: None}
        for who in (rules[i].speaker, *(a.speaker for a in rules[max(0, i - 3) : i + 2])):
            if who:
                names[who] = None
        for paragraph in range(p - BEFORE, p + AFTER + 1):
            names.update(dict.fromkeys(self.named_in.get(paragraph, [])))
        for name in self.ranked[:TOP]:
            names[name] = None
        return list(names)


def _titled_person(name: str, whole: str) -> bool:
    """`Congress MP Pradeep Dhanuka`, tagged an organisation: a person's name after a title, not part of an organisation's name."""
    words, longer = name.split(), whole.split()
    if len(longer) <= len(words) or longer[-len(words):] != words:
        return False
    # a title before the name's words (not `National Rifle Association` nor `Ministry of Foreign Affairs`)
    return any(w.lower().rstrip(".") in PERSONAL_TITLES for w in longer[: len(longer) - len(words)][-3:])


def org_name(ent) -> str:
    """An organisation as the article names it, whole: `Russia’s Defense
    Ministry`, `the Ministry of Foreign Affairs` without its article."""
    doc = ent.doc
    start = ent.start
    # `Russia’s Defense Ministry`: the country that owns it is part of its name
    if start >= 2 and doc[start - 1].tag_ == "POS" and doc[start - 2].ent_type_ in ("GPE", "NORP"):
        start = doc[start - 2].i
        while start > 0 and doc[start - 1].ent_iob_ == "I" and doc[start - 1].ent_type_ == doc[start].ent_type_:
            start -= 1
    end = tail.i + 1 if (tail := title_tail(ent)) is not None else ent.end
    text = doc[start:end].text
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and _PREFIXED.match(words[0]):
        words = words[1:]  # `the pro-Christie Union Leader`: a stance, not the name
    return clean_org(" ".join(words))


_PREFIXED = re.compile(r"(?:pro|anti)-[A-Z]")


PLACE_LABELS = ("GPE", "LOC")
PLACE_PREPOSITIONS = frozenset("in at from near outside across".split())


def _bare(text: str) -> str:
    """A name without `the` and outer punctuation, to compare mentions by."""
    words = clean_org(text).split()
    return " ".join(words[1:] if words and words[0].lower() == "the" else words)


def _speaks(tok) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and is_cue(tok.head)


def title_tail(ent):
    """The word after an organisation's name that the tagger left out though the
    name leans on it (`The New Hampshire Union` + `Leader`, `The Hollywood` +
    `Reporter`): a capitalised word that names outlets and is a title too.
    A role after a name stays a role (`CNN President`, `Tesla CEO`)."""
    doc = ent.doc
    if ent.end >= len(doc):
        return None
    tok = doc[ent.end]
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ in OUTLET_NAME_WORDS & TITLE_WORDS and ent[-1].head.i == tok.i:
        return tok
    return None


def clean_org(text: str) -> str:
    """Outer punctuation and a trailing possessive off an organisation's name."""
    text = text.strip(" ,.;:-–—\"“”‘’'()")
    for tail in ("’s", "'s"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text if any(c.isalpha() for c in text) else ""

