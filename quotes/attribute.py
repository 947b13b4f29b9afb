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

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotes.cues import DEFINITE, PERSONAL_PRONOUNS, QUOTING_VERBS, SOURCE_NOUNS, SPEECH_VERBS
from quotes.names import ArticleNames, clean_name
from quotes.records import Attribution, Quote

NAME_ENTS = {"PERSON"}
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
    inside = _inside_quotes(doc, quotes)
    names = _collect_names(doc, inside)
    paragraphs = _paragraph_of_offset(doc.text)
    sources = [_find_source(doc, q, inside) for q in quotes]
    _share_within_groups(quotes, sources)
    out: list[Attribution] = []
    speakers: list[tuple[int, str]] = []  # (offset, canonical name) of people resolved so far
    nominal_heads: set[str] = set()
    for i, (q, src) in enumerate(zip(quotes, sources)):
        if src is None:
            out.append(_without_cue(q, i, quotes, out, paragraphs, doc.text))
            if out[-1].speaker:
                speakers.append((q.start, out[-1].speaker))
            continue
        speaker = None
        kind = src.kind
        if kind == "named" and src.name:
            speaker = names.canonical(src.name, src.offset)
        elif kind == "pronoun":
            speaker = _recent_person(doc, src.offset, speakers, names, inside)
        elif kind == "description":
            head = (src.mention or "").split()[-1].lower()
            if head not in nominal_heads:
                speaker = _recent_person(doc, src.offset, speakers, names, inside)
        elif kind == "nominal" and src.mention:
            nominal_heads.add(src.mention.split()[-1].lower())
        if speaker:
            speakers.append((q.start, speaker))
        out.append(Attribution(quote=q, speaker=speaker, mention=src.mention, cue=src.cue, kind=kind))
    return out


# ---------------------------------------------------------------- cues


def _inside_quotes(doc: Doc, quotes: list[Quote]) -> list[bool]:
    """For each token, whether it lies inside a quotation (marks included)."""
    inside = [False] * len(doc)
    spans = [(q.start - 1, q.end + 1) for q in quotes]
    for tok in doc:
        for s, e in spans:
            if s <= tok.idx < e:
                inside[tok.i] = True
                break
    return inside


def _find_source(doc: Doc, q: Quote, inside: list[bool]) -> Source | None:
    """The source the text gives for this quote through a speech cue, if any."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    scope = _scope(doc, span)
    quote_tokens = set(range(span.start, span.end))
    best: tuple[tuple[int, int], Token] | None = None
    for tok in scope:
        if inside[tok.i] or not _is_cue(tok):
            continue
        linked = any(a.i == tok.i for t in span for a in t.ancestors) or tok.head.i in quote_tokens
        distance = span.start - tok.i if tok.i < span.start else tok.i - span.end
        rank = (0 if linked else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, tok)
    if best is not None:
        cue = best[1]
        subject = _subject(cue, inside)
        if subject is not None:
            return _describe(doc, subject, _cue_text(cue))
        return None
    return _partial_quote_source(span, inside)


def _scope(doc: Doc, span: Span) -> list[Token]:
    """Tokens of the sentences the quote touches, plus a short sentence right
    after or before it (`"...," he said.` parsed as a sentence of its own)."""
    first, last = span[0].sent, span[-1].sent
    start, end = first.start, last.end
    if end < len(doc) and doc[end].sent.end - end <= 12 and _same_paragraph(doc, span.end_char, doc[end].idx):
        end = doc[end].sent.end
    if start > 0:
        prev = doc[start - 1].sent
        if len(prev) <= 12 and _same_paragraph(doc, prev.start_char, span.start_char):
            start = prev.start
    lo, hi = _paragraph_bounds(doc.text, span.start_char)
    return [t for t in doc[start:end] if lo <= t.idx < hi or span.start <= t.i < span.end]


def _is_cue(tok: Token) -> bool:
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        return True
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS and tok.lemma_ != "be"


def _cue_text(tok: Token) -> str:
    return "according to" if tok.lower_ == "according" else tok.text


def _subject(verb: Token, inside: list[bool]) -> Token | None:
    """The speaker phrase's head for a cue: subject, agent, `according to` object."""
    if verb.lower_ == "according":
        for to in verb.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not inside[child.i]:
                if child.dep_ == "nsubjpass":
                    agent = next((a for a in verb.children if a.dep_ == "agent"), None)
                    if agent is not None and any(c.dep_ == "pobj" for c in agent.children):
                        return next(c for c in agent.children if c.dep_ == "pobj")
                return child
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and verb.head is not verb:
            verb = verb.head
            continue
        return None
    return None


def _partial_quote_source(span: Span, inside: list[bool]) -> Source | None:
    """`called the plan "a disgrace"`: the subject of the verb the quote hangs from."""
    tok = span.root.head
    for _ in range(4):
        if not inside[tok.i] and tok.pos_ == "VERB":
            break
        if tok.head is tok:
            return None
        tok = tok.head
    if inside[tok.i] or tok.pos_ != "VERB":
        return None
    subject = _subject(tok, inside)
    if subject is None:
        return None
    source = _describe(span.doc, subject, tok.text)
    if source.kind in ("named", "pronoun") or tok.lemma_ in QUOTING_VERBS:
        return source
    return None


# ---------------------------------------------------------------- sources


def _describe(doc: Doc, head: Token, cue: str | None) -> Source:
    """Classify the phrase headed by `head`: a name, a pronoun, a description."""
    if head.lower_ == "who" and head.head.dep_ == "relcl":
        head = head.head.head
    lower = head.lower_
    if head.pos_ == "PRON":
        kind = "pronoun" if lower in PERSONAL_PRONOUNS else "none"
        return Source(kind, head.text, cue, offset=head.idx)
    if lower == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return Source("nominal", doc[head.i : head.right_edge.i + 1].text, cue, offset=head.idx)
    name = _name_at(doc, head)
    if name:
        return Source("named", name, cue, name=name, offset=head.idx)
    # a common noun: look for a name in apposition (`his spokesman, Jason Miller`)
    for child in head.children:
        if child.dep_ == "appos":
            appos_name = _name_at(doc, child)
            if appos_name:
                return Source("named", appos_name, cue, name=appos_name, offset=child.idx)
    phrase = doc[head.left_edge.i : head.i + 1].text
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
    if determiners & DEFINITE and head.tag_ == "NN" and lower not in NOT_PEOPLE:
        return Source("description", phrase, cue, offset=head.idx)
    if lower in SOURCE_NOUNS or determiners & {"a", "an", "one"}:
        return Source("nominal", phrase, cue, offset=head.idx)
    return Source("none", phrase, cue, offset=head.idx)


def _name_at(doc: Doc, tok: Token) -> str | None:
    """The name whose last word is `tok`, if it is a name (a person's, or an
    organisation's: `the White House said`)."""
    if tok.ent_type_ in NAME_ENTS or (tok.ent_type_ == "ORG" and tok.pos_ == "PROPN"):
        ent = next(e for e in doc.ents if e.start <= tok.i < e.end)
        name = clean_name(ent.text)
        return name or None
    if tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "NORP", "DATE", "LOC"):
        words = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
        start = words[0].i if words else tok.i
        name = clean_name(doc[start : tok.i + 1].text)
        return name or None
    return None


def _collect_names(doc: Doc, inside: list[bool]) -> ArticleNames:
    """Every full name the article uses, for expanding surnames later."""
    names = ArticleNames()
    for ent in doc.ents:
        if ent.label_ in NAME_ENTS:
            names.add(ent.start_char, clean_name(ent.text))
    return names


def _recent_person(doc: Doc, offset: int, speakers: list[tuple[int, str]], names: ArticleNames, inside: list[bool]) -> str | None:
    """The person a pronoun at `offset` most likely means: the latest person named
    as a subject in the last few sentences, else the latest speaker."""
    tok_i = next((t.i for t in doc if t.idx >= offset), len(doc))
    sent_start = doc[tok_i].sent.start if tok_i < len(doc) else len(doc)
    window_start = max(0, sent_start - 80)
    for t in reversed(doc[window_start:sent_start]):
        if inside[t.i] or t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        name = _name_at(doc, t)
        if name:
            return names.canonical(name, t.idx)
    for t in reversed(doc[sent_start:tok_i]):  # `Biden, in Ohio, where he said`
        if t.dep_ in ("nsubj", "nsubjpass") and not inside[t.i]:
            name = _name_at(doc, t)
            if name:
                return names.canonical(name, t.idx)
    return speakers[-1][1] if speakers else None


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


def _without_cue(q: Quote, i: int, quotes: list[Quote], done: list[Attribution], paragraphs, text: str) -> Attribution:
    """Attribution of a quote that has no cue of its own."""
    # another quote of the same paragraph with a source (`"...," it read. "However, ..."`)
    for j in list(range(i - 1, -1, -1)) + list(range(i + 1, len(quotes))):
        other = quotes[j]
        if other.paragraph != q.paragraph:
            continue
        if j < i and done[j].cue is not None:
            prev = done[j]
            return Attribution(quote=q, speaker=prev.speaker, mention=prev.mention, cue=prev.cue, kind="continuation")
    # a paragraph that opens with the quotation continues the previous speaker
    para_start = text.rfind("\n", 0, q.start) + 1
    if text[para_start:q.start].strip() in ("", '"', "“", "”", "'", "‘", "’", "«", "„", "''", "``") and done:
        prev = done[-1]
        if prev.quote.paragraph >= q.paragraph - 2 and prev.speaker:
            return Attribution(quote=q, speaker=prev.speaker, mention=prev.mention, cue=prev.cue, kind="continuation")
    return Attribution(quote=q, speaker=None, kind="none")


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    return lo, (len(text) if hi == -1 else hi)


def _same_paragraph(doc: Doc, a: int, b: int) -> bool:
    lo, hi = (a, b) if a <= b else (b, a)
    return "\n" not in doc.text[lo:hi]


def _paragraph_of_offset(text: str) -> None:
    return None
