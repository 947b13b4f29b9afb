"""Who a pronoun source means, chosen by a learned ranker over candidates.

The rule in `Mentions.recent_person` takes the nearest person named as a
subject; it is wrong when the antecedent is an object, a possessive, or further
back. No fixed order fixes that (each tried order broke about as many as it
fixed), so every person named near the pronoun becomes a candidate described by
a few features (distance, grammatical role, gender, whether they spoke last,
how often the article names them, whether the rule picks them) and a
conditional logistic model, learned from PolNeAR-train by
`bench/train_ranker.py`, weighs them. The weights ship as `ranker.json`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from quotes.cues import PERSONAL_PRONOUNS, is_cue
from quotes.mentions import SUBJECTS, Mentions, reported, role, subordinate

WEIGHTS = Path(__file__).with_name("ranker.json")
REACH = 250  # tokens before the pronoun's sentence searched for candidates
ROLES = ("nsubj", "nsubjpass", "poss", "pobj", "dobj", "appos", "compound", "conj")


@dataclass
class Candidate:
    """One person a pronoun may mean, with the features the model weighs."""

    name: str
    features: dict[str, float] = field(default_factory=dict)


def candidates(m: Mentions, offset: int, pronoun: str, speakers: list[str], rule: str | None) -> list[Candidate]:
    """Every person named in the pronoun's sentence before it, in the REACH
    tokens before that, or among the speakers so far: one candidate per
    canonical name, described by its nearest mention."""
    doc = m.doc
    want = PERSONAL_PRONOUNS.get(pronoun.lower())
    tok_i = m.token_at(offset)
    sent_no = m.sent_of[tok_i]
    para = m.text.rfind("\n", 0, offset)
    found: dict[str, Candidate] = {}
    subjects_seen = 0
    for t in reversed(doc[max(0, m.sent(tok_i).start - REACH) : tok_i]):
        if not m.is_person(t) or (person := m.person_at(t)) is None:
            continue
        _, canonical = person
        r = role(t)
        clean_subject = r.dep_ in SUBJECTS and not m.inside[t.i] and not reported(r) and not subordinate(r.head)
        if canonical in found:
            cand = found[canonical]
            cand.features["mentions_near"] += 1
            if clean_subject and not cand.features.get("any_clean_subject"):
                cand.features["any_clean_subject"] = 1
            continue
        f = {
            "mentions_near": 1,
            "log_distance": math.log1p(tok_i - t.i),
            "rank": min(len(found), 5),
            "same_sentence": float(m.sent_of[t.i] == sent_no),
            "previous_sentence": float(m.sent_of[t.i] == sent_no - 1),
            "sentences_back": min(sent_no - m.sent_of[t.i], 6),
            "same_paragraph": float(t.idx > para),
            "in_quote": float(m.inside[t.i]),
            "clean_subject": float(clean_subject),
            "any_clean_subject": float(clean_subject),
            "first_clean_subject": float(clean_subject and subjects_seen == 0),
            "reported_subject": float(r.dep_ in SUBJECTS and reported(r)),
            "subordinate_subject": float(r.dep_ in SUBJECTS and subordinate(r.head)),
            "person_entity": float(t.ent_type_ == "PERSON"),
            "cue_subject": float(r.dep_ in SUBJECTS and is_cue(r.head)),
            "main_clause_subject": float(r.dep_ in SUBJECTS and r.head.dep_ == "ROOT"),
        }
        f["subject_here"] = f["clean_subject"] * (f["same_sentence"] + f["previous_sentence"])
        f["subject_paragraph"] = f["clean_subject"] * f["same_paragraph"]
        for dep in ROLES:
            f["dep_" + dep] = float(t.dep_ == dep)
        subjects_seen += clean_subject
        found[canonical] = Candidate(canonical, f)
    for cand in found.values():
        cand.features["log_mentions_near"] = math.log(cand.features.pop("mentions_near"))
    for name in [*reversed(speakers[-10:]), rule]:  # people quoted before but not named nearby
        if name and name not in found:
            found[name] = Candidate(name, {"not_near": 1.0})
    for cand in found.values():
        f = cand.features
        gender = m.names.gender(cand.name)
        f["gender_agrees"] = float(want is not None and gender == want)
        f["gender_clashes"] = float(want is not None and gender is not None and gender != want)
        f["gender_clashes_last_speaker"] = f["gender_clashes"] * float(bool(speakers) and speakers[-1] == cand.name)
        f["last_speaker"] = float(bool(speakers) and speakers[-1] == cand.name)
        f["speaker_before"] = float(cand.name in speakers)
        f["speakers_ago"] = float(min(speakers[::-1].index(cand.name), 5)) if cand.name in speakers else 6.0
        f["times_quoted"] = math.log1p(speakers.count(cand.name))
        f["article_mentions"] = math.log1p(m.mention_count(cand.name))
        f["one_word"] = float(len(cand.name.split()) == 1)
        f["known_gender"] = float(gender is not None)
        f["rule_pick"] = float(cand.name == rule)
    # a pronoun of the other gender is someone else: only the last speaker may clash (a guess from the
    # given name can be wrong), unless the article itself says otherwise (`Field told me that she ...`)
    return [c for c in found.values() if not c.features["gender_clashes"]
            or (c.features["last_speaker"] and m.names.told_gender(c.name) in (None, want))]


def choose(cands: list[Candidate], weights: dict[str, float]) -> str | None:
    """The candidate with the highest score, or None when there is none."""
    if not cands:
        return None
    return max(cands, key=lambda c: sum(weights.get(k, 0.0) * v for k, v in c.features.items())).name


@lru_cache(maxsize=1)
def shipped_weights() -> dict[str, float] | None:
    """The weights learned by bench/train_ranker.py, or None when switched off."""
    if not WEIGHTS.exists():
        return None
    data = json.loads(WEIGHTS.read_text())
    return data["weights"] if data.get("enabled") else None


def resolve(m: Mentions, offset: int, pronoun: str, speakers: list[str], weights: dict[str, float] | None) -> str | None:
    """The person a pronoun at `offset` means: the rule's answer, re-ranked by
    the learned weights when there are any."""
    rule = m.recent_person(offset, pronoun, speakers)
    if weights is None:
        return rule
    want = PERSONAL_PRONOUNS.get(pronoun.lower())
    if rule is not None and want is not None and m.names.told_gender(rule) not in (None, want):
        rule = None  # `Mr Whitfield ... "...," she said`: the article says he is not her
    return choose(candidates(m, offset, pronoun, speakers, rule), weights) or rule

