"""Rules for quotations whose source is given by the layout, not a speech verb:
a label or colon before them, a dash after them, a headline, a partial quote's
own verb, or a reporting sentence earlier in the paragraph; a Q&A's turns are
read in `interview.py`."""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Span, Token

from quotes.attribute.interview import TurnRules, as_written_elsewhere, paragraph_bounds
from quotes.cues import QUOTING_VERBS, cue_text, is_cue, is_said_form
from quotes.mentions import Source
from quotes.names import clean_name, name_key
from quotes.records import Quote
from quotes.words import ASKERS, ROLE_WORDS, TITLE_FORMS

WEAK_RULES = ("partial_quote_source", "paragraph_source", "headline_source")  # a headline's name before its quote beats these
MAX_LABEL = 6  # words in a speaker's label before its colon
QUOTE_MARKS = "\"“”„«»'‘’` "


class LayoutRules(TurnRules):
    """The no-cue rules, read from one parsed article (see `Article` for the cue rules)."""

    def headline_source(self, span: Span) -> Source | None:
        """A headline in title case that opens with a person's name gives the
        quotation to that person (`Bernie Sanders Pins The Rise Of ISIS On
        'Disastrous' Invasion Of Iraq`): in title case the parser finds no verb
        and the tagger no name, so the name is read from those the article uses."""
        lo, hi = paragraph_bounds(self.text, span.start_char)
        words = [w for w in re.findall(r"[A-Za-z][\w’']*", self.text[lo:hi])]
        # the words of a name the article's body uses (the tagger reads `Gina Rodriguez Questioned` as one)
        body = {word for o, full in self.names.full if not lo <= o < hi for word in full.split()}
        first = self._first_token(lo, span.start)
        if first is None:
            return None
        end = first.i
        while end < span.start and not self.inside[end] and self.doc[end].text in body:
            end += 1
        name = clean_name(self.doc[first.i : end].text) if end > first.i else ""
        if name and not self.text[:lo].strip() and all(t.is_quote or t.is_space for t in self.doc[end : span.start]):
            return Source("named", name, None, name=name, offset=first.idx)  # the title line `Cruz 'glad to finish' fight with Trump`
        if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words) or all(w.isupper() for w in words):
            return None
        if name:
            return Source("named", name, None, name=name, offset=first.idx)
        return self._named_after(span, body, hi)

    def _named_after(self, span: Span, body: set[str], hi: int) -> Source | None:
        """`Guns Are ‘The Ultimate Public Health Crisis,’ Howard Dean Tells Democratic Convention`:
        a name of the body's right after the quotation, then a speech verb."""
        doc, i = self.doc, span.end
        while i < len(doc) and doc[i].idx < hi and (doc[i].is_punct or doc[i].is_space):
            i += 1
        start = i
        while i < len(doc) and doc[i].idx < hi and doc[i].text in body:
            i += 1
        if i == start or i >= len(doc) or doc[i].idx >= hi or not is_said_form(doc[i].text):
            return None
        name = clean_name(doc[start:i].text)
        return Source("named", name, None, name=name, offset=doc[start].idx) if name else None

    def dash_source(self, span: Span) -> Source | None:
        """A signature after the quotation: `"..." — Donald Trump`, also as the
        next paragraph (`- Clinton.`)."""
        doc = self.doc
        i = span.end
        while i < len(doc) and (doc[i].is_space or doc[i].is_quote or doc[i].text in ".,"):
            i += 1
        if i + 1 >= len(doc) or doc[i].text not in ("-", "–", "—", "--"):
            return None
        for tok in doc[i + 1 : min(i + 5, len(doc))]:
            if tok.is_space or tok.text in ".,;:":
                break
            if tok.dep_ != "compound" and (name := self.name_at(tok, places=False)):
                return Source("named", name, "—", name=name, offset=tok.idx)
        return None

    def label_source(self, span: Span) -> Source | None:
        """A paragraph that opens with a speaker's label: a transcript
        (`PENCE: ...`) or a headline (`Ted Cruz: 'Physically ...'`)."""
        lo, _ = paragraph_bounds(self.text, span.start_char)
        first = self._first_token(lo, span.start)
        if first is None:
            return None
        label = []
        for tok in self.doc[first.i : min(first.i + MAX_LABEL, span.start)]:
            if tok.text == ":":
                break
            label.append(tok)
        else:
            return None
        if 0 <= self._colon_before(span) != first.i + len(label):
            return None  # `Clinton: "..." Bush: "..."`: the second quotation has a label of its own
        if not label or any(not (t.text[:1].isupper() or t.text in "-–—.") for t in label):
            return None
        words = [t.lower_ for t in label if t.is_alpha]
        if words and all(w in ROLE_WORDS or w in ASKERS for w in words):
            # `REPORTER: "Are you worried?"`, `Q: ...`: a role, no one named
            return Source("nominal", " ".join(t.text for t in label), ":", offset=label[0].idx)
        for tok in label:
            if tok.dep_ != "compound" and (name := self.name_at(tok, places=False)):
                name = self._initials_of(name) or as_written_elsewhere(name, self.text)
                return Source("named", name, ":", name=name, offset=tok.idx)
        return None

    def paragraph_source(self, span: Span) -> Source | None:
        """A quotation with no cue of its own after a sentence of the same
        paragraph that reports someone (`Coan argues that ... "The government
        is alleging ..."`): that someone."""
        text = self.text
        lo, _ = paragraph_bounds(text, span.start_char)
        if text[lo : span.start_char].strip(QUOTE_MARKS) == "" and lo > 0:
            # it opens its paragraph: the previous paragraph may introduce it
            # (`Then, in 2017, Kerry said that 100,000 would be accepted.`),
            # unless that paragraph quotes someone (a continuation, handled later)
            prev_lo, _ = paragraph_bounds(text, len(text[:lo].rstrip()) - 1)
            if not any(self.inside[i] for i in range(self.token_at(prev_lo), span.start) if self.starts[i] < lo):
                lo = prev_lo
        for tok in reversed(self.doc[: span.start]):
            if tok.idx < lo:
                return None
            if self.inside[tok.i] or not is_cue(tok) or self._in_relative_clause(tok):
                continue
            if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and not any(a.i == tok.i for t in span for a in t.ancestors):
                continue  # what a sentence is about, not who speaks next (`..., about Comey's statement. "..."`)
            subject = self.subject(tok)
            if subject is not None and self.animate(subject):
                return self.describe(subject, cue_text(tok))
        return None

    def colon_source(self, span: Span) -> Source | None:
        """A quotation after a colon: `Ted Cruz: 'Physically ...'`, `Mosman saw
        it differently: "..."`, or a paragraph ending in a colon before it.
        The label's first name, or the subject of the clause before the colon."""
        doc = self.doc
        before = self._colon_before(span)
        if before < 0:
            return None
        if (labelled := self.label_source(span)) is not None:
            return labelled  # `REPORTER: "..."`, `PRESIDENT BIDEN: "..."`: a transcript's label, read as one
        clause = self.sent(before)
        label = doc[before - 1] if before > 0 else None  # `... - Carl Bialik: "..."`
        while label is not None and label.dep_ == "conj" and label.head.i < label.i and label.head.ent_type_ == "PERSON":
            label = label.head  # `More from Blumenthal and Cohen:` is signed by the first
        if label is not None and label.ent_type_ == "PERSON" and (name := self.name_at(label, places=False)):
            return Source("named", name, ":", name=name, offset=label.idx)
        signed = self._dash_label(before)
        if signed is not None:
            return signed
        head = clause.root if clause.root.i != before else doc[before].head
        if head.pos_ in ("VERB", "AUX") and (subject := self.subject(head)) is not None and not self.inside[subject.i]:
            return self.describe(subject, ":")
        if (owner := self._owner_before(clause.start, before)) is not None:
            return self.describe(owner, ":")
        for tok in doc[clause.start : before]:
            if not self.inside[tok.i] and (name := self.name_at(tok, places=False)) and tok.ent_iob_ != "I" and tok.dep_ != "compound":
                return Source("named", name, ":", name=name, offset=tok.idx)
        return None

    def _owner_before(self, start: int, colon: int) -> Token | None:
        """`Her final line: "..."`, `Smith's reply to critics: "..."`: the
        possessor of the noun phrase that stands alone before the colon."""
        doc = self.doc
        if colon <= start or any(t.pos_ in ("VERB", "AUX") and not self.inside[t.i] for t in doc[start:colon]):
            return None
        tok = doc[colon - 1]
        for _ in range(4):
            owner = next((c for c in tok.children if c.dep_ == "poss"), None) if tok.pos_ in ("NOUN", "PROPN") else None
            if owner is not None and not self.inside[owner.i]:
                return owner
            if tok.head.i == tok.i or not start <= tok.head.i < colon:
                return None
            tok = tok.head
        return None

    def _colon_before(self, span: Span) -> int:
        """The index of a colon right before the quotation (marks between), or -1."""
        doc = self.doc
        before = span.start - 1
        while before >= 0 and (doc[before].is_quote or doc[before].is_space or doc[before].text in QUOTE_MARKS.split()):
            before -= 1
        return before if before >= 0 and doc[before].text == ":" else -1

    def _dash_label(self, colon: int) -> Source | None:
        """A digest item's source between a dash and the colon: `Pollsters
        agree - Carl Bialik: "..."`, `... - Pew Research: "..."`."""
        doc = self.doc
        if colon < 0:
            return None
        i = colon - 1
        while i >= 0 and colon - i <= 4 and doc[i].text[:1].isupper() and not self.inside[i]:
            i -= 1
        if i < 0 or i == colon - 1 or doc[i].text not in ("-", "–", "—", "--"):
            return None
        signature = re.split(r" (?:and|&) ", doc[i + 1 : colon].text)[0]  # `- Mark Blumenthal and Jon Cohen:` -> the first
        name = clean_name(signature)
        return Source("named", name, ":", name=name, offset=doc[i + 1].idx) if name else None

    def partial_quote_source(self, span: Span) -> Source | None:
        """`called the plan "a disgrace"`: the subject of the verb the quote hangs from.

        Not for a name given in the passive (`has been called the "Trump of
        the East"`): that is nobody's words."""
        tok = span.root.head
        for _ in range(4):
            if not self.inside[tok.i] and tok.pos_ == "VERB":
                break
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        if self.inside[tok.i] or tok.pos_ != "VERB":
            return None
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            return None
        subject = self.subject(tok)
        if subject is None:
            return None
        source = self.describe(subject, tok.text, places=False)
        if source.kind in ("named", "pronoun") or tok._.lemma in QUOTING_VERBS:
            return source
        return None

    def laid_out(self, quotes: list[Quote], sources: list[Source | None]) -> list[Source | None]:
        """The sources, read again where the layout says more than the parse:
        a Q&A's turns, the headline."""
        return self.in_headline(quotes, self.in_turns(quotes, sources))

    def in_headline(self, quotes: list[Quote], sources: list[Source | None]) -> list[Source | None]:
        """A headline's quotations: right after a name they are its words
        (`China ‘firmly opposes’ ...`, `Minister ‘confident’ deal will pass`);
        before a colon they are no one's here (`‘...’: Lagos logistics boss on
        ...`), the body's speaker of them or the interviewee's; `CEO says` is the
        one the body gives that title. What the verb a headline's quotation
        hangs from names gives way to the body quoting the same words."""
        out = list(sources)
        for i, q in enumerate(quotes):
            if q.start >= self._headline_end:
                break
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            src = sources[i]
            if opens_before_colon(self.text, q):
                out[i] = self._answered(q)
            elif (src is None or src.rule in WEAK_RULES) and (before := self._named_before_quote(span)) is not None:
                out[i] = before
            elif src is not None and src.kind == "named" and not name_key(src.name or "")[0]:
                out[i] = self._holder(src.name or "", src) or src
            elif src is not None and src.rule == "partial_quote_source" and not self._spoken(src) and self._quoted_later(q, i, quotes):
                out[i] = None  # `..., bets on AI assistant that ‘sees what you see’`: whoever the body says said it
        return out

    def _answered(self, q: Quote) -> Source | None:
        """A Q&A's headline quotation that one of its answers says (unquoted): the interviewee's."""
        if not self.turns:
            return None
        words = " ".join(re.findall(r"\w+", q.text.lower()))
        for lo, (role, end) in self.turns.items():
            if role != "ask" and words in " ".join(re.findall(r"\w+", self.text[end : paragraph_bounds(self.text, end)[1]].lower())):
                return self._labelled(lo) if role == "label" else self._interviewee([], [], min(self.turns))
        return None

    def _spoken(self, src: Source) -> bool:
        """Is a headline source's verb a speech verb (`..., Trump hints`), not `bets on` or `unveils`?"""
        return any(is_cue(t) for t in self.doc[: self.token_at(self._headline_end)] if t.text == src.cue)

    def _quoted_later(self, q: Quote, i: int, quotes: list[Quote]) -> bool:
        words = " ".join(re.findall(r"\w+", q.text.lower()))
        return len(words.split()) >= 2 and any(f" {words} " in " " + " ".join(re.findall(r"\w+", o.text.lower())) + " " for o in quotes[i + 1 :] if o.start >= self._headline_end)

    def _named_before_quote(self, span: Span) -> Source | None:
        """`China ‘firmly opposes’ EU sanctions`: the name right before a
        headline's quotation whose words are its predicate (not a term that
        modifies the next word, `EU ‘dual-use’ rules`)."""
        doc, i = self.doc, span.start - 1
        while i >= 0 and (doc[i].is_quote or doc[i].is_space):
            i -= 1
        if i < 0 or i == span.start - 1 or self.inside[i] or not doc[i].text[:1].isupper() or doc[i].is_stop:
            return None
        words = [w for w in re.findall(r"[A-Za-z][\w’']*", self.text[: self._headline_end])]
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            return None  # title case: `headline_source` reads those
        start = i
        while start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_space:
            start -= 1
        phrase = doc[start : i + 1].text
        role = all(t.lower_.rstrip(".") in ROLE_WORDS for t in doc[start : i + 1])
        if not role and span.root.dep_ in ("amod", "compound", "nmod") and span.root.head.i >= span.end:
            return None  # a name may modify a noun (`Trump ‘big, beautiful’ bill`), a title does not (`Minister ‘confident’ deal ...`)
        if role:
            described = Source("description", phrase, None, offset=doc[i].idx, rule="headline_source")
            return self._holder(phrase, described) or described
        name = self.name_at(doc[i])
        return Source("named", name, None, name=name, offset=doc[start].idx, rule="headline_source") if name else None

    def _holder(self, title: str, src: Source) -> Source | None:
        """The person the body gives a headline's title (`CEO`) to: named right
        after it (`Chief Executive Jane Roe`) or with it in apposition (`Jane Roe, the chief executive,`)."""
        key = title.lower().rstrip(".")
        forms = TITLE_FORMS.get(key, (key,))
        for ent in self.people:
            if ent.start_char < self._headline_end or self.inside[ent.start]:
                continue
            before = self.text[max(0, ent.start_char - 40) : ent.start_char].lower()
            after = self.text[ent.end_char : ent.end_char + 60].lower()
            after = after[: after.find(",", 2)] if after.startswith(",") and after.find(",", 2) > 0 else ""
            if any(before.rstrip().endswith(f) or ent.text.lower().startswith(f) or re.search(rf"\b{re.escape(f)}\b", after) for f in forms):
                name = clean_name(ent.text)
                return dataclasses.replace(src, kind="named", name=name, mention=name, offset=ent.start_char)
        return None


def opens_before_colon(text: str, q: Quote) -> bool:
    """Does the quotation open the article, a colon after it (`‘A voice that made you stop’: Tributes pour in for ...`)?"""
    return text[: q.start].strip(QUOTE_MARKS) == "" and text[q.end :].lstrip(QUOTE_MARKS)[:1] == ":"
