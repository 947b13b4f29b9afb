"""Attribution: who said each quote, read from spaCy's parse and entities.

For each quotation, in order:
1. find its cue: a speech verb (or `according to`) outside the quotation marks,
   in the sentences the quotation touches, preferring the verb the quotation
   hangs from in the parse, then the nearest;
2. take the verb's subject (`Chollet said`, `said Shen Dingli`) as the source
   phrase, and read its head: a name, a pronoun, a definite description
   (`the top US diplomat`) or an unnamed source (`a senior official`);
3. with no cue: the verb a partial quote hangs from, a name before a colon or
   after a dash, another quote of the same paragraph, or the previous
   paragraph's speaker when the paragraph opens with the quotation;
4. resolve pronouns and descriptions to a person mentioned before, and make
   every name canonical within the article (`Chollet` -> `Derek Chollet`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotes.cues import DEFINITE, PERSONAL_PRONOUNS, PHRASAL_CUES, TITLES, QUOTING_VERBS, SOURCE_NOUNS, SPEECH_NOUNS, SPEECH_VERBS
from quotes.names import ArticleNames, clean_name, is_first_name
from quotes.records import Attribution, Quote

NAME_ENTS = {"PERSON"}
PLACE_ENTS = {"GPE", "NORP", "LOC", "FAC"}
GENDER_TITLES = frozenset("mr mr. mrs mrs. ms ms. miss".split())
SUBJECTS = ("nsubj", "nsubjpass")
MAX_LABEL = 6  # words in a speaker's label before its colon
SUBORDINATORS = frozenset("when after as while before because since if although though until once whereas".split())
WINDOW = 100  # tokens before a pronoun's sentence searched for its antecedent
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp"}
QUOTE_MARKS = "\"“”„«»'‘’` "
OPENING_MARKS = {"", '"', "“", "”", "'", "‘", "’", "«", "„", "''", "``"}
NOT_PEOPLE = frozenset("campaign statement report paper poll study letter memo website post ad video book article story survey".split())


@dataclass
class Source:
    """What the text says about who spoke one quote, before resolution."""

    kind: str  # named | pronoun | description | nominal | none
    mention: str | None
    cue: str | None
    name: str | None = None  # for named sources
    offset: int = 0  # where the mention is, for canonical names and pronouns


def attribute(doc: Doc, quotes: list[Quote]) -> list[Attribution]:
    """One Attribution per quote, in the same order."""
    article = _Article(doc, quotes)
    sources = [article.find_source(q) for q in quotes]
    _share_within_groups(quotes, sources)
    out: list[Attribution] = []
    speakers: list[str] = []  # canonical names of the people resolved so far
    nominal_heads: set[str] = set()  # `a senior official` makes `the official` unnamed too
    for i, (q, src) in enumerate(zip(quotes, sources)):
        if src is None:
            out.append(_without_cue(q, i, quotes, out, doc.text))
        else:
            speaker = None
            head = (src.mention or "").split()[-1:] or [""]
            if src.kind == "named" and src.name:
                speaker = article.names.canonical(src.name, src.offset)
            elif src.kind == "pronoun" or (src.kind == "description" and head[0].lower() not in nominal_heads):
                speaker = article.recent_person(src.offset, head[0], speakers)
            elif src.kind == "nominal":
                nominal_heads.add(head[0].lower())
            out.append(Attribution(quote=q, speaker=speaker, mention=src.mention, cue=src.cue, kind=src.kind))
        if out[-1].speaker:
            speakers.append(out[-1].speaker)
    return out


class _Article:
    """One parsed article: its tokens, which are quoted, and the names it uses."""

    def __init__(self, doc: Doc, quotes: list[Quote]) -> None:
        self.doc = doc
        self.inside = _inside_quotes(doc, quotes)
        self.names = ArticleNames()
        for ent in doc.ents:
            if ent.label_ in NAME_ENTS or _looks_like_person(ent):
                self.names.add(ent.start_char, clean_name(ent.text))
        for tok in doc[:-1]:  # `Mr. Slinker`, `Mrs. Clinton`: the gender the article gives
            if tok.lower_ in GENDER_TITLES and doc[tok.i + 1].pos_ == "PROPN":
                self.names.add_title(tok.text, doc[tok.i + 1].text)

    # ------------------------------------------------------------ cues

    def find_source(self, q: Quote) -> Source | None:
        """The source the text gives for this quote, if any."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        quote_tokens = range(span.start, span.end)
        ranked = []
        for tok in _scope(self.doc, span):
            if self.inside[tok.i] or not _is_cue(tok):
                continue
            linked = tok.head.i in quote_tokens or any(a.i == tok.i for t in span for a in t.ancestors)
            # a cue inside what another cue reports (`Cruz said Rubio will continue to be "..."`)
            reported = self._reported_cue(tok)
            distance = span.start - tok.i if tok.i < span.start else tok.i - span.end
            if tok.pos_ == "NOUN" and not linked:
                continue  # a noun cue speaks only for the quotation it governs
            ranked.append((0 if linked else 1, int(_subordinate(tok)), int(reported), distance, tok.i))
        if ranked and min(ranked)[0] == 1 and not _same_sentence(self.doc[min(ranked)[-1]], span):
            # the only cues are in a neighbouring sentence: a partial quote's own verb comes first
            partial = self.partial_quote_source(span)
            if partial is not None and partial.kind == "named":
                return partial
        for *_, i in sorted(ranked):
            cue = self.doc[i]
            subject = self.subject(cue)
            if subject is None or not self._animate(subject):
                subject = self._name_near(span, cue) or subject
            if subject is not None:
                return self.describe(subject, _cue_text(cue))
        return (
            self.colon_source(span)
            or self.label_source(span)
            or self.dash_source(span)
            or self.partial_quote_source(span)
            or self.paragraph_source(span)
        )

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
        lo, _ = _paragraph_bounds(self.doc.text, span.start_char)
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
        if not label or any(not (t.is_title or t.is_upper or t.text in "-–—.") for t in label):
            return None
        for tok in label:
            if tok.dep_ != "compound" and (name := self.name_at(tok, places=False)):
                return Source("named", name, ":", name=name, offset=tok.idx)
        return None

    def paragraph_source(self, span: Span) -> Source | None:
        """A quotation with no cue of its own after a sentence of the same
        paragraph that reports someone (`Coan argues that ... "The government
        is alleging ..."`): that someone."""
        lo, _ = _paragraph_bounds(self.doc.text, span.start_char)
        for tok in reversed(self.doc[: span.start]):
            if tok.idx < lo:
                return None
            if self.inside[tok.i] or not _is_cue(tok):
                continue
            subject = self.subject(tok)
            if subject is not None and self._animate(subject):
                return self.describe(subject, _cue_text(tok))
        return None

    def _name_after(self, cue: Token) -> Token | None:
        """The last word of a name right after a cue (`said Oversight ranking
        Democrat Elijah Cummings (D-Md.)`), up to the first punctuation."""
        found = None
        for tok in self.doc[cue.i + 1 : min(cue.i + 8, len(self.doc))]:
            if tok.is_punct or tok.is_space or self.inside[tok.i]:
                break
            if tok.ent_type_ == "PERSON" or (tok.is_title and not tok.ent_type_ and tok.dep_ != "dobj" and tok.pos_ in ("PROPN", "NOUN")):
                found = tok
        return found

    def _reported_cue(self, tok: Token) -> bool:
        """Is this cue part of what another cue reports (its clausal complement)?"""
        while tok.head.i != tok.i:
            if tok.dep_ in ("ccomp", "xcomp") and _is_cue(tok.head) and not self.inside[tok.head.i]:
                return True
            tok = tok.head
        return False

    def colon_source(self, span: Span) -> Source | None:
        """A quotation after a colon: `Ted Cruz: 'Physically ...'`, `Mosman saw
        it differently: "..."`, or a paragraph ending in a colon before it.
        The label's first name, or the subject of the clause before the colon."""
        doc = self.doc
        before = span.start - 1
        while before >= 0 and (doc[before].is_quote or doc[before].is_space or doc[before].text in QUOTE_MARKS.split()):
            before -= 1
        if before < 0 or doc[before].text != ":":
            return None
        clause = doc[before].sent
        label = doc[before - 1] if before > 0 else None  # `... - Carl Bialik: "..."`
        if label is not None and label.ent_type_ == "PERSON" and (name := self.name_at(label, places=False)):
            return Source("named", name, ":", name=name, offset=label.idx)
        head = clause.root if clause.root.i != before else doc[before].head
        if head.pos_ in ("VERB", "AUX") and (subject := self.subject(head)) is not None and not self.inside[subject.i]:
            return self.describe(subject, ":")
        for tok in doc[clause.start : before]:
            if not self.inside[tok.i] and (name := self.name_at(tok, places=False)) and tok.ent_iob_ != "I" and tok.dep_ != "compound":
                return Source("named", name, ":", name=name, offset=tok.idx)
        return None

    def _name_near(self, span: Span, cue: Token) -> Token | None:
        """A person named next to a cue whose subject the parse lost: between
        the quote and a trailing cue or right after it (`"...," Texas delegate
        Bill Eastland, wearing a hat, said`; `"...," said David Brock`), or
        before a leading cue (`In a statement to the Observer, her adviser,
        Jake Sullivan, said: "..."`)."""
        doc = self.doc
        if cue.i >= span.end:
            inverted = self._name_after(cue)
            if inverted is not None:
                return inverted
            order = range(span.end, cue.i)
        else:
            order = range(cue.i - 1, max(cue.sent.start, span.end if span.end < cue.i else 0) - 1, -1)
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
            return next((obj for to in verb.children for obj in to.children if obj.dep_ == "pobj"), None)
        if verb.pos_ == "NOUN":
            return next((c for c in verb.children if c.dep_ == "poss"), None)
        first: Token | None = None
        for _ in range(6):
            subject = self._direct_subject(verb)
            if subject is not None:
                if self._animate(subject):
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
                    if subject is not None and self._animate(subject):
                        return subject
        return first

    def _direct_subject(self, verb: Token) -> Token | None:
        for child in verb.lefts:  # `Conway notes` parsed as a compound
            if child.dep_ == "compound" and child.pos_ == "PROPN" and not self.inside[child.i]:
                return child
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or self.inside[child.i]:
                continue
            if child.dep_ == "nsubjpass":  # `was told by X`
                agent = next((a for a in verb.children if a.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if obj is not None:
                    return obj
            return child
        return None

    def _animate(self, tok: Token) -> bool:
        """Could this head a phrase that names a person?"""
        return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ == "PERSON" or tok.lower_ in SOURCE_NOUNS

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
        if source.kind in ("named", "pronoun") or tok.lemma_ in QUOTING_VERBS:
            return source
        return None

    # ------------------------------------------------------------ sources

    def describe(self, head: Token, cue: str | None, *, places: bool = True) -> Source:
        """Classify the phrase headed by `head`: a name, a pronoun, a description."""
        doc = self.doc
        if head.lower_ == "who" and head.head.dep_ == "relcl":
            head = head.head.head
        lower = head.lower_
        if head.pos_ == "PRON" and lower != "one":
            kind = "pronoun" if lower in PERSONAL_PRONOUNS else "none"
            return Source(kind, head.text, cue, offset=head.idx)
        if lower == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return Source("nominal", doc[head.i : head.right_edge.i + 1].text, cue, offset=head.idx)
        name = self.name_at(head, places=places)
        if name:
            return Source("named", name, cue, name=name, offset=head.idx)
        for child in head.children:  # a name in apposition (`his spokesman, Jason Miller`)
            if child.dep_ == "appos" and (appos_name := self.name_at(child)):
                return Source("named", appos_name, cue, name=appos_name, offset=child.idx)
        phrase = doc[head.left_edge.i : head.i + 1].text
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        if determiners & DEFINITE and head.tag_ == "NN" and lower not in NOT_PEOPLE:
            return Source("description", phrase, cue, offset=head.idx)
        if lower in SOURCE_NOUNS or determiners & {"a", "an", "one"}:
            return Source("nominal", phrase, cue, offset=head.idx)
        return Source("none", phrase, cue, offset=head.idx)

    def name_at(self, tok: Token, *, places: bool = True) -> str | None:
        """The name whose last word is `tok`, if it is a name: a person's, or an
        organisation's (`the White House said`). The tagger often takes a
        surname for a place (`Blinken`), so any proper noun heading a source is
        read as a name; with `places=False`, a place or nationality the article
        never uses in a person's name is not (`as the US looks for ways to
        "depressurise" ties`)."""
        if tok.lower_.rstrip(".") in TITLES and tok.i + 1 < len(self.doc):  # `Texas Sen. Ted Cruz`
            after = self.doc[tok.i + 1] if self.doc[tok.i + 1].text != "." else self.doc[min(tok.i + 2, len(self.doc) - 1)]
            if after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
                ent = next(e for e in self.doc.ents if e.start == after.i)
                return clean_name(ent.text) or None
        if tok.ent_type_ in NAME_ENTS or (tok.ent_type_ == "ORG" and tok.pos_ == "PROPN"):
            ent = next(e for e in self.doc.ents if e.start <= tok.i < e.end)
            return clean_name(ent.text) or None
        place = tok.ent_type_ in PLACE_ENTS and not self.names.knows(tok.text)
        bare = tok.tag_ in ("NN", "NNP") and not any(c.dep_ in ("det", "poss") for c in tok.children)
        capitalised = (
            tok.is_title
            and tok.lower_ not in SOURCE_NOUNS
            and (tok.i != tok.sent.start or bare or self.names.knows(tok.text))
        )
        proper = tok.pos_ == "PROPN" or (capitalised and (tok.pos_ == "NOUN" or self.names.knows(tok.text)))
        if proper and tok.ent_type_ not in ("DATE", "TIME") and (places or not place):
            words = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
            start = words[0].i if words else tok.i
            return clean_name(self.doc[start : tok.i + 1].text) or None
        return None

    def recent_person(self, offset: int, pronoun: str, speakers: list[str]) -> str | None:
        """The person a pronoun or description at `offset` most likely means.

        Walks back from it, through its sentence and then the sentences before,
        to the nearest person named as a subject whose gender does not clash
        with the pronoun's; subjects of reported clauses (`said Nunberg was`)
        count only when nobody else fits. Falls back on the latest speaker.
        """
        doc = self.doc
        want = PERSONAL_PRONOUNS.get(pronoun.lower())
        tok_i = next((t.i for t in doc if t.idx >= offset), len(doc) - 1)
        sent_start = doc[tok_i].sent.start
        own = list(reversed(doc[sent_start:tok_i]))
        earlier = list(reversed(doc[max(0, sent_start - WINDOW) : sent_start]))
        # subjects nearest first; then anyone named earlier in the pronoun's own
        # sentence (`As for Trump, he said`); reported subjects only as a last resort
        passes = ((own + earlier, SUBJECTS, False), (own, None, False), (own + earlier, SUBJECTS, True))
        for window, deps, allow_reported in passes:
            for t in window:
                if (deps and t.dep_ not in deps) or self.inside[t.i] or not self._is_person(t):
                    continue
                if t.ent_iob_ == "I" and t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I":
                    continue  # not the last word of the name
                if not allow_reported and (_reported(t) or _subordinate(t.head)):
                    continue
                name = self.name_at(t, places=False)
                if not name:
                    continue
                canonical = self.names.canonical(name, t.idx)
                if self._agrees(name, want) or (speakers and canonical == speakers[-1]):
                    return canonical
        return next((s for s in reversed(speakers) if self._agrees(s, want)), None)

    def _is_person(self, tok: Token) -> bool:
        return tok.ent_type_ == "PERSON" or (tok.ent_type_ in ("", "ORG", "GPE", "NORP") and self.names.knows(tok.text))

    def _agrees(self, name: str, want: str | None) -> bool:
        found = self.names.gender(name)
        return want is None or found is None or found == want


def _subordinate(tok: Token) -> bool:
    """Is this cue inside an adverbial clause (`When Trump suggested ...,
    Rubio fired back: "..."`)? Such a cue speaks of something else."""
    for node in itertools.chain([tok], tok.ancestors):
        if node.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS for c in node.children):
            return True
    return False


def _reported(tok: Token) -> bool:
    """Is this the subject of a clause someone reports (`said Nunberg was bound`)?"""
    verb = tok.head
    return verb.dep_ == "ccomp" and _is_cue(verb.head)


def _looks_like_person(ent: Span) -> bool:
    """An entity the small model calls an organisation but that reads as a
    person's name: two or three capitalised words, the first a given name
    (`Carly Fiorina` tagged ORG)."""
    words = [t for t in ent if not t.is_punct]
    return (
        ent.label_ == "ORG"
        and 2 <= len(words) <= 3
        and all(t.is_title for t in words)
        and is_first_name(words[0].text)
    )


def _inside_quotes(doc: Doc, quotes: list[Quote]) -> list[bool]:
    """For each token, whether it lies inside a quotation (marks included)."""
    inside = [False] * len(doc)
    for q in quotes:
        span = doc.char_span(max(0, q.start - 2), min(len(doc.text), q.end + 2), alignment_mode="contract")
        if span is not None:
            for i in range(span.start, span.end):
                inside[i] = True
    return inside


def _scope(doc: Doc, span: Span) -> list[Token]:
    """Tokens of the sentences the quote touches, plus a short sentence right
    after or before it in the same paragraph (`"...," he said.` parsed alone)."""
    start, end = span[0].sent.start, span[-1].sent.end
    if end < len(doc):
        following = doc[end].sent
        if len(following) <= 12 or following[0].is_lower or following[0].is_punct:
            end = following.end
    if start > 0:
        preceding = doc[start - 1].sent
        if len(preceding) <= 12 or preceding.text.rstrip(QUOTE_MARKS).rstrip().endswith((":", ",")):
            start = preceding.start
    lo, hi = _paragraph_bounds(doc.text, span.start_char)
    return [t for t in doc[start:end] if lo <= t.idx < hi]


def _same_sentence(tok: Token, span: Span) -> bool:
    return span[0].sent.start <= tok.i < span[-1].sent.end


def _is_cue(tok: Token) -> bool:
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        return True
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS:  # `Trump's assertion that "..."`
        return any(c.dep_ == "poss" for c in tok.children)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in SPEECH_VERBS or any((lemma, c.lower_) in PHRASAL_CUES for c in tok.children if c.dep_ == "prt")


def _cue_text(tok: Token) -> str:
    return "according to" if tok.lower_ == "according" else tok.text


# ---------------------------------------------------------------- no cue


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
