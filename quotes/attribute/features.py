"""What the model knows about one candidate speaker of one quotation.

Each feature is a number; `FEATURES` fixes their order in the model's input.
Three groups: what the rules concluded (their pick, which rule fired, what kind
of source phrase it read), where and how the article names the candidate
(distance, role, salience, inside the quotation or not), and the layout of the
quotation (does it open its paragraph, who spoke the quotations around it).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from collections import Counter

import numpy as np

from quotes.attribute.candidates import ArticleMentions
from quotes.attribute.sources import SOURCE_RULES
from quotes.cues import ORG_NOUNS, PERSONAL_PRONOUNS
from quotes.mentions import Source
from quotes.records import Attribution, Quote

KINDS = ("named", "pronoun", "description", "continuation", "echo", "nominal", "none")
ROLES = ("nsubj", "pobj", "dobj", "poss", "appos", "conj", "compound")  # of the nearest mention before
FAR = 20  # sentences: further than this counts as this far

FEATURES = (
    "is_null", "rule_pick", "rule_null", *(f"kind_{k}" for k in KINDS), *(f"rule_{r}" for r in SOURCE_RULES),
    "no_source", "prev_speaker", "next_speaker", "prev2_speaker", "times_quoted", "article_mentions",
    "article_rank", "top_person", "mentions_paragraph", "mentions_prev_paragraph", "mentions_window",
    "nearest_before", "nearest_after", "named_in_quote", "only_in_quotes", "cue_subject_near",
    "subject_paragraph", "subject_before", "introduced_rank", "in_headline", "is_org", "one_word",
    "gender_agrees", "gender_clashes", "description_fits", "org_description", "opens_paragraph",
    "whole_paragraph", "quote_words", "paragraph_no", "first_quote", "mentions_after_paragraph",
    "article_quotes", "article_quote_share", "spoke_prev_paragraph", "spoke_this_paragraph",
    "pronoun_org", "window_rank", "last_subject_before", "last_named_before", "paragraphs_since_spoke",
    *(f"nearest_{d}" for d in ROLES), "subjects_window",
)
INDEX = {name: n for n, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class Spoken:
    """Who the rules say spoke where in one article, counted once for all its quotations."""

    quoted: Counter  # speaker -> quotations
    at: dict[str, list[int]]  # speaker -> the indices of their quotations, in order
    in_paragraph: dict[int, Counter]  # paragraph -> speaker -> quotations

    @classmethod
    def of(cls, table: ArticleMentions, rules: list[Attribution]) -> Spoken:
        at: dict[str, list[int]] = {}
        in_paragraph: dict[int, Counter] = {}
        for j, a in enumerate(rules):
            if a.speaker:
                at.setdefault(a.speaker, []).append(j)
                in_paragraph.setdefault(table.quote_paragraphs[j], Counter())[a.speaker] += 1
        return cls(Counter(a.speaker for a in rules if a.speaker), at, in_paragraph)


def matrix(
    table: ArticleMentions, quotes: list[Quote], rules: list[Attribution], sources: list[Source | None], i: int,
    names: list[str | None], spoken: Spoken,
) -> np.ndarray:
    """One row of FEATURES per candidate name of quotation `i` (None: no named speaker)."""
    q, rule, source = quotes[i], rules[i], sources[i]
    m = table.m
    p = table.quote_paragraphs[i]
    q_tok = m.token_at(q.start)
    q_sent = m.sent_of[q_tok]
    lo = m.text.rfind("\n", 0, q.start) + 1
    hi = m.text.find("\n", q.end)
    hi = len(m.text) if hi == -1 else hi
    shared = np.zeros(len(FEATURES))
    shared[INDEX["rule_null"]] = rule.speaker is None
    kind = rule.kind if rule.kind in KINDS else "none"
    shared[INDEX[f"kind_{kind}"]] = 1
    if source is not None and source.rule:
        shared[INDEX[f"rule_{source.rule}"]] = 1
    shared[INDEX["no_source"]] = source is None
    shared[INDEX["opens_paragraph"]] = m.text[lo : q.start].strip(" \"“”‘’'«»„") == ""
    shared[INDEX["whole_paragraph"]] = len(m.text[lo:hi].strip()) <= len(q.text) + 4
    shared[INDEX["quote_words"]] = math.log1p(len(q.text.split()))
    shared[INDEX["paragraph_no"]] = min(p, 10)
    shared[INDEX["first_quote"]] = i == 0
    want = PERSONAL_PRONOUNS.get((rule.mention or "").lower()) if kind == "pronoun" else None
    head = (rule.mention or "").split()[-1:] or [""]
    head_word = head[0].lower()
    quoted = spoken.quoted
    n_quoted = sum(quoted.values())
    here = spoken.in_paragraph.get(p, Counter()).copy()
    if rule.speaker:
        here[rule.speaker] -= 1  # the other quotations of its paragraph
    before_here = spoken.in_paragraph.get(p - 1, Counter())
    window = sum((table.per_paragraph.get(k, Counter()) for k in range(p - 3, p + 1)), Counter())
    window_rank = {name: n for n, (name, _) in enumerate(window.most_common())}
    narrated = table.narrated[max(0, bisect.bisect_left(table.narrated_tokens, q_tok) - 30) : bisect.bisect_left(table.narrated_tokens, q_tok)]
    last_subject = next((x.name for x in reversed(narrated) if x.subject), None)
    last_named = narrated[-1].name if narrated else None
    rows = np.tile(shared, (len(names), 1))
    for r, name in enumerate(names):
        row = rows[r]
        if name is None:
            row[INDEX["is_null"]] = 1
            continue
        mentions = table.by_name.get(name, [])
        outside = [x for x in mentions if not x.in_quote]
        row[INDEX["rule_pick"]] = name == rule.speaker
        row[INDEX["window_rank"]] = min(window_rank.get(name, 6), 6)
        row[INDEX["last_subject_before"]] = name == last_subject
        row[INDEX["last_named_before"]] = name == last_named
        spoke = spoken.at.get(name, [])
        earlier = bisect.bisect_left(spoke, i)  # quotations of theirs before this one
        row[INDEX["paragraphs_since_spoke"]] = min(p - table.quote_paragraphs[spoke[earlier - 1]], 10) if earlier else 11
        row[INDEX["prev_speaker"]] = i > 0 and rules[i - 1].speaker == name
        row[INDEX["prev2_speaker"]] = i > 1 and rules[i - 2].speaker == name
        row[INDEX["next_speaker"]] = i + 1 < len(rules) and rules[i + 1].speaker == name
        row[INDEX["times_quoted"]] = math.log1p(earlier)
        row[INDEX["article_quotes"]] = math.log1p(quoted[name])
        row[INDEX["article_quote_share"]] = quoted[name] / n_quoted if n_quoted else 0.0
        row[INDEX["spoke_this_paragraph"]] = here[name] > 0
        row[INDEX["spoke_prev_paragraph"]] = not here[name] > 0 and before_here[name] > 0
        row[INDEX["article_mentions"]] = math.log1p(len(mentions))
        rank = table.ranked.index(name) if name in table.ranked else 6
        row[INDEX["article_rank"]] = min(rank, 6)
        row[INDEX["top_person"]] = rank == 0
        # the mentions outside quotations, read in one pass (a candidate is named up to a few dozen times)
        in_paragraph = in_prev = in_after = in_window = subjects_window = 0
        before, after, last = [], [], None
        cue_subject_near = subject_paragraph = subject_before = False
        for x in outside:
            in_paragraph += x.paragraph == p
            in_prev += x.paragraph == p - 1
            in_after += x.paragraph == p + 1
            window_here = p - 3 <= x.paragraph <= p
            in_window += window_here
            subjects_window += x.subject and window_here
            if x.token < q_tok:
                before.append(q_sent - x.sent)
                last = x  # the nearest before the quotation
                subject_before = subject_before or (x.subject and 0 <= q_sent - x.sent <= 3)
            else:
                after.append(x.sent - q_sent)
            cue_subject_near = cue_subject_near or (x.cue_subject and abs(x.sent - q_sent) <= 1)
            subject_paragraph = subject_paragraph or (x.subject and x.paragraph == p)
        row[INDEX["mentions_paragraph"]] = in_paragraph
        row[INDEX["mentions_prev_paragraph"]] = in_prev
        row[INDEX["mentions_after_paragraph"]] = in_after
        row[INDEX["mentions_window"]] = in_window
        row[INDEX["nearest_before"]] = min([FAR, *before])
        if last is not None and last.dep in ROLES:
            row[INDEX[f"nearest_{last.dep}"]] = 1
        row[INDEX["subjects_window"]] = subjects_window
        row[INDEX["nearest_after"]] = min([FAR, *after])
        row[INDEX["named_in_quote"]] = any(q.start <= m.starts[x.token] < q.end for x in mentions)
        row[INDEX["only_in_quotes"]] = bool(mentions) and not outside
        row[INDEX["cue_subject_near"]] = cue_subject_near
        row[INDEX["subject_paragraph"]] = subject_paragraph
        row[INDEX["subject_before"]] = subject_before
        row[INDEX["introduced_rank"]] = min(table.introduced.get(name, 10), 10)
        row[INDEX["in_headline"]] = any(x.paragraph == 0 for x in mentions)
        is_org = table.kind.get(name) == "org"
        row[INDEX["is_org"]] = is_org
        row[INDEX["one_word"]] = len(name.split()) == 1
        row[INDEX["pronoun_org"]] = want is not None and is_org
        if want is not None and not is_org:
            gender = m.names.gender(name)
            row[INDEX["gender_agrees"]] = gender == want
            row[INDEX["gender_clashes"]] = gender is not None and gender != want
        if kind == "description":
            row[INDEX["description_fits"]] = head_word in name.lower().split()
            row[INDEX["org_description"]] = head_word in ORG_NOUNS and is_org
    return rows

