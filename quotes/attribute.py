"""Attribution: who said each quote, read from spaCy's parse and entities.

For each quotation, in order:
1. find its cue: a speech verb (or `according to`) outside the quotation marks,
   in the sentences the quotation touches, preferring the verb the quotation
   hangs from in the parse, then the nearest;
2. take the verb's subject (`Chollet said`, `said Shen Dingli`) as the source
   phrase, and read its head: a name, a pronoun, a definite description
   (`the top US diplomat`) or an unnamed source (`a senior official`);
3. with no cue: a name before a colon (`Ted Cruz: "..."`, `PENCE:`) or after a
   dash, the verb a partial quote hangs from, a reporting sentence earlier in
   the paragraph (or the paragraph before, when the quotation opens its own),
   another quote of the same paragraph, or the previous paragraph's speaker
   when the paragraph opens with the quotation;
4. resolve pronouns and descriptions to a person mentioned before, and make
   every name canonical within the article (`Chollet` -> `Derek Chollet`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from quotes import ranker

from quotes.cues import QUOTING_VERBS, cue_text, is_cue
from quotes.mentions import Mentions, Source, subordinate
from quotes.names import clean_name
from quotes.records import Attribution, Quote

MAX_LABEL = 6  # words in a speaker's label before its colon
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "prep", "pobj"}
QUOTE_MARKS = "\"“”„«»'‘’` "
OPENING_MARKS = {"", '"', "“", "”", "'", "‘", "’", "«", "„", "''", "``"}


Resolver = Callable[[Mentions, int, str, list[str]], "str | None"]


def attribute(doc: Doc, quotes: list[Quote], *, resolver: Resolver | None = None) -> list[Attribution]:
    """One Attribution per quote, in the same order. `resolver` picks the person
    a pronoun means (by default the shipped ranker, or the rule without it)."""
    if resolver is None:
        weights = ranker.shipped_weights()
        resolver = lambda m, offset, pronoun, speakers: ranker.resolve(m, offset, pronoun, speakers, weights)  # noqa: E731
    article = _Article(doc, quotes)
    sources = [article.find_source(q) for q in quotes]
    _share_within_groups(quotes, sources)
    out: list[Attribution] = []
    speakers: list[str] = []  # canonical names of the people resolved so far
    nominal_heads: set[str] = set()  # `a senior official` makes `the official` unnamed too
    for i, (q, src) in enumerate(zip(quotes, sources)):
        if src is None:
            out.append(_without_cue(q, i, quotes, out, article.text))
        else:
            speaker = None
            head = (src.mention or "").split()[-1:] or [""]
            if src.kind == "named" and src.name:
                speaker = article.names.canonical(src.name, src.offset)
            elif src.kind == "pronoun" or (src.kind == "description" and head[0].lower() not in nominal_heads):
                speaker = resolver(article, src.offset, head[0], speakers)
            elif src.kind == "nominal":
                nominal_heads.add(head[0].lower())
            out.append(Attribution(quote=q, speaker=speaker, mention=src.mention, cue=src.cue, kind=src.kind))
        if out[-1].speaker:
            speakers.append(out[-1].speaker)
    return out


class _Article(Mentions):
    """One parsed article, read for the cues and frames that name a source."""

    # ------------------------------------------------------------ cues

    def find_source(self, q: Quote) -> Source | None:
        """The source the text gives for this quote, if any."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        quote_tokens = range(span.start, span.end)
        signed = self._dash_label(self._colon_before(span))
        if signed is not None:  # a digest item signed before its colon beats any verb of the headline
            return signed
        ranked = []
        for tok in self.scope(span):
            if self.inside[tok.i] or not is_cue(tok):
                continue
            linked = tok.head.i in quote_tokens or any(a.i == tok.i for t in span for a in t.ancestors)
            # a cue inside what another cue reports (`Cruz said Rubio will continue to be "..."`)
            reported = self._reported_cue(tok)
            distance = span.start - tok.i if tok.i < span.start else tok.i - span.end
            if tok.pos_ == "NOUN" and not linked:
                continue  # a noun cue speaks only for the quotation it governs
            # a cue in a relative clause or a negated one (`Comey cannot say that`) speaks of something else
            aside = subordinate(tok) or self._in_relative_clause(tok) or any(c.dep_ == "neg" for c in tok.children)
            ranked.append((0 if linked else 1, int(aside), int(reported), distance, tok.i))
        if ranked and min(ranked)[0] == 1 and not self.same_sentence(min(ranked)[-1], span):
            # the only cues are in a neighbouring sentence: a partial quote's own verb comes first
            partial = self.partial_quote_source(span)
            if partial is not None and partial.kind == "named":
                return partial
        best = min(ranked)[-1] if ranked else None
        for *_, i in ranked:
            # `"...," O'Malley said, according to the Las Vegas Sun`: the outermost source is the one given
            if self.doc[i].lower_ == "according" and (self.same_sentence(i, span) or self.sent_of[i] == self.sent_of[best]):
                source = self.subject(self.doc[i])
                if source is not None and self.name_at(source):  # the tagger takes `the Las Vegas Sun` for a place
                    return self.describe(source, "according to")
            # `"...," said Kristen Day, reports USA Today`: a news outlet reporting it is the outer source too
            if i != best and self.same_sentence(i, span) and (outlet := self._outlet(i)) is not None:
                return self.describe(outlet, cue_text(self.doc[i]))
        for *_, i in sorted(ranked):
            cue = self.doc[i]
            subject = self.subject(cue)
            if subject is None:
                subject = self._name_before(cue)
            if subject is None or not (self.animate(subject) or self._named_appos(subject)):
                subject = self._name_near(span, cue) or subject
            if subject is not None:
                return self.describe(subject, cue_text(cue))
        return (
            self.colon_source(span)
            or self.label_source(span)
            or self.dash_source(span)
            or self.partial_quote_source(span)
            or self.paragraph_source(span)
            or self.headline_source(span)
        )

    def headline_source(self, span: Span) -> Source | None:
        """A headline in title case that opens with a person's name gives the
        quotation to that person (`Bernie Sanders Pins The Rise Of ISIS On
        'Disastrous' Invasion Of Iraq`): in title case the parser finds no verb
        and the tagger no name, so the name is read from those the article uses."""
        lo, hi = _paragraph_bounds(self.text, span.start_char)
        words = [w for w in re.findall(r"[A-Za-z][\w’']*", self.text[lo:hi])]
        if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words) or all(w.isupper() for w in words):
            return None
        first = next((t for t in self.doc[: span.start] if t.idx >= lo and not t.is_space), None)
        if first is None:
            return None
        # the words of a name the article's body uses (the tagger reads `Gina Rodriguez Questioned` as one)
        body = {word for o, full in self.names.full if not lo <= o < hi for word in full.split()}
        end = first.i
        while end < span.start and not self.inside[end] and self.doc[end].text in body:
            end += 1
        name = clean_name(self.doc[first.i : end].text) if end > first.i else ""
        return Source("named", name, None, name=name, offset=first.idx) if name else None

    def _in_relative_clause(self, tok: Token) -> bool:
        """Is this cue in a relative clause, or conjoined to one (`said Yevgeny
        Kopachko, a pollster who cooperated with Mr. Manafort and called him ...`)?
        Such a cue describes a person; it does not introduce the quotation. A
        clause outside the quotation hung on a word inside it is the parser's
        misreading of a trailing cue with a named subject (`"... for records" that
        would respond to requests, counsel Caroline Wolverton wrote`)."""
        for node in itertools.chain([tok], tok.ancestors):
            misread = self.inside[node.head.i] and not self.inside[node.i] and any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in node.children)
            if node.dep_ == "relcl" and not misread:
                return True
        return False

    def _named_appos(self, head: Token) -> bool:
        """Does a name stand in apposition to this phrase (`Sanders's campaign
        manager, Jeff Weaver, said`)? Then the phrase names the speaker."""
        return any(c.dep_ == "appos" and self.name_at(c) for c in head.children)

    def _outlet(self, i: int) -> Token | None:
        """The news organisation of `reports`/`reported` at token `i`, if it
        is one: its subject (`the Chicago Tribune reports`) or the name right
        after it (`reported the Washington Examiner`, often parsed as an object)."""
        cue = self.doc[i]
        if cue._.lemma.lower() != "report" or cue.pos_ != "VERB":
            return None
        outlet = self._direct_subject(cue)
        if outlet is None:
            outlet = next((c for c in cue.rights if c.dep_ in ("dobj", "npadvmod", "attr") and c.i <= cue.i + 4), None)
        if outlet is None or outlet.ent_type_ not in ("ORG", "WORK_OF_ART") or self.name_at(outlet) is None:
            return None
        return outlet

    def scope(self, span: Span) -> list[Token]:
        """Tokens of the sentences the quote touches, plus a short sentence right
        after or before it in the same paragraph (`"...," he said.` parsed alone)."""
        doc = self.doc
        start, end = self.sent(span.start).start, self.sent(span.end - 1).end
        if end < len(doc):
            following = self.sent(end)
            # a quotation ending in `!` or `?` ends a sentence for the parser, not for the writer
            ends_here = span.text.rstrip(QUOTE_MARKS).endswith(("!", "?", ",")) and all(t.is_punct or t.is_space or self.inside[t.i] for t in doc[span.end : following.start])
            # `"All the way!" Dawson shouted, ...`; `"How are you today?" Miller, a retired worker, said`
            opens_with_cue = any(is_cue(t) for t in following[:5]) or (
                is_cue(following.root) and any(c.dep_ == "nsubj" and c.i < following.start + 4 for c in following.root.children)
            )
            if len(following) <= 12 or following[0].is_lower or following[0].is_punct or (ends_here and opens_with_cue):
                end = following.end
        if start > 0:
            preceding = self.sent(start - 1)
            if len(preceding) <= 12 or preceding.text.rstrip(QUOTE_MARKS).rstrip().endswith((":", ",")):
                start = preceding.start
        lo, hi = _paragraph_bounds(self.text, span.start_char)
        return [t for t in doc[start:end] if lo <= t.idx < hi]

    def same_sentence(self, i: int, span: Span) -> bool:
        return self.sent(span.start).start <= i < self.sent(span.end - 1).end

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
        lo, _ = _paragraph_bounds(self.text, span.start_char)
        first = next((t for t in self.doc[: span.start] if t.idx >= lo and not t.is_space), None)
        if first is None:
            return None
        label = []
        for tok in self.doc[first.i : min(first.i + MAX_LABEL, span.start)]:
            if tok.text == ":":
                break
            label.append(tok)
        else:
            return None
        if not label or any(not (t.text[:1].isupper() or t.text in "-–—.") for t in label):
            return None
        for tok in label:
            if tok.dep_ != "compound" and (name := self.name_at(tok, places=False)):
                return Source("named", name, ":", name=name, offset=tok.idx)
        return None

    def paragraph_source(self, span: Span) -> Source | None:
        """A quotation with no cue of its own after a sentence of the same
        paragraph that reports someone (`Coan argues that ... "The government
        is alleging ..."`): that someone."""
        text = self.text
        lo, _ = _paragraph_bounds(text, span.start_char)
        if text[lo : span.start_char].strip(QUOTE_MARKS) == "" and lo > 0:
            # it opens its paragraph: the previous paragraph may introduce it
            # (`Then, in 2017, Kerry said that 100,000 would be accepted.`),
            # unless that paragraph quotes someone (a continuation, handled later)
            prev_lo, _ = _paragraph_bounds(text, len(text[:lo].rstrip()) - 1)
            if not any(self.inside[t.i] for t in self.doc[: span.start] if prev_lo <= t.idx < lo):
                lo = prev_lo
        for tok in reversed(self.doc[: span.start]):
            if tok.idx < lo:
                return None
            if self.inside[tok.i] or not is_cue(tok) or self._in_relative_clause(tok):
                continue
            subject = self.subject(tok)
            if subject is not None and self.animate(subject):
                return self.describe(subject, cue_text(tok))
        return None

    def _name_after(self, cue: Token) -> Token | None:
        """The last word of a name right after a cue (`said Oversight ranking
        Democrat Elijah Cummings (D-Md.)`), up to the first punctuation or
        preposition (`said at a POLITICO event` names a place, not a speaker)."""
        found = None
        for tok in self.doc[cue.i + 1 : min(cue.i + 8, len(self.doc))]:
            if tok.is_punct or tok.is_space or self.inside[tok.i] or tok.pos_ == "ADP":
                break
            if tok.dep_ == "compound" and tok.head.is_lower and tok.head.pos_ == "NOUN":
                continue  # `said another Twitter user, Johanna Bayer`: a word describing the speaker
            if tok.ent_type_ == "PERSON" or (tok.text[:1].isupper() and not tok.ent_type_ and tok.dep_ != "dobj" and tok.pos_ in ("PROPN", "NOUN")):
                found = tok
        return found

    def _name_before(self, cue: Token) -> Token | None:
        """A name right before a cue that the parse did not make its subject
        (`And Skelly called Braynard "..."`, `Trump blasted Disney` read as a
        compound), skipping adverbs (`Trump also said`)."""
        i = cue.i - 1
        while i >= 0 and self.doc[i].pos_ in ("ADV", "AUX", "PART") and self.doc[i].is_lower:
            i -= 1
        if i < 0 or self.inside[i]:
            return None
        tok = self.doc[i]
        if tok.ent_type_ in ("PERSON", "ORG") or (tok.text[:1].isupper() and self.names.knows(tok.text)):
            return tok if self.name_at(tok, places=False) else None
        return None

    def _reported_cue(self, tok: Token) -> bool:
        """Is this cue part of what another cue reports (its clausal complement)?"""
        while tok.head.i != tok.i:
            if tok.dep_ in ("ccomp", "xcomp") and is_cue(tok.head) and not self.inside[tok.head.i]:
                return True
            tok = tok.head
        return False

    def colon_source(self, span: Span) -> Source | None:
        """A quotation after a colon: `Ted Cruz: 'Physically ...'`, `Mosman saw
        it differently: "..."`, or a paragraph ending in a colon before it.
        The label's first name, or the subject of the clause before the colon."""
        doc = self.doc
        before = self._colon_before(span)
        if before < 0:
            return None
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
        for tok in doc[clause.start : before]:
            if not self.inside[tok.i] and (name := self.name_at(tok, places=False)) and tok.ent_iob_ != "I" and tok.dep_ != "compound":
                return Source("named", name, ":", name=name, offset=tok.idx)
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

    def _name_near(self, span: Span, cue: Token) -> Token | None:
        """A person named next to a cue whose subject the parse lost: between
        the quote and a trailing cue or right after it (`"...," Texas delegate
        Bill Eastland, wearing a hat, said`; `"...," said David Brock`), or
        before a leading cue (`In a statement to the Observer, her adviser,
        Jake Sullivan, said: "..."`)."""
        doc = self.doc
        if cue.i >= span.end:
            # `told Mr. Obama`, `asked Trump`: the name after these verbs is the listener
            inverted = self._name_after(cue) if cue._.lemma.lower() not in ("tell", "ask") else None
            if inverted is not None:
                return inverted
            order = range(span.end, cue.i)
        else:
            order = range(cue.i - 1, max(self.sent(cue.i).start, span.end if span.end < cue.i else 0) - 1, -1)
        for i in order:
            tok = doc[i]
            if tok.ent_type_ == "PERSON" and not self.inside[i] and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I"):
                return tok
        return None

    def subject(self, verb: Token) -> Token | None:
        """The speaker phrase's head for a cue: subject, agent, `according to` object.

        Climbs from a participle or conjoined verb to the verb that has the
        subject (`Chollet brushed off concerns, saying ...`); speakers are
        people, so a subject that is a thing (`the trip could ease tensions and
        said`) is passed over for one higher up that names someone.
        """
        if verb.lower_ == "according":
            obj = next((obj for to in verb.children for obj in to.children if obj.dep_ == "pobj"), None)
            if obj is not None and not self.animate(obj):  # `according to calculations by Amy Glasmeier`
                by = next((t for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "by" and self.animate(t)), None)
                return by or obj
            return obj
        if verb.pos_ == "NOUN":
            return next((c for c in verb.children if c.dep_ == "poss"), None)
        first: Token | None = None
        for _ in range(6):
            subject = self._direct_subject(verb)
            if subject is not None:
                if self.animate(subject):
                    return subject
                first = first or subject
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "pobj"):  # `issued a statement saying`
                verb = verb.head if verb.dep_ == "dobj" else verb.head.head
                continue
            if verb.dep_ == "relcl":
                return verb.head
            if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
                break
            verb = verb.head
        if first is None:  # headline ellipsis: `Blinken visits China, promises to raise "..."`
            for clause in verb.children:
                if clause.dep_ in ("ccomp", "conj") and clause.i < verb.i:
                    subject = self._direct_subject(clause)
                    if subject is not None and self.animate(subject):
                        return subject
        return first

    def _direct_subject(self, verb: Token) -> Token | None:
        for child in verb.lefts:  # `Conway notes` parsed as a compound
            if child.dep_ == "compound" and child.pos_ == "PROPN" and not self.inside[child.i]:
                return child
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not self.inside[c.i]]
        for child in subjects:
            if child.is_upper and child.ent_type_ == "GPE" and len(subjects) > 1:
                continue  # a dateline parsed as a second subject (`LONDON (Reuters) - Donald Trump said`)
            if child.dep_ == "nsubjpass":  # `was told by X`
                agent = next((a for a in verb.children if a.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if obj is not None:
                    return obj
            return child
        return None


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

    # ------------------------------------------------------------ sources



















def _share_within_groups(quotes: list[Quote], sources: list[Source | None]) -> None:
    """A quotation over several paragraphs has one source: give it to every segment."""
    by_group: dict[int, Source] = {}
    for q, s in zip(quotes, sources):
        if s is not None and q.group not in by_group:
            by_group[q.group] = s
    for i, q in enumerate(quotes):
        if sources[i] is None and q.group in by_group:
            sources[i] = by_group[q.group]


def _without_cue(q: Quote, i: int, quotes: list[Quote], done: list[Attribution], text: str) -> Attribution:
    """A quote with no cue of its own takes the speaker of an earlier quote of
    its paragraph (`"...," it read. "However, ..."`), or, when it opens its
    paragraph, of the quote just before (a continued quotation)."""
    for j in range(i - 1, -1, -1):
        if quotes[j].paragraph == q.paragraph and done[j].cue is not None:
            return _continuing(q, done[j])
    para_start = text.rfind("\n", 0, q.start) + 1
    if done and text[para_start : q.start].strip() in OPENING_MARKS:
        prev = done[-1]
        if prev.quote.paragraph >= q.paragraph - 2 and prev.speaker:
            return _continuing(q, prev)
    return Attribution(quote=q, speaker=None, kind="none")


def _continuing(q: Quote, prev: Attribution) -> Attribution:
    return Attribution(quote=q, speaker=prev.speaker, mention=prev.mention, cue=prev.cue, kind="continuation")


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    return lo, (len(text) if hi == -1 else hi)
