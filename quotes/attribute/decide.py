"""The decision: each quotation's speaker is its best-scored candidate.

The rules' answer is kept (with the phrase and cue they read) when the model
agrees with it; when it does not, the model's pick replaces the speaker and
the rules' source phrase stays as what the article wrote. Confidence is the
calibrated chance that the pick is right.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from quotes.attribute.candidates import ArticleMentions
from quotes.attribute.confidence import standing
from quotes.attribute.model import Margins, Model
from quotes.records import Attribution


def pick(names: list[str | None], score: np.ndarray, rule_speaker: str | None, margins: Margins) -> int:
    """The index of the chosen candidate."""
    best = int(np.argmax(score))
    if names[best] is None and rule_speaker is not None:  # overruling a name with none needs a clear lead
        named = [n for n, name in enumerate(names) if name is not None]
        runner = max(named, key=lambda n: score[n], default=None)
        if runner is not None and score[best] - score[runner] < margins.null:
            best = runner
    rule_at = names.index(rule_speaker) if rule_speaker in names else None
    if rule_at is not None and best != rule_at and score[best] - score[rule_at] < margins.rule:
        best = rule_at
    return best


def decide(
    table: ArticleMentions,
    rules: list[Attribution],
    names: list[list[str | None]],
    rows: list[np.ndarray],
    scores: list[np.ndarray],
    model: Model,
) -> list[Attribution]:
    picks = [pick(cands, score, rule.speaker, model.margins) for rule, cands, score in zip(rules, names, scores)]
    sure = model.confidence(np.array([standing(r, s, best) for r, s, best in zip(rows, scores, picks)]))
    out = []
    for rule, cands, best, p in zip(rules, names, picks, sure):
        speaker = cands[best]
        kind = rule.kind if speaker == rule.speaker else ("inferred" if speaker else "unnamed")
        out.append(
            dataclasses.replace(
                rule,
                speaker=speaker,
                kind=kind,
                speaker_type=table.type_of(speaker),
                confidence=round(float(p), 3),
            )
        )
    return out
