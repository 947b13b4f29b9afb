"""Attribution: who said each quote, read from spaCy's parse and entities.

Two passes over one article:

1. The rules (`rule_pass`): each quotation's source phrase, from the first of
   `sources.SOURCE_RULES` that finds one (a speech cue's subject, a label or
   colon, a dash signature, a partial quote's verb, a reporting sentence, a
   headline), read as a name, a pronoun, a description or an unnamed source
   by the first of `speaker_rules.SPEAKER_RULES` that answers (names made
   canonical within the article, pronouns resolved by the ranker, descriptions
   of organisations to the organisation); continued paragraphs and headline
   echoes given the speaker they continue or echo.
2. The decision (`attribute`): the learned model (`model.py`) scores every
   candidate (`candidates.py`, described by `features.py`) and `decide.py`
   picks one, with a calibrated confidence. Without a shipped model the rules'
   answers stand, with no confidence.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from quotes import ranker
from quotes.attribute import features, model
from quotes.attribute.candidates import ArticleMentions
from quotes.attribute.decide import decide
from quotes.attribute.layout import opens_before_colon
from quotes.attribute.narration import narrated_subject
from quotes.folding import fold
from quotes.attribute.sources import Article
from quotes.attribute.speaker_rules import Reading, Resolver, reading_of
from quotes.cues import PERSONAL_PRONOUNS
from quotes.mentions import Source
from quotes.records import Attribution, Quote
from quotes.roles import with_roles

OPENING_MARKS = {"", '"', "“", "”", "'", "‘", "’", "«", "„", "''", "``"}


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
    sources = article.laid_out(quotes, [article.find_source(q) for q in quotes])  # a Q&A's turns, the headline
    _share_within_groups(quotes, sources)
    reading = Reading(article, table, resolver)
    out = reading.done
    for i, (q, src) in enumerate(zip(quotes, sources)):
        if src is None:
            out.append(_without_cue(q, i, quotes, reading))
        else:
            found = reading_of(reading, q, src)
            out.append(Attribution(quote=q, speaker=found.speaker, mention=src.mention, cue=src.cue, kind=found.kind or src.kind))
        if out[-1].speaker:
            reading.speakers.append(out[-1].speaker)
    return RulePass(article, sources, _echoed_in_body(table, out), table)


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
        # the body's quotation of the same words, in any later paragraph (a lede has no standfirst before it)
        echo = next((b for j, b in enumerate(answers) if table.quote_paragraphs[j] > table.quote_paragraphs[i] and b.speaker
                     and f" {' '.join(words)} " in f" {' '.join(_plain(b.quote.text))} "), None)
        labels = opens_before_colon(table.m.text, a.quote)  # `‘...’: Tributes pour in for X`: X is not who said it
        named_here = [n for n in table.named_in.get(0, []) if table.kind.get(n) == "person"] if table.quote_paragraphs[i] == 0 and not labels else []
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


def _without_cue(q: Quote, i: int, quotes: list[Quote], reading: Reading) -> Attribution:
    """A quote with no cue of its own takes the speaker the narration just
    before it is about (`She pauses. "..."`, quotes.attribute.narration), else
    the speaker of an earlier quote of its paragraph (`"...," it read.
    "However, ..."`), or, when it opens its paragraph, of the quote just
    before (a continued quotation)."""
    done, text = reading.done, reading.article.text
    if (narrated := _narrated(q, reading)) is not None:
        return Attribution(quote=q, speaker=narrated, mention=None, cue=None, kind="continuation")
    for j in range(i - 1, -1, -1):
        if quotes[j].paragraph == q.paragraph and done[j].cue is not None:
            return _continuing(q, done[j])
    para_start = text.rfind("\n", 0, q.start) + 1
    if done and text[para_start : q.start].strip() in OPENING_MARKS:
        prev = done[-1]
        if prev.quote.paragraph >= q.paragraph - 2 and prev.speaker:
            return _continuing(q, prev)
    return Attribution(quote=q, speaker=None, kind="none")


def _narrated(q: Quote, reading: Reading) -> str | None:
    """The person the sentence before a lone quotation is about, by name or pronoun."""
    m = reading.article
    subject = narrated_subject(m, q.start, reading.done[-1].quote.end if reading.done else 0)
    if subject is None:
        return None
    if PERSONAL_PRONOUNS.get(subject.lower_):
        meant = reading.resolver(m, subject.idx, subject.text, reading.speakers)
        return meant if reading.table.type_of(meant) != "org" else None
    person = m.person_at(subject)
    return person[1] if person else None


def _continuing(q: Quote, prev: Attribution) -> Attribution:
    return Attribution(quote=q, speaker=prev.speaker, mention=prev.mention, cue=prev.cue, kind="continuation")
