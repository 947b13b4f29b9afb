"""The source a speech verb gives a quotation: find the cue (`said`,
`according to`, `Trump's assertion that`) in the sentences the quotation touches,
then read the speaker phrase from its subject, agent or a name next to it."""

from __future__ import annotations

import dataclasses
import itertools

from spacy.tokens import Span, Token

from quotes.cues import QUOTING_VERBS, cue_text, is_cue
from quotes.mentions import Source, subordinate
from quotes.attribute.layout import QUOTE_MARKS, LayoutRules, paragraph_bounds
from quotes.records import Quote
from quotes.words import CONTRASTS

# The rules that find a quotation's source, in the order they are tried.
SOURCE_RULES = (
    "signed_digest",  # `Pollsters agree - Carl Bialik: "..."`
    "speech_cue",  # `Chollet said`, `said Shen Dingli`, `according to`
    "colon_source",  # `Ted Cruz: "..."`, `Mosman saw it differently: "..."`
    "label_source",  # a transcript's `PENCE: ...`
    "dash_source",  # `"..." — Donald Trump`
    "partial_quote_source",  # `called the plan "a disgrace"`
    "paragraph_source",  # a reporting sentence earlier in the paragraph
    "headline_source",  # `Bernie Sanders Pins The Rise Of ISIS On 'Disastrous' Invasion`
)
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "prep", "pobj"}


def _naming(cue: Token) -> bool:
    """`what X calls "..."`: the quoted words are X's name for something, whoever reports it."""
    return cue._.lemma.lower() in QUOTING_VERBS and any(c.lower_ == "what" for c in cue.children)


class Article(LayoutRules):
    """One parsed article, read for the cues and frames that name a source."""

    def find_source(self, q: Quote) -> Source | None:
        """The source the text gives for this quote: the first of SOURCE_RULES that finds one."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        for rule in SOURCE_RULES:
            source = getattr(self, rule)(span)
            if source is not None:
                return dataclasses.replace(source, rule=rule)
        return None

    def signed_digest(self, span: Span) -> Source | None:
        """A digest item signed before its colon beats any verb of the headline."""
        return self._dash_label(self._colon_before(span))

    def speech_cue(self, span: Span) -> Source | None:
        """The subject of the speech verb (or `according to`, or a speech noun's
        possessor) the quotation hangs from, or else the nearest one."""
        quote_tokens = range(span.start, span.end)
        colon = self._colon_before(span)
        governing = self._governing_cue(span)
        ranked = []
        for tok in self.scope(span):
            if self.inside[tok.i] or not is_cue(tok):
                continue
            if self.sent(tok.i).start >= span.end and self._introduces_a_quote(tok):
                continue  # `"...I was a steward." (UPS said of the incident, "We respect ...")`: the next quote's cue
            linked = tok.head.i in quote_tokens or any(a.i == tok.i for t in span for a in t.ancestors)
            # `In the darkness, Mr Temba says, women can be harassed ... because, “...”`: an aside speaks for its sentence
            linked = linked or (tok.dep_ == "parataxis" and self.same_sentence(tok.i, span))
            # a cue inside what another cue reports (`Cruz said Rubio will continue to be "..."`)
            # ... unless the quotation follows it after a colon (`Lacerda said Epstein told her: "..."`): then it is his words
            reported = self._reported_cue(tok) and not (0 <= colon - tok.i <= 4 and self.subject(tok) is not None)
            reported = reported and not _naming(tok)  # `to deliver what UiPath CEO Bob Enslin calls "..."`: his words
            distance = span.start - tok.i if tok.i < span.start else tok.i - span.end
            if tok.pos_ == "NOUN" and not linked:
                continue  # a noun cue speaks only for the quotation it governs
            # a cue in a relative clause or a negated one (`Comey cannot say that`) speaks of something else
            # ... unless it is the cue the quotation hangs from (`hours after Sanders said he was "encouraged"`)
            # (a cue another one reports stays aside: `When Maddow pointed out that Sanders refers to it as "..."`)
            aside = (tok.i != governing or reported) and (subordinate(tok) or self._in_relative_clause(tok) or any(c.dep_ == "neg" for c in tok.children))
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
        return None

    def _introduces_a_quote(self, cue: Token) -> bool:
        """Does a quotation follow the cue closely in its own sentence, with no
        full stop or other cue between (`said of the incident, "..."`, not
        `said in a phone interview. "..."` or `asks as a man walks in, saying
        he's "here to ..."`)?"""
        j = next((j for j in range(cue.i + 1, min(cue.i + 8, self.sent(cue.i).end)) if self.inside[j]), None)
        between = self.doc[cue.i + 1 : j] if j is not None else []
        return j is not None and not any(c in self.text[cue.idx : self.doc[j].idx] for c in ".!?") and not any(is_cue(t) for t in between)

    def _governing_cue(self, span: Span) -> int | None:
        """The nearest cue above the quotation in the parse: the verb whose
        clause the quoted words are."""
        for tok in span:
            if tok.head.i in range(span.start, span.end):
                continue
            for node in tok.ancestors:
                if not self.inside[node.i] and node.pos_ in ("VERB", "AUX") and is_cue(node):
                    return node.i
        return None

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
        lo, hi = paragraph_bounds(self.text, span.start_char)
        return [t for t in doc[start:end] if lo <= t.idx < hi]

    def same_sentence(self, i: int, span: Span) -> bool:
        return self.sent(span.start).start <= i < self.sent(span.end - 1).end

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
        if i > 0 and self.doc[i].text == ",":
            i = self._before_aside(i)  # `Mr. Trump, asked about journalists under Mr. Putin, had said`
        if i < 0 or self.inside[i]:
            return None
        tok = self.doc[i]
        if tok.ent_type_ in ("PERSON", "ORG") or (tok.text[:1].isupper() and self.names.knows(tok.text)):
            return tok if self.name_at(tok, places=False) else None
        return None

    def _before_aside(self, comma: int) -> int:
        """The token before an aside set off by commas that ends at `comma`: a
        participle's (`, asked about ...,`) or a relative clause's (`, who ...,`);
        -1 when the commas close no such aside."""
        start = self.sent(comma).start
        for j in range(comma - 1, max(start, comma - 25) - 1, -1):
            if self.inside[j]:
                return -1
            if self.doc[j].text == ",":
                first = self.doc[j + 1]
                participle = first.tag_ in ("VBN", "VBG", "VBD") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children)
                opens = participle or first.lower_ == "who"
                return j - 1 if opens and j > start else -1
        return -1

    def _reported_cue(self, tok: Token) -> bool:
        """Is this cue part of what another cue reports (its clausal complement)?
        Not when a contrast sets it apart (`Rubio suggested that ..., while Cruz
        said that "..."`: the parse hangs the `while` clause inside Rubio's words)."""
        while tok.head.i != tok.i:
            if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRASTS for c in tok.children):
                return False
            if tok.dep_ in ("ccomp", "xcomp") and is_cue(tok.head) and not self.inside[tok.head.i]:
                return True
            tok = tok.head
        return False

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
            if verb.dep_ == "acl" and (verb.head.ent_type_ == "PERSON" or (verb.head.pos_ == "NOUN" and self.animate(verb.head))):
                # `concern, with some analysts suggesting that "..."`: the people the participle describes
                return verb.head
            if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
                break
            verb = verb.head
        # headline ellipsis: `Blinken visits China, promises to raise "..."` (but not `..., says Thelma Krug`, misparsed)
        if first is None and self._name_after(verb) is None:
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
        if len(subjects) > 1 and subjects[0].pos_ == "NOUN" and subjects[0].is_lower:
            # `military spokesperson Lt. Gen. Ahmed Sharif Chaudhry had said`: the role and the name, parsed as two subjects
            named = [c for c in subjects[1:] if c.ent_type_ == "PERSON" and c.i == subjects[0].i + 1 + sum(1 for t in self.doc[subjects[0].i + 1 : c.i] if t.dep_ == "compound" or t.is_punct)]
            subjects = named + subjects if named else subjects
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
