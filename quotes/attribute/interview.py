"""A Q&A's layout: which paragraphs are turns (`Q:`, `A:`, `Interviewer:`,
`Adeyemi:`, `OA:`), who answers them, and whose words the quotations in them are.

The interviewer's turns are no one's words unless their own cue names someone;
the answers are the interviewee's, the person the intro names, unless their own
cue gives someone else. `LayoutRules` builds on these."""

from __future__ import annotations

import dataclasses
import re
from functools import cached_property

from spacy.tokens import Token

from quotes.mentions import SUBJECTS, THIRD_PERSON, Mentions, Source
from quotes.names import clean_name
from quotes.records import Quote
from quotes.words import ANSWERERS, ASKERS

# A paragraph that opens with a turn's label: `Q:`, `Q.`, `Answer:` (a full stop only after one letter).
TURN = re.compile(r"^[ \t]*(?P<label>[A-Za-z]+)[ \t]*(?::|(?<=\b[A-Za-z])\.)[ \t]", re.M)


class TurnRules(Mentions):
    """A Q&A's turns, read from one parsed article."""

    def _first_token(self, lo: int, before: int) -> Token | None:
        """The first token that is not white space from offset `lo`, before token `before`."""
        for i in range(self.token_at(lo), before):
            if not self.doc[i].is_space:
                return self.doc[i]
        return None

    def _initials_of(self, label: str) -> str | None:
        """`OA:` in an interview whose intro names Obiageli Adeyemi: the one
        person the article names whose initials the label is."""
        if not (2 <= len(label) <= 3 and label.isalpha() and label.isupper()):
            return None
        found = {full for _, full in self.names.full if "".join(w[0] for w in full.split() if w[:1].isupper()) == label}
        return found.pop() if len(found) == 1 else None

    @cached_property
    def turns(self) -> dict[int, tuple[str, int]]:
        """Paragraph start -> ("ask" | "answer" | "label", the offset after its
        label), when the article is laid out as questions and answers: a turn
        that asks (`Q:`, `Interviewer:`) and another turn. `label` is a turn
        labelled with someone's name or initials (`Adeyemi:`, `OA:`)."""
        found = {}
        for m in TURN.finditer(self.text):
            word = m["label"].lower()
            role = "ask" if word in ASKERS else "answer" if word in ANSWERERS else "label"
            if role != "label" or m["label"][:1].isupper():
                found[m.start()] = (role, m.end())
        asks = sum(role == "ask" for role, _ in found.values())
        return found if asks and len(found) >= 2 else {}

    def in_turns(self, quotes: list[Quote], sources: list[Source | None]) -> list[Source | None]:
        """The sources of the quotations of a Q&A: a question is the interviewer's
        (no one named) unless its own cue names someone (`Q: The minister, Ann
        Obi, said "..."`); an answer is the interviewee's, the person the intro
        names, unless its own cue gives someone else (`A: He said, "..."`).
        The label is never the speaker (`Q` parsed as the subject of `said`)."""
        if not self.turns:
            return sources
        guest = self._interviewee(quotes, sources, min(self.turns))
        out = []
        for q, src in zip(quotes, sources):
            turn = self.turns.get(paragraph_bounds(self.text, q.start)[0])
            out.append(self._narrated(src, guest) if turn is None else self._in_turn(q, src, *turn, guest))
        return out

    def _narrated(self, src: Source | None, guest: Source | None) -> Source | None:
        """Between the turns, `she said` is the interviewee when her gender fits
        and no one else is named in its paragraph or the one before (the people
        the questions name are not the piece's subject)."""
        if src is None or guest is None or src.kind != "pronoun" or (src.mention or "").lower() not in THIRD_PERSON:
            return src
        person = self.names.canonical(guest.name or "", guest.offset)
        if self.names.gender(person) != THIRD_PERSON[src.mention.lower()]:
            return src
        lo = paragraph_bounds(self.text, src.offset)[0]
        lo = paragraph_bounds(self.text, max(lo - 2, 0))[0]
        others = [e for e in self.people if lo <= e.start_char < src.offset and self.names.canonical(clean_name(e.text), e.start_char) != person]
        return src if others else dataclasses.replace(guest, kind="named", mention=src.mention, cue=src.cue, rule=src.rule)

    def _in_turn(self, q: Quote, src: Source | None, role: str, label_end: int, guest: Source | None) -> Source | None:
        if role == "label":  # `Adeyemi: I told him, "..."`: the label's person
            guest, role = self._labelled(q.start), "answer"
            if src is not None and src.offset < label_end:
                return guest or src  # the label read as the source: as `_labelled` reads it
        if src is not None and src.offset < label_end:
            src = self._beside_label(src, label_end)  # `Q: The minister ... said`, parsed with two subjects
        said = (src.mention or "").lower() if src is not None else ""
        if role == "ask":
            if said in ("you", "your") and guest is not None:
                return dataclasses.replace(guest, mention=src.mention, cue=src.cue)  # `Q: You said "..."`: the interviewee
            label = self.text[paragraph_bounds(self.text, q.start)[0] : label_end].strip(" :.\t")
            return src if src is not None else Source("nominal", label, ":", offset=label_end, rule="label_source")
        if guest is not None and (src is None or said in ("i", "me", "my")):
            return dataclasses.replace(guest, cue=src.cue if src is not None else ":", rule=src.rule if src is not None else "label_source")
        if src is not None and said in THIRD_PERSON and (asked := self._asked_about(q.start, THIRD_PERSON[said])) is not None:
            return dataclasses.replace(asked, mention=src.mention, cue=src.cue, rule=src.rule)  # `Q: ... your father? A: He said, "..."`
        return src

    def _asked_about(self, offset: int, gender: str) -> Source | None:
        """The person the question before an answer asks about, for the answer's
        `he` or `she`: one it names whose gender fits, or the one the article
        introduces by the relation it asks about (`Your father ...?` and `her
        father, Felix Obi,` in the intro)."""
        lo = paragraph_bounds(self.text, offset)[0]
        asks = [start for start, (role, _) in self.turns.items() if role == "ask" and start < lo]
        if not asks:
            return None
        q_lo, q_hi = paragraph_bounds(self.text, max(asks))
        if any(role != "ask" and q_hi < start < lo for start, (role, _) in self.turns.items()):
            return None  # another answer came between
        for ent in self.people:
            if q_lo <= ent.start_char < q_hi and (name := clean_name(ent.text)) and self.names.gender(name) == gender:
                return Source("named", name, None, name=name, offset=ent.start_char)
        asked = {t.head.lower_ for t in self.doc[self.token_at(q_lo) : self.token_at(q_hi)] if t.lower_ == "your" and t.dep_ == "poss"}
        for tok in self.doc[: self.token_at(min(self.turns))]:
            if tok.lower_ in asked and not self.inside[tok.i]:
                for child in tok.children:
                    if child.dep_ == "appos" and (name := self.name_at(child)) and self.names.gender(name) == gender:
                        return Source("named", name, None, name=name, offset=child.idx)
        return None

    def _is_whole(self, name: str, offset: int) -> bool:
        """Is a full name its own canonical form, not another person's who shares its surname?"""
        words = name.split()
        return len(words) < 2 or self.names.canonical(name, offset).split()[-len(words) :] == words

    def _labelled(self, offset: int) -> Source | None:
        """The person a turn's label names (`Adeyemi:`, `OA:`), if it names one."""
        lo, _ = paragraph_bounds(self.text, offset)
        tok = self._first_token(lo, len(self.doc))
        name = self.name_at(tok, places=False) if tok is not None and not self.inside[tok.i] else None
        if not name:
            return None
        name = self._initials_of(name) or as_written_elsewhere(name, self.text)
        return Source("named", name, ":", name=name, offset=tok.idx, rule="label_source")

    def _beside_label(self, src: Source, label_end: int) -> Source | None:
        """The source a turn's label hid: the cue's other subject, after the label."""
        cue = self.doc[self.token_at(src.offset)].head
        for child in cue.children:
            if child.dep_ in SUBJECTS and child.idx >= label_end and not self.inside[child.i]:
                return dataclasses.replace(self.describe(child, src.cue), rule=src.rule)
        return None

    def _interviewee(self, quotes: list[Quote], sources: list[Source | None], first_turn: int) -> Source | None:
        """The person a Q&A interviews: the one its intro quotes by name, or
        else the first person its intro names as a subject (`Ann Obi runs ...`)."""
        body = self._headline_end
        for q, src in zip(quotes, sources):
            if body < q.start < first_turn and src is not None and src.kind == "named" and src.name:
                return dataclasses.replace(src, rule="label_source")
        for tok in self.doc[self.token_at(body) : self.token_at(first_turn)]:
            if tok.dep_ in SUBJECTS and not self.inside[tok.i] and tok.ent_type_ != "ORG" and self.is_person(tok):
                name = self.name_at(tok)
                if name is None or not self._is_whole(name, tok.idx):
                    return None  # the first person named is not clear: no guess at the next
                return Source("named", name, None, name=name, offset=tok.idx, rule="label_source")
        return None


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end of the paragraph (line) holding `offset`."""
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    return lo, (len(text) if hi == -1 else hi)


def as_written_elsewhere(name: str, text: str) -> str:
    """A transcript's label in capitals (`PENCE`) in the case the article
    writes it (`Pence`), or in title case when it is no short acronym."""
    if not name.isupper():
        return name
    titled = " ".join(w.capitalize() for w in name.split())
    written = re.search(rf"(?<!\w){re.escape(titled)}(?!\w)", text) is not None  # the word, not `Un` of `United`
    return titled if written or all(len(w) >= 5 for w in name.split()) else name
