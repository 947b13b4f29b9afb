"""Attribution: who said each quote, read from spaCy's parse and entities.

Two passes over one article:

1. The rules (`rule_pass`): each quotation's source phrase, from the first of
   `sources.SOURCE_RULES` that finds one (a speech cue's subject, a label or
   colon, a dash signature, a partial quote's verb, a reporting sentence, a
   headline), read as a name, a pronoun, a description or an unnamed source;
   names made canonical within the article, pronouns resolved by the ranker,
   descriptions of organisations to the organisation, continued paragraphs and
   headline echoes given the speaker they continue or echo.
2. The decision (`attribute`): the learned model (`model.py`) scores every
   candidate (`candidates.py`, described by `features.py`) and `decide.py`
   picks one, with a calibrated confidence. Without a shipped model the rules'
   answers stand, with no confidence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from quotes import ranker
from quotes.attribute import features, model
from quotes.attribute.candidates import ArticleMentions
from quotes.attribute.decide import decide
from quotes.cues import ORG_NOUNS, PERSONAL_PRONOUNS
from quotes.folding import fold
from quotes.attribute.sources import Article
from quotes.mentions import Mentions, Source
from quotes.name_checks import before_headline_words, name_problems
from quotes.records import Attribution, Quote
from quotes.roles import with_roles
from quotes.words import SPEAKING_GROUPS

OPENING_MARKS = {"", '"', "“", "”", "'", "‘", "’", "«", "„", "''", "``"}


Resolver = Callable[[Mentions, int, str, list[str]], "str | None"]


@dataclass
class RulePass:
    """What the rules read from one article: each quotation's source and answer."""

    article: Article
    sources: list[Source | None]
    answers: list[Attribution]
    table: ArticleMentions


def attribute(doc: Doc, quotes: list[Quote], *, resolver: Resolver | None = None, use_model: bool = True) -> list[Attribution]:
    """One Attribution per quote, in the same order: the rules' reading, then
    the learned model's choice among the candidates (when one is shipped),
    with the speaker's role as the article states it."""
    rules = rule_pass(doc, quotes, resolver=resolver)
    trained = model.shipped() if use_model else None
    if trained is None:
        return with_roles(rules.article, [dataclasses.replace(a, speaker_type=rules.table.type_of(a.speaker)) for a in rules.answers])
    names = [rules.table.candidates(i, rules.answers) for i in range(len(quotes))]
    spoken = features.Spoken.of(rules.table, rules.answers)
    rows = [features.matrix(rules.table, quotes, rules.answers, rules.sources, i, n, spoken) for i, n in enumerate(names)]
    scores = trained.score(np.vstack(rows)) if rows else np.zeros(0)
    split = np.cumsum([len(r) for r in rows])[:-1]
    return with_roles(rules.article, decide(rules.table, rules.answers, names, rows, np.split(scores, split), trained))


def rule_pass(doc: Doc, quotes: list[Quote], *, resolver: Resolver | None = None) -> RulePass:
    """The rules' answers. `resolver` picks the person a pronoun means (by
    default the shipped pronoun ranker, or the rule without it)."""
    if resolver is None:
        weights = ranker.shipped_weights()
        resolver = lambda m, offset, pronoun, speakers: ranker.resolve(m, offset, pronoun, speakers, weights)  # noqa: E731
    article = Article(doc, quotes)
    table = ArticleMentions(article, quotes)
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
                named = before_headline_words(src.name) or src.name  # `Glenn Beck Blasts Drudge`: Glenn Beck
                speaker = table.org_whole(named, src.offset) or article.names.canonical(named, src.offset)
                speaker = (table.org_named(speaker) if speaker == named else None) or speaker
            elif src.kind == "description" and head[0].lower() in ORG_NOUNS:
                speaker = table.org_before(src.offset, head[0], src.mention or "")  # `the ministry said`: an organisation, never a person
            elif src.kind == "pronoun" and (going_on := _goes_on(article, q, src, out)):
                speaker = going_on
            elif src.kind == "description" and (aged := article.person_aged(src.mention or "", src.offset)):
                speaker = aged  # `said the 38-year-old`: the one the article gave that age
            elif src.kind == "pronoun" or (src.kind == "description" and head[0].lower() not in nominal_heads):
                speaker = resolver(article, src.offset, head[0], speakers)
            elif src.kind in ("nominal", "none") and (group := _group_of(article, src)):
                speaker = table.org_whole(group, src.offset) or group
            elif src.kind == "nominal":
                nominal_heads.add(head[0].lower())
            out.append(Attribution(quote=q, speaker=speaker, mention=src.mention, cue=src.cue, kind=src.kind))
        if out[-1].speaker:
            speakers.append(out[-1].speaker)
    return RulePass(article, sources, _echoed_in_body(table, out), table)


GOING_ON = frozenset({"add", "continue"})


def _goes_on(article: Article, q: Quote, src: Source, done: list[Attribution]) -> str | None:
    """`"...," she added.` right after a quotation: the one who goes on is the
    one who was speaking, when the pronoun fits them (`"I know they raped me."
    She added: "..."`, with another woman named inside the quotation)."""
    verb = article.doc[article.token_at(src.offset)].head
    if not done or verb._.lemma.lower() not in GOING_ON:
        return None
    prev = done[-1]
    if prev.speaker is None or name_problems(prev.speaker) or prev.quote.paragraph < q.paragraph - 1 or q.start - prev.quote.end > 200:
        return None  # nobody was speaking, or a passage of narration came between
    if any(prev.quote.end <= ent.start_char < q.start and not article.inside[ent.start] for ent in article.people):
        return None  # someone named in between may be the one meant
    return prev.speaker if article.agrees(prev.speaker, PERSONAL_PRONOUNS.get(src.mention.lower())) else None


def _group_of(article: Article, src: Source) -> str | None:
    """The organisation a group speaks for (`analysts at Boston Consulting
    Group wrote`, `all 21 Montana Freedom Caucus members demanded`, `UPS
    corporate communications said`): its name, when the phrase gives it.
    One unnamed person (`a company spokesperson`, `an official at the
    ministry`) stays unnamed, and so does a group with no name (`prison officials`)."""
    head = article.doc[article.token_at(src.offset)]
    if head.lower_ not in SPEAKING_GROUPS:
        return None
    attached = [c for c in head.children if c.dep_ in ("compound", "nmod", "poss")]  # `UPS corporate communications`, UPS an nmod
    attached += [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("at", "from", "of") for o in p.children if o.dep_ == "pobj"]
    orgs = {ent.text for ent in article.ents if ent.label_ == "ORG"}
    for tok in attached:
        ent = article.ent_of.get(tok.i)
        if ent is not None and ent.label_ == "ORG" and (name := article.name_at(ent[-1])):
            return name
        if ent is None and tok.pos_ == "PROPN" and tok.text in orgs:
            return tok.text  # untagged here, an organisation where the article names it elsewhere
    return None


HEAD = 2  # paragraphs of headline and standfirst


def _echoed_in_body(table: ArticleMentions, answers: list[Attribution]) -> list[Attribution]:
    """A quotation in the headline or standfirst is usually an excerpt of one
    the body attributes (`... ‘a horrible idea,’ advisor says` over `that's a
    horrible idea," said Lee Baker`): it takes that quotation's speaker."""
    out = list(answers)
    for i, a in enumerate(answers):
        words = _plain(a.quote.text)
        if table.quote_paragraphs[i] >= HEAD or len(words) < 2 or (a.kind == "named" and a.speaker):
            continue
        echo = next((b for j, b in enumerate(answers) if table.quote_paragraphs[j] >= HEAD and b.speaker
                     and f" {' '.join(words)} " in f" {' '.join(_plain(b.quote.text))} "), None)
        named_here = [n for n in table.named_in.get(0, []) if table.kind.get(n) == "person"] if table.quote_paragraphs[i] == 0 else []
        if echo is not None and named_here and echo.speaker not in named_here:
            # `Sarah Silverman heckles Sanders supporters: 'You're being ridiculous.'` over Al Franken's `..., you're
            # being ridiculous`: the headline's own person said it, not the one whose words it echoes
            out[i] = dataclasses.replace(a, speaker=named_here[0], kind="echo")
            continue
        if echo is not None:
            out[i] = dataclasses.replace(a, speaker=echo.speaker, kind="echo")
    return out


def _plain(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


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
