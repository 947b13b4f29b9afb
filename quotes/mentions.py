"""Who a source phrase means, within one article.

A source phrase is read by its head: a name (made canonical with the names the
article uses, `Chollet` -> `Derek Chollet`), a pronoun or a definite description
(resolved to the nearest person named as a subject before it whose gender does
not clash), or an unnamed source (`a senior official`, no speaker).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import ENT_TYPE, LOWER, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from quotes.cues import DEFINITE, PERSONAL_PRONOUNS, SOURCE_NOUNS, TITLES
from quotes.entities import NAME_ENTS, as_place, demonym, introduced_as_kin, looks_like_person, of_a_family, whole_name
from quotes.name_checks import is_handle
from quotes.names import ArticleNames, clean_name, is_first_name, name_key
from quotes.pipeline import TEXT
from quotes.records import Quote
from quotes.words import DOCUMENT_NOUNS, WRITINGS

if not Token.has_extension("lemma"):
    # `load_nlp` sets the pipeline's rule lemmatizer here; a hand-built Doc
    # (the rule tests) reads the lemma it was given, or the word itself
    Token.set_extension("lemma", getter=lambda tok: tok.lemma_ or tok.lower_)

_AGE_DESCRIBED = re.compile(r"\b(\d{1,3})-year-old\b")
_AGE_AFTER = re.compile(r",? (?:now |aged )?(\d{1,3})\b(?!-| percent|%)")  # `Raman, now 38,` `Souza, 52,`
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old (?:[a-z-]+ ){0,3}$")  # `38-year-old nurse Priya Raman`
THIRD_PERSON = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
PLACE_ENTS = {"GPE", "NORP", "LOC", "FAC"}
GENDER_TITLES = frozenset("mr mr. mrs mrs. ms ms. miss".split())
SUBJECTS = ("nsubj", "nsubjpass")
SUBORDINATORS = frozenset("when after as while before because since if although though until once whereas".split())
WINDOW = 100  # tokens before a pronoun's sentence searched for its antecedent
NOT_PEOPLE = frozenset("campaign statement report paper poll study letter memo website post ad video book article story survey".split())


@dataclass
class Source:
    """What the text says about who spoke one quote, before resolution."""

    kind: str  # named | pronoun | description | nominal | none
    mention: str | None
    cue: str | None
    name: str | None = None  # for named sources
    offset: int = 0  # where the mention is, for canonical names and pronouns
    rule: str = ""  # the rule that found it (attribute.sources.SOURCE_RULES)


class Mentions:
    """One parsed article: its tokens, which are quoted, and the names it uses."""

    def __init__(self, doc: Doc, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text: str = doc.user_data.get(TEXT) or doc.text  # Doc.text joins every token: read it at most once
        self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)  # token index -> index in self.sents
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        self.inside = inside_quotes(doc, quotes, self.starts)
        self.names = ArticleNames()
        self._counts: dict[str, int] | None = None
        self._headline_end = self.text.find("\n") % (len(self.text) + 1)  # the whole text when it is one line
        self._lower_words: set[str] | None = None  # the body's lower-case words, read when first asked
        self._common: dict[str, bool] = {}  # headline word -> `_common_in_headline`
        self.ents = [as_place(whole_name(ent)) for ent in doc.ents]  # Doc.ents builds every span anew on each call: read it once
        self.ent_of: dict[int, Span] = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        tagged = [ent for ent in self.ents if ent.label_ in NAME_ENTS or looks_like_person(ent)]
        surnames = {ent[-1].text for ent in tagged if len(ent) > 1}
        self.people = [ent for ent in self.ents if ent.label_ in NAME_ENTS or looks_like_person(ent) or of_a_family(ent, surnames)]
        for ent in self.people:
            self.names.add(ent.start_char, clean_name(ent.text))
            self._titled(ent)
            if introduced_as_kin(ent):
                self.names.add_kin(clean_name(ent.text))
        self.names.add_spelled(self.text)
        # The names are all read now: `is_person` and `person_at` are asked of the same tokens again
        # and again (by the pronouns here, the candidates, the ranker), and most tokens are no name
        self._maybe_person = self._maybe_people()
        self._person_at: dict[int, tuple[str, str] | None] = {}
        self.names.pronouns = self._pronoun_genders()
        for i in self._tokens_in(GENDER_TITLES):  # `Mr. Slinker`, `Mrs. Clinton`: the gender the article gives
            if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
                self.names.add_title(doc[i].text, doc[i + 1].text)

    def _maybe_people(self) -> list[bool]:
        """For each token, whether `is_person` could accept it, read off the Doc's arrays at once: a
        person's entity, a word of a name the article tags, or a proper noun outside any entity.
        Every token `is_person` accepts must be one of these (tests/test_mentions.py checks it)."""
        doc = self.doc
        if not len(doc):
            return []
        ent_type, orth, pos = doc.to_array([ENT_TYPE, ORTH, POS]).T
        known = np.isin(orth, np.array([get_string_id(w) for w in self.names.words], dtype=np.uint64))
        return ((ent_type == doc.vocab.strings["PERSON"]) | known | ((ent_type == 0) & (pos == POS_IDS["PROPN"]))).tolist()

    def _tokens_in(self, words: Iterable[str]) -> list[int]:
        """The indices of the tokens whose lower-case form is one of `words`, in order."""
        if not len(self.doc):
            return []
        lower = self.doc.to_array(LOWER)
        return np.flatnonzero(np.isin(lower, np.array([get_string_id(w) for w in words], dtype=np.uint64))).tolist()

    def _titled(self, ent: Span) -> None:
        """Remember the title written before or at the start of a name (`King Charles`,
        `Chief Financial Officer Priya Raman`: up to four capitalised words before it)."""
        doc, i = self.doc, ent.start
        while i > 0 and doc[i - 1].text == ".":
            i -= 1
        start = i
        while start > max(0, i - 4) and doc[start - 1].text[:1].isupper() and doc[start - 1].ent_iob_ == "O" \
                and doc[start - 1].pos_ in ("PROPN", "NOUN") and not self.inside[start - 1]:
            start -= 1
        title = doc[start:i].text if start < i else doc[i - 1].text if i > 0 and doc[i - 1].text[:1].isupper() else ent[0].text
        self.names.add_titled(title, clean_name(ent.text))

    def _pronoun_genders(self) -> dict[str, str]:
        """Surname -> "m"/"f" from the article's own pronouns: each he or she
        outside quotations votes for the person last named as a subject in its
        sentence or the one before (`Naureen Jahangir ... is among those who
        will not back Clinton. The campaign was the first time she had been`;
        a name the tagger missed too: `Field told me that she`), unless
        someone else is named between them in the pronoun's own sentence (`an
        event attended by Ólafur Grímsson, and he'd remarked`). A given name
        the list does not know gets the gender the article gives it; a surname
        whose votes disagree (two Clintons) gets none."""
        doc = self.doc
        maybe = [doc[i] for i, person in enumerate(self._maybe_person) if person and not self.inside[i]]
        named = [(tok.i, words[-1], role(tok).dep_ in SUBJECTS) for tok in maybe
                 if self.is_person(tok) and (person := self.person_at(tok)) and (words := name_key(person[1])[0])]
        subjects = [(i, last) for i, last, subject in named if subject]
        ends, named_at = [i for i, _ in subjects], [i for i, _, _ in named]
        votes: dict[str, Counter] = {}
        for i in self._tokens_in(THIRD_PERSON):
            tok = doc[i]
            gender = THIRD_PERSON[tok.lower_]
            if self.inside[tok.i]:
                continue
            at = bisect.bisect_left(ends, tok.i) - 1
            if at < 0 or self.sent_of[tok.i] - self.sent_of[ends[at]] > 1:
                continue
            last_named = named[bisect.bisect_left(named_at, tok.i) - 1]
            if last_named[0] != ends[at] and self.sent_of[last_named[0]] == self.sent_of[tok.i]:
                continue  # someone named closer, in the pronoun's own sentence, may be the one meant
            votes.setdefault(subjects[at][1], Counter())[gender] += 1
        return {last: g for last, c in votes.items() for g, k in c.most_common(1) if k >= 3 * (sum(c.values()) - k)}

    def mention_count(self, canonical: str) -> int:
        """How often the article names this person (its main people are named most)."""
        if self._counts is None:
            self._counts = {}
            for ent in self.ents:
                if ent.label_ in NAME_ENTS and (name := clean_name(ent.text)):
                    key = self.names.canonical(name, ent.start_char)
                    self._counts[key] = self._counts.get(key, 0) + 1
        return self._counts.get(canonical, 0)

    def token_at(self, offset: int) -> int:
        """The first token at or after a character offset (the last token if none)."""
        return min(bisect.bisect_left(self.starts, offset), len(self.doc) - 1)

    def sent(self, i: int) -> Span:
        """The sentence of token `i` (Token.sent walks the document each time)."""
        return self.sents[self.sent_of[i]]

    def animate(self, tok: Token) -> bool:
        """Could this head a phrase that names a person?"""
        return (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ == "PERSON" or tok.lower_ in SOURCE_NOUNS
                or tok.text[:1].isupper() and self.names.knows(tok.text))  # `D’Souza replied`, tagged a common noun

    def describe(self, head: Token, cue: str | None, *, places: bool = True) -> Source:
        """Classify the phrase headed by `head`: a name, a pronoun, a description."""
        doc = self.doc
        if head.lower_ == "who" and head.head.dep_ == "relcl":
            head = head.head.head
        lower = head.lower_
        if head.pos_ == "PRON" and lower != "one":
            kind = "pronoun" if lower in PERSONAL_PRONOUNS else "none"
            return Source(kind, head.text, cue, offset=head.idx)
        if lower in WRITINGS and (owner := next((c for c in head.children if c.dep_ == "poss"), None)) is not None:
            # `Sanders’ fundraising email to his supporters notes that "..."`: whose writing it is speaks
            if owner.lower_ in PERSONAL_PRONOUNS:
                return Source("pronoun", owner.text, cue, offset=owner.idx)
            if owner.text[:1].isupper() and (named := self.name_at(owner)):
                return Source("named", named, cue, name=named, offset=owner.idx)
        if head.lower_.rstrip(".") in TITLES and (holder := self._named_in_apposition(head)) is not None:
            # `the independent Member for Lismore, Rhys Tamberlin, said`: the title's holder, not its place
            return Source("named", holder[1], cue, name=holder[1], offset=holder[0])
        name = self.name_at(head, places=places)
        if name and not name_key(name)[0] and (holder := self._person_in(head)) is not None:
            # `Sirius XM Vice President for news and talk Dave Gorab called`: the title's holder, named in its phrase
            return Source("named", holder[1], cue, name=holder[1], offset=holder[0])
        if name and not name_key(name)[0] and self._described(head) and not self.names.title_holder(name):
            # `the Prime Minister said`, and no `Prime Minister X` in the article: someone named before, described
            return Source("description", doc[head.left_edge.i : head.i + 1].text, cue, offset=head.idx)
        if name and self._described(head) and demonym(head):
            # `"We never stopped," the Italian said`: a person named before, described by where they are from
            return Source("description", doc[head.left_edge.i : head.i + 1].text, cue, offset=head.idx)
        if name:
            return Source("named", name, cue, name=name, offset=head.idx)
        for child in head.children:  # a name in apposition (`his spokesman, Jason Miller`, `One of its executives, Michael Sexton`)
            if child.dep_ == "appos" and (appos_name := self.name_at(child)):
                return Source("named", appos_name, cue, name=appos_name, offset=child.idx)
        if lower == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return Source("nominal", doc[head.i : head.right_edge.i + 1].text, cue, offset=head.idx)
        if head.dep_ == "appos" and head.head.i < head.i and (named := self.name_at(head.head, places=False)):
            return Source("named", named, cue, name=named, offset=head.head.idx)  # `Rick Wilson, a Republican strategist, advised`
        phrase = doc[head.left_edge.i : head.i + 1].text
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        aged = head.lower_ == "old" and _AGE_DESCRIBED.search(phrase)  # `the 38-year-old`, whatever its tag
        if determiners & DEFINITE and (head.tag_ == "NN" or aged) and lower not in NOT_PEOPLE:
            return Source("description", phrase, cue, offset=head.idx)
        if lower in SOURCE_NOUNS or determiners & {"a", "an", "one"}:
            return Source("nominal", phrase, cue, offset=head.idx)
        return Source("none", phrase, cue, offset=head.idx)

    def _person_in(self, head: Token) -> tuple[int, str] | None:
        """(offset, name) of the person a title's phrase names, when it names one (`Vice President for news and talk Dave Gorab`)."""
        for tok in head.subtree:
            ent = self.ent_of.get(tok.i)
            if tok.i > head.i and ent is not None and ent.label_ in NAME_ENTS and tok.i == ent.end - 1 and not self.inside[tok.i]:
                return ent.start_char, clean_name(ent.text)
        return None

    def _named_in_apposition(self, head: Token) -> tuple[int, str] | None:
        """(offset, name) of a person in apposition to `head` or to its phrase's last noun (`the Minister
        for Health, Simon Harris,`, where the parse may hang the name on `Health`)."""
        nouns = [head, *(o for p in head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
        for c in (c for noun in nouns for c in noun.children):
            ent = self.ent_of.get(c.i)
            if c.dep_ == "appos" and ent is not None and ent.label_ in NAME_ENTS and c.i == ent.end - 1 and not self.inside[c.i]:
                return ent.start_char, clean_name(ent.text)
        return None

    def _described(self, head: Token) -> bool:
        """`the President`, not `King` (Billie Jean King) or `State` (the State Department) alone."""
        return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children) and not self.names.knows(head.text)

    def name_at(self, tok: Token, *, places: bool = True) -> str | None:
        """The name whose last word is `tok`, if it is a name: a person's, or an
        organisation's (`the White House said`). The tagger often takes a
        surname for a place (`Blinken`), so any proper noun heading a source is
        read as a name; with `places=False`, a place or nationality the article
        never uses in a person's name is not (`as the US looks for ways to
        "depressurise" ties`)."""
        if self._common_in_headline(tok):
            return None  # `'I was never told': Nurse speaks out`, and the body's `A nurse who worked ...`
        if tok.text.startswith("@") and is_handle(tok.text):
            return tok.text[1:]  # `@mikebrennan_88 posted: "..."`, whatever the tagger made of it
        if any(c.dep_ == "nummod" and c.i < tok.i for c in tok.children):
            return None  # `500 BC`, `one senior Democrat`: a measure or a count, not a name (`Local 90` is one)
        if tok.lower_ in DOCUMENT_NOUNS and any(c.dep_ == "det" for c in tok.children):
            return None  # `The Bill will also remove "..."`: a document, not `Bill` someone
        if tok.lower_.rstrip(".") in TITLES and tok.i + 1 < len(self.doc):  # `Texas Sen. Ted Cruz`, `Det. Sgt. Ana Ruiz`
            after = self.doc[tok.i + 1]
            while after.i + 1 < len(self.doc) and (after.text == "." or after.lower_.rstrip(".") in TITLES and after.ent_iob_ != "B"):
                after = self.doc[after.i + 1]
            if after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
                ent = self.ent_of[after.i]
                return clean_name(ent.text) or None
        if tok.ent_type_ in NAME_ENTS or (tok.ent_type_ == "ORG" and tok.pos_ == "PROPN"):
            ent = self.ent_of[tok.i]
            return clean_name(ent.text) or None
        place = tok.ent_type_ in PLACE_ENTS and not self.names.knows(tok.text)
        if place and places and tok.ent_iob_ == "I":  # `the Las Vegas Sun`, tagged a place: all of it
            ent = self.ent_of[tok.i]
            return clean_name(ent.text) or None
        bare = tok.tag_ in ("NN", "NNP") and not tok.is_stop and not any(c.dep_ in ("det", "poss") for c in tok.children)
        capitalised = (
            tok.text[:1].isupper()
            and tok.lower_ not in SOURCE_NOUNS
            and (tok.i != self.sent(tok.i).start or bare or self.names.knows(tok.text))
        )
        proper = tok.pos_ == "PROPN" or (capitalised and (tok.pos_ == "NOUN" or self.names.knows(tok.text)))
        if proper and tok.ent_type_ not in ("DATE", "TIME") and (places or not place):
            words = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
            start = words[0].i if words else tok.i
            return clean_name(self.doc[start : tok.i + 1].text) or None
        return None

    def _common_in_headline(self, tok: Token) -> bool:
        """A capitalised word of the headline that the body writes in lower
        case (`Nurse` and `a nurse`), and never capitalised within a sentence,
        and no name uses: a title-case noun."""
        if not tok.text[:1].isupper() or tok.idx > self._headline_end or self.names.knows(tok.text):
            return False
        if any(c.dep_ == "compound" for c in tok.children):
            return False
        if tok.text not in self._common:
            body = self.text[self._headline_end :]
            if self._lower_words is None:
                self._lower_words = set(re.findall(r"(?<![\w’'-])[a-z][a-z’'-]+", body))
            capitalised_within = re.search(rf"[a-z,;:] {re.escape(tok.text)}(?!\w)", body)  # `the State Department`
            self._common[tok.text] = tok.lower_ in self._lower_words and not capitalised_within
        return self._common[tok.text]

    def person_at(self, tok: Token) -> tuple[str, str] | None:
        """(name as written, canonical name) of the person a name ends at `tok`;
        None inside a name or where no name is. A `Mr.`/`Mrs.` before a bare
        surname is kept: it picks which Clinton."""
        if tok.i not in self._person_at:
            self._person_at[tok.i] = self._read_person_at(tok)
        return self._person_at[tok.i]

    def _read_person_at(self, tok: Token) -> tuple[str, str] | None:
        doc = self.doc
        if tok.ent_iob_ == "I" and tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I":
            return None  # not the last word of the name
        name = self.name_at(tok, places=False)
        if not name:
            return None
        title = doc[tok.i - 1].text if tok.i > 0 else ""
        if title.lower() in GENDER_TITLES and len(name.split()) == 1:
            name = f"{title} {name}"
        return name, self.names.canonical(name, tok.idx)

    def person_aged(self, description: str, offset: int) -> str | None:
        """`the 38-year-old` is the one person the article gives that age
        before `offset` (`Priya Raman, now 38,`, `38-year-old nurse Priya Raman`)."""
        age = _AGE_DESCRIBED.search(description)
        if age is None:
            return None
        found = set()
        for ent in self.people:
            if ent.start_char >= offset:
                break
            after = _AGE_AFTER.match(self.text, ent.end_char)
            before = _AGE_BEFORE.search(self.text[max(0, ent.start_char - 40) : ent.start_char])
            if age[1] in ((after and after[1]), (before and before[1])):
                found.add(self.names.canonical(clean_name(ent.text), ent.start_char))
        return found.pop() if len(found) == 1 else None

    def recent_person(self, offset: int, pronoun: str, speakers: list[str]) -> str | None:
        """The person a pronoun or description at `offset` most likely means.

        Walks back from it, through its sentence and then the sentences before,
        to the nearest person named as a subject whose gender does not clash
        with the pronoun's; subjects of reported clauses (`said Nunberg was`)
        count only when nobody else fits. Falls back on the latest speaker.
        """
        doc = self.doc
        want = PERSONAL_PRONOUNS.get(pronoun.lower())
        tok_i = self.token_at(offset)
        sent_start = self.sent(tok_i).start
        own = list(reversed(doc[sent_start:tok_i]))
        earlier = list(reversed(doc[max(0, sent_start - WINDOW) : sent_start]))
        # subjects nearest first; then anyone named earlier in the pronoun's own
        # sentence (`As for Trump, he said`); reported subjects only as a last resort
        passes = ((own + earlier, SUBJECTS, False), (own, None, False), (own + earlier, SUBJECTS, True))
        for window, deps, allow_reported in passes:
            for t in window:
                if (deps and role(t).dep_ not in deps) or self.inside[t.i] or not self.is_person(t):
                    continue
                if not allow_reported and (reported(role(t)) or subordinate(role(t).head)):
                    continue
                if (person := self.person_at(t)) is None:
                    continue
                name, canonical = person
                if (self.agrees(name, want) and self.agrees(canonical, want)) or (speakers and canonical == speakers[-1]):
                    return canonical
        return next((s for s in reversed(speakers) if self.agrees(s, want)), None)

    def is_person(self, tok: Token) -> bool:
        """Does `tok` end a person's name: tagged so, a word of a name the
        article tags, or an untagged subject that is the surname of a name
        read from the text (`Osei shrugs off the doubters`)?"""
        return self._maybe_person[tok.i] and self._is_person(tok)  # the cheap test first: most tokens are no name

    def _is_person(self, tok: Token) -> bool:
        if tok.ent_type_ == "PERSON":
            return True
        if tok.ent_type_ in ("", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "WORK_OF_ART") and self.names.knows(tok.text):
            return True
        if tok.ent_type_ or tok.pos_ != "PROPN" or tok.dep_ not in SUBJECTS or not self.names.spelled_surname(tok.text):
            return False
        before = itertools.takewhile(lambda t: t.text[:1].isupper(), reversed(self.doc[max(0, tok.i - 3) : tok.i]))
        return all(is_first_name(t.text) for t in before)  # `Ana Ruiz opened`, `Osei shrugs`; not `Right Wing Watch`

    def agrees(self, name: str, want: str | None) -> bool:
        found = self.names.gender(name)
        return want is None or found is None or found == want


def role(tok: Token) -> Token:
    """The token that holds a name's place in its clause: the name itself, or
    the noun or pronoun it stands in apposition to (`The shop's owner, Rajesh
    Patel, told`, `One of the plaintiffs, Ruth Simmons, said`: the subject)."""
    head = tok.head
    holds = head.pos_ in ("NOUN", "NUM", "PRON") or head.pos_ == "PROPN" and not head.ent_type_  # `The General Manager of ..., Mrs Alabi,`
    return head if tok.dep_ == "appos" and head.i < tok.i and holds else tok


def subordinate(tok: Token) -> bool:
    """Is this cue inside an adverbial clause (`When Trump suggested ...,
    Rubio fired back: "..."`)? Such a cue speaks of something else."""
    for node in itertools.chain([tok], tok.ancestors):
        if node.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS for c in node.children):
            return True
    return False


def reported(tok: Token) -> bool:
    """Is this the subject of a clause someone reports (`said Nunberg was
    bound`, `concern that Trump may win`)? Such a subject is not the topic."""
    verb = tok.head
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return True  # `expressed concern that Clinton may become`
    return verb.dep_ == "ccomp"


def inside_quotes(doc: Doc, quotes: list[Quote], starts: list[int] | None = None) -> list[bool]:
    """For each token, whether it lies inside a quotation (marks included)."""
    inside = [False] * len(doc)
    starts = [t.idx for t in doc] if starts is None else starts
    for q in quotes:
        begin, end = max(0, q.start - 2), q.end + 2
        for i in range(bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end)):
            if doc[i].idx + len(doc[i]) <= end:
                inside[i] = True
    return inside
